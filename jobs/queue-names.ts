/**
 * Job names. Each has one queue (BullMQ) of the same name and one processor; a worker refuses
 * to start when a name has no processor.
 */
export const JOB_NAMES = ['ingest', 'match', 'refresh', 'summary', 'pack', 'batch'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** Job names whose requests may run side by side on one worker process (`--concurrency`). */
export const CONCURRENT_JOB_NAMES: readonly JobName[] = ['ingest', 'summary'];

/** Redis key prefix when MASH_QUEUE_PREFIX is not set. */
export const DEFAULT_QUEUE_PREFIX = 'mash';

/** The nightly batch's BullMQ job scheduler id. */
export const NIGHTLY_SCHEDULER_ID = 'nightly-batch';

export function isJobName(value: unknown): value is JobName {
  return typeof value === 'string' && (JOB_NAMES as readonly string[]).includes(value);
}

/** A request's BullMQ job id: deterministic, so adding the same request twice adds one job. */
export function queueJobId(requestId: number): string {
  return `req-${requestId}`;
}
