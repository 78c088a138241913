import { sql } from 'kysely';
import { createTestStore, STORE_MODES, type TestStore } from '../../test/support/stores.js';
import { CopyBatcher } from './copy-batcher.js';
import { copyLine, type CopyValue } from './copy-csv.js';

const ROWS: CopyValue[][] = [
  [1, 'plain', ['a', 'b'], { k: 'v' }, true],
  [2, '', [], {}, false],
  [3, null, ['with "quote"', 'back\\slash', 'comma,'], { q: 'say "hi"' }, null],
  [4, '  padded  ', ['Zoë'], { n: 1 }, true],
  [5, 'line\nbreak, "quoted"', ['x'], { a: [1, 2] }, false],
  [6, '\\.', [''], { e: '' }, true],
  [7, "O'Brien\r\nNguyễn", ['{brace}'], { u: 'Nguyễn' }, false],
];

describe.each(STORE_MODES)('COPY CSV encoding (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
    await sql`create table copy_values (id int, s text, a text[], j jsonb, b boolean)`.execute(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('round-trips nulls, empty strings, quotes, line breaks, arrays and JSON through COPY', async () => {
    const batcher = new CopyBatcher(1 << 20);
    for (const row of ROWS) batcher.add('copy_values', ['id', 's', 'a', 'j', 'b'], row);
    const [batch, ...rest] = batcher.takeAll();
    expect(rest).toEqual([]);
    expect(Buffer.from(batch!.data).toString('utf8')).toBe(ROWS.map(copyLine).join(''));
    await t.store.transaction((tx) => tx.copyCsv(batch!.table, batch!.columns, batch!.data));
    const { rows } = await sql<{ id: number; s: string | null; a: string[]; j: unknown; b: boolean | null }>`
      select id, s, a, j, b from copy_values order by id`.execute(t.store.db);
    expect(rows.map((r) => [r.id, r.s, r.a, r.j, r.b])).toEqual(ROWS);
  });
});
