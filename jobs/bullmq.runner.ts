import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../pipeline/config.js';
import type { Store } from '../pipeline/store/store.js';
import { errorCode, JobFailure, toJobFailure } from './job-errors.js';
import { parseQueueJobData, type QueueJobData } from './job-payloads.js';
import { requestForExternalKey, type QueuedRequest } from './job-request.repository.js';
import type { JobSettings } from './job-settings.js';
import type { JobContext, ProcessorRegistry } from './processor.js';
import { assertProcessors, PROCESSORS } from './processor-registry.js';
import { CONCURRENT_JOB_NAMES, isJobName, JOB_NAMES, type JobName } from './queue-names.js';
import { jobOptions } from './retry-policy.js';
import { runRequest, type Enqueue } from './run-request.js';

export type Queues = { readonly [K in JobName]: Queue };

export function openQueues(connection: Redis, prefix: string): Queues {
  const entries = JOB_NAMES.map((name) => [name, new Queue(name, { connection, prefix })] as const);
  return Object.fromEntries(entries) as unknown as Queues;
}

export async function closeQueues(queues: Queues): Promise<void> {
  await Promise.all(Object.values(queues).map((q: Queue) => q.close()));
}

/** Puts a request on its queue; its job id is derived from the request id, so twice is once. */
export async function enqueueRequest(queues: Queues, settings: Pick<JobSettings, 'attempts' | 'backoffMs'>, request: QueuedRequest): Promise<void> {
  if (!isJobName(request.kind)) throw new JobFailure('UNKNOWN_KIND', true);
  const data: QueueJobData = { requestId: request.id };
  await queues[request.kind].add(request.kind, data, jobOptions(settings, request.id));
}

function unrecoverable(code: string): UnrecoverableError {
  const error = new UnrecoverableError(code);
  error.stack = `UnrecoverableError: ${code}`;
  return error;
}

const PROGRESS_EVERY_MS = 1000;

/** Progress to Redis: at most once a second, except when the phase changes. */
function throttledProgress(job: Job): JobContext['progress'] {
  let last = 0;
  let phase = '';
  return async (progress) => {
    const now = Date.now();
    if (progress.phase === phase && now - last < PROGRESS_EVERY_MS) return;
    last = now;
    phase = progress.phase;
    await job.updateProgress({ ...progress });
  };
}

export interface WorkerOptions {
  store: Store;
  config: Config;
  settings: JobSettings;
  connection: Redis;
  /** Concurrent ingests and summary builds per process; matching, planning and packs run one at a time. */
  concurrency: number;
  registry?: ProcessorRegistry;
  /** Codes only: a job failed, or a worker hit a Redis/connection error. */
  onEvent?: (event: { type: 'failed' | 'completed' | 'error'; queue: string; jobId?: string; code?: string }) => void;
}

export interface WorkerHandle {
  readonly queues: Queues;
  readonly enqueue: Enqueue;
  /** Stops taking jobs, waits for the jobs in hand to finish, closes the queues. */
  close(): Promise<void>;
}

/**
 * BullMQ workers, one per job name, all calling the same processors as the in-process runner.
 * Matching runs in a worker thread (match.processor.ts), so lock renewal on this thread is
 * never starved; ingest streams its files and yields as it goes.
 */
export function startWorkers(options: WorkerOptions): WorkerHandle {
  const registry = options.registry ?? PROCESSORS;
  assertProcessors(registry);
  const { store, config, settings, connection } = options;
  const queues = openQueues(connection, settings.queuePrefix);
  const enqueue: Enqueue = (request) => enqueueRequest(queues, settings, request);

  async function process(job: Job): Promise<{ requestId: number }> {
    let data: QueueJobData;
    try {
      data = parseQueueJobData(job.data);
      if (!isJobName(job.name)) throw new JobFailure('UNKNOWN_KIND', true);
    } catch (error) {
      throw unrecoverable(errorCode(error));
    }
    try {
      let requestId: number;
      if ('requestId' in data) requestId = data.requestId;
      else if (job.name === 'batch') requestId = await requestForExternalKey(store.db, 'batch', { inbox: data.inbox }, `scheduler:${job.id ?? ''}`);
      else throw new JobFailure('BAD_PAYLOAD', true);
      const ctx: JobContext = { store, config, offloadCpu: true, progress: throttledProgress(job) };
      await runRequest(ctx, registry, requestId, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 }, enqueue);
      return { requestId };
    } catch (error) {
      const failure = toJobFailure(error);
      if (failure.permanent) throw unrecoverable(failure.code);
      throw failure;
    }
  }

  const workers = JOB_NAMES.map((name) => {
    const worker = new Worker(name, process, {
      connection,
      prefix: settings.queuePrefix,
      concurrency: CONCURRENT_JOB_NAMES.includes(name) ? options.concurrency : 1,
      lockDuration: settings.lockMs,
      stalledInterval: settings.stalledMs,
      maxStalledCount: 2,
    });
    worker.on('failed', (job, error) => options.onEvent?.({ type: 'failed', queue: name, ...(job?.id ? { jobId: job.id } : {}), code: errorCode(error) }));
    worker.on('completed', (job) => options.onEvent?.({ type: 'completed', queue: name, ...(job.id ? { jobId: job.id } : {}) }));
    worker.on('error', (error) => options.onEvent?.({ type: 'error', queue: name, code: errorCode(error) }));
    return worker;
  });

  return {
    queues,
    enqueue,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await closeQueues(queues);
    },
  };
}
