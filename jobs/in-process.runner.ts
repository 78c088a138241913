import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../pipeline/config.js';
import type { Store } from '../pipeline/store/store.js';
import { JobFailure } from './job-errors.js';
import { getRequest, type JobRequest } from './job-request.repository.js';
import type { JobSettings } from './job-settings.js';
import type { JobProgress, ProcessorRegistry } from './processor.js';
import { assertProcessors, PROCESSORS } from './processor-registry.js';
import { backoffDelay } from './retry-policy.js';
import { runRequest, type Enqueue } from './run-request.js';

export interface InProcessOptions {
  store: Store;
  config: Config;
  settings: Pick<JobSettings, 'attempts' | 'backoffMs'>;
  registry?: ProcessorRegistry;
  onProgress?: (progress: JobProgress, requestId: number) => void;
}

/**
 * Runs a request, and every request it queues (a batch's children), in this process through
 * the same processors and the same PostgreSQL guards as a BullMQ worker, with the same retry
 * policy. Used without REDIS_URL: the embedded store belongs to one process, so the process
 * that owns it does the work. Returns the request as PostgreSQL records it at the end.
 */
export async function runInProcess(requestId: number, options: InProcessOptions): Promise<JobRequest> {
  const registry = options.registry ?? PROCESSORS;
  assertProcessors(registry);
  const fifo: number[] = [requestId];
  const enqueue: Enqueue = (request) => {
    if (!fifo.includes(request.id)) fifo.push(request.id);
    return Promise.resolve();
  };
  for (let id = fifo.shift(); id !== undefined; id = fifo.shift()) {
    const current = id;
    const ctx = {
      store: options.store,
      config: options.config,
      offloadCpu: false,
      progress: (progress: JobProgress) => {
        options.onProgress?.(progress, current);
        return Promise.resolve();
      },
    };
    for (let attempt = 1; ; attempt++) {
      try {
        await runRequest(ctx, registry, current, { number: attempt, max: options.settings.attempts }, enqueue);
        break;
      } catch (error) {
        const permanent = error instanceof JobFailure && error.permanent;
        if (permanent || attempt >= options.settings.attempts) break;
        await sleep(backoffDelay(options.settings, attempt));
      }
    }
  }
  const request = await getRequest(options.store.db, requestId);
  if (request === null) throw new JobFailure('UNKNOWN_REQUEST', true);
  return request;
}
