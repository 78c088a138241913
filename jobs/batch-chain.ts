import { sql } from 'kysely';
import type { Store } from '../pipeline/store/store.js';
import { childrenOf, markEnqueued, type JobRequest, type QueuedRequest } from './job-request.repository.js';
import { parentReport } from './parent-report.js';

/**
 * Moves a parent request on. Children run in stages by `seq`: every unfinished child of the
 * lowest unfinished stage is returned (marked as handed to the queue, in the same transaction),
 * so children sharing a stage run side by side and stages run one after another. When every
 * child has finished, the parent's report is recorded, the parent closed, and its own parent (a
 * batch above a summary refresh) moved on in turn. Safe to call any number of times (rows are
 * locked).
 */
export async function advanceParent(store: Store, parentId: number): Promise<QueuedRequest[]> {
  return store.transaction(async (tx) => {
    for (let id: number | null = parentId; id !== null; ) {
      const parent = await tx.db
        .selectFrom('job_request')
        .select(['id', 'kind', 'status', 'result', 'parent_id'])
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!parent || parent.status === 'done' || parent.status === 'failed') return [];
      const children = await childrenOf(tx.db, id);
      const open = children.filter((c) => c.status === 'pending' || c.status === 'running');
      if (open.length > 0) return nextStage(tx.db, open);
      const failed = children.some((c) => c.status === 'failed');
      await tx.db
        .updateTable('job_request')
        .set({
          status: failed ? 'failed' : 'done',
          result: JSON.stringify(parentReport(parent.kind, children, parent.result)),
          last_error_code: failed ? 'CHILD_FAILED' : null,
          finished_at: sql<string>`now()`,
        })
        .where('id', '=', id)
        .execute();
      id = parent.parent_id;
    }
    return [];
  });
}

async function nextStage(db: Parameters<typeof markEnqueued>[0], open: JobRequest[]): Promise<QueuedRequest[]> {
  const stage = Math.min(...open.map((c) => c.seq ?? 0));
  const next = open.filter((c) => (c.seq ?? 0) === stage);
  for (const child of next) if (child.enqueuedAt === null) await markEnqueued(db, child.id);
  return next.map((c) => ({ id: c.id, kind: c.kind }));
}
