import { IngestError } from '../pipeline/ingest/ingest.stage.js';
import { ExtractFolderError } from '../pipeline/ingest/extract-folder.js';
import { BadPayloadError } from './job-payloads.js';
import { UnknownTrawlRequestError } from '../pipeline/trawl/queued-trawl.service.js';
import { TrawlInputError } from '../pipeline/trawl/trawl-request.js';

/**
 * How a job ended in error, as the queue and `mash jobs` see it: a code (never a message that
 * could carry a value from the data) and whether another attempt could succeed.
 */
export class JobFailure extends Error {
  constructor(readonly code: string, readonly permanent: boolean) {
    super(code);
    this.name = 'JobFailure';
    // The queue stores stack traces; this one carries the code and nothing else.
    this.stack = `${this.name}: ${code}`;
  }
}

/** Settings for the job system are wrong (named by variable, never by value). */
export class JobConfigError extends Error {
  constructor(readonly code: string, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'JobConfigError';
  }
}

const TRANSIENT_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const PERMANENT_ERRNO = new Set(['ENOENT', 'ENOTDIR', 'EACCES', 'EISDIR']);
/** SQLSTATEs worth another attempt: connection lost, serialization/deadlock, server restarting, too many connections, a concurrent twin committed first. */
const TRANSIENT_SQLSTATE = /^(08...|40001|40P01|57P0[123]|53300|23505)$/;

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : null;
}

/** A short, data-free code for an error: SQLSTATE, errno, the project's `CODE: detail`, or the class name. */
export function errorCode(error: unknown): string {
  if (error instanceof JobFailure) return error.code;
  const code = codeOf(error);
  if (code !== null && /^[0-9A-Z]{5}$/.test(code) && !/^E[A-Z]+$/.test(code)) return `PG_${code}`;
  if (code !== null && /^E[A-Z_]+$/.test(code)) return code;
  if (error instanceof Error) {
    const prefix = /^([A-Z][A-Z0-9_]{2,}):/.exec(error.message)?.[1];
    if (prefix) return prefix;
    if (/Connection terminated|timeout exceeded when trying to connect/i.test(error.message)) return 'PG_CONNECTION_LOST';
    return error.name && error.name !== 'Error' ? error.name.replace(/[^A-Za-z0-9_]/g, '_') : 'UNKNOWN_ERROR';
  }
  return 'UNKNOWN_ERROR';
}

/** Errors no retry can fix: a bad payload, a missing folder, an invalid extract date. */
export function isPermanent(error: unknown): boolean {
  if (error instanceof JobFailure) return error.permanent;
  if (error instanceof BadPayloadError || error instanceof IngestError || error instanceof ExtractFolderError) return true;
  if (error instanceof TrawlInputError || error instanceof UnknownTrawlRequestError) return true;
  const code = codeOf(error);
  return code !== null && PERMANENT_ERRNO.has(code);
}

/** Errors that are expected to pass (used for reporting; anything not permanent is retried). */
export function isTransient(error: unknown): boolean {
  if (error instanceof JobFailure) return !error.permanent;
  const code = codeOf(error);
  if (code !== null && (TRANSIENT_ERRNO.has(code) || TRANSIENT_SQLSTATE.test(code))) return true;
  return error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/i.test(error.message);
}

/** The error handed to the queue: its message is the code alone. */
export function toJobFailure(error: unknown): JobFailure {
  if (error instanceof JobFailure) return error;
  return new JobFailure(errorCode(error), isPermanent(error));
}
