import { FAMILY_READ_TABLES } from '../pipeline/family/family-reads.js';
import { analyseStaleTables } from '../pipeline/store/table-statistics.js';
import { londonDay } from '../pipeline/trawl/trawl-window.js';
import { familiesToRebuild } from '../pipeline/summaries/family-changes.repository.js';
import { SUMMARY_CHUNK } from './job-payloads.js';
import { createRequest } from './job-request.repository.js';
import type { Processor } from './processor.js';

/**
 * Plans the rebuild of every summary of a family booked on a meeting from today on whose members
 * changed: one summary job per chunk of families, all in one stage so workers share them out.
 * Planned once: a second delivery plans nothing.
 */
export const refreshProcessor: Processor<'refresh'> = async (ctx, _payload, requestId) => {
  await ctx.progress({ phase: 'finding changed families' });
  const ids = await familiesToRebuild(ctx.store.db, londonDay(new Date()));
  if (ids.length === 0) return { kind: 'done', result: { families: 0, built: 0, unchanged: 0, skipped: 0, refused: 0, notFound: 0, ambiguous: 0, failedJobs: 0 } };
  // Every summary job plans its reads on these; after a large load they have no statistics yet.
  await analyseStaleTables(ctx.store.db, FAMILY_READ_TABLES);
  await ctx.store.transaction(async (tx) => {
    await tx.db.selectFrom('job_request').select('id').where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    const planned = await tx.db.selectFrom('job_request').select('id').where('parent_id', '=', requestId).limit(1).executeTakeFirst();
    if (planned) return;
    for (let i = 0; i < ids.length; i += SUMMARY_CHUNK) {
      await createRequest(tx.db, { kind: 'summary', payload: { meetingFamilyIds: ids.slice(i, i + SUMMARY_CHUNK) }, parentId: requestId, seq: 1 });
    }
  });
  return { kind: 'children' };
};
