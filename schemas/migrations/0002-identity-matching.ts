import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE match_model (
      version serial PRIMARY KEY,
      trained_at timestamptz NOT NULL DEFAULT now(),
      mentions int NOT NULL,
      model jsonb NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE match_run (
      id serial PRIMARY KEY,
      mode text NOT NULL CHECK (mode IN ('full', 'incremental')),
      model_version int NOT NULL REFERENCES match_model(version),
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      report jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  // A counter row, not a sequence: it rolls back with a failed match run, so a crash mid-write
  // hands out the same person ids again and the result equals one clean run.
  await sql`CREATE TABLE person_id_counter (one boolean PRIMARY KEY DEFAULT true CHECK (one), issued int NOT NULL)`.execute(db);
  await sql`INSERT INTO person_id_counter (issued) VALUES (0)`.execute(db);
  await sql`
    CREATE TABLE person_mention (
      record_key text PRIMARY KEY,
      person_id text NOT NULL,
      run_id int NOT NULL REFERENCES match_run(id)
    )`.execute(db);
  await sql`CREATE INDEX person_mention_person_idx ON person_mention (person_id)`.execute(db);
  await sql`
    CREATE TABLE match_link (
      a text NOT NULL,
      b text NOT NULL,
      weight double precision NOT NULL,
      probability double precision NOT NULL,
      reason text NOT NULL,
      run_id int NOT NULL REFERENCES match_run(id),
      PRIMARY KEY (a, b)
    )`.execute(db);
  await sql`
    CREATE TABLE match_review (
      a text NOT NULL,
      b text NOT NULL,
      weight double precision NOT NULL,
      probability double precision NOT NULL,
      reason text NOT NULL,
      run_id int NOT NULL REFERENCES match_run(id),
      PRIMARY KEY (a, b),
      CHECK (a < b)
    )`.execute(db);
  await sql`
    CREATE TABLE match_decision (
      a text NOT NULL,
      b text NOT NULL,
      decision text NOT NULL CHECK (decision IN ('accept', 'reject')),
      decided_by text NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (a, b),
      CHECK (a < b)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['match_decision', 'match_review', 'match_link', 'person_mention', 'match_run', 'match_model']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS person_id_counter`.execute(db);
}
