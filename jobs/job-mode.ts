import type { Config } from '../pipeline/config.js';
import { JobConfigError } from './job-errors.js';

export type JobMode = 'bullmq' | 'in-process';

/**
 * With REDIS_URL, jobs go on BullMQ queues and `mash worker` processes run them; without it,
 * the command's own process runs them through the same processors. REDIS_URL with the embedded
 * store is refused: PGlite belongs to one process, so no worker could open it.
 */
export function jobMode(config: Pick<Config, 'databaseUrl' | 'redisUrl'>): JobMode {
  if (!config.redisUrl) return 'in-process';
  if (!config.databaseUrl) {
    throw new JobConfigError(
      'REDIS_NEEDS_DATABASE_URL',
      'REDIS_URL is set but DATABASE_URL is not: queue workers cannot share the embedded store (it is locked to one process). Set DATABASE_URL, or unset REDIS_URL to run jobs in this process',
    );
  }
  return 'bullmq';
}
