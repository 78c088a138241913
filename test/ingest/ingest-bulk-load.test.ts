import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { BulkLoadOption } from '../../pipeline/ingest/bulk-load.repository.js';
import type { ExtractEncoding } from '../../pipeline/ingest/csv-rows.js';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import type { Store } from '../../pipeline/store/store.js';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import type { Database } from '../../schemas/database.js';
import { COUNTY } from '../support/county.js';
import { writeSocialCareExtract } from '../support/extract-folder.js';
import { ROOT } from '../support/run-cli.js';
import { snapshotStore } from '../support/snapshot.js';
import { createTestStore, STORE_MODES, type TestStore } from '../support/stores.js';

const MALFORMED: { source: Source; folder: string; encoding: ExtractEncoding }[] = [
  { source: 'health', folder: 'stray-quote', encoding: 'utf-8' },
  { source: 'education', folder: 'windows-1252', encoding: 'windows-1252' },
  { source: 'housing', folder: 'crlf-line-endings', encoding: 'utf-8' },
  { source: 'health', folder: 'field-count', encoding: 'utf-8' },
];

const ALICE = 'P1,Ashdown,Alice,,2015-03-04,F,9434765919,,1 Mill Lane,le11ab,100023';
const BEN = 'P2,Ashdown,Ben,,14/07/2017,M,,,1 Mill Lane,LE1 1AB,100023';
const EPISODE_OPEN = 'E1,P1,CIN_PLAN,2024-01-10,,,Sam Worker,SOCIAL_WORKER,North Team,0116 000 0000,sam@council.example';
const EPISODE_CLOSED = 'E1,P1,CIN_PLAN,2024-01-10,2024-09-30,,Sam Worker,SOCIAL_WORKER,North Team,0116 000 0000,sam@council.example';


/** Index definitions of the store's tables, by name. */
async function indexes(db: Kysely<Database>): Promise<Record<string, string>> {
  const { rows } = await sql<{ name: string; def: string }>`
    SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.name, r.def]));
}

/** First loads, malformed deltas, then updates, withdrawals and a late extract onto tables that hold rows. */
async function loadSeries(store: Store, bulkLoad: BulkLoadOption): Promise<unknown[]> {
  const reports: unknown[] = [];
  const load = async (source: Source, folder: string, extractDate: string, mode: 'full' | 'delta', encoding: ExtractEncoding = 'utf-8') => {
    const report = await ingestExtract(store, { source, folder, extractDate, mode, encoding, bulkLoad });
    reports.push({ ...report, extractId: 0 });
  };
  for (const source of SOURCES) await load(source, path.join(COUNTY, source), '2026-11-01', 'full');
  for (const c of MALFORMED) await load(c.source, path.join(ROOT, 'fixtures', 'malformed', c.folder), '2026-11-02', 'delta', c.encoding);
  await load('social_care', writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]), '2026-12-01', 'full');
  await load('social_care', writeSocialCareExtract([ALICE, BEN, BEN], [EPISODE_CLOSED]), '2026-12-02', 'delta');
  await load('social_care', writeSocialCareExtract([ALICE], [EPISODE_CLOSED]), '2026-12-03', 'full');
  await load('social_care', writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]), '2026-11-15', 'full');
  return reports;
}

describe.each(STORE_MODES)('bulk loading with indexes dropped and rebuilt (%s)', (mode) => {
  it('stores exactly what loading with indexes in place stores, and leaves the same indexes', async () => {
    const bulk = await createTestStore(mode);
    const indexed = await createTestStore(mode);
    try {
      const before = await indexes(bulk.store.db);
      expect(Object.keys(before).length).toBeGreaterThan(20);
      const bulkReports = await loadSeries(bulk.store, 'always');
      const indexedReports = await loadSeries(indexed.store, 'never');
      expect(bulkReports).toEqual(indexedReports);
      expect(await snapshotStore(bulk.store.db)).toEqual(await snapshotStore(indexed.store.db));
      expect(await indexes(bulk.store.db)).toEqual(before);
      expect(await indexes(indexed.store.db)).toEqual(before);
    } finally {
      await bulk.drop();
      await indexed.drop();
    }
  }, 240_000);

  it('rolls the dropped indexes back with the rows when the load fails', async () => {
    const t: TestStore = await createTestStore(mode);
    try {
      await ingestExtract(t.store, { source: 'police', folder: path.join(COUNTY, 'police'), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8', bulkLoad: 'always' });
      const before = { indexes: await indexes(t.store.db), snapshot: await snapshotStore(t.store.db) };
      const failing: Store = {
        ...t.store,
        transaction: (work) =>
          t.store.transaction(async (tx) => {
            await work(tx);
            throw new Error('FAIL_AFTER_WORK');
          }),
      };
      await expect(
        ingestExtract(failing, { source: 'education', folder: path.join(COUNTY, 'education'), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8', bulkLoad: 'always' }),
      ).rejects.toThrow('FAIL_AFTER_WORK');
      expect(await indexes(t.store.db)).toEqual(before.indexes);
      expect(await snapshotStore(t.store.db)).toEqual(before.snapshot);
    } finally {
      await t.drop();
    }
  }, 120_000);
});
