/**
 * Job names. Each has one queue (BullMQ) of the same name and one processor; a worker refuses
 * to start when a name has no processor.
 */
export const JOB_NAMES = ['ingest', 'match', 'batch'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/**
 * Names later work will register (typed payloads in job-payloads.ts): `summary` (a trawl
 * request's family summary, payload `{ trawlRequestId }`) and `pack` (a hub meeting's pack).
 * They are not job names yet, so no queue is created and no processor is required for them.
 */
export const PLANNED_JOB_NAMES = ['summary', 'pack'] as const;
export type PlannedJobName = (typeof PLANNED_JOB_NAMES)[number];

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
