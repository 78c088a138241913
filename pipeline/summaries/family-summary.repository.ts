import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { summaryContentHash } from './summary-content.js';

type Db = Kysely<Database>;

export interface StoredSummary {
  id: number;
  version: number;
  summary: FamilySummary;
  html: string | null;
  builtAt: string;
}

const COLUMNS = ['id', 'version', 'summary', 'html', 'built_at'] as const;

function toStored(row: { id: number; version: number; summary: Record<string, unknown>; html: string | null; built_at: string }): StoredSummary {
  return { id: row.id, version: row.version, summary: row.summary as unknown as FamilySummary, html: row.html, builtAt: row.built_at };
}

export async function latestFamilySummary(db: Db, meetingFamilyId: number): Promise<StoredSummary | null> {
  const row = await db
    .selectFrom('family_summary')
    .select(COLUMNS)
    .where('meeting_family_id', '=', meetingFamilyId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function familySummaryById(db: Db, id: number): Promise<StoredSummary | null> {
  const row = await db.selectFrom('family_summary').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function summaryOfTrawl(db: Db, trawlRequestId: number): Promise<StoredSummary | null> {
  const row = await db.selectFrom('family_summary').select(COLUMNS).where('trawl_request_id', '=', trawlRequestId).executeTakeFirst();
  return row ? toStored(row) : null;
}

/** The newest version of each booked family's summary: its number and content hash. */
export async function latestVersions(db: Db, meetingFamilyIds: readonly number[]): Promise<Map<number, { version: number; hash: string }>> {
  if (meetingFamilyIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('family_summary')
    .select(['meeting_family_id', 'version', 'content_hash'])
    .distinctOn('meeting_family_id')
    .where('meeting_family_id', 'in', [...meetingFamilyIds])
    .orderBy('meeting_family_id')
    .orderBy('version', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.meeting_family_id!, { version: r.version, hash: r.content_hash }] as const));
}

export interface NewSummaryVersion {
  meetingFamilyId: number;
  version: number;
  summary: FamilySummary;
  hash: string;
  html: string;
}

/** Adds new versions of booked families' summaries, in one statement. */
export async function insertVersions(db: Db, versions: readonly NewSummaryVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await db
    .insertInto('family_summary')
    .values(
      versions.map((v) => ({
        meeting_family_id: v.meetingFamilyId,
        trawl_request_id: null,
        version: v.version,
        subject_person_id: v.summary.subject.personId,
        content_hash: v.hash,
        summary: JSON.stringify(v.summary),
        html: v.html,
      })),
    )
    .execute();
}

/** The summary an on-demand trawl produced (one per trawl request). */
export async function keepTrawlSummary(db: Db, trawlRequestId: number, summary: FamilySummary): Promise<number> {
  const { id } = await db
    .insertInto('family_summary')
    .values({
      meeting_family_id: null,
      trawl_request_id: trawlRequestId,
      version: 1,
      subject_person_id: summary.subject.personId,
      content_hash: summaryContentHash(summary),
      summary: JSON.stringify(summary),
      html: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
