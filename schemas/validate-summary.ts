/**
 * Checks a value against the published family summary JSON Schema
 * (`family-summary.schema.json`), then the cross-references a schema cannot express: every
 * person id used is a member, the subject is a member, a member's flag codes have a flag.
 * Messages name paths and ids, never personal data.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import type { FamilySummary } from './summary.schema.js';

export type SummaryValidation = { ok: true } | { ok: false; errors: string[] };

export const FAMILY_SUMMARY_SCHEMA: Readonly<Record<string, unknown>> = JSON.parse(
  readFileSync(new URL('./family-summary.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateShape = ajv.compile<FamilySummary>(FAMILY_SUMMARY_SCHEMA);

function describe(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  const extra =
    error.keyword === 'additionalProperties'
      ? ` '${String((error.params as { additionalProperty?: unknown }).additionalProperty)}'`
      : error.keyword === 'enum'
        ? ` (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
        : '';
  return `${where} ${error.message ?? error.keyword}${extra}`;
}

function crossReferences(summary: FamilySummary): string[] {
  const errors: string[] = [];
  const memberIds = new Set<string>();
  summary.members.forEach((member, i) => {
    if (memberIds.has(member.personId)) errors.push(`/members/${i}/personId duplicate person id ${member.personId}`);
    memberIds.add(member.personId);
  });
  const known = (id: string, path: string): void => {
    if (!memberIds.has(id)) errors.push(`${path} person id ${id} is not a member`);
  };
  known(summary.subject.personId, '/subject/personId');
  summary.relationships.forEach((r, i) => {
    known(r.from, `/relationships/${i}/from`);
    known(r.to, `/relationships/${i}/to`);
  });
  summary.timeline.forEach((t, i) => known(t.personId, `/timeline/${i}/personId`));
  summary.flags.forEach((f, i) => known(f.personId, `/flags/${i}/personId`));
  summary.practitioners.forEach((p, i) => p.personIds.forEach((id, j) => known(id, `/practitioners/${i}/personIds/${j}`)));
  summary.members.forEach((member, i) => {
    member.flags.forEach((code, j) => {
      if (!summary.flags.some((f) => f.code === code && f.personId === member.personId)) {
        errors.push(`/members/${i}/flags/${j} flag ${code} has no entry in flags for person id ${member.personId}`);
      }
    });
  });
  if (summary.window.from > summary.window.to) errors.push('/window from is after to');
  const withheld = new Set(summary.sources.withheld.map((w) => w.source));
  summary.sources.included.forEach((s, i) => {
    if (withheld.has(s)) errors.push(`/sources/included/${i} source ${s} is both included and withheld`);
  });
  summary.timeline.forEach((t, i) => {
    if (!summary.sources.included.includes(t.source)) errors.push(`/timeline/${i}/source ${t.source} is not an included source`);
  });
  summary.practitioners.forEach((p, i) => {
    if (!summary.sources.included.includes(p.agency)) errors.push(`/practitioners/${i}/agency ${p.agency} is not an included source`);
  });
  return errors;
}

/** Validates `x` as a FamilySummary: the JSON Schema first, then the cross-references. */
export function validateSummary(x: unknown): SummaryValidation {
  if (!validateShape(x)) {
    return { ok: false, errors: (validateShape.errors ?? []).map(describe) };
  }
  const errors = crossReferences(x);
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Type guard form of `validateSummary`. */
export function isFamilySummary(x: unknown): x is FamilySummary {
  return validateSummary(x).ok;
}
