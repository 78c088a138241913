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

/**
 * Keeps a booked family's summary: a new version, with its printable HTML, only when the content
 * differs from the latest (a rebuild that finds nothing new adds nothing and renders nothing).
 */
export async function keepFamilySummary(
  db: Db,
  meetingFamilyId: number,
  summary: FamilySummary,
  renderHtml: (summary: FamilySummary) => Promise<string>,
): Promise<{ id: number; version: number; changed: boolean }> {
  const hash = summaryContentHash(summary);
  const latest = await db
    .selectFrom('family_summary')
    .select(['id', 'version', 'content_hash'])
    .where('meeting_family_id', '=', meetingFamilyId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.content_hash === hash) return { id: latest.id, version: latest.version, changed: false };
  const version = (latest?.version ?? 0) + 1;
  const { id } = await db
    .insertInto('family_summary')
    .values({
      meeting_family_id: meetingFamilyId,
      trawl_request_id: null,
      version,
      subject_person_id: summary.subject.personId,
      content_hash: hash,
      summary: JSON.stringify(summary),
      html: await renderHtml(summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, version, changed: true };
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
