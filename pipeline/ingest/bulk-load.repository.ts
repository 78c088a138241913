import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

/**
 * Bulk loading: when an extract brings as much as a table already holds (a first load, or a
 * table that is small next to the extract), keeping every index up to date row by row costs
 * several times what the rows themselves cost. Inside the extract's transaction the table is
 * locked, its indexes are dropped, the rows written, and the indexes built again from their
 * definitions (CREATE INDEX sorts once). DDL is transactional: a crash or error rolls the
 * drops back with the rows, and the store is left exactly as it was.
 *
 * The lock is ACCESS EXCLUSIVE until the extract commits: readers of that table wait for the
 * load instead of reading the table as it was. It is taken before anything else in the
 * transaction touches the table (no lock upgrade, so two loads cannot deadlock on it).
 */

export type BulkLoadOption = 'auto' | 'always' | 'never';

/** Below this many bytes added, rebuilding indexes costs more than it saves. */
export const BULK_LOAD_MIN_BYTES = 1 << 20;

/** Rebuild when the table holds at most this many times the bytes the extract adds. */
const BULK_LOAD_MAX_RATIO = 2;

/** Heap bytes of a table (or temporary table) visible on the search path; 0 when it does not exist. */
export async function relationBytes(db: Kysely<Database>, table: string): Promise<number> {
  // pg_relation_size releases its lock at once: deciding does not lock the table for the transaction.
  const { rows } = await sql<{ bytes: string | number | null }>`
    SELECT pg_relation_size(to_regclass(${table})) AS bytes`.execute(db);
  return Number(rows[0]?.bytes ?? 0);
}

export function worthBulkLoad(option: BulkLoadOption, storedBytes: number, addedBytes: number): boolean {
  if (option === 'always') return true;
  if (option === 'never') return false;
  return addedBytes >= BULK_LOAD_MIN_BYTES && storedBytes <= BULK_LOAD_MAX_RATIO * addedBytes;
}

interface IndexRow {
  index_name: string;
  index_def: string;
  constraint_name: string | null;
  constraint_def: string | null;
  is_unique: boolean;
  columns: string[];
}

/** A dropped index and the statement that builds it again. */
interface DroppedIndex {
  rebuild: string;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export type IndexFilter = (index: { unique: boolean; columns: readonly string[] }) => boolean;

/**
 * Locks `table`, drops its indexes (constraint indexes through their constraint) and returns a
 * function that builds them again. Indexes a foreign key depends on are kept, and so, when the
 * table holds rows (checked under the lock), are those `keepWhenRows` names (e.g. the unique key
 * an upsert's ON CONFLICT needs).
 */
export async function dropIndexesForBulkLoad(
  db: Kysely<Database>,
  table: string,
  keepWhenRows: IndexFilter = () => false,
): Promise<() => Promise<void>> {
  await sql.raw(`LOCK TABLE ${quoteIdent(table)} IN ACCESS EXCLUSIVE MODE`).execute(db);
  const { rows: held } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM ${sql.table(table)}) AS found`.execute(db);
  const keep: IndexFilter = held[0]?.found === true ? keepWhenRows : () => false;
  const { rows } = await sql<IndexRow>`
    SELECT i.indexrelid::regclass::text AS index_name,
           pg_get_indexdef(i.indexrelid) AS index_def,
           c.conname AS constraint_name,
           pg_get_constraintdef(c.oid) AS constraint_def,
           i.indisunique AS is_unique,
           ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                 ORDER BY k.n) AS columns
    FROM pg_index i
    LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
    WHERE i.indrelid = to_regclass(${table})
      AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
      AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = i.indexrelid AND x.contype NOT IN ('p', 'u'))
    ORDER BY i.indexrelid::regclass::text`.execute(db);
  const dropped: DroppedIndex[] = [];
  for (const row of rows) {
    if (keep({ unique: row.is_unique, columns: row.columns })) continue;
    if (row.constraint_name !== null && row.constraint_def !== null) {
      await sql.raw(`ALTER TABLE ${quoteIdent(table)} DROP CONSTRAINT ${quoteIdent(row.constraint_name)}`).execute(db);
      dropped.push({
        rebuild: `ALTER TABLE ${quoteIdent(table)} ADD CONSTRAINT ${quoteIdent(row.constraint_name)} ${row.constraint_def}`,
      });
    } else {
      await sql.raw(`DROP INDEX ${row.index_name}`).execute(db);
      dropped.push({ rebuild: row.index_def });
    }
  }
  return async () => {
    for (const index of dropped) await sql.raw(index.rebuild).execute(db);
  };
}
