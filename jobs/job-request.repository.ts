import { sql, type Kysely } from 'kysely';
import type { Database } from '../schemas/database.js';
import type { JobName } from './queue-names.js';

export type JobRequestStatus = 'pending' | 'running' | 'done' | 'failed';

/** One row of job_request, camel-cased. */
export interface JobRequest {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  status: JobRequestStatus;
  attempts: number;
  lastErrorCode: string | null;
  parentId: number | null;
  seq: number | null;
  createdAt: string;
  enqueuedAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  result: Record<string, unknown> | null;
}

/** A request ready to go on a queue. */
export interface QueuedRequest {
  id: number;
  kind: string;
}

type Db = Kysely<Database>;

const COLUMNS = [
  'id', 'kind', 'payload', 'status', 'attempts', 'last_error_code', 'parent_id', 'seq',
  'created_at', 'enqueued_at', 'started_at', 'finished_at', 'result',
] as const;

interface JobRequestRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  status: JobRequestStatus;
  attempts: number;
  last_error_code: string | null;
  parent_id: number | null;
  seq: number | null;
  created_at: string;
  enqueued_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  result: Record<string, unknown> | null;
}

export function jobRequestRowToRequest(row: JobRequestRow): JobRequest {
  return {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    lastErrorCode: row.last_error_code,
    parentId: row.parent_id,
    seq: row.seq,
    createdAt: row.created_at,
    enqueuedAt: row.enqueued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    result: row.result,
  };
}

export interface NewRequest {
  kind: JobName;
  payload: object;
  parentId?: number;
  seq?: number;
  /** Marks the request as handed to the queue now (it is about to be added). */
  enqueued?: boolean;
}

export async function createRequest(db: Db, request: NewRequest): Promise<number> {
  const { id } = await db
    .insertInto('job_request')
    .values({
      kind: request.kind,
      payload: JSON.stringify(request.payload),
      parent_id: request.parentId ?? null,
      seq: request.seq ?? null,
      external_key: null,
      enqueued_at: request.enqueued ? sql<string>`now()` : null,
      started_at: null,
      finished_at: null,
      last_error_code: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The request behind an outside key (a scheduler's job id): created once, found after. */
export async function requestForExternalKey(db: Db, kind: JobName, payload: object, externalKey: string): Promise<number> {
  await db
    .insertInto('job_request')
    .values({
      kind,
      payload: JSON.stringify(payload),
      parent_id: null,
      seq: null,
      external_key: externalKey,
      enqueued_at: sql<string>`now()`,
      started_at: null,
      finished_at: null,
      last_error_code: null,
    })
    .onConflict((oc) => oc.column('external_key').doNothing())
    .execute();
  const row = await db.selectFrom('job_request').select('id').where('external_key', '=', externalKey).executeTakeFirstOrThrow();
  return row.id;
}

export async function getRequest(db: Db, id: number): Promise<JobRequest | null> {
  const row = await db.selectFrom('job_request').select(COLUMNS).where('id', '=', id).executeTakeFirst();
  return row ? jobRequestRowToRequest(row) : null;
}

/**
 * Takes a request for one attempt. The guard lives here: a request already done is returned
 * as it is (the caller does nothing), so a job delivered twice changes nothing the second time.
 */
export async function claimRequest(db: Db, id: number): Promise<JobRequest | null> {
  const claimed = await db
    .updateTable('job_request')
    .set({
      status: 'running',
      attempts: sql<number>`attempts + 1`,
      started_at: sql<string>`now()`,
      enqueued_at: sql<string>`coalesce(enqueued_at, now())`,
    })
    .where('id', '=', id)
    .where('status', '<>', 'done')
    .returning(COLUMNS)
    .executeTakeFirst();
  if (claimed) return jobRequestRowToRequest(claimed);
  return getRequest(db, id);
}

/** Records success once; a second call (a duplicate delivery) changes nothing. */
export async function markDone(db: Db, id: number, result: object): Promise<void> {
  await db
    .updateTable('job_request')
    .set({ status: 'done', result: JSON.stringify(result), finished_at: sql<string>`now()`, last_error_code: null })
    .where('id', '=', id)
    .where('status', '<>', 'done')
    .execute();
}

export async function markFailed(db: Db, id: number, code: string): Promise<void> {
  await db
    .updateTable('job_request')
    .set({ status: 'failed', last_error_code: code, finished_at: sql<string>`now()` })
    .where('id', '=', id)
    .where('status', '<>', 'done')
    .execute();
}

/** A failed attempt that will be retried: the code is kept, the request stays open. */
export async function recordAttemptError(db: Db, id: number, code: string): Promise<void> {
  await db.updateTable('job_request').set({ last_error_code: code }).where('id', '=', id).where('status', '<>', 'done').execute();
}

export async function markEnqueued(db: Db, id: number): Promise<void> {
  await db.updateTable('job_request').set({ enqueued_at: sql<string>`now()` }).where('id', '=', id).execute();
}

export async function childrenOf(db: Db, parentId: number): Promise<JobRequest[]> {
  const rows = await db.selectFrom('job_request').select(COLUMNS).where('parent_id', '=', parentId).orderBy('seq').execute();
  return rows.map(jobRequestRowToRequest);
}

/**
 * Open requests that a queue should hold by now: handed to the queue more than `pendingMs`
 * ago and not started, or started more than `runningMs` ago and not finished. Parents waiting
 * for their children are listed separately (their children carry the work).
 */
export async function findStaleRequests(db: Db, limits: { pendingMs: number; runningMs: number }): Promise<QueuedRequest[]> {
  const { rows } = await sql<QueuedRequest>`
    SELECT r.id, r.kind FROM job_request r
    WHERE ((r.status = 'pending' AND r.enqueued_at < now() - make_interval(secs => ${limits.pendingMs / 1000}))
        OR (r.status = 'running' AND r.started_at < now() - make_interval(secs => ${limits.runningMs / 1000})))
      AND NOT EXISTS (SELECT 1 FROM job_request c WHERE c.parent_id = r.id)
    ORDER BY r.id`.execute(db);
  return rows;
}

/** Parents still open whose children were planned more than `pendingMs` ago. */
export async function findOpenParents(db: Db, pendingMs: number): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    SELECT r.id FROM job_request r
    WHERE r.status IN ('pending', 'running')
      AND r.started_at < now() - make_interval(secs => ${pendingMs / 1000})
      AND EXISTS (SELECT 1 FROM job_request c WHERE c.parent_id = r.id)
    ORDER BY r.id`.execute(db);
  return rows.map((r) => r.id);
}

export async function requestCounts(db: Db): Promise<{ kind: string; status: string; n: number }[]> {
  const { rows } = await sql<{ kind: string; status: string; n: number }>`
    SELECT kind, status, count(*)::int AS n FROM job_request GROUP BY kind, status ORDER BY kind, status`.execute(db);
  return rows;
}

export async function recentFailedRequests(db: Db, limit: number): Promise<JobRequest[]> {
  const rows = await db
    .selectFrom('job_request')
    .select(COLUMNS)
    .where('status', '=', 'failed')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(jobRequestRowToRequest);
}

export async function latestRequestOfKind(db: Db, kind: JobName): Promise<JobRequest | null> {
  const row = await db.selectFrom('job_request').select(COLUMNS).where('kind', '=', kind).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? jobRequestRowToRequest(row) : null;
}
