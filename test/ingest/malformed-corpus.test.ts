import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import type { ExtractEncoding } from '../../pipeline/ingest/csv-rows.js';
import type { Source } from '../../schemas/canonical.js';
import { createTestStore, resetStore, STORE_MODES, type TestStore } from '../support/stores.js';
import { ROOT } from '../support/run-cli.js';

interface Issue {
  line: number;
  column: string;
  reason: string;
}
type Expected =
  | { rejected: true; column: string }
  | { rows: number; loaded: number; quarantined: number; quarantine: Issue[]; warnings: Issue[] };
interface Case {
  name: string;
  source: Source;
  folder: string;
  encoding: ExtractEncoding;
  files: Record<string, Expected>;
}

const CORPUS = path.join(ROOT, 'fixtures', 'malformed');
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as { cases: Case[] };

describe.each(STORE_MODES)('the malformed corpus (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
  });
  beforeEach(async () => {
    await resetStore(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it.each(manifest.cases.map((c) => [c.name, c] as const))('%s: every row loads or is quarantined as the manifest says', async (_name, c) => {
    const report = await ingestExtract(t.store, {
      source: c.source,
      folder: path.join(CORPUS, c.folder),
      extractDate: '2026-11-01',
      mode: 'delta',
      encoding: c.encoding,
    });
    for (const [file, expected] of Object.entries(c.files)) {
      const got = report.files.find((f) => f.file === file);
      expect(got).toBeDefined();
      if ('rejected' in expected) {
        expect(got).toMatchObject({ status: 'rejected', rejectColumn: expected.column, rejectReason: 'MISSING_REQUIRED_COLUMN' });
        continue;
      }
      expect({ rows: got!.rowsRead, loaded: got!.loaded + got!.duplicate, quarantined: got!.quarantined }).toEqual({
        rows: expected.rows,
        loaded: expected.loaded,
        quarantined: expected.quarantined,
      });
      const issues = async (table: 'quarantine' | 'row_warning') =>
        (
          await sql<Issue>`SELECT line, column_name AS "column", reason FROM ${sql.table(table)}
                           WHERE extract_id = ${report.extractId} AND file = ${file} ORDER BY line, column_name, reason`.execute(t.store.db)
        ).rows;
      const byLine = (a: Issue, b: Issue) => a.line - b.line || a.column.localeCompare(b.column) || a.reason.localeCompare(b.reason);
      expect(await issues('quarantine')).toEqual([...expected.quarantine].sort(byLine));
      expect(await issues('row_warning')).toEqual([...expected.warnings].sort(byLine));
      // Nothing unaccounted for: every data row is kept raw, loaded or quarantined.
      const raw = await sql<{ n: number }>`SELECT count(*)::int AS n FROM raw_row WHERE extract_id = ${report.extractId} AND file = ${file}`.execute(t.store.db);
      expect(raw.rows[0]!.n).toBe(expected.rows);
    }
  });
});
