/**
 * `mash demo`'s last step: a family summary (JSON, HTML, PDF) for each scenario family of the
 * bundled fixtures, trawled as a registered demo analyst for the MASH purpose with written
 * consent, every file recorded in the audit log.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { personIdsOfKeys } from '../family/family.repository.js';
import { renderSummary } from './summary-output.js';
import { OUTPUT_FORMATS } from './trawl-request.js';
import { auditFileWritten, runTrawl } from './trawl.service.js';
import { upsertUser } from './user.repository.js';

export const DEMO_USER = 'demo-analyst';
export const DEMO_LAWFUL_BASIS = 'Demonstration on made-up data: section 47 enquiry, Children Act 1989';

export interface ScenarioSubject {
  scenario: string;
  recordKeys: string[];
}

/** `truth/scenarios.json` -> each scenario's subject record keys. */
export function readScenarioSubjects(file: string): ScenarioSubject[] {
  if (!fs.existsSync(file)) return [];
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { subject?: { record_keys?: unknown } }>;
  return Object.entries(raw).flatMap(([scenario, s]) => {
    const keys = s.subject?.record_keys;
    return Array.isArray(keys) && keys.every((k) => typeof k === 'string') && keys.length > 0
      ? [{ scenario, recordKeys: keys }]
      : [];
  });
}

/** The subject key whose person holds most of the subject's record keys (the best-linked one). */
export async function bestSubjectKey(db: Kysely<Database>, recordKeys: readonly string[]): Promise<string | null> {
  const personOf = await personIdsOfKeys(db, recordKeys);
  const counts = new Map<string, number>();
  for (const p of personOf.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const key of recordKeys) {
    const p = personOf.get(key);
    const n = p === undefined ? 0 : (counts.get(p) ?? 0);
    if (n > bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

export interface DemoSummaryFile {
  scenario: string;
  personId: string;
  files: string[];
}

export async function writeDemoSummaries(
  db: Kysely<Database>,
  options: { scenariosFile: string; outDir: string; now?: Date },
): Promise<DemoSummaryFile[]> {
  await upsertUser(db, DEMO_USER, 'analyst');
  fs.mkdirSync(options.outDir, { recursive: true });
  const written: DemoSummaryFile[] = [];
  for (const { scenario, recordKeys } of readScenarioSubjects(options.scenariosFile)) {
    const recordKey = await bestSubjectKey(db, recordKeys);
    if (recordKey === null) continue;
    const result = await runTrawl(db, {
      actor: DEMO_USER, purpose: 'mash', consent: 'written', lawfulBasis: DEMO_LAWFUL_BASIS, subject: { recordKey }, format: 'json',
      ...(options.now === undefined ? {} : { now: options.now }),
    });
    if (result.kind !== 'summary') continue;
    const files: string[] = [];
    for (const format of OUTPUT_FORMATS) {
      const file = path.join(options.outDir, `${scenario}-${result.summary.subject.personId}.${format}`);
      fs.writeFileSync(file, await renderSummary(result.summary, format));
      await auditFileWritten(db, result.summary, { path: file, format });
      files.push(file);
    }
    written.push({ scenario, personId: result.summary.subject.personId, files });
  }
  return written;
}
