/**
 * The data sharing agreement (DSA): roles, purposes and the sources each purpose may search.
 * The defaults live in `data-sharing-agreement.json` beside this file; `MASH_DSA_FILE` names
 * another file of the same shape. Read once, checked, frozen. Errors name the file and the
 * path inside it, never a value.
 */
import { readFileSync } from 'node:fs';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import { CONSENTS, PURPOSES, USER_ROLES, type Consent, type Purpose, type UserRole } from '../../schemas/summary.schema.js';

export type SourceInclusion = 'always' | 'never' | 'conditional';

export interface SourceRule {
  include: SourceInclusion;
  /** Conditional: searched when the consent is one of these... */
  consents: readonly Consent[];
  /** ...or the lawful basis matches one of these (case-insensitive). */
  lawfulBasisPatterns: readonly RegExp[];
  /** Only these event types are searched (null: all). */
  eventTypes: readonly string[] | null;
  withheldReason: string | null;
  note: string | null;
}

export interface PurposeProfile {
  description: string;
  requiresLawfulBasis: boolean;
  sources: Readonly<Record<Source, SourceRule>>;
}

export interface DataSharingAgreement {
  version: string;
  file: string;
  roles: Readonly<Record<UserRole, { purposes: readonly Purpose[] }>>;
  purposes: Readonly<Record<Purpose, PurposeProfile>>;
}

export class DataSharingAgreementError extends Error {
  constructor(file: string, where: string, reason: string) {
    super(`DSA_INVALID: ${file} ${where}: ${reason}`);
    this.name = 'DataSharingAgreementError';
  }
}

export const DEFAULT_DSA_FILE = new URL('./data-sharing-agreement.json', import.meta.url).pathname;

type Json = Record<string, unknown>;

function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function stringList(x: unknown, fail: (reason: string) => never): string[] {
  if (x === undefined) return [];
  if (!Array.isArray(x) || !x.every((v) => typeof v === 'string')) fail('expected a list of strings');
  return x;
}

function parseSourceRule(raw: unknown, fail: (reason: string) => never): SourceRule {
  if (!isObject(raw)) fail('expected an object');
  const include = raw['include'];
  if (include !== 'always' && include !== 'never' && include !== 'conditional') fail("include must be 'always', 'never' or 'conditional'");
  const consents = stringList(raw['consents'], fail);
  for (const c of consents) if (!(CONSENTS as readonly string[]).includes(c)) fail('unknown consent');
  const patterns = stringList(raw['lawfulBasisPatterns'], fail).map((p) => {
    try {
      return new RegExp(p, 'i');
    } catch {
      return fail('invalid lawful basis pattern');
    }
  });
  const eventTypes = raw['eventTypes'] === undefined ? null : stringList(raw['eventTypes'], fail);
  const text = (key: string): string | null => {
    const v = raw[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string' || v.length === 0) fail(`${key} must be text`);
    return v;
  };
  return Object.freeze({
    include,
    consents: Object.freeze(consents as Consent[]),
    lawfulBasisPatterns: Object.freeze(patterns),
    eventTypes: eventTypes === null ? null : Object.freeze(eventTypes),
    withheldReason: text('withheldReason'),
    note: text('note'),
  });
}

/** Checks a parsed DSA document; `file` only names it in errors. */
export function parseDataSharingAgreement(raw: unknown, file: string): DataSharingAgreement {
  const failAt = (where: string) => (reason: string): never => {
    throw new DataSharingAgreementError(file, where, reason);
  };
  if (!isObject(raw)) failAt('(root)')('expected an object');
  const doc = raw as Json;
  const version = typeof doc['version'] === 'string' ? doc['version'] : failAt('version')('expected text');
  const rolesRaw = doc['roles'];
  if (!isObject(rolesRaw)) failAt('roles')('expected an object');
  const roles = {} as Record<UserRole, { purposes: readonly Purpose[] }>;
  for (const role of USER_ROLES) {
    const entry = (rolesRaw as Json)[role];
    const fail = failAt(`roles.${role}`);
    if (!isObject(entry)) fail('missing');
    const purposes = stringList((entry as Json)['purposes'], fail);
    for (const p of purposes) if (!(PURPOSES as readonly string[]).includes(p)) fail('unknown purpose');
    roles[role] = Object.freeze({ purposes: Object.freeze(purposes as Purpose[]) });
  }
  const purposesRaw = doc['purposes'];
  if (!isObject(purposesRaw)) failAt('purposes')('expected an object');
  const purposes = {} as Record<Purpose, PurposeProfile>;
  for (const purpose of PURPOSES) {
    const entry = (purposesRaw as Json)[purpose];
    const fail = failAt(`purposes.${purpose}`);
    if (!isObject(entry)) fail('missing');
    const e = entry as Json;
    const sourcesRaw = e['sources'];
    if (!isObject(sourcesRaw)) fail('sources: expected an object');
    const sources = {} as Record<Source, SourceRule>;
    for (const source of SOURCES) {
      const rule = (sourcesRaw as Json)[source];
      // A source the agreement does not list is never searched (deny by default).
      sources[source] =
        rule === undefined
          ? parseSourceRule({ include: 'never', withheldReason: 'Not listed in the data sharing agreement for this purpose' }, fail)
          : parseSourceRule(rule, failAt(`purposes.${purpose}.sources.${source}`));
    }
    purposes[purpose] = Object.freeze({
      description: typeof e['description'] === 'string' ? e['description'] : purpose,
      requiresLawfulBasis: e['requiresLawfulBasis'] === true,
      sources: Object.freeze(sources),
    });
  }
  return Object.freeze({ version, file, roles: Object.freeze(roles), purposes: Object.freeze(purposes) });
}

const cache = new Map<string, DataSharingAgreement>();

/** The DSA in force: `MASH_DSA_FILE` when set, else the bundled default. Read once per file. */
export function loadDataSharingAgreement(env: NodeJS.ProcessEnv = process.env): DataSharingAgreement {
  const file = env['MASH_DSA_FILE']?.trim() || DEFAULT_DSA_FILE;
  const cached = cache.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DataSharingAgreementError('MASH_DSA_FILE', '(file)', 'cannot be read');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataSharingAgreementError(file, '(root)', 'is not JSON');
  }
  const dsa = parseDataSharingAgreement(raw, file);
  cache.set(file, dsa);
  return dsa;
}
