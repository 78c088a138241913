import os from 'node:os';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { readConfig } from '../../pipeline/config.js';
import { startWorkers, type WorkerHandle } from '../../jobs/bullmq.runner.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { listSchedules, removeSchedule, upsertNightlyBatch } from '../../jobs/scheduler.js';
import { connectTestRedis, deletePrefix, TEST_REDIS_URL, uniqueQueuePrefix } from '../support/redis.js';
import { runCli } from '../support/run-cli.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { waitFor } from './wait-for.js';

describe('the nightly batch schedule (PostgreSQL + Redis)', () => {
  let t: TestStore;
  let redis: Redis;
  const prefix = uniqueQueuePrefix();

  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await createTestStore('postgres');
  });

  afterAll(async () => {
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await t.drop();
  });

  it('`mash schedule add|list|remove` manages a cron job scheduler in Europe/London time', async () => {
    const env = { DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir, MASH_QUEUE_PREFIX: prefix };
    const add = await runCli(['schedule', 'add', '--cron', '30 2 * * *', '--inbox', '/srv/inbox'], env);
    expect(add.stderr).toBe('');
    expect(add.stdout).toMatch(/^schedule nightly-batch: 30 2 \* \* \* \(Europe\/London\); inbox \/srv\/inbox; next run \d{4}-/);
    const list = await runCli(['schedule', 'list'], env);
    expect(list.stdout).toMatch(/nightly-batch\s+30 2 \* \* \*\s+Europe\/London\s+\/srv\/inbox/);
    const remove = await runCli(['schedule', 'remove'], env);
    expect(remove.stdout).toContain('schedule nightly-batch removed');
    const noRedis = await runCli(['schedule', 'list'], { ...env, REDIS_URL: '' });
    expect(noRedis.code).toBe(2);
    expect(noRedis.stderr).toContain('need REDIS_URL');
  }, 60_000);

  it("each job the scheduler makes becomes one batch request in PostgreSQL", async () => {
    const settings = readJobSettings({ MASH_QUEUE_PREFIX: prefix, MASH_JOB_ATTEMPTS: '1' });
    const config = readConfig({ DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir });
    const handle: WorkerHandle = startWorkers({ store: t.store, config, settings, connection: redis, concurrency: 1 });
    try {
      // Every second, on an inbox that does not exist: each run fails at once with a code.
      const missing = path.join(os.tmpdir(), `mash-no-inbox-${prefix}`);
      await upsertNightlyBatch(handle.queues.batch, settings, { cron: '* * * * * *', inbox: missing, id: 'test-every-second' });
      expect((await listSchedules(handle.queues.batch)).map((s) => [s.id, s.timeZone])).toEqual([['test-every-second', 'Europe/London']]);
      const rows = await waitFor('two scheduled runs', async () => {
        const { rows } = await sql<{ external_key: string; status: string; last_error_code: string; attempts: number }>`
          SELECT external_key, status, last_error_code, attempts FROM job_request WHERE kind = 'batch' ORDER BY id`.execute(t.store.db);
        return rows.length >= 2 && rows.every((r) => r.status === 'failed') ? rows : undefined;
      }, 20_000);
      expect(await removeSchedule(handle.queues.batch, 'test-every-second')).toBe(true);
      expect(new Set(rows.map((r) => r.external_key)).size).toBe(rows.length);
      for (const r of rows) expect(r).toMatchObject({ status: 'failed', last_error_code: 'INBOX_NOT_FOUND', attempts: 1 });
    } finally {
      await handle.close();
    }
  }, 60_000);
});
