import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../pipeline/config.js';
import type { Store } from '../pipeline/store/store.js';
import { closeQueues, enqueueRequest, openQueues } from './bullmq.runner.js';
import { runInProcess } from './in-process.runner.js';
import { jobMode } from './job-mode.js';
import { parsePayload, type JobPayloads } from './job-payloads.js';
import { createRequest, getRequest, type JobRequest } from './job-request.repository.js';
import type { JobSettings } from './job-settings.js';
import type { JobProgress } from './processor.js';
import { queueJobId, type JobName } from './queue-names.js';
import { openRedis } from './redis-connection.js';

const POLL_MS = 500;

export interface SubmitOptions {
  /** Wait for the job to finish (default); false: return once it is queued. */
  wait: boolean;
  onProgress?: (progress: JobProgress | { phase: 'queued' }) => void;
}

export interface Submitted {
  requestId: number;
  mode: 'bullmq' | 'in-process';
  /** The request as PostgreSQL records it (finished when `wait` was true). */
  request: JobRequest;
}

function isFinished(request: JobRequest): boolean {
  return request.status === 'done' || request.status === 'failed';
}

/**
 * Records a job request in PostgreSQL, then runs it: on a BullMQ queue with REDIS_URL (waiting
 * for a worker unless told not to), otherwise here, in-process, through the same processors.
 */
export async function submitJob<K extends JobName>(
  store: Store,
  config: Config,
  settings: JobSettings,
  kind: K,
  payload: JobPayloads[K],
  options: SubmitOptions,
): Promise<Submitted> {
  const mode = jobMode(config);
  parsePayload(kind, payload);
  if (mode === 'in-process') {
    const requestId = await createRequest(store.db, { kind, payload, enqueued: true });
    const request = await runInProcess(requestId, { store, config, settings, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    return { requestId, mode, request };
  }
  const redis = await openRedis(config.redisUrl!);
  const queues = openQueues(redis, settings.queuePrefix);
  try {
    // Recorded first: if Redis loses the job, the sweeper puts it back from here.
    const requestId = await createRequest(store.db, { kind, payload, enqueued: true });
    await enqueueRequest(queues, settings, { id: requestId, kind });
    let request = (await getRequest(store.db, requestId))!;
    if (!options.wait) return { requestId, mode, request };
    let lastProgress = '';
    while (!isFinished(request)) {
      await sleep(POLL_MS);
      request = (await getRequest(store.db, requestId))!;
      const job = await queues[kind].getJob(queueJobId(requestId));
      const progress = job?.progress;
      const current = request.status === 'pending' ? { phase: 'queued' as const } : typeof progress === 'object' && progress !== null ? (progress as JobProgress) : null;
      const text = JSON.stringify(current);
      if (current && text !== lastProgress) {
        lastProgress = text;
        options.onProgress?.(current);
      }
    }
    return { requestId, mode, request };
  } finally {
    await closeQueues(queues);
    redis.disconnect();
  }
}
