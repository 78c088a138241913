import { sql, type RawBuilder } from 'kysely';
import type { StoreTx } from './store.js';
import { replaceRows } from './replace-rows.js';

/** Above this share of the table's rows gone or new, the whole table is replaced instead. */
const REWRITE_SHARE = 0.5;

export interface MergeColumns {
  /** The table's key. */
  key: readonly string[];
  /** Compared: a row whose key and these values are unchanged is left as it is. */
  values: readonly string[];
  /** Written with new and changed rows only (the run that set the row). */
  stamp: readonly string[];
}

const refs = (names: readonly string[], alias?: string): RawBuilder<unknown> =>
  sql.join(names.map((c) => sql.ref(alias === undefined ? c : `${alias}.${c}`)));

const each = (
  names: readonly string[],
  term: (c: string) => RawBuilder<unknown>,
  separator: string,
): RawBuilder<unknown> => sql.join(names.map(term), sql.raw(separator));

/**
 * `table` := the rows of `csv` (COPY CSV of key, values and stamp columns, in that order), in the
 * caller's transaction, as a difference computed by the database: unchanged rows stay as they
 * are (with their stamp), rows gone or changed are deleted, new and changed rows inserted. The
 * stored rows are never read into this process (a county's 700,000 links and 1.1M person rows,
 * read and compared here, were the peak of a delta run's memory). When most rows change, or none
 * are stored, the table is replaced whole (replace-rows.ts), which is cheaper. Returns the rows
 * written.
 */
export async function mergeRows(
  tx: StoreTx,
  table: string,
  columns: MergeColumns,
  csv: string,
  rowCount: number,
): Promise<number> {
  const all = [...columns.key, ...columns.values, ...columns.stamp];
  const target = sql.table(table);
  const { rows: stored } = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${target}`.execute(tx.db);
  const storedRows = stored[0]?.n ?? 0;
  if (storedRows === 0) {
    if (rowCount > 0) await replaceRows(tx, table, all, csv);
    return rowCount;
  }
  const incomingName = `incoming_${table}`;
  const incoming = sql.table(incomingName);
  const changes = sql.table(`changes_${table}`);
  await sql`CREATE TEMP TABLE ${incoming} ON COMMIT DROP AS SELECT ${refs(all)} FROM ${target} WITH NO DATA`.execute(
    tx.db,
  );
  if (rowCount > 0) await tx.copyCsv(incomingName, all, csv);
  await sql`ANALYZE ${incoming}`.execute(tx.db);
  // One join finds every difference: a stored row without its equal among the incoming (gone or
  // changed: its key as old_*), an incoming row without its equal stored (new or changed).
  const first = columns.key[0] as string;
  await sql`
    CREATE TEMP TABLE ${changes} ON COMMIT DROP AS
    SELECT ${each(columns.key, (c) => sql`${sql.ref(`t.${c}`)} AS ${sql.ref(`old_${c}`)}`, ', ')}, ${refs(all, 'n')}
    FROM ${target} t FULL JOIN ${incoming} n ON ${each(columns.key, (c) => sql`${sql.ref(`t.${c}`)} = ${sql.ref(`n.${c}`)}`, ' AND ')}
    WHERE ${sql.ref(`t.${first}`)} IS NULL OR ${sql.ref(`n.${first}`)} IS NULL
       OR ${each(columns.values, (c) => sql`${sql.ref(`t.${c}`)} IS DISTINCT FROM ${sql.ref(`n.${c}`)}`, ' OR ')}`.execute(
    tx.db,
  );
  const { rows: counts } = await sql<{ gone: number; fresh: number }>`
    SELECT count(${sql.ref(`old_${first}`)})::int AS gone, count(${sql.ref(first)})::int AS fresh FROM ${changes}`.execute(
    tx.db,
  );
  const { gone, fresh } = counts[0] ?? { gone: 0, fresh: 0 };
  const replace = gone + fresh > REWRITE_SHARE * storedRows;
  if (replace) await replaceRows(tx, table, all, csv);
  else {
    if (gone > 0) {
      const goneKey = each(
        columns.key,
        (c) => sql`${sql.ref(`t.${c}`)} = ${sql.ref(`c.old_${c}`)}`,
        ' AND ',
      );
      await sql`DELETE FROM ${target} t USING ${changes} c WHERE ${goneKey}`.execute(tx.db);
    }
    if (fresh > 0)
      await sql`INSERT INTO ${target} (${refs(all)}) SELECT ${refs(all)} FROM ${changes} WHERE ${sql.ref(first)} IS NOT NULL`.execute(
        tx.db,
      );
  }
  await sql`DROP TABLE ${changes}, ${incoming}`.execute(tx.db);
  return replace ? rowCount : fresh;
}
