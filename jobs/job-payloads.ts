import path from 'node:path';
import { SOURCES, type Source } from '../schemas/canonical.js';
import { ENCODINGS, type ExtractEncoding } from '../pipeline/ingest/csv-rows.js';
import type { JobName } from './queue-names.js';

/**
 * What each job needs, as stored in job_request.payload. Ids, paths, dates and flags only:
 * never a name, address or any other personal data.
 */
export interface IngestPayload {
  source: Source;
  /** Absolute path of the extract folder. */
  folder: string;
  extractDate: string;
  mode: 'full' | 'delta';
  encoding: ExtractEncoding;
}

export interface MatchPayload {
  full: boolean;
  retrain: boolean;
}

export interface BatchPayload {
  /** Absolute path of the inbox: `<inbox>/<source>/<delivery>/*.csv`. */
  inbox: string;
  /** Packs are printed for meetings in the next this many days (default 2). */
  packDays: number;
}

/** Plans summary rebuilds for booked families whose members changed (no input). */
export type RefreshPayload = Record<string, never>;

/** A trawl request held in PostgreSQL, or booked families whose summaries to rebuild: ids only. */
export type SummaryPayload = { trawlRequestId: number } | { meetingFamilyIds: number[] };

/** Prints the packs of meetings from today to `days` days ahead. */
export interface PackPayload {
  days: number;
}

export interface JobPayloads {
  ingest: IngestPayload;
  match: MatchPayload;
  refresh: RefreshPayload;
  summary: SummaryPayload;
  pack: PackPayload;
  batch: BatchPayload;
}

/** Packs cover meetings up to this many days ahead unless told otherwise. */
export const DEFAULT_PACK_DAYS = 2;
/** Booked families per summary job: small enough to spread over workers, large enough to batch. */
export const SUMMARY_CHUNK = 100;

/** What goes on a BullMQ job: a request id, or (from the nightly scheduler) the batch to create. */
export type QueueJobData = { requestId: number } | { schedulerId: string; inbox: string };

/** A payload that can never succeed: the job fails at once, without retries. */
export class BadPayloadError extends Error {
  readonly code = 'BAD_PAYLOAD';
  constructor(readonly kind: string, readonly field: string) {
    // The field's name only, never its value.
    super(`BAD_PAYLOAD: ${kind}.${field}`);
    this.name = 'BadPayloadError';
  }
}

type Raw = Record<string, unknown>;

function object(kind: string, raw: unknown): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new BadPayloadError(kind, '(payload)');
  return raw as Raw;
}

function oneOf<T extends string>(kind: string, raw: Raw, field: string, allowed: readonly T[]): T {
  const value = raw[field];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) throw new BadPayloadError(kind, field);
  return value as T;
}

function absolutePath(kind: string, raw: Raw, field: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || value.length === 0 || !path.isAbsolute(value)) throw new BadPayloadError(kind, field);
  return value;
}

function isoDate(kind: string, raw: Raw, field: string): string {
  const value = raw[field];
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new BadPayloadError(kind, field);
  }
  return value;
}

function id(kind: string, value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw new BadPayloadError(kind, field);
  return value;
}

function days(kind: string, raw: Raw, field: string): number {
  const value = raw[field] ?? DEFAULT_PACK_DAYS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 366) throw new BadPayloadError(kind, field);
  return value;
}

function flag(kind: string, raw: Raw, field: string): boolean {
  const value = raw[field] ?? false;
  if (typeof value !== 'boolean') throw new BadPayloadError(kind, field);
  return value;
}

const PARSERS: { [K in JobName]: (raw: unknown) => JobPayloads[K] } = {
  ingest(input) {
    const raw = object('ingest', input);
    return {
      source: oneOf('ingest', raw, 'source', SOURCES),
      folder: absolutePath('ingest', raw, 'folder'),
      extractDate: isoDate('ingest', raw, 'extractDate'),
      mode: oneOf('ingest', raw, 'mode', ['full', 'delta'] as const),
      encoding: oneOf('ingest', raw, 'encoding', ENCODINGS),
    };
  },
  match(input) {
    const raw = object('match', input);
    return { full: flag('match', raw, 'full'), retrain: flag('match', raw, 'retrain') };
  },
  refresh(input) {
    object('refresh', input);
    return {};
  },
  summary(input) {
    const raw = object('summary', input);
    if (raw['trawlRequestId'] !== undefined) return { trawlRequestId: id('summary', raw['trawlRequestId'], 'trawlRequestId') };
    const ids = raw['meetingFamilyIds'];
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > SUMMARY_CHUNK) throw new BadPayloadError('summary', 'meetingFamilyIds');
    return { meetingFamilyIds: ids.map((value) => id('summary', value, 'meetingFamilyIds')) };
  },
  pack(input) {
    const raw = object('pack', input);
    return { days: days('pack', raw, 'days') };
  },
  batch(input) {
    const raw = object('batch', input);
    return { inbox: absolutePath('batch', raw, 'inbox'), packDays: days('batch', raw, 'packDays') };
  },
};

/** Checks a stored payload against its job's shape (hand-written: one field at a time). */
export function parsePayload<K extends JobName>(kind: K, raw: unknown): JobPayloads[K] {
  return PARSERS[kind](raw);
}

export function parseQueueJobData(raw: unknown): QueueJobData {
  const data = object('job', raw);
  const requestId = data['requestId'];
  if (requestId !== undefined) {
    if (typeof requestId !== 'number' || !Number.isSafeInteger(requestId) || requestId <= 0) throw new BadPayloadError('job', 'requestId');
    return { requestId };
  }
  const schedulerId = data['schedulerId'];
  if (typeof schedulerId !== 'string' || schedulerId.length === 0) throw new BadPayloadError('job', 'requestId');
  return { schedulerId, inbox: absolutePath('job', data, 'inbox') };
}
