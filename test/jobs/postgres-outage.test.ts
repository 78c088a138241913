import path from 'node:path';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { readConfig } from '../../pipeline/config.js';
import { openStore } from '../../pipeline/store/open-store.js';
import type { Store } from '../../pipeline/store/store.js';
import { enqueueRequest, startWorkers, type WorkerHandle } from '../../jobs/bullmq.runner.js';
import { runInProcess } from '../../jobs/in-process.runner.js';
import { createRequest, getRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { COUNTY } from '../support/county.js';
import { connectTestRedis, deletePrefix, TEST_REDIS_URL, uniqueQueuePrefix } from '../support/redis.js';
import { snapshotStore } from '../support/snapshot.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { waitFor } from './wait-for.js';

const INGEST = { source: 'police', folder: path.join(COUNTY, 'police'), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' };

describe('PostgreSQL unreachable for a while (PostgreSQL + Redis)', () => {
  let t: TestStore;
  let clean: TestStore;
  let redis: Redis;
  let proxy: TcpProxy;
  let workerStore: Store;
  let handle: WorkerHandle | null = null;
  const prefix = uniqueQueuePrefix();

  beforeAll(async () => {
    redis = await connectTestRedis();
    t = await createTestStore('postgres');
    clean = await createTestStore('postgres');
    // The worker reaches PostgreSQL only through the proxy, so the test can cut it off.
    const direct = new URL(t.databaseUrl!);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const viaProxy = new URL(t.databaseUrl!);
    viaProxy.port = String(proxy.port);
    workerStore = await openStore({ databaseUrl: viaProxy.toString(), dataDir: t.dataDir });
  });

  afterAll(async () => {
    await handle?.close();
    await workerStore.close().catch(() => undefined);
    await proxy.close();
    await deletePrefix(redis, prefix);
    redis.disconnect();
    await t.drop();
    await clean.drop();
  });

  it('jobs retry with backoff while PostgreSQL is away and succeed once it returns, leaving the store as one clean run', async () => {
    const settings = readJobSettings({ MASH_QUEUE_PREFIX: prefix, MASH_JOB_ATTEMPTS: '8', MASH_JOB_BACKOFF_MS: '300' });
    const config = readConfig({ DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir });
    const failures: string[] = [];
    handle = startWorkers({
      store: workerStore, config, settings, connection: redis, concurrency: 1,
      onEvent: (e) => {
        if (e.type === 'failed' && e.code) failures.push(e.code);
      },
    });
    // Warm the worker's pool, then cut PostgreSQL off: open connections die, new ones are refused.
    await workerStore.db.selectFrom('extract').select('id').execute();
    await proxy.cut();

    const id = await createRequest(t.store.db, { kind: 'ingest', payload: INGEST, enqueued: true });
    await enqueueRequest(handle.queues, settings, { id, kind: 'ingest' });
    await waitFor('two failed attempts', () => Promise.resolve(failures.length >= 2 ? true : undefined), 30_000, 50);
    expect((await getRequest(t.store.db, id))?.status).toBe('pending');
    await sleep(500);
    await proxy.restore();

    const request = await waitFor('the request to finish', async () => {
      const r = await getRequest(t.store.db, id);
      return r?.status === 'done' || r?.status === 'failed' ? r : undefined;
    }, 60_000, 100);
    expect(request.status).toBe('done');
    const job = (await handle.queues.ingest.getJob(`req-${id}`))!;
    expect(job.attemptsMade).toBeGreaterThanOrEqual(2);
    expect(failures.every((code) => /^(ECONNREFUSED|ECONNRESET|PG_CONNECTION_LOST|PG_08\w+|PG_57P0\d)$/.test(code))).toBe(true);

    const once = await createRequest(clean.store.db, { kind: 'ingest', payload: INGEST, enqueued: true });
    await runInProcess(once, { store: clean.store, config: readConfig({ DATABASE_URL: clean.databaseUrl!, MASH_DATA_DIR: clean.dataDir }), settings });
    expect(await snapshotStore(t.store.db)).toEqual(await snapshotStore(clean.store.db));
  }, 120_000);
});
