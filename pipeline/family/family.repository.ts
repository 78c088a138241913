/**
 * The reads a trawl makes: current, not withdrawn versions only, explicit columns, small key
 * lists (one family at a time). Plain functions over `db`; rows mapped to `family-records.ts`.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Sex } from '../../schemas/canonical.js';
import type { Database } from '../../schemas/database.js';
import type {
  EventFact, InvolvementFact, MentionFact, PartyFact, PlaceFact, RelationshipFact, ResidenceFact,
} from './family-records.js';

type Db = Kysely<Database>;

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

type Versioned = 'mention' | 'residence' | 'place' | 'event' | 'event_party' | 'involvement' | 'relationship';

/** The version a source holds now: current, and not withdrawn by a later full extract. */
function current<T extends Versioned>(eb: ExpressionBuilder<Database, T>) {
  const e = eb as unknown as ExpressionBuilder<Database, Versioned>;
  return e.and([e('is_current', '=', true), e('withdrawn_extract_id', 'is', null)]);
}

/** `column IN (values)` for every list that has values, OR-ed (callers return early when all are empty). */
function anyOf<T extends Versioned>(eb: ExpressionBuilder<Database, T>, lists: Partial<Record<keyof Database[T] & string, readonly string[]>>) {
  const e = eb as unknown as ExpressionBuilder<Database, Versioned>;
  const terms = (Object.entries(lists) as [string, readonly string[] | undefined][]).flatMap(([column, values]) =>
    values && values.length > 0 ? [e(column as 'natural_key', 'in', unique(values))] : [],
  );
  return e.or(terms);
}

/** person id of each record key that has one. */
export async function personIdsOfKeys(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_mention')
    .select(['record_key', 'person_id'])
    .where('record_key', 'in', unique(keys))
    .execute();
  return new Map(rows.map((r) => [r.record_key, r.person_id] as const));
}

/** The record keys of each person. */
export async function keysOfPersons(db: Db, personIds: readonly string[]): Promise<{ personId: string; recordKey: string }[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('person_mention')
    .select(['person_id', 'record_key'])
    .where('person_id', 'in', unique(personIds))
    .orderBy('record_key')
    .execute();
  return rows.map((r) => ({ personId: r.person_id, recordKey: r.record_key }));
}

/** Whether a current mention holds this record key. */
export async function mentionExists(db: Db, key: string): Promise<boolean> {
  const row = await db
    .selectFrom('mention')
    .select('natural_key')
    .where('natural_key', '=', key)
    .where(current)
    .executeTakeFirst();
  return row !== undefined;
}

export async function mentionsOf(db: Db, keys: readonly string[]): Promise<MentionFact[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('mention')
    .select([
      'natural_key', 'source', 'surname', 'forename', 'middle_names', 'previous_names', 'aliases', 'dob', 'sex', 'as_of',
      'last_seen_date',
    ])
    .where('natural_key', 'in', unique(keys))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map((r) => ({
    recordKey: r.natural_key, source: r.source, surname: r.surname, forename: r.forename, middleNames: r.middle_names,
    previousNames: r.previous_names, aliases: r.aliases, dob: r.dob, sex: r.sex as Sex, asOf: r.as_of, lastSeenDate: r.last_seen_date,
  }));
}

export async function relationshipsTouching(db: Db, keys: readonly string[]): Promise<RelationshipFact[]> {
  if (keys.length === 0) return [];
  const list = unique(keys);
  const rows = await db
    .selectFrom('relationship')
    .select(['natural_key', 'source', 'from_key', 'to_key', 'type'])
    .where((eb) => anyOf(eb, { from_key: list, to_key: list }))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map((r) => ({ key: r.natural_key, source: r.source, fromKey: r.from_key, toKey: r.to_key, type: r.type }));
}

const RESIDENCE_COLUMNS = ['natural_key', 'source', 'record_key', 'place_key', 'address', 'postcode', 'uprn', 'role', 'from_date', 'to_date'] as const;

function residenceRow(r: {
  natural_key: string; source: string; record_key: string; place_key: string | null; address: string | null;
  postcode: string | null; uprn: string | null; role: string | null; from_date: string | null; to_date: string | null;
}): ResidenceFact {
  return {
    key: r.natural_key, source: r.source, recordKey: r.record_key, placeKey: r.place_key, address: r.address, postcode: r.postcode,
    uprn: r.uprn, role: r.role, fromDate: r.from_date, toDate: r.to_date,
  };
}

export async function residencesOf(db: Db, recordKeys: readonly string[]): Promise<ResidenceFact[]> {
  if (recordKeys.length === 0) return [];
  const rows = await db
    .selectFrom('residence')
    .select(RESIDENCE_COLUMNS)
    .where('record_key', 'in', unique(recordKeys))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map(residenceRow);
}

/** Residences at any of these tenancies, UPRNs or postcodes (the caller narrows by address and dates). */
export async function residencesAt(
  db: Db,
  at: { placeKeys: readonly string[]; uprns: readonly string[]; postcodes: readonly string[] },
): Promise<ResidenceFact[]> {
  if (at.placeKeys.length + at.uprns.length + at.postcodes.length === 0) return [];
  const rows = await db
    .selectFrom('residence')
    .select(RESIDENCE_COLUMNS)
    .where((eb) => anyOf(eb, { place_key: at.placeKeys, uprn: at.uprns, postcode: at.postcodes }))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map(residenceRow);
}

const PLACE_COLUMNS = ['natural_key', 'address', 'postcode', 'uprn', 'from_date', 'to_date', 'end_reason'] as const;

function placeRow(r: {
  natural_key: string; address: string | null; postcode: string | null; uprn: string | null;
  from_date: string | null; to_date: string | null; end_reason: string | null;
}): PlaceFact {
  return { key: r.natural_key, address: r.address, postcode: r.postcode, uprn: r.uprn, fromDate: r.from_date, toDate: r.to_date, endReason: r.end_reason };
}

export async function placesOf(db: Db, placeKeys: readonly string[]): Promise<PlaceFact[]> {
  if (placeKeys.length === 0) return [];
  const rows = await db
    .selectFrom('place')
    .select(PLACE_COLUMNS)
    .where('natural_key', 'in', unique(placeKeys))
    .where(current)
    .execute();
  return rows.map(placeRow);
}

/** Tenancies at any of these UPRNs or postcodes. */
export async function placesAt(db: Db, at: { uprns: readonly string[]; postcodes: readonly string[] }): Promise<PlaceFact[]> {
  if (at.uprns.length + at.postcodes.length === 0) return [];
  const rows = await db
    .selectFrom('place')
    .select(PLACE_COLUMNS)
    .where((eb) => anyOf(eb, { uprn: at.uprns, postcode: at.postcodes }))
    .where(current)
    .execute();
  return rows.map(placeRow);
}

const EVENT_COLUMNS = ['natural_key', 'source', 'record_key', 'place_key', 'type', 'date', 'end_date', 'summary', 'detail'] as const;

function eventRow(r: {
  natural_key: string; source: string; record_key: string | null; place_key: string | null; type: string; date: string;
  end_date: string | null; summary: string | null; detail: Record<string, unknown>;
}): EventFact {
  return {
    key: r.natural_key, source: r.source, recordKey: r.record_key, placeKey: r.place_key, type: r.type, date: r.date,
    endDate: r.end_date, summary: r.summary, detail: r.detail,
  };
}

/** Events about these people (record key), these tenancies (place key) or with these keys. */
export async function eventsFor(
  db: Db,
  by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] },
): Promise<EventFact[]> {
  if (by.recordKeys.length + by.placeKeys.length + by.eventKeys.length === 0) return [];
  const rows = await db
    .selectFrom('event')
    .select(EVENT_COLUMNS)
    .where((eb) => anyOf(eb, { record_key: by.recordKeys, place_key: by.placeKeys, natural_key: by.eventKeys }))
    .where(current)
    .orderBy('date')
    .orderBy('natural_key')
    .execute();
  return rows.map(eventRow);
}

/** Event parties of these people, or of these events. */
export async function partiesFor(db: Db, by: { recordKeys: readonly string[]; eventKeys: readonly string[] }): Promise<PartyFact[]> {
  if (by.recordKeys.length + by.eventKeys.length === 0) return [];
  const rows = await db
    .selectFrom('event_party')
    .select(['natural_key', 'event_key', 'record_key', 'role'])
    .where((eb) => anyOf(eb, { record_key: by.recordKeys, event_key: by.eventKeys }))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map((r) => ({ key: r.natural_key, eventKey: r.event_key, recordKey: r.record_key, role: r.role }));
}

/** Involvements with these people, tenancies or events. */
export async function involvementsFor(
  db: Db,
  by: { recordKeys: readonly string[]; placeKeys: readonly string[]; eventKeys: readonly string[] },
): Promise<InvolvementFact[]> {
  if (by.recordKeys.length + by.placeKeys.length + by.eventKeys.length === 0) return [];
  const rows = await db
    .selectFrom('involvement')
    .select([
      'natural_key', 'agency', 'record_key', 'place_key', 'event_key', 'name', 'role', 'team', 'phone', 'email', 'from_date', 'to_date',
    ])
    .where((eb) => anyOf(eb, { record_key: by.recordKeys, place_key: by.placeKeys, event_key: by.eventKeys }))
    .where(current)
    .orderBy('natural_key')
    .execute();
  return rows.map((r) => ({
    key: r.natural_key, agency: r.agency, recordKey: r.record_key, placeKey: r.place_key, eventKey: r.event_key, name: r.name,
    role: r.role, team: r.team, phone: r.phone, email: r.email, fromDate: r.from_date, toDate: r.to_date,
  }));
}

/** Per source, the newest loaded extract's date (freshness). */
export async function latestExtractDates(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('extract')
    .select((eb) => ['source', eb.fn.max('extract_date').as('latest')])
    .where('status', '=', 'loaded')
    .groupBy('source')
    .execute();
  return new Map(rows.filter((r) => r.latest !== null).map((r) => [r.source, String(r.latest)] as const));
}
