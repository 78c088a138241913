import { sql, type Kysely } from 'kysely';

/**
 * The match result tables name the run that last wrote a row (`run_id`) without a foreign key:
 * the run's row is inserted in the same transaction as the rows, and runs are never deleted, so
 * the key only cost a trigger call per row. A full run rewrites 1.1M person rows and 0.7M links
 * at a county's size, and COPY spent most of its time there (measured: person_mention COPY of
 * 1.1M rows 3.9 s with the key, 1.1 s without).
 */
const TABLES = ['person_mention', 'match_link', 'match_review'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT IF EXISTS ${table}_run_id_fkey`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await sql.raw(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_run_id_fkey FOREIGN KEY (run_id) REFERENCES match_run(id)`).execute(db);
  }
}
