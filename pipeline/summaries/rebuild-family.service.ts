import { sql } from 'kysely';
import type { Store } from '../store/store.js';
import type { MeetingFamily } from '../meetings/meeting.repository.js';
import { renderSummaryHtml } from '../render/summary-html.render.js';
import { runTrawl, type TrawlDependencies } from '../trawl/trawl.service.js';
import { keepFamilySummary } from './family-summary.repository.js';
import { latestExtractId, membershipDigest } from './family-changes.repository.js';

/** `built`: a new version; `unchanged`: the same content as before; otherwise why there is none. */
export type RebuildOutcome = 'built' | 'unchanged' | 'skipped' | 'refused' | 'not_found' | 'ambiguous';

/**
 * Rebuilds one booked family's summary on the terms it was booked under, as a trawl by the
 * person who booked it (audited like any trawl), in one transaction with the record of what it
 * saw. `requestId` guards against a job delivered twice: a family this request already rebuilt
 * is skipped.
 */
export async function rebuildFamilySummary(
  store: Store,
  family: MeetingFamily,
  requestId: number,
  deps: TrawlDependencies = {},
): Promise<RebuildOutcome> {
  return store.transaction(async (tx) => {
    const db = tx.db;
    // A rebuilt summary can always be rebuilt: a crash may lose the last few commits (each whole,
    // summary and audit entries together), never half of one, and the next run redoes them.
    await sql`SET LOCAL synchronous_commit = off`.execute(db);
    const guard = await db
      .selectFrom('meeting_family')
      .select('checked_request_id')
      .where('id', '=', family.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (guard.checked_request_id === requestId) return 'skipped';
    const watermark = await latestExtractId(db);
    const result = await runTrawl(
      db,
      {
        actor: family.bookedBy,
        purpose: family.purpose,
        consent: family.consent,
        lawfulBasis: family.lawfulBasis,
        subject: { recordKey: family.subjectKey },
        format: 'html',
      },
      deps,
    );
    const checked = { checked_extract_id: watermark, checked_request_id: requestId, checked_at: new Date().toISOString() };
    if (result.kind !== 'summary') {
      const outcome = result.kind === 'ambiguous' ? 'ambiguous' : `${result.kind}:${result.reason}`;
      await db
        .updateTable('meeting_family')
        .set({ ...checked, last_outcome: outcome, membership_digest: null, member_person_ids: [] })
        .where('id', '=', family.id)
        .execute();
      return result.kind;
    }
    const kept = await keepFamilySummary(db, family.id, result.summary, (s) => renderSummaryHtml(s));
    const members = result.summary.members.map((m) => m.personId);
    await db
      .updateTable('meeting_family')
      .set({ ...checked, last_outcome: 'summary', membership_digest: await membershipDigest(db, members), member_person_ids: members })
      .where('id', '=', family.id)
      .execute();
    return kept.changed ? 'built' : 'unchanged';
  });
}
