import type { JobsOptions } from 'bullmq';
import type { JobSettings } from './job-settings.js';
import { queueJobId } from './queue-names.js';

const JITTER = 0.5;

/** Delay before attempt `attemptsMade + 1`: exponential, jittered like BullMQ's own backoff. */
export function backoffDelay(settings: Pick<JobSettings, 'backoffMs'>, attemptsMade: number, random = Math.random): number {
  const max = settings.backoffMs * 2 ** Math.max(0, attemptsMade - 1);
  return Math.floor(max * (1 - JITTER) + random() * max * JITTER);
}

/** Options of every queued job: retries with backoff and jitter, no stack traces kept, bounded history. */
export function retryOptions(settings: Pick<JobSettings, 'attempts' | 'backoffMs'>): JobsOptions {
  return {
    attempts: settings.attempts,
    backoff: { type: 'exponential', delay: settings.backoffMs, jitter: JITTER },
    stackTraceLimit: 0,
    removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
    removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
  };
}

export function jobOptions(settings: Pick<JobSettings, 'attempts' | 'backoffMs'>, requestId: number): JobsOptions {
  return { ...retryOptions(settings), jobId: queueJobId(requestId) };
}
