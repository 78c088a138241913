import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

/** Tables whose content defines "the store's state" after loading. */
const TABLES: Record<string, string> = {
  extract: 'source, mode, extract_date, checksum, encoding, status',
  extract_file: 'file, status, header, rows_read, loaded, duplicate, quarantined, warnings, reject_reason, reject_column',
  raw_row: 'file, line, row_hash, data',
  quarantine: 'file, line, column_name, reason',
  row_warning: 'file, line, column_name, reason',
  mention: 'natural_key, content_hash, file, line, as_of, last_seen_date, is_current, withdrawn_extract_id IS NULL',
  residence: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
  place: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
  event: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
  event_party: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
  involvement: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
  relationship: 'natural_key, content_hash, file, line, is_current, withdrawn_extract_id IS NULL',
};

/** Row count and a digest of every table's content (ids and load times left out). */
export async function snapshotStore(db: Kysely<Database>): Promise<Record<string, { rows: number; digest: string }>> {
  const out: Record<string, { rows: number; digest: string }> = {};
  for (const [table, columns] of Object.entries(TABLES)) {
    const { rows } = await sql<{ rows: number; digest: string | null }>`
      SELECT count(*)::int AS rows, md5(string_agg(r, E'\n' ORDER BY r)) AS digest
      FROM (SELECT ROW(${sql.raw(columns)})::text AS r FROM ${sql.table(table)}) t`.execute(db);
    out[table] = { rows: rows[0]!.rows, digest: rows[0]!.digest ?? '' };
  }
  return out;
}
