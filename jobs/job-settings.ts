import path from 'node:path';
import { JobConfigError } from './job-errors.js';
import { DEFAULT_QUEUE_PREFIX } from './queue-names.js';

/**
 * Job-system settings, read once from the environment and frozen. Errors name the variable,
 * never its value. Defaults suit production; tests shorten the times.
 */
export interface JobSettings {
  /** MASH_QUEUE_PREFIX: Redis key prefix of every queue (default `mash`). */
  readonly queuePrefix: string;
  /** MASH_INBOX: the overnight inbox folder. */
  readonly inbox: string | null;
  /** MASH_JOB_ATTEMPTS: tries per job before it fails (default 5). */
  readonly attempts: number;
  /** MASH_JOB_BACKOFF_MS: first retry delay; doubles each time, with ±50% jitter (default 5 s). */
  readonly backoffMs: number;
  /** MASH_JOB_LOCK_MS: a job's lock; a worker that stops renewing it for this long is presumed dead (default 60 s). */
  readonly lockMs: number;
  /** MASH_JOB_STALLED_MS: how often workers look for jobs whose lock expired (default 30 s). */
  readonly stalledMs: number;
  /** MASH_SWEEP_INTERVAL_MS: how often the sweeper compares PostgreSQL with Redis (default 60 s). */
  readonly sweepIntervalMs: number;
  /** MASH_SWEEP_PENDING_MS: a queued request not started after this long is checked (default 60 s). */
  readonly sweepPendingMs: number;
  /** MASH_SWEEP_RUNNING_MS: a started request not finished after this long is checked (default 30 min). */
  readonly sweepRunningMs: number;
}

function wholeNumber(env: NodeJS.ProcessEnv, variable: string, fallback: number, min = 1): number {
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new JobConfigError('BAD_SETTING', `${variable} must be a whole number ≥ ${min}`);
  return value;
}

export function readJobSettings(env: NodeJS.ProcessEnv = process.env): JobSettings {
  const prefix = env['MASH_QUEUE_PREFIX']?.trim() || DEFAULT_QUEUE_PREFIX;
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new JobConfigError('BAD_SETTING', 'MASH_QUEUE_PREFIX may hold letters, digits, - and _ only');
  const inbox = env['MASH_INBOX']?.trim();
  return Object.freeze({
    queuePrefix: prefix,
    inbox: inbox ? path.resolve(inbox) : null,
    attempts: wholeNumber(env, 'MASH_JOB_ATTEMPTS', 5),
    backoffMs: wholeNumber(env, 'MASH_JOB_BACKOFF_MS', 5000),
    lockMs: wholeNumber(env, 'MASH_JOB_LOCK_MS', 60_000, 1000),
    stalledMs: wholeNumber(env, 'MASH_JOB_STALLED_MS', 30_000, 500),
    sweepIntervalMs: wholeNumber(env, 'MASH_SWEEP_INTERVAL_MS', 60_000, 100),
    sweepPendingMs: wholeNumber(env, 'MASH_SWEEP_PENDING_MS', 60_000, 0),
    sweepRunningMs: wholeNumber(env, 'MASH_SWEEP_RUNNING_MS', 30 * 60_000, 0),
  });
}
