import { sql, type Kysely } from 'kysely';
import type { Sex } from '../../schemas/canonical.js';
import type { Database } from '../../schemas/database.js';
import type { MatchMention } from '../match/match-mention.js';
import { analyseStaleTables } from '../store/table-statistics.js';

interface MentionRow {
  natural_key: string;
  source: string;
  surname: string | null;
  forename: string | null;
  middle_names: string | null;
  previous_names: string[];
  aliases: string[];
  dob: string | null;
  sex: string;
  nhs_number: string | null;
  upn: string | null;
  address: string | null;
  postcode: string | null;
  uprn: string | null;
  earlier_names: string[] | null;
}

function pushUnique(list: string[], value: string | null): void {
  if (value && !list.includes(value)) list.push(value);
}

/**
 * Every current, not withdrawn mention as the matcher sees it: only valid identifiers, earlier
 * names from history, postcodes and UPRNs from residences and tenancies (newest first), the
 * tenancies as household keys, and the relationships its source states.
 */
const INPUT_TABLES = ['mention', 'residence', 'place', 'relationship'] as const;

export async function loadMatchMentions(db: Kysely<Database>, only: readonly string[] | null = null): Promise<MatchMention[]> {
  // Sorting and hashing county-sized results: the default 4 MB work_mem spills to disk.
  // Statistics first: without them (a county just ingested) the planner takes every table for
  // a thousand rows and nests loops over a million.
  await analyseStaleTables(db, INPUT_TABLES);
  // Three queries at once: on PostgreSQL each gets a connection (and a core) of its own, and the
  // server sorts one while this thread reads another's rows; PGlite takes them in turn.
  const [rows, residences, relationships] = await Promise.all([
    withWorkMem(db, (trx) => mentionRows(trx, only)),
    withWorkMem(db, (trx) => residenceRows(trx, only)),
    withWorkMem(db, (trx) => relationshipRows(trx, only)),
  ]);
  return assemble(rows, residences, relationships);
}

function withWorkMem<T>(db: Kysely<Database>, query: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    return query(trx);
  });
}

interface ResidenceRow {
  record_key: string;
  postcode: string | null;
  uprn: string | null;
  place_key: string | null;
}

interface RelationshipRow {
  from_key: string;
  to_key: string;
  type: string;
}

async function mentionRows(db: Kysely<Database>, only: readonly string[] | null): Promise<MentionRow[]> {
  const keys = only === null ? sql`TRUE` : sql`m.natural_key = ANY(${sql.val([...only])}::text[])`;
  const { rows } = await sql<MentionRow>`
    SELECT m.natural_key, m.source, m.surname, m.forename, m.middle_names, m.previous_names, m.aliases,
           m.dob, m.sex,
           CASE WHEN m.nhs_number_valid THEN m.nhs_number END AS nhs_number,
           CASE WHEN m.upn_valid THEN m.upn END AS upn,
           m.address, CASE WHEN m.postcode_valid THEN m.postcode END AS postcode, m.uprn,
           e.names AS earlier_names
    FROM mention m
    -- Earlier versions' names, aggregated once (few keys have any) rather than a subquery per mention.
    LEFT JOIN (
      SELECT h.natural_key, array_agg(DISTINCT trim(coalesce(h.forename, '') || ' ' || coalesce(h.surname, ''))) AS names
      FROM mention h JOIN mention c ON c.natural_key = h.natural_key AND c.is_current
      WHERE NOT h.is_current AND (h.surname IS DISTINCT FROM c.surname OR h.forename IS DISTINCT FROM c.forename)
      GROUP BY h.natural_key
    ) e ON e.natural_key = m.natural_key
    WHERE m.is_current AND m.withdrawn_extract_id IS NULL AND ${keys}
    ORDER BY m.natural_key`.execute(db);
  return rows;
}

async function residenceRows(db: Kysely<Database>, only: readonly string[] | null): Promise<ResidenceRow[]> {
  const recordKeys = only === null ? sql`TRUE` : sql`r.record_key = ANY(${sql.val([...only])}::text[])`;
  const { rows } = await sql<ResidenceRow>`
    SELECT r.record_key,
           CASE WHEN r.postcode_valid THEN r.postcode WHEN p.postcode_valid THEN p.postcode END AS postcode,
           coalesce(r.uprn, p.uprn) AS uprn, r.place_key
    FROM residence r
    LEFT JOIN place p ON p.natural_key = r.place_key AND p.is_current
    WHERE r.is_current AND r.withdrawn_extract_id IS NULL AND ${recordKeys}
    ORDER BY r.record_key, r.from_date DESC NULLS LAST, r.natural_key`.execute(db);
  return rows;
}

async function relationshipRows(db: Kysely<Database>, only: readonly string[] | null): Promise<RelationshipRow[]> {
  let query = db
    .selectFrom('relationship')
    .select(['from_key', 'to_key', 'type'])
    .where('is_current', '=', true)
    .where('withdrawn_extract_id', 'is', null)
    .orderBy('natural_key');
  if (only !== null) query = query.where('from_key', 'in', [...only]);
  return query.execute();
}

function assemble(rows: readonly MentionRow[], residences: readonly ResidenceRow[], relationships: readonly RelationshipRow[]): MatchMention[] {
  const mentions = new Map<string, MatchMention>();
  for (const r of rows) {
    // The driver's arrays are this row's own: kept as they are, not copied.
    const previousNames = r.previous_names;
    if (r.earlier_names) for (const name of r.earlier_names) pushUnique(previousNames, name || null);
    const postcodes: string[] = r.postcode ? [r.postcode] : [];
    const uprns: string[] = r.uprn ? [r.uprn] : [];
    mentions.set(r.natural_key, {
      recordKey: r.natural_key,
      source: r.source,
      surname: r.surname,
      forename: r.forename,
      middleNames: r.middle_names,
      previousNames,
      aliases: r.aliases,
      dob: r.dob,
      sex: r.sex as Sex,
      nhsNumber: r.nhs_number,
      upn: r.upn,
      postcodes,
      uprns,
      householdKeys: [],
      statedRelatives: [],
      address: r.address,
    });
  }

  for (const r of residences) {
    const mention = mentions.get(r.record_key);
    if (!mention) continue;
    pushUnique(mention.postcodes, r.postcode);
    pushUnique(mention.uprns, r.uprn);
    pushUnique(mention.householdKeys, r.place_key);
  }

  for (const r of relationships) {
    mentions.get(r.from_key)?.statedRelatives?.push({ type: r.type, recordKey: r.to_key });
  }
  return [...mentions.values()];
}
