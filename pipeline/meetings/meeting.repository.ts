import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { Consent, Purpose } from '../../schemas/summary.schema.js';

type Db = Kysely<Database>;

export interface Booking {
  hub: string;
  date: string;
  subjectKeys: readonly string[];
  purpose: Purpose;
  consent: Consent;
  lawfulBasis: string | null;
  bookedBy: string;
}

export interface MeetingFamily {
  id: number;
  meetingId: number;
  hub: string;
  meetingDate: string;
  subjectKey: string;
  purpose: Purpose;
  consent: Consent;
  lawfulBasis: string | null;
  bookedBy: string;
  lastOutcome: string | null;
}

export interface Meeting {
  id: number;
  hub: string;
  date: string;
  families: number;
  packs: number;
}

/** Books families onto a hub's meeting (created on first booking); a family booked twice stays once. */
export async function bookFamilies(db: Db, booking: Booking): Promise<{ meetingId: number; added: number }> {
  await db
    .insertInto('hub_meeting')
    .values({ hub: booking.hub, meeting_date: booking.date, created_by: booking.bookedBy })
    .onConflict((oc) => oc.columns(['hub', 'meeting_date']).doNothing())
    .execute();
  const meeting = await db
    .selectFrom('hub_meeting')
    .select('id')
    .where('hub', '=', booking.hub)
    .where('meeting_date', '=', booking.date)
    .executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('meeting_family')
    .values(
      booking.subjectKeys.map((key) => ({
        meeting_id: meeting.id,
        subject_key: key,
        purpose: booking.purpose,
        consent: booking.consent,
        lawful_basis: booking.lawfulBasis,
        booked_by: booking.bookedBy,
        last_outcome: null,
        checked_extract_id: null,
        membership_digest: null,
        checked_at: null,
        checked_request_id: null,
      })),
    )
    .onConflict((oc) => oc.columns(['meeting_id', 'subject_key']).doNothing())
    .returning('id')
    .execute();
  return { meetingId: meeting.id, added: inserted.length };
}

function familyQuery(db: Db) {
  return db
    .selectFrom('meeting_family as f')
    .innerJoin('hub_meeting as m', 'm.id', 'f.meeting_id')
    .select([
      'f.id', 'f.meeting_id', 'm.hub', 'm.meeting_date', 'f.subject_key', 'f.purpose', 'f.consent',
      'f.lawful_basis', 'f.booked_by', 'f.last_outcome',
    ]);
}

type FamilyRow = Awaited<ReturnType<ReturnType<typeof familyQuery>['execute']>>[number];

function toFamily(row: FamilyRow): MeetingFamily {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    hub: row.hub,
    meetingDate: row.meeting_date,
    subjectKey: row.subject_key,
    purpose: row.purpose as Purpose,
    consent: row.consent as Consent,
    lawfulBasis: row.lawful_basis,
    bookedBy: row.booked_by,
    lastOutcome: row.last_outcome,
  };
}

export async function meetingFamiliesByIds(db: Db, ids: readonly number[]): Promise<MeetingFamily[]> {
  if (ids.length === 0) return [];
  const rows = await familyQuery(db).where('f.id', 'in', [...ids]).orderBy('f.id').execute();
  return rows.map(toFamily);
}

export async function familiesOfMeeting(db: Db, meetingId: number): Promise<MeetingFamily[]> {
  const rows = await familyQuery(db).where('f.meeting_id', '=', meetingId).orderBy('f.id').execute();
  return rows.map(toFamily);
}

/** Meetings from `from` (inclusive) up to `to` (inclusive), oldest first. */
export async function meetingsBetween(db: Db, from: string, to: string | null): Promise<Meeting[]> {
  let query = db
    .selectFrom('hub_meeting as m')
    .select((eb) => [
      'm.id',
      'm.hub',
      'm.meeting_date',
      eb.selectFrom('meeting_family as f').whereRef('f.meeting_id', '=', 'm.id').select(sql<number>`count(*)::int`.as('n')).as('families'),
      eb.selectFrom('meeting_pack as p').whereRef('p.meeting_id', '=', 'm.id').select(sql<number>`count(*)::int`.as('n')).as('packs'),
    ])
    .where('m.meeting_date', '>=', from);
  if (to !== null) query = query.where('m.meeting_date', '<=', to);
  const rows = await query.orderBy('m.meeting_date').orderBy('m.hub').execute();
  return rows.map((r) => ({ id: r.id, hub: r.hub, date: r.meeting_date, families: r.families ?? 0, packs: r.packs ?? 0 }));
}
