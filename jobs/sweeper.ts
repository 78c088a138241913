import type { Store } from '../pipeline/store/store.js';
import { advanceParent } from './batch-chain.js';
import { errorCode } from './job-errors.js';
import { findOpenParents, findStaleRequests, type QueuedRequest } from './job-request.repository.js';
import type { JobSettings } from './job-settings.js';
import { isJobName, queueJobId } from './queue-names.js';
import type { Queues } from './bullmq.runner.js';
import type { Enqueue } from './run-request.js';

export interface SweepReport {
  /** Requests open in PostgreSQL that Redis had lost, put back on their queue. */
  reenqueued: number;
  /** Parents (batches, summary refreshes) moved on: their next stage queued, or closed when all had finished. */
  parentsChecked: number;
}

async function missingFromQueue(queues: Queues, request: QueuedRequest): Promise<boolean> {
  if (!isJobName(request.kind)) return false;
  return (await queues[request.kind].getJob(queueJobId(request.id))) === undefined;
}

/**
 * PostgreSQL is the source of truth: every open request that Redis does not hold (flushed,
 * restarted without persistence, a crash between commit and enqueue) goes back on its queue.
 * Re-adding is safe: the job id is the request's, and processors are idempotent.
 */
export async function sweepOnce(
  store: Store,
  queues: Queues,
  settings: Pick<JobSettings, 'sweepPendingMs' | 'sweepRunningMs'>,
  enqueue: Enqueue,
): Promise<SweepReport> {
  const report: SweepReport = { reenqueued: 0, parentsChecked: 0 };
  for (const request of await findStaleRequests(store.db, { pendingMs: settings.sweepPendingMs, runningMs: settings.sweepRunningMs })) {
    if (await missingFromQueue(queues, request)) {
      await enqueue(request);
      report.reenqueued++;
    }
  }
  for (const parentId of await findOpenParents(store.db, settings.sweepPendingMs)) {
    report.parentsChecked++;
    for (const next of await advanceParent(store, parentId)) {
      if (!(await missingFromQueue(queues, next))) continue;
      await enqueue(next);
      report.reenqueued++;
    }
  }
  return report;
}

export interface Sweeper {
  stop(): Promise<void>;
}

export function startSweeper(
  store: Store,
  queues: Queues,
  settings: Pick<JobSettings, 'sweepIntervalMs' | 'sweepPendingMs' | 'sweepRunningMs'>,
  enqueue: Enqueue,
  onSweep?: (report: SweepReport | { error: string }) => void,
): Sweeper {
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = sweepOnce(store, queues, settings, enqueue)
      .then((report) => onSweep?.(report))
      .catch((error: unknown) => onSweep?.({ error: errorCode(error) }))
      .finally(() => (busy = false));
  }, settings.sweepIntervalMs);
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
