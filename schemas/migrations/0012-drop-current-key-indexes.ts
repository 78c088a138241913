import { sql, type Kysely } from 'kysely';

/**
 * `<table>_current_idx` (natural_key WHERE is_current) repeats the leading column of the
 * (natural_key, content_hash) unique key every versioned table has. Lookups by key use that key
 * instead with `is_current` as a filter over the key's few versions (EXPLAIN on the family,
 * links and re-pointing queries: the same index condition), while ingest no longer maintains or
 * rebuilds a second index on the longest column (measured on a 200k-row pupils load: 0.2 to
 * 0.7 s per table).
 */
const VERSIONED_TABLES = ['mention', 'residence', 'place', 'event', 'event_party', 'involvement', 'relationship'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) await sql.raw(`DROP INDEX IF EXISTS ${table}_current_idx`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED_TABLES) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS ${table}_current_idx ON ${table} (natural_key) WHERE is_current`).execute(db);
  }
}
