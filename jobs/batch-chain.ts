import { sql } from 'kysely';
import type { Store } from '../pipeline/store/store.js';
import { childrenOf, markEnqueued, type JobRequest, type QueuedRequest } from './job-request.repository.js';

/** The overnight run's report, kept as the batch request's result (counts and codes only). */
export interface BatchReport {
  deliveries: number;
  loaded: number;
  unchanged: number;
  rejected: number;
  failed: number;
  failures: { requestId: number; kind: string; code: string | null }[];
  skipped: unknown[];
  match: { mentions: unknown; persons: unknown; personsChanged: unknown; upToDate: unknown } | null;
  /** Rebuilding summaries of changed families waits for the summary job (PLANNED_JOB_NAMES). */
  summaries: 'not-built';
}

export function batchReport(children: JobRequest[], planned: Record<string, unknown> | null): BatchReport {
  const ingests = children.filter((c) => c.kind === 'ingest');
  const statusOf = (c: JobRequest) => (c.status === 'done' ? c.result?.['status'] : null);
  const match = children.find((c) => c.kind === 'match' && c.status === 'done')?.result ?? null;
  const failed = children.filter((c) => c.status === 'failed');
  return {
    deliveries: ingests.length,
    loaded: ingests.filter((c) => statusOf(c) === 'loaded').length,
    unchanged: ingests.filter((c) => statusOf(c) === 'unchanged').length,
    rejected: ingests.filter((c) => statusOf(c) === 'rejected').length,
    failed: failed.length,
    failures: failed.map((c) => ({ requestId: c.id, kind: c.kind, code: c.lastErrorCode })),
    skipped: Array.isArray(planned?.['skipped']) ? planned['skipped'] : [],
    match: match && { mentions: match['mentions'], persons: match['persons'], personsChanged: match['personsChanged'], upToDate: match['upToDate'] },
    summaries: 'not-built',
  };
}

/**
 * Moves a parent request on: returns its next unfinished child (marked as handed to the
 * queue, in the same transaction) or, when every child has finished, records the parent's
 * report and closes it. Safe to call any number of times (the parent row is locked).
 */
export async function advanceParent(store: Store, parentId: number): Promise<QueuedRequest | null> {
  return store.transaction(async (tx) => {
    const parent = await tx.db
      .selectFrom('job_request')
      .select(['id', 'status', 'result'])
      .where('id', '=', parentId)
      .forUpdate()
      .executeTakeFirst();
    if (!parent || parent.status === 'done' || parent.status === 'failed') return null;
    const children = await childrenOf(tx.db, parentId);
    const next = children.find((c) => c.status === 'pending' || c.status === 'running');
    if (next) {
      if (next.enqueuedAt === null) await markEnqueued(tx.db, next.id);
      return { id: next.id, kind: next.kind };
    }
    const report = batchReport(children, parent.result);
    await tx.db
      .updateTable('job_request')
      .set({
        status: report.failed > 0 ? 'failed' : 'done',
        result: JSON.stringify(report),
        last_error_code: report.failed > 0 ? 'CHILD_FAILED' : null,
        finished_at: sql<string>`now()`,
      })
      .where('id', '=', parentId)
      .execute();
    return null;
  });
}
