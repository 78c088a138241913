import { createRequest } from './job-request.repository.js';
import { scanInbox } from './inbox-deliveries.js';
import type { Processor } from './processor.js';

/**
 * The overnight batch: plans one ingest per delivery in the inbox (oldest first), an incremental
 * match, a rebuild of the summaries of booked families whose members changed, and the packs of
 * the next days' hub meetings, as child requests written in one transaction. The children run one after
 * another (each one's completion queues the next: see batch-chain.ts), so the chain lives in
 * PostgreSQL and survives the loss of Redis. A delivery loaded before is reported `unchanged`
 * by the ingest's own idempotency. Planned once: a second delivery of the job plans nothing.
 */
export const batchProcessor: Processor<'batch'> = async (ctx, payload, requestId) => {
  await ctx.progress({ phase: 'planning' });
  const scan = scanInbox(payload.inbox);
  await ctx.store.transaction(async (tx) => {
    await tx.db.selectFrom('job_request').select('id').where('id', '=', requestId).forUpdate().executeTakeFirstOrThrow();
    const planned = await tx.db.selectFrom('job_request').select('id').where('parent_id', '=', requestId).limit(1).executeTakeFirst();
    if (planned) return;
    let seq = 0;
    for (const delivery of scan.deliveries) {
      await createRequest(tx.db, { kind: 'ingest', payload: delivery, parentId: requestId, seq: ++seq });
    }
    await createRequest(tx.db, { kind: 'match', payload: { full: false, retrain: false }, parentId: requestId, seq: ++seq });
    await createRequest(tx.db, { kind: 'refresh', payload: {}, parentId: requestId, seq: ++seq });
    await createRequest(tx.db, { kind: 'pack', payload: { days: payload.packDays }, parentId: requestId, seq: ++seq });
    await tx.db
      .updateTable('job_request')
      .set({ result: JSON.stringify({ skipped: scan.skipped }) })
      .where('id', '=', requestId)
      .execute();
  });
  return { kind: 'children' };
};
