import { sql, type Kysely } from 'kysely';

/** Columns every versioned canonical table carries: natural key, content version, provenance. */
const VERSION_COLUMNS = `
  id bigserial PRIMARY KEY,
  natural_key text NOT NULL,
  content_hash text NOT NULL,
  source text NOT NULL,
  file text NOT NULL,
  extract_id int NOT NULL REFERENCES extract(id),
  line int NOT NULL,
  as_of date,
  last_seen_extract_id int NOT NULL REFERENCES extract(id),
  last_seen_date date NOT NULL,
  is_current boolean NOT NULL DEFAULT false,
  withdrawn_extract_id int REFERENCES extract(id)`;

const CANONICAL_TABLES: Record<string, string> = {
  mention: `
    surname text, forename text, middle_names text,
    previous_names text[] NOT NULL DEFAULT '{}', aliases text[] NOT NULL DEFAULT '{}',
    dob date, sex text NOT NULL,
    nhs_number text, nhs_number_valid boolean, upn text, upn_valid boolean,
    former_upn text, former_upn_valid boolean, pnc_id text,
    address text, postcode text, postcode_valid boolean, uprn text`,
  residence: `
    record_key text NOT NULL, place_key text, address text, postcode text,
    postcode_valid boolean, uprn text, role text, from_date date, to_date date`,
  place: `
    address text, postcode text, postcode_valid boolean, uprn text,
    from_date date, to_date date, end_reason text`,
  event: `
    record_key text, place_key text, type text NOT NULL, date date NOT NULL,
    end_date date, summary text, detail jsonb NOT NULL DEFAULT '{}'`,
  event_party: `event_key text NOT NULL, record_key text NOT NULL, role text NOT NULL`,
  involvement: `
    agency text NOT NULL, record_key text, place_key text, event_key text,
    name text, role text NOT NULL, team text, phone text, email text,
    from_date date, to_date date`,
  relationship: `
    from_key text NOT NULL, to_key text NOT NULL, type text NOT NULL,
    detail jsonb NOT NULL DEFAULT '{}'`,
};

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE extract (
      id serial PRIMARY KEY,
      source text NOT NULL,
      mode text NOT NULL CHECK (mode IN ('full', 'delta')),
      extract_date date NOT NULL,
      checksum text NOT NULL,
      encoding text NOT NULL,
      status text NOT NULL CHECK (status IN ('loaded', 'rejected')),
      loaded_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (source, checksum, extract_date, mode)
    )`.execute(db);
  await sql`
    CREATE TABLE extract_file (
      extract_id int NOT NULL REFERENCES extract(id),
      file text NOT NULL,
      status text NOT NULL CHECK (status IN ('loaded', 'rejected')),
      header text[] NOT NULL DEFAULT '{}',
      rows_read int NOT NULL DEFAULT 0,
      loaded int NOT NULL DEFAULT 0,
      duplicate int NOT NULL DEFAULT 0,
      quarantined int NOT NULL DEFAULT 0,
      warnings int NOT NULL DEFAULT 0,
      reject_reason text,
      reject_column text,
      PRIMARY KEY (extract_id, file),
      CHECK (rows_read = loaded + duplicate + quarantined)
    )`.execute(db);
  await sql`
    CREATE TABLE raw_row (
      extract_id int NOT NULL REFERENCES extract(id),
      file text NOT NULL,
      line int NOT NULL,
      row_hash text NOT NULL,
      data jsonb NOT NULL,
      PRIMARY KEY (extract_id, file, line)
    )`.execute(db);
  await sql`CREATE INDEX raw_row_hash_idx ON raw_row (row_hash)`.execute(db);
  await sql`
    CREATE TABLE quarantine (
      extract_id int NOT NULL REFERENCES extract(id),
      file text NOT NULL,
      line int NOT NULL,
      column_name text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (extract_id, file, line)
    )`.execute(db);
  await sql`
    CREATE TABLE row_warning (
      extract_id int NOT NULL REFERENCES extract(id),
      file text NOT NULL,
      line int NOT NULL,
      column_name text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (extract_id, file, line, column_name, reason)
    )`.execute(db);
  for (const [table, columns] of Object.entries(CANONICAL_TABLES)) {
    await sql
      .raw(
        `CREATE TABLE ${table} (${VERSION_COLUMNS}, ${columns},
          UNIQUE (natural_key, content_hash))`,
      )
      .execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_current_idx ON ${table} (natural_key) WHERE is_current`)
      .execute(db);
    await sql
      .raw(`CREATE INDEX ${table}_source_file_idx ON ${table} (source, file) WHERE is_current`)
      .execute(db);
  }
  await sql`CREATE INDEX residence_record_idx ON residence (record_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX event_record_idx ON event (record_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX event_party_record_idx ON event_party (record_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX involvement_record_idx ON involvement (record_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX relationship_from_idx ON relationship (from_key) WHERE is_current`.execute(db);
  await sql`CREATE INDEX relationship_to_idx ON relationship (to_key) WHERE is_current`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [...Object.keys(CANONICAL_TABLES), 'row_warning', 'quarantine', 'raw_row', 'extract_file', 'extract']) {
    await sql.raw(`DROP TABLE IF EXISTS ${table} CASCADE`).execute(db);
  }
}
