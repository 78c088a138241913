import { sql, type Kysely } from 'kysely';

/** One row: the pair state the last match run left for the next (delta) run. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE match_state (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      run_id int NOT NULL REFERENCES match_run(id),
      model_version int NOT NULL REFERENCES match_model(version),
      evidence_cut double precision NOT NULL,
      mentions int NOT NULL,
      pairs int NOT NULL,
      record_keys text NOT NULL,
      fingerprints bytea NOT NULL,
      pair_a bytea NOT NULL,
      pair_b bytea NOT NULL,
      evidence bytea NOT NULL,
      kind bytea NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS match_state`.execute(db);
}
