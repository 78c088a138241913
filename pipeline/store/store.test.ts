import { sql } from 'kysely';
import { createTestStore, STORE_MODES, type TestStore } from '../../test/support/stores.js';
import { openPGliteStore } from './pglite.store.js';

describe.each(STORE_MODES)('store (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('returns dates as YYYY-MM-DD strings, int8 as numbers, timestamps as ISO', async () => {
    const { rows } = await sql<{ d: string; n: number; ts: string }>`
      select date '2020-06-01' as d, 9007199254740::int8 as n,
             timestamptz '2026-06-01 12:00:00+01' as ts`.execute(t.store.db);
    expect(rows[0]).toEqual({ d: '2020-06-01', n: 9007199254740, ts: '2026-06-01T11:00:00.000Z' });
  });

  it('creates the staging tables', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables
      where table_schema = 'public' order by table_name`.execute(t.store.db);
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['extract', 'extract_file', 'raw_row', 'quarantine', 'mention', 'residence', 'event', 'involvement', 'relationship', 'event_party', 'place']),
    );
  });

  it('copies CSV inside a transaction and rolls it back on error', async () => {
    await sql`create table copy_probe (a text, b int)`.execute(t.store.db);
    await t.store.transaction(async (tx) => {
      await tx.copyCsv('copy_probe', ['a', 'b'], '"x,1",1\n,2\n');
    });
    await expect(
      t.store.transaction(async (tx) => {
        await tx.copyCsv('copy_probe', ['a', 'b'], '"y",3\n');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const { rows } = await sql<{ a: string | null; b: number }>`select a, b from copy_probe order by b`.execute(t.store.db);
    expect(rows).toEqual([{ a: 'x,1', b: 1 }, { a: null, b: 2 }]);
  });
});

describe('PGlite data folder lock', () => {
  it('refuses a second open of the same folder', async () => {
    const t = await createTestStore('pglite');
    try {
      await expect(openPGliteStore(`${t.dataDir}/store`)).rejects.toThrow(/STORE_IN_USE/);
    } finally {
      await t.drop();
    }
  });
});
