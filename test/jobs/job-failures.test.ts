import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { readConfig } from '../../pipeline/config.js';
import { enqueueRequest, startWorkers, type WorkerHandle } from '../../jobs/bullmq.runner.js';
import { runInProcess } from '../../jobs/in-process.runner.js';
import { createRequest, getRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings, type JobSettings } from '../../jobs/job-settings.js';
import { PROCESSORS } from '../../jobs/processor-registry.js';
import type { ProcessorRegistry } from '../../jobs/processor.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { connectTestRedis, deletePrefix, TEST_REDIS_URL, uniqueQueuePrefix } from '../support/redis.js';
import { waitFor } from './wait-for.js';

const BAD_INGEST = { source: 'police', folder: '/tmp/x', extractDate: '2026-11-01', mode: 'sideways', encoding: 'utf-8' };

describe('job failure semantics (PostgreSQL + Redis)', () => {
  let t: TestStore;
  let redis: Redis;
  let settings: JobSettings;
  let prefix: string;
  let handle: WorkerHandle | null = null;
  let flaky = 0;

  // The match processor throws a transient error (connection refused) on its first call.
  const registry: ProcessorRegistry = {
    ...PROCESSORS,
    match: () => {
      flaky++;
      if (flaky === 1) return Promise.reject(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }));
      return Promise.resolve({ kind: 'done', result: { ok: true } });
    },
  };

  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await createTestStore('postgres');
    prefix = uniqueQueuePrefix();
    settings = readJobSettings({ MASH_QUEUE_PREFIX: prefix, MASH_JOB_ATTEMPTS: '4', MASH_JOB_BACKOFF_MS: '100' });
    const config = readConfig({ DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir });
    handle = startWorkers({ store: t.store, config, settings, connection: redis, concurrency: 1, registry });
  });

  afterAll(async () => {
    await handle?.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await t.drop();
  });

  it('fails a malformed payload at once, without retry, with a code in Redis and PostgreSQL', async () => {
    const id = await createRequest(t.store.db, { kind: 'ingest', payload: BAD_INGEST, enqueued: true });
    await enqueueRequest(handle!.queues, settings, { id, kind: 'ingest' });
    await waitFor('the job to fail', async () => (await handle!.queues.ingest.getJobState(`req-${id}`)) === 'failed');
    const job = (await handle!.queues.ingest.getJob(`req-${id}`))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('BAD_PAYLOAD');
    expect(job.stacktrace).toEqual([]);
    const request = await getRequest(t.store.db, id);
    expect(request).toMatchObject({ status: 'failed', attempts: 1, lastErrorCode: 'BAD_PAYLOAD' });
  });

  it('fails a queue job without a request id at once', async () => {
    await handle!.queues.ingest.add('ingest', { folder: '/tmp/x' }, { jobId: 'junk-1', attempts: 4 });
    await waitFor('the job to fail', async () => (await handle!.queues.ingest.getJobState('junk-1')) === 'failed');
    const job = (await handle!.queues.ingest.getJob('junk-1'))!;
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('BAD_PAYLOAD');
  });

  it('retries a transient error with backoff and succeeds; a second delivery changes nothing', async () => {
    const id = await createRequest(t.store.db, { kind: 'match', payload: { full: false }, enqueued: true });
    await enqueueRequest(handle!.queues, settings, { id, kind: 'match' });
    const request = await waitFor('the request to finish', async () => {
      const r = await getRequest(t.store.db, id);
      return r?.status === 'done' ? r : undefined;
    });
    expect(request.attempts).toBe(2);
    expect(flaky).toBe(2);
    const job = (await handle!.queues.match.getJob(`req-${id}`))!;
    expect(job.attemptsMade).toBe(2);

    // Delivered again (Redis lost it, the sweeper re-added it): the guard in PostgreSQL skips it.
    await job.remove();
    await enqueueRequest(handle!.queues, settings, { id, kind: 'match' });
    await waitFor('the duplicate to complete', async () => (await (await handle!.queues.match.getJob(`req-${id}`))?.isCompleted()) ?? false);
    expect(flaky).toBe(2);
    const { rows } = await sql<{ attempts: number }>`SELECT attempts FROM job_request WHERE id = ${id}`.execute(t.store.db);
    expect(rows[0]!.attempts).toBe(2);
  });

  it('runs the same guards in-process: a malformed payload fails once, without retry', async () => {
    const id = await createRequest(t.store.db, { kind: 'ingest', payload: BAD_INGEST, enqueued: true });
    const config = readConfig({ DATABASE_URL: t.databaseUrl!, MASH_DATA_DIR: t.dataDir });
    const request = await runInProcess(id, { store: t.store, config, settings });
    expect(request).toMatchObject({ status: 'failed', attempts: 1, lastErrorCode: 'BAD_PAYLOAD' });
  });
});
