import { sql } from 'kysely';
import { createTestStore, STORE_MODES, type TestStore } from '../../test/support/stores.js';
import { mergeRows } from './merge-rows.js';

const COLUMNS = { key: ['k'], values: ['v'], stamp: ['stamp'] };

describe.each(STORE_MODES)('merge rows (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
    await sql`CREATE TABLE merge_test (k text PRIMARY KEY, v double precision NOT NULL, stamp int NOT NULL)`.execute(
      t.store.db,
    );
  });
  afterAll(async () => {
    await t.drop();
  });

  const merge = (rows: [string, number][], stamp: number) =>
    t.store.transaction((tx) =>
      mergeRows(
        tx,
        'merge_test',
        COLUMNS,
        rows.map(([k, v]) => `${k},${v},${stamp}\n`).join(''),
        rows.length,
      ),
    );
  const stored = async () =>
    (
      await sql<{
        k: string;
        v: number;
        stamp: number;
      }>`SELECT k, v, stamp FROM merge_test ORDER BY k`.execute(t.store.db)
    ).rows.map((r) => `${r.k}=${r.v}@${r.stamp}`);

  it('writes every row into an empty table', async () => {
    const rows = Array.from({ length: 10 }, (_, i): [string, number] => [`k${i}`, i / 3]);
    expect(await merge(rows, 1)).toBe(10);
    expect(await stored()).toHaveLength(10);
  });

  it('leaves unchanged rows with their stamp, replaces changed ones, deletes gone ones and adds new ones', async () => {
    // k0 changed, k9 gone, k10 new; the rest (1/3 as stored: exactly the same double) unchanged.
    const rows = Array.from({ length: 9 }, (_, i): [string, number] => [
      `k${i}`,
      i === 0 ? 5 : i / 3,
    ]);
    rows.push(['k10', 7]);
    expect(await merge(rows, 2)).toBe(2);
    const after = await stored();
    expect(after).toHaveLength(10);
    expect(after).toContain('k0=5@2');
    expect(after).toContain('k10=7@2');
    expect(after).toContain(`k1=${1 / 3}@1`);
    expect(after.some((r) => r.startsWith('k9='))).toBe(false);
  });

  it('replaces the whole table when most rows change, with the same result', async () => {
    const rows = Array.from({ length: 10 }, (_, i): [string, number] => [`k${i}`, 100 + i]);
    expect(await merge(rows, 3)).toBe(10);
    expect(await stored()).toEqual(rows.map(([k, v]) => `${k}=${v}@3`).sort());
  });

  it('empties the table when no rows come', async () => {
    expect(await merge([], 4)).toBe(0);
    expect(await stored()).toEqual([]);
  });
});
