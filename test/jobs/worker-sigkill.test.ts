import type { ChildProcess } from 'node:child_process';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { closeQueues, enqueueRequest, openQueues, type Queues } from '../../jobs/bullmq.runner.js';
import { createRequest, getRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { loadCounty } from '../support/county.js';
import { linkRows, personMentionRows } from '../support/people.js';
import { connectTestRedis, deletePrefix, TEST_REDIS_URL, uniqueQueuePrefix } from '../support/redis.js';
import { startCli } from '../support/run-cli.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { waitFor } from './wait-for.js';

/** Starts `mash worker` and resolves once it says it is ready. */
function startWorker(env: Record<string, string>): Promise<{ child: ChildProcess; log: () => string }> {
  const child = startCli(['worker'], env);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('worker ready')) resolve({ child, log: () => log });
    });
    child.once('close', (code) => reject(new Error(`worker exited (${code}) before it was ready: ${log}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

describe('a worker killed with SIGKILL mid-match (PostgreSQL + Redis)', () => {
  let killed: TestStore;
  let clean: TestStore;
  let redis: Redis;
  let queues: Queues;
  const prefix = uniqueQueuePrefix();
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    redis = await connectTestRedis();
    queues = openQueues(redis, prefix);
    killed = await createTestStore('postgres');
    clean = await createTestStore('postgres');
    await loadCounty(killed.store);
    await loadCounty(clean.store);
  }, 120_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await closeQueues(queues);
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await killed.drop();
    await clean.drop();
  });

  it('retries the job, and the store ends exactly as after one clean run; SIGTERM then stops a worker cleanly', async () => {
    const env = {
      DATABASE_URL: killed.databaseUrl!,
      REDIS_URL: TEST_REDIS_URL,
      MASH_DATA_DIR: killed.dataDir,
      MASH_QUEUE_PREFIX: prefix,
      // A dead worker's lock expires after 4 s; the next worker looks for such jobs every second.
      MASH_JOB_LOCK_MS: '4000',
      MASH_JOB_STALLED_MS: '1000',
    };
    const settings = readJobSettings(env);
    const first = await startWorker(env);
    children.push(first.child);

    const id = await createRequest(killed.store.db, { kind: 'match', payload: { full: false, retrain: false }, enqueued: true });
    await enqueueRequest(queues, settings, { id, kind: 'match' });
    // Mid-match: the model is trained and saved, the pairs are being scored, nothing is written yet.
    await waitFor('matching to be under way', async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM match_model`.execute(killed.store.db);
      return rows[0]!.n > 0;
    }, 30_000, 50);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect((await getRequest(killed.store.db, id))?.status).toBe('running');

    const second = await startWorker(env);
    children.push(second.child);
    const request = await waitFor('the retried match to finish', async () => {
      const r = await getRequest(killed.store.db, id);
      return r?.status === 'done' || r?.status === 'failed' ? r : undefined;
    }, 90_000, 250);
    expect(request.status).toBe('done');
    expect(request.attempts).toBe(2);

    await runMatch(clean.store, { full: false, retrain: false });
    const { rows: runs } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM match_run WHERE finished_at IS NOT NULL`.execute(killed.store.db);
    expect(runs[0]!.n).toBe(1);
    expect(await personMentionRows(killed.store.db)).toEqual(await personMentionRows(clean.store.db));
    expect(await linkRows(killed.store.db)).toEqual(await linkRows(clean.store.db));

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(second.log()).toContain('worker stopped');
  }, 180_000);
});
