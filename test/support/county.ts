import fs from 'node:fs';
import path from 'node:path';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import type { Store } from '../../pipeline/store/store.js';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import { ROOT } from './run-cli.js';

export const COUNTY = path.join(ROOT, 'fixtures', 'county');

export function readCsvObjects(file: string): Record<string, string>[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const columns = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
}

/** record key -> true person, from the bundled county's ground truth. */
export function countyTruth(): Map<string, string> {
  return new Map(readCsvObjects(path.join(COUNTY, 'truth', 'mentions.csv')).map((r) => [r['record_key']!, r['person_id']!]));
}

/** Loads the bundled county, one full extract per source, in the given source order. */
export async function loadCounty(store: Store, order: readonly Source[] = SOURCES): Promise<void> {
  for (const source of order) {
    await ingestExtract(store, {
      source,
      folder: path.join(COUNTY, source),
      extractDate: '2026-11-01',
      mode: 'full',
      encoding: 'utf-8',
    });
  }
}
