import { sql, type Kysely } from 'kysely';

/**
 * Bulk loading: the per-row foreign-key checks from raw rows and versioned canonical rows to
 * `extract` cost ingest about a third of its merge time (two trigger calls per inserted row).
 * Ingest writes these rows in the same transaction that creates their extract, and extracts are
 * never deleted, so the reference holds by construction; the constraints are dropped.
 *
 * Each index costs every inserted version about as much as the heap write. `<table>_source_file_idx`
 * served only the withdrawal of a full extract, which visits every current row of its files anyway
 * (a sequential scan does that as well); no reader filters on (source, file). It is dropped.
 *
 * Row and content hashes are hex digests, only ever compared for equality with each other: under
 * the "C" collation their index entries compare as bytes, not through the locale (measured: the
 * raw_row hash index cost a third less to maintain).
 */
const VERSIONED_TABLES = ['mention', 'residence', 'place', 'event', 'event_party', 'involvement', 'relationship'] as const;
const EXTRACT_COLUMNS = ['extract_id', 'last_seen_extract_id', 'withdrawn_extract_id'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE raw_row DROP CONSTRAINT IF EXISTS raw_row_extract_id_fkey`.execute(db);
  await sql`ALTER TABLE raw_row ALTER COLUMN row_hash TYPE text COLLATE "C"`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`ALTER TABLE ${table} ALTER COLUMN content_hash TYPE text COLLATE "C"`).execute(db);
    for (const column of EXTRACT_COLUMNS) {
      await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_${column}_fkey`).execute(db);
    }
    await sql.raw(`DROP INDEX IF EXISTS ${table}_source_file_idx`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE raw_row ADD CONSTRAINT raw_row_extract_id_fkey FOREIGN KEY (extract_id) REFERENCES extract(id)`.execute(db);
  await sql`ALTER TABLE raw_row ALTER COLUMN row_hash TYPE text COLLATE "default"`.execute(db);
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`ALTER TABLE ${table} ALTER COLUMN content_hash TYPE text COLLATE "default"`).execute(db);
    for (const column of EXTRACT_COLUMNS) {
      await sql
        .raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_${column}_fkey FOREIGN KEY (${column}) REFERENCES extract(id)`)
        .execute(db);
    }
    await sql.raw(`CREATE INDEX ${table}_source_file_idx ON ${table} (source, file) WHERE is_current`).execute(db);
  }
}
