import { sql, type Kysely } from 'kysely';

/**
 * Users (deny by default: a trawl needs a registered user), the append-only audit log, and the
 * indexes a trawl's look-ups use (co-residence by tenancy, UPRN and postcode; subjects by date of
 * birth and surname; incidents by event).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE app_user (
      name text PRIMARY KEY CHECK (length(name) > 0),
      role text NOT NULL CHECK (role IN ('analyst', 'coordinator', 'admin')),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE audit_entry (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      action text NOT NULL CHECK (action IN ('trawl', 'summary', 'file', 'user_add')),
      outcome text NOT NULL,
      reason text,
      actor text NOT NULL,
      actor_role text,
      purpose text,
      lawful_basis text,
      consent text,
      query text,
      subject_person_id text,
      member_person_ids text[] NOT NULL DEFAULT '{}',
      sources_included text[] NOT NULL DEFAULT '{}',
      sources_withheld text[] NOT NULL DEFAULT '{}',
      detail jsonb NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX audit_entry_at_idx ON audit_entry (at)`.execute(db);
  await sql`
    CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'AUDIT_APPEND_ONLY: audit_entry refuses %', TG_OP USING ERRCODE = 'insufficient_privilege';
    END
    $$`.execute(db);
  await sql`
    CREATE TRIGGER audit_entry_no_update_delete
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`.execute(db);
  await sql`
    CREATE TRIGGER audit_entry_no_truncate
    BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only()`.execute(db);

  await sql`CREATE INDEX residence_place_idx ON residence (place_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX residence_uprn_idx ON residence (uprn) WHERE is_current`.execute(db);
  await sql`CREATE INDEX residence_postcode_idx ON residence (postcode) WHERE is_current`.execute(db);
  await sql`CREATE INDEX event_place_idx ON event (place_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX event_party_event_idx ON event_party (event_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX involvement_place_idx ON involvement (place_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX involvement_event_idx ON involvement (event_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX mention_dob_idx ON mention (dob) WHERE is_current`.execute(db);
  await sql`CREATE INDEX mention_surname_idx ON mention (lower(surname)) WHERE is_current`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [
    'residence_place_idx', 'residence_uprn_idx', 'residence_postcode_idx', 'event_place_idx', 'event_party_event_idx',
    'involvement_place_idx', 'involvement_event_idx', 'mention_dob_idx', 'mention_surname_idx',
  ]) {
    await sql.raw(`DROP INDEX IF EXISTS ${index}`).execute(db);
  }
  await sql`DROP TABLE IF EXISTS audit_entry`.execute(db);
  await sql`DROP FUNCTION IF EXISTS audit_entry_append_only()`.execute(db);
  await sql`DROP TABLE IF EXISTS app_user`.execute(db);
}
