import { advanceParent } from './batch-chain.js';
import { BadPayloadError, parsePayload } from './job-payloads.js';
import { JobFailure, toJobFailure } from './job-errors.js';
import { claimRequest, markDone, markFailed, recordAttemptError, type QueuedRequest } from './job-request.repository.js';
import type { JobContext, ProcessorOutcome, ProcessorRegistry } from './processor.js';
import { isJobName, type JobName } from './queue-names.js';

/** Which try this is, and how many there will be at most. */
export interface Attempt {
  number: number;
  max: number;
}

/** Hands a request to whatever runs jobs (a BullMQ queue, or the in-process FIFO). */
export type Enqueue = (request: QueuedRequest) => Promise<void>;

function dispatch(registry: ProcessorRegistry, kind: JobName, ctx: JobContext, payload: unknown, id: number): Promise<ProcessorOutcome> {
  switch (kind) {
    case 'ingest':
      return registry.ingest(ctx, parsePayload('ingest', payload), id);
    case 'match':
      return registry.match(ctx, parsePayload('match', payload), id);
    case 'refresh':
      return registry.refresh(ctx, parsePayload('refresh', payload), id);
    case 'summary':
      return registry.summary(ctx, parsePayload('summary', payload), id);
    case 'pack':
      return registry.pack(ctx, parsePayload('pack', payload), id);
    case 'batch':
      return registry.batch(ctx, parsePayload('batch', payload), id);
  }
}

async function advance(ctx: JobContext, parentId: number, enqueue: Enqueue): Promise<void> {
  for (const next of await advanceParent(ctx.store, parentId)) await enqueue(next);
}

/**
 * One attempt at one request, the same for every runner. PostgreSQL holds the guard: a
 * request already done is skipped (a duplicate delivery changes nothing). On success the
 * result is recorded and a parent's next child queued; on failure the code is recorded, and
 * the request is closed as failed when no retry is left (or none could help). Throws a
 * JobFailure (message = code) for the runner to retry or not.
 */
export async function runRequest(ctx: JobContext, registry: ProcessorRegistry, requestId: number, attempt: Attempt, enqueue: Enqueue): Promise<void> {
  const db = ctx.store.db;
  let request;
  try {
    request = await claimRequest(db, requestId);
  } catch (error) {
    throw toJobFailure(error);
  }
  if (request === null) throw new JobFailure('UNKNOWN_REQUEST', true);
  try {
    if (request.status === 'done') {
      // Delivered again after it finished: nothing to do but make sure the chain moved on.
      if (request.parentId !== null) await advance(ctx, request.parentId, enqueue);
      return;
    }
    if (!isJobName(request.kind)) throw new BadPayloadError(request.kind, '(kind)');
    const outcome = await dispatch(registry, request.kind, ctx, request.payload, request.id);
    if (outcome.kind === 'done') {
      await markDone(db, request.id, outcome.result);
      if (request.parentId !== null) await advance(ctx, request.parentId, enqueue);
    } else {
      await advance(ctx, request.id, enqueue);
    }
  } catch (error) {
    const failure = toJobFailure(error);
    const final = failure.permanent || attempt.number >= attempt.max;
    try {
      if (final) {
        await markFailed(db, request.id, failure.code);
        if (request.parentId !== null) await advance(ctx, request.parentId, enqueue);
      } else {
        await recordAttemptError(db, request.id, failure.code);
      }
    } catch {
      // The store is unreachable too: the queue's retry (or the sweeper) will come back to it.
    }
    throw failure;
  }
}
