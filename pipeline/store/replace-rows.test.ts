import { sql } from 'kysely';
import { createTestStore, STORE_MODES, type TestStore } from '../../test/support/stores.js';
import { replaceRows } from './replace-rows.js';

describe.each(STORE_MODES)('replaceRows (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
    await sql`create table replace_probe (k text primary key, v text not null, n int, unique (v, n))`.execute(t.store.db);
    await sql`create index replace_probe_n_idx on replace_probe (n) where n > 0`.execute(t.store.db);
    await sql`insert into replace_probe values ('a', 'x', 1), ('b', 'y', 2)`.execute(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const indexes = async (): Promise<string[]> => {
    const { rows } = await sql<{ def: string }>`
      select pg_get_indexdef(indexrelid) as def from pg_index where indrelid = 'replace_probe'::regclass order by 1`.execute(t.store.db);
    return rows.map((r) => r.def);
  };

  it('replaces every row and leaves the keys and indexes as they were', async () => {
    const before = await indexes();
    expect(before).toHaveLength(3);
    await t.store.transaction((tx) => replaceRows(tx, 'replace_probe', ['k', 'v', 'n'], 'b,z,2\nc,x,1\n'));
    const { rows } = await sql<{ k: string; v: string; n: number }>`select k, v, n from replace_probe order by k`.execute(t.store.db);
    expect(rows).toEqual([
      { k: 'b', v: 'z', n: 2 },
      { k: 'c', v: 'x', n: 1 },
    ]);
    expect(await indexes()).toEqual(before);
    await expect(sql`insert into replace_probe values ('c', 'q', 9)`.execute(t.store.db)).rejects.toThrow(/duplicate key/);
  });

  it('fails on rows breaking a key, and the rollback keeps the old rows and indexes', async () => {
    const before = await indexes();
    await expect(t.store.transaction((tx) => replaceRows(tx, 'replace_probe', ['k', 'v', 'n'], 'd,w,1\nd,w,2\n'))).rejects.toThrow();
    const { rows } = await sql<{ k: string }>`select k from replace_probe order by k`.execute(t.store.db);
    expect(rows.map((r) => r.k)).toEqual(['b', 'c']);
    expect(await indexes()).toEqual(before);
  });

  it('empties the table when given no rows', async () => {
    await t.store.transaction((tx) => replaceRows(tx, 'replace_probe', ['k', 'v', 'n'], ''));
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from replace_probe`.execute(t.store.db);
    expect(rows[0]!.n).toBe(0);
  });
});
