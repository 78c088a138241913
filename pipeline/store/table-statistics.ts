import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

export type TableName = Extract<keyof Database, string>;

/**
 * ANALYZE those of `tables` never analysed or changed by more than a tenth since. Without
 * statistics (a county just loaded, before autovacuum gets to it) the planner takes every table
 * for a thousand rows: it scans where it should use an index and nests loops over a million.
 */
export async function analyseStaleTables(db: Kysely<Database>, tables: readonly TableName[]): Promise<TableName[]> {
  const { rows } = await sql<{ name: string }>`
    SELECT relname AS name FROM pg_stat_user_tables
    WHERE relname = ANY(${[...tables]}::text[])
      AND ((last_analyze IS NULL AND last_autoanalyze IS NULL) OR n_mod_since_analyze > 0.1 * greatest(n_live_tup, 1000))
    ORDER BY relname`.execute(db);
  const stale = tables.filter((table) => rows.some((r) => r.name === table));
  if (stale.length > 0) await sql.raw(`ANALYZE ${stale.join(', ')}`).execute(db);
  return stale;
}
