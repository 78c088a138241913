import { sql, type Kysely } from 'kysely';

/**
 * Trawls as queued work, hub meetings, the summaries kept for booked families, and the packs
 * printed for them.
 *
 * - `trawl_request`: what an analyst asked (the subject query may hold a name: it stays here,
 *   the queue carries only this row's id) and how it ended.
 * - `hub_meeting` / `meeting_family`: families booked onto a locality hub's meeting, each on the
 *   terms (purpose, consent, lawful basis, who booked) its summary is built under; the
 *   `checked_*` columns record what the last build saw, so the overnight run rebuilds only
 *   families whose members changed.
 * - `family_summary`: summary versions (a new one only when the content changed).
 * - `meeting_pack` / `pack_family`: each pack printed, and which summary version each family
 *   had in it, so the next pack can say what changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE trawl_request (
      id bigserial PRIMARY KEY,
      actor text NOT NULL,
      purpose text NOT NULL,
      consent text NOT NULL,
      lawful_basis text,
      subject jsonb NOT NULL,
      window_from date,
      window_to date,
      format text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      outcome jsonb
    )`.execute(db);
  await sql`
    CREATE TABLE hub_meeting (
      id bigserial PRIMARY KEY,
      hub text NOT NULL CHECK (length(hub) > 0),
      meeting_date date NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (hub, meeting_date)
    )`.execute(db);
  await sql`CREATE INDEX hub_meeting_date_idx ON hub_meeting (meeting_date)`.execute(db);
  await sql`
    CREATE TABLE meeting_family (
      id bigserial PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES hub_meeting(id),
      subject_key text NOT NULL,
      purpose text NOT NULL,
      consent text NOT NULL,
      lawful_basis text,
      booked_by text NOT NULL,
      booked_at timestamptz NOT NULL DEFAULT now(),
      last_outcome text,
      checked_extract_id bigint,
      membership_digest text,
      member_person_ids text[] NOT NULL DEFAULT '{}',
      checked_at timestamptz,
      checked_request_id bigint,
      UNIQUE (meeting_id, subject_key)
    )`.execute(db);
  await sql`CREATE INDEX meeting_family_members_idx ON meeting_family USING gin (member_person_ids)`.execute(db);
  await sql`
    CREATE TABLE family_summary (
      id bigserial PRIMARY KEY,
      meeting_family_id bigint REFERENCES meeting_family(id),
      trawl_request_id bigint REFERENCES trawl_request(id),
      version int NOT NULL,
      subject_person_id text NOT NULL,
      content_hash text NOT NULL,
      summary jsonb NOT NULL,
      html text,
      built_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((meeting_family_id IS NULL) <> (trawl_request_id IS NULL)),
      UNIQUE (meeting_family_id, version),
      UNIQUE (trawl_request_id)
    )`.execute(db);
  await sql`
    CREATE TABLE meeting_pack (
      id bigserial PRIMARY KEY,
      meeting_id bigint NOT NULL REFERENCES hub_meeting(id),
      request_id bigint NOT NULL,
      file text NOT NULL,
      families int NOT NULL,
      built_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (meeting_id, request_id)
    )`.execute(db);
  await sql`
    CREATE TABLE pack_family (
      pack_id bigint NOT NULL REFERENCES meeting_pack(id),
      meeting_family_id bigint NOT NULL REFERENCES meeting_family(id),
      subject_key text NOT NULL,
      family_summary_id bigint REFERENCES family_summary(id),
      PRIMARY KEY (pack_id, meeting_family_id)
    )`.execute(db);
  await sql`CREATE INDEX pack_family_subject_idx ON pack_family (subject_key, pack_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['pack_family', 'meeting_pack', 'family_summary', 'meeting_family', 'hub_meeting', 'trawl_request']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table}`).execute(db);
  }
}
