import { meetingFamiliesByIds } from '../pipeline/meetings/meeting.repository.js';
import { rebuildFamilySummaries, type RebuildOutcome } from '../pipeline/summaries/rebuild-family.service.js';
import { runStoredTrawl } from '../pipeline/trawl/queued-trawl.service.js';
import { loadDataSharingAgreement } from '../pipeline/trawl/data-sharing-agreement.js';
import { loadFlagThresholds } from '../pipeline/family/flag-thresholds.js';
import type { Processor } from './processor.js';

const COUNT_OF: Record<RebuildOutcome, string> = {
  built: 'built',
  unchanged: 'unchanged',
  skipped: 'skipped',
  refused: 'refused',
  not_found: 'notFound',
  ambiguous: 'ambiguous',
};

/**
 * Family summaries: an analyst's trawl request (its outcome kept in PostgreSQL for the command
 * that asked), or a chunk of booked families whose summaries to rebuild. Results: ids and counts.
 */
export const summaryProcessor: Processor<'summary'> = async (ctx, payload, requestId) => {
  if ('trawlRequestId' in payload) {
    await ctx.progress({ phase: 'trawling' });
    const outcome = await runStoredTrawl(ctx.store, payload.trawlRequestId);
    return { kind: 'done', result: { trawlRequestId: payload.trawlRequestId, outcome: outcome.kind, auditId: outcome.auditId } };
  }
  const counts: Record<string, number> = { built: 0, unchanged: 0, skipped: 0, refused: 0, notFound: 0, ambiguous: 0 };
  const families = await meetingFamiliesByIds(ctx.store.db, payload.meetingFamilyIds);
  // Read once for the chunk, not once a family.
  const deps = { dsa: loadDataSharingAgreement(), thresholds: loadFlagThresholds() };
  await ctx.progress({ phase: 'rebuilding summaries', rows: families.length });
  for (const outcome of await rebuildFamilySummaries(ctx.store, families, requestId, deps)) counts[COUNT_OF[outcome]]!++;
  return { kind: 'done', result: counts };
};
