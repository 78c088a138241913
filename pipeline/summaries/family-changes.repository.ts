import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

type Db = Kysely<Database>;

/** The newest extract loaded: what a summary built now has seen. */
export async function latestExtractId(db: Db): Promise<number> {
  const row = await db.selectFrom('extract').select(sql<number | null>`max(id)`.as('id')).executeTakeFirst();
  return row?.id ?? 0;
}

/** What one build saw, for deciding whether the next must rebuild (see `familiesToRebuild`). */
export interface FamilyCheck {
  meetingFamilyId: number;
  outcome: string;
  memberPersonIds: readonly string[];
}

/**
 * Records what the builds saw, in one statement: the outcome, the members, the extract they had
 * seen, and which record keys made up those people then (a digest of `person_mention`, which
 * changes when people merge, split or gain a record).
 */
export async function recordChecks(db: Db, checks: readonly FamilyCheck[], seen: { extractId: number; requestId: number }): Promise<void> {
  if (checks.length === 0) return;
  const rows = JSON.stringify(checks.map((c) => ({ id: c.meetingFamilyId, outcome: c.outcome, members: c.memberPersonIds })));
  await sql`
    UPDATE meeting_family f SET
      last_outcome = v.outcome,
      member_person_ids = v.members,
      membership_digest = CASE WHEN v.outcome = 'summary' THEN
        (SELECT md5(coalesce(string_agg(pm.record_key || '=' || pm.person_id, ',' ORDER BY pm.record_key), ''))
           FROM person_mention pm WHERE pm.person_id = ANY(v.members)) END,
      checked_extract_id = ${seen.extractId},
      checked_request_id = ${seen.requestId},
      checked_at = now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS v(id bigint, outcome text, members text[])
    WHERE f.id = v.id`.execute(db);
}

/**
 * People touched by rows loaded or withdrawn after extract `since`: their own records, anyone
 * stated as related, everyone living at an address or place a new row names, and every party to
 * an event a new row concerns. Generous on purpose: a family rebuilt for nothing costs a little
 * time; a family missed prints a stale pack.
 */
export async function peopleTouchedSince(db: Db, since: number): Promise<Set<string>> {
  const changed = (table: string) => sql.raw(`${table}.extract_id > ${since} OR coalesce(${table}.withdrawn_extract_id, 0) > ${since}`);
  const { rows } = await sql<{ person_id: string }>`
    WITH direct AS (
      SELECT natural_key AS key FROM mention WHERE ${changed('mention')}
      UNION SELECT record_key FROM residence WHERE ${changed('residence')}
      UNION SELECT record_key FROM event WHERE record_key IS NOT NULL AND (${changed('event')})
      UNION SELECT record_key FROM event_party WHERE ${changed('event_party')}
      UNION SELECT record_key FROM involvement WHERE record_key IS NOT NULL AND (${changed('involvement')})
      UNION SELECT from_key FROM relationship WHERE ${changed('relationship')}
      UNION SELECT to_key FROM relationship WHERE ${changed('relationship')}
    ),
    places AS (
      SELECT place_key AS place FROM residence WHERE place_key IS NOT NULL AND (${changed('residence')})
      UNION SELECT natural_key FROM place WHERE ${changed('place')}
      UNION SELECT place_key FROM event WHERE place_key IS NOT NULL AND (${changed('event')})
      UNION SELECT place_key FROM involvement WHERE place_key IS NOT NULL AND (${changed('involvement')})
    ),
    addresses AS (
      SELECT uprn, postcode FROM residence WHERE ${changed('residence')}
      UNION SELECT uprn, postcode FROM mention WHERE ${changed('mention')}
    ),
    events AS (
      SELECT natural_key AS ev FROM event WHERE ${changed('event')}
      UNION SELECT event_key FROM event_party WHERE ${changed('event_party')}
      UNION SELECT event_key FROM involvement WHERE event_key IS NOT NULL AND (${changed('involvement')})
    ),
    keys AS (
      SELECT key FROM direct
      UNION SELECT r.record_key FROM residence r JOIN places p ON r.place_key = p.place WHERE r.is_current
      UNION SELECT r.record_key FROM residence r JOIN addresses a ON r.uprn = a.uprn WHERE r.is_current
      UNION SELECT r.record_key FROM residence r JOIN addresses a ON r.postcode = a.postcode WHERE r.is_current
      UNION SELECT m.natural_key FROM mention m JOIN addresses a ON m.uprn = a.uprn WHERE m.is_current
      UNION SELECT m.natural_key FROM mention m JOIN addresses a ON m.postcode = a.postcode WHERE m.is_current
      UNION SELECT ep.record_key FROM event_party ep JOIN events e ON ep.event_key = e.ev WHERE ep.is_current
    )
    SELECT DISTINCT pm.person_id FROM person_mention pm JOIN keys k ON pm.record_key = k.key`.execute(db);
  return new Set(rows.map((r) => r.person_id));
}

interface CheckedFamily {
  id: number;
  last_outcome: string | null;
  checked_extract_id: number | null;
  membership_digest: string | null;
  member_person_ids: string[];
  digest_now: string | null;
}

/**
 * Families booked on meetings from `from` on whose summary must be rebuilt: never built (or not
 * found, refused, ambiguous last time), people merged, split or given new records, or any
 * member touched by an extract loaded since the last build.
 */
export async function familiesToRebuild(db: Db, from: string): Promise<number[]> {
  const { rows } = await sql<CheckedFamily>`
    SELECT f.id, f.last_outcome, f.checked_extract_id, f.membership_digest, f.member_person_ids,
           (SELECT md5(coalesce(string_agg(pm.record_key || '=' || pm.person_id, ',' ORDER BY pm.record_key), ''))
              FROM person_mention pm WHERE pm.person_id = ANY(f.member_person_ids)) AS digest_now
    FROM meeting_family f JOIN hub_meeting m ON m.id = f.meeting_id
    WHERE m.meeting_date >= ${from}::date
    ORDER BY f.id`.execute(db);
  const built = rows.filter((f) => f.last_outcome === 'summary' && f.checked_extract_id !== null);
  const since = Math.min(...built.map((f) => f.checked_extract_id!));
  const latest = await latestExtractId(db);
  const touched = built.length > 0 && latest > since ? await peopleTouchedSince(db, since) : new Set<string>();
  return rows
    .filter(
      (f) =>
        f.last_outcome !== 'summary' ||
        f.checked_extract_id === null ||
        f.digest_now !== f.membership_digest ||
        f.member_person_ids.some((p) => touched.has(p)),
    )
    .map((f) => f.id);
}
