import { sql, type Kysely } from 'kysely';

/**
 * Work requested of the job system. PostgreSQL is the source of truth: a request is written
 * (in the same transaction as the work that creates it) before anything goes on a queue, so
 * losing Redis loses nothing that cannot be re-queued from here. Payloads hold ids, paths and
 * flags only, never personal data; errors are kept as codes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job_request (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      payload jsonb NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      last_error_code text,
      parent_id bigint REFERENCES job_request(id),
      seq int,
      external_key text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      enqueued_at timestamptz,
      started_at timestamptz,
      finished_at timestamptz,
      result jsonb
    )`.execute(db);
  await sql`CREATE INDEX job_request_open_idx ON job_request (status) WHERE status IN ('pending', 'running')`.execute(db);
  await sql`CREATE INDEX job_request_parent_idx ON job_request (parent_id, seq) WHERE parent_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX job_request_kind_idx ON job_request (kind, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS job_request`.execute(db);
}
