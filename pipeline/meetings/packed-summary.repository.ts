import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { familySummaryById, type StoredSummary } from '../summaries/family-summary.repository.js';

type Db = Kysely<Database>;

/** The summary a subject had in the newest pack printed for it by another run, if any. */
export async function lastPackedSummary(db: Db, subjectKey: string, exceptRequestId: number): Promise<StoredSummary | null> {
  const row = await db
    .selectFrom('pack_family as pf')
    .innerJoin('meeting_pack as p', 'p.id', 'pf.pack_id')
    .select('pf.family_summary_id')
    .where('pf.subject_key', '=', subjectKey)
    .where('pf.family_summary_id', 'is not', null)
    .where('p.request_id', '<>', exceptRequestId)
    .orderBy('p.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.family_summary_id ? familySummaryById(db, row.family_summary_id) : null;
}

export async function packOfRun(db: Db, meetingId: number, requestId: number): Promise<{ id: number; file: string } | null> {
  const row = await db
    .selectFrom('meeting_pack')
    .select(['id', 'file'])
    .where('meeting_id', '=', meetingId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  return row ?? null;
}

export async function recordPack(
  db: Db,
  pack: { meetingId: number; requestId: number; file: string; families: { meetingFamilyId: number; subjectKey: string; summaryId: number | null }[] },
): Promise<number> {
  const { id } = await db
    .insertInto('meeting_pack')
    .values({ meeting_id: pack.meetingId, request_id: pack.requestId, file: pack.file, families: pack.families.length })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (pack.families.length > 0) {
    await db
      .insertInto('pack_family')
      .values(pack.families.map((f) => ({ pack_id: id, meeting_family_id: f.meetingFamilyId, subject_key: f.subjectKey, family_summary_id: f.summaryId })))
      .execute();
  }
  return id;
}
