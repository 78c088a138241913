import type { Config } from '../pipeline/config.js';
import type { Store } from '../pipeline/store/store.js';
import { closeQueues, openQueues } from './bullmq.runner.js';
import { errorCode } from './job-errors.js';
import { jobMode } from './job-mode.js';
import { latestRequestOfKind, recentFailedRequests, requestCounts, type JobRequest } from './job-request.repository.js';
import type { JobSettings } from './job-settings.js';
import { JOB_NAMES } from './queue-names.js';
import { openRedis } from './redis-connection.js';

export interface QueueStatus {
  queue: string;
  counts: Record<string, number>;
  failed: { jobId: string; reason: string; attempts: number; finishedAt: string | null }[];
}

export interface JobStatus {
  mode: 'bullmq' | 'in-process';
  queues: QueueStatus[] | null;
  requests: { kind: string; status: string; n: number }[];
  failedRequests: JobRequest[];
  lastBatch: JobRequest | null;
}

/** A failure reason is shown as a code: the first token of what the queue kept. */
function reasonCode(reason: string | undefined): string {
  const token = /^[A-Za-z0-9_]+/.exec(reason ?? '')?.[0];
  return token ?? 'UNKNOWN_ERROR';
}

/** What `mash jobs` shows: queue counts and failures (Redis), requests and the last batch (PostgreSQL). */
export async function jobStatus(store: Store, config: Config, settings: JobSettings, failedLimit = 20): Promise<JobStatus> {
  const mode = jobMode(config);
  let queues: QueueStatus[] | null = null;
  if (mode === 'bullmq') {
    const redis = await openRedis(config.redisUrl!);
    const open = openQueues(redis, settings.queuePrefix);
    try {
      queues = [];
      for (const name of JOB_NAMES) {
        const queue = open[name];
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized');
        const failed = await queue.getFailed(0, failedLimit - 1);
        queues.push({
          queue: name,
          counts,
          failed: failed.map((job) => ({
            jobId: job.id ?? '',
            reason: reasonCode(job.failedReason),
            attempts: job.attemptsMade,
            finishedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
          })),
        });
      }
    } catch (error) {
      throw new Error(`${errorCode(error)}: reading queues`);
    } finally {
      await closeQueues(open);
      redis.disconnect();
    }
  }
  return {
    mode,
    queues,
    requests: await requestCounts(store.db),
    failedRequests: await recentFailedRequests(store.db, failedLimit),
    lastBatch: await latestRequestOfKind(store.db, 'batch'),
  };
}
