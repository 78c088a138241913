import type { Queue } from 'bullmq';
import type { JobSettings } from './job-settings.js';
import type { QueueJobData } from './job-payloads.js';
import { NIGHTLY_SCHEDULER_ID } from './queue-names.js';
import { retryOptions } from './retry-policy.js';

export const SCHEDULE_TIME_ZONE = 'Europe/London';
/** 02:00 London time, every night. */
export const DEFAULT_NIGHTLY_CRON = '0 2 * * *';

export interface Schedule {
  id: string;
  cron: string | null;
  timeZone: string | null;
  inbox: string | null;
  next: string | null;
}

/**
 * Creates (or updates) the nightly batch: a BullMQ job scheduler on the batch queue. Each job
 * it makes carries the scheduler id and the inbox path; the worker turns it into a batch
 * request in PostgreSQL, once per scheduled job.
 */
export async function upsertNightlyBatch(
  batchQueue: Queue,
  settings: Pick<JobSettings, 'attempts' | 'backoffMs'>,
  options: { cron: string; inbox: string; id?: string },
): Promise<Schedule> {
  const id = options.id ?? NIGHTLY_SCHEDULER_ID;
  const data: QueueJobData = { schedulerId: id, inbox: options.inbox };
  await batchQueue.upsertJobScheduler(id, { pattern: options.cron, tz: SCHEDULE_TIME_ZONE }, { name: 'batch', data, opts: retryOptions(settings) });
  const schedules = await listSchedules(batchQueue);
  return schedules.find((s) => s.id === id) ?? { id, cron: options.cron, timeZone: SCHEDULE_TIME_ZONE, inbox: options.inbox, next: null };
}

export async function listSchedules(batchQueue: Queue): Promise<Schedule[]> {
  const schedulers = await batchQueue.getJobSchedulers(0, -1, true);
  return schedulers.map((s) => {
    const data = s.template?.data as Partial<{ inbox: string }> | undefined;
    return {
      id: s.id ?? s.key,
      cron: s.pattern ?? null,
      timeZone: s.tz ?? null,
      inbox: typeof data?.inbox === 'string' ? data.inbox : null,
      next: typeof s.next === 'number' ? new Date(s.next).toISOString() : null,
    };
  });
}

export async function removeSchedule(batchQueue: Queue, id: string = NIGHTLY_SCHEDULER_ID): Promise<boolean> {
  return batchQueue.removeJobScheduler(id);
}
