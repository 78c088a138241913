import { sql, type Kysely } from 'kysely';

/**
 * A family gathering looks up tenancies at its members' UPRNs and postcodes (`placesAt`): without
 * these indexes every trawl and summary rebuild scanned the whole place table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX place_uprn_idx ON place (uprn) WHERE is_current`.execute(db);
  await sql`CREATE INDEX place_postcode_idx ON place (postcode) WHERE is_current`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS place_postcode_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS place_uprn_idx`.execute(db);
}
