import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { Store } from '../store/store.js';
import { batchedReads } from '../family/batched-reads.js';
import type { MeetingFamily } from '../meetings/meeting.repository.js';
import { renderSummaryHtml } from '../render/summary-html.render.js';
import { runTrawl, sharedLookups, type TrawlDependencies } from '../trawl/trawl.service.js';
import { keepFamilySummary } from './family-summary.repository.js';
import { latestExtractId, membershipDigest } from './family-changes.repository.js';

/** `built`: a new version; `unchanged`: the same content as before; otherwise why there is none. */
export type RebuildOutcome = 'built' | 'unchanged' | 'skipped' | 'refused' | 'not_found' | 'ambiguous';

async function rebuildOne(
  db: Kysely<Database>,
  family: MeetingFamily,
  requestId: number,
  watermark: number,
  deps: TrawlDependencies,
): Promise<RebuildOutcome> {
  const guard = await db
    .selectFrom('meeting_family')
    .select('checked_request_id')
    .where('id', '=', family.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (guard.checked_request_id === requestId) return 'skipped';
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
}

/**
 * Rebuilds booked families' summaries on the terms each was booked under, each as a trawl by
 * the person who booked it (audited like any trawl). The families are gathered side by side
 * with their reads merged (`batched-reads.ts`), in one transaction with the record of what each
 * build saw: a crash loses the whole chunk or nothing, and a retry redoes it. `requestId` guards
 * against a job delivered again after it committed: a family it already rebuilt is skipped.
 */
export async function rebuildFamilySummaries(
  store: Store,
  families: readonly MeetingFamily[],
  requestId: number,
  deps: Omit<TrawlDependencies, 'reads' | 'lookups'> = {},
): Promise<RebuildOutcome[]> {
  return store.transaction(async (tx) => {
    // A rebuilt summary can always be rebuilt: a crash may lose the last few commits (each whole,
    // summaries and audit entries together), never half of one, and the next run redoes them.
    await sql`SET LOCAL synchronous_commit = off`.execute(tx.db);
    const watermark = await latestExtractId(tx.db);
    const reads = batchedReads(tx.db);
    const lookups = sharedLookups(tx.db);
    return Promise.all(
      families.map(async (family) => {
        reads.enter();
        try {
          return await rebuildOne(tx.db, family, requestId, watermark, { ...deps, reads, lookups });
        } finally {
          reads.exit();
        }
      }),
    );
  });
}
