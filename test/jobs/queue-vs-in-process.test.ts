import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Redis } from 'ioredis';
import { sql } from 'kysely';
import { readConfig } from '../../pipeline/config.js';
import { SOURCES } from '../../schemas/canonical.js';
import { enqueueRequest, startWorkers, type WorkerHandle } from '../../jobs/bullmq.runner.js';
import { runInProcess } from '../../jobs/in-process.runner.js';
import { childrenOf, createRequest, getRequest, type JobRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { startSweeper, type SweepReport } from '../../jobs/sweeper.js';
import { COUNTY, readCsvObjects } from '../support/county.js';
import { addDays, format } from 'date-fns';
import { bookMeeting } from '../../pipeline/meetings/booking.service.js';
import { upsertUser } from '../../pipeline/trawl/user.repository.js';
import { familySummaryRows, personMentionRows } from '../support/people.js';
import { connectTestRedis, deletePrefix, dumpPrefix, TEST_REDIS_URL, uniqueQueuePrefix } from '../support/redis.js';
import { runCli, startCli } from '../support/run-cli.js';
import { snapshotStore } from '../support/snapshot.js';
import { createTestStore, type TestStore } from '../support/stores.js';
import { waitFor } from './wait-for.js';

/** An overnight inbox: each source's county extract as a full delivery, a repeated education delivery, and a stray folder. */
function makeInbox(): string {
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-inbox-'));
  for (const source of SOURCES) {
    fs.mkdirSync(path.join(inbox, source));
    fs.symlinkSync(path.join(COUNTY, source), path.join(inbox, source, '2026-11-01-full'));
  }
  fs.symlinkSync(path.join(COUNTY, 'education'), path.join(inbox, 'education', '2026-11-08'));
  fs.mkdirSync(path.join(inbox, 'pets', '2026-11-01'), { recursive: true });
  return inbox;
}

/** The county's personal names (forenames and surnames), for canary scans. */
function countyNames(): string[] {
  const names = new Set<string>();
  for (const p of readCsvObjects(path.join(COUNTY, 'truth', 'people.csv'))) {
    for (const name of [p['forename'], p['surname']]) if (name && name.length >= 3) names.add(name.toLowerCase());
  }
  return [...names];
}

function namesFoundIn(text: string, names: string[]): string[] {
  const lower = text.toLowerCase();
  return names.filter((name) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(lower));
}

const BOOKED = ['education:pupils:A855209519001', 'education:pupils:X855205217001'];
const TOMORROW = format(addDays(new Date(), 1), 'yyyy-MM-dd');

function waitDone(t: TestStore, id: number, timeoutMs = 120_000): Promise<JobRequest> {
  return waitFor(`request ${id} to finish`, async () => {
    const r = await getRequest(t.store.db, id);
    return r?.status === 'done' || r?.status === 'failed' ? r : undefined;
  }, timeoutMs, 200);
}

describe('BullMQ on Redis and in-process give the same store', () => {
  const inbox = makeInbox();
  let reference: TestStore;
  let redis: Redis;
  const stores: TestStore[] = [];
  const prefixes: string[] = [];

  beforeAll(async () => {
    redis = await connectTestRedis();
    // The in-process run (no Redis), on the embedded store: the overnight batch over the inbox.
    reference = await createTestStore('pglite');
    const config = readConfig({ MASH_DATA_DIR: reference.dataDir });
    const id = await createRequest(reference.store.db, { kind: 'batch', payload: { inbox }, enqueued: true });
    const batch = await runInProcess(id, { store: reference.store, config, settings: readJobSettings({}) });
    expect(batch.status).toBe('done');
    expect(batch.result).toMatchObject({ deliveries: 6, loaded: 6, failed: 0, skipped: [{ folder: 'pets', reason: 'UNKNOWN_SOURCE' }] });
    // Two families booked on tomorrow's meeting; the next overnight run builds their summaries and pack.
    await upsertUser(reference.store.db, 'hub-analyst', 'analyst');
    await bookMeeting(reference.store.db, {
      hub: 'North Locality', date: TOMORROW, subjectKeys: BOOKED, purpose: 'early-help', consent: 'none', lawfulBasis: null, bookedBy: 'hub-analyst',
    });
    const next = await createRequest(reference.store.db, { kind: 'batch', payload: { inbox }, enqueued: true });
    const again = await runInProcess(next, { store: reference.store, config, settings: readJobSettings({}) });
    expect(again.result).toMatchObject({ loaded: 0, summaries: { families: 2, built: 2 }, packs: { packs: 1 } });
  }, 240_000);

  afterAll(async () => {
    for (const prefix of prefixes) await deletePrefix(redis, prefix);
    redis.disconnect();
    await reference.drop();
    for (const t of stores) await t.drop();
    fs.rmSync(inbox, { recursive: true, force: true });
  });

  it('`mash ingest`, `mash batch` and `mash match` queue their jobs, wait for `mash worker`, and give the same people; Redis holds no personal name', async () => {
    const t = await createTestStore('postgres');
    stores.push(t);
    const prefix = uniqueQueuePrefix();
    prefixes.push(prefix);
    const env = { DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir, MASH_QUEUE_PREFIX: prefix };
    let worker: ChildProcess | null = startCli(['worker', '--concurrency', '2'], env);
    let workerLog = '';
    worker.stderr!.on('data', (d: Buffer) => (workerLog += d.toString()));
    try {
      let output = '';
      const ingest = await runCli(['ingest', 'education', path.join(COUNTY, 'education'), '--extract-date', '2026-11-01', '--mode', 'full'], env);
      expect(ingest.code).toBe(0);
      expect(ingest.stdout).toContain('education full 2026-11-01 — loaded');
      const batch = await runCli(['batch', '--inbox', inbox], env);
      expect(batch.code).toBe(0);
      // education's 2026-11-01 delivery was loaded by `mash ingest` above: the batch finds it unchanged.
      expect(batch.stdout).toContain('6 deliveries: 5 loaded, 1 unchanged, 0 rejected, 0 failed\nskipped: pets (UNKNOWN_SOURCE)\nmatch: 3131 mentions');
      const match = await runCli(['match'], env);
      expect(match.code).toBe(0);
      expect(match.stdout).toMatch(/^match: up to date/);
      output += ingest.stdout + ingest.stderr + batch.stdout + batch.stderr + match.stdout + match.stderr;
      const noWait = await runCli(['match', '--no-wait'], env);
      expect(noWait.stdout).toMatch(/^job \d+ queued \(match\)/);
      const queuedId = Number(/^job (\d+)/.exec(noWait.stdout)![1]);
      expect((await waitDone(t, queuedId)).result).toMatchObject({ upToDate: true });
      const jobs = await runCli(['jobs'], env);
      expect(jobs.code).toBe(0);
      expect(jobs.stdout).toMatch(/ingest\s+0\s+0\s+0\s+7\s+0/);
      expect(jobs.stdout).toContain('last overnight run: request');
      output += match.stdout + match.stderr + noWait.stdout + jobs.stdout + jobs.stderr;

      // Booked families: the overnight run on the workers rebuilds their summaries and prints the pack.
      expect((await runCli(['users', 'add', 'hub-analyst', '--role', 'analyst'], env)).code).toBe(0);
      const book = await runCli(['meetings', 'add', '--hub', 'North Locality', '--date', TOMORROW, '--subject', ...BOOKED, '--as', 'hub-analyst'], env);
      expect(book.stdout).toMatch(/^meeting \d+ \(North Locality, \d{4}-\d{2}-\d{2}\): 2 families booked/);
      const overnight = await runCli(['batch', '--inbox', inbox], env);
      expect(overnight.code).toBe(0);
      expect(overnight.stdout).toContain('summaries: 2 booked families changed: 2 rebuilt');
      expect(overnight.stdout).toMatch(/packs: 1 printed for 1 meetings:\n {2}\S+pack-\S+-north-locality-run\d+\.pdf/);
      expect(await familySummaryRows(t.store.db)).toEqual(await familySummaryRows(reference.store.db));
      output += book.stdout + book.stderr + overnight.stdout + overnight.stderr;

      // A trawl is a queued summary job too: the worker answers, the command prints the summary.
      const trawl = await runCli(['trawl', '--record', BOOKED[0]!, '--purpose', 'early-help', '--consent', 'none', '--as', 'hub-analyst'], env);
      expect(trawl.code).toBe(0);
      const summary = JSON.parse(trawl.stdout) as { subject: { personId: string } };
      const { rows: subject } = await sql<{ person_id: string }>`SELECT person_id FROM person_mention WHERE record_key = ${BOOKED[0]!}`.execute(reference.store.db);
      expect(summary.subject.personId).toBe(subject[0]!.person_id);
      // By name: the name and date of birth stay in PostgreSQL (the canary scan of Redis below).
      const byName = await runCli(['trawl', '--forename', 'Leanne', '--surname', 'Hardcastle', '--dob', '1997-04-18', '--purpose', 'early-help', '--consent', 'none', '--as', 'hub-analyst'], env);
      expect(byName.code).toBe(0);
      expect((JSON.parse(byName.stdout) as { subject: { name: string } }).subject.name).toContain('Hardcastle');

      expect(await personMentionRows(t.store.db)).toEqual(await personMentionRows(reference.store.db));

      const names = countyNames();
      expect(names.length).toBeGreaterThan(200);
      expect(namesFoundIn(`folder "x/${names[0]!.toUpperCase()}/y"`, names)).toEqual([names[0]]);
      const dump = await dumpPrefix(redis, prefix);
      expect(dump.keys).toBeGreaterThan(10);
      expect(dump.text).toContain('req-');
      expect(namesFoundIn(dump.text, names)).toEqual([]);
      expect(namesFoundIn(output + workerLog, names)).toEqual([]);

      worker.kill('SIGTERM');
      const code = await new Promise((resolve) => worker!.once('close', resolve));
      worker = null;
      expect(code).toBe(0);
      expect(workerLog).toContain('worker stopped');
    } finally {
      worker?.kill('SIGKILL');
    }
  }, 240_000);

  it('the overnight batch survives its Redis keys being deleted mid-run: the sweeper re-enqueues, nothing is lost or doubled', async () => {
    const t = await createTestStore('postgres');
    stores.push(t);
    const prefix = uniqueQueuePrefix();
    prefixes.push(prefix);
    const settings = readJobSettings({
      MASH_QUEUE_PREFIX: prefix,
      MASH_SWEEP_INTERVAL_MS: '250',
      MASH_SWEEP_PENDING_MS: '500',
      MASH_SWEEP_RUNNING_MS: '500',
    });
    const config = readConfig({ DATABASE_URL: t.databaseUrl!, REDIS_URL: TEST_REDIS_URL, MASH_DATA_DIR: t.dataDir });
    let handle: WorkerHandle | null = startWorkers({ store: t.store, config, settings, connection: redis, concurrency: 1 });
    const sweeps: SweepReport[] = [];
    let sweeper: { stop(): Promise<void> } | null = null;
    try {
      const id = await createRequest(t.store.db, { kind: 'batch', payload: { inbox }, enqueued: true });
      await enqueueRequest(handle.queues, settings, { id, kind: 'batch' });
      await waitFor('two deliveries to load', async () => (await childrenOf(t.store.db, id)).filter((c) => c.status === 'done').length >= 2, 60_000, 50);

      // The worker stops (finishing the delivery in hand, which queues the next), then Redis loses everything.
      await handle.close();
      handle = null;
      const next = (await childrenOf(t.store.db, id)).find((c) => c.status === 'pending');
      expect(next?.enqueuedAt).not.toBeNull();
      expect(await deletePrefix(redis, prefix)).toBeGreaterThan(0);

      handle = startWorkers({ store: t.store, config, settings, connection: redis, concurrency: 1 });
      const h = handle;
      sweeper = startSweeper(t.store, h.queues, settings, h.enqueue, (r) => {
        if (!('error' in r)) sweeps.push(r);
      });
      const batch = await waitDone(t, id);
      expect(batch.status).toBe('done');
      expect(sweeps.reduce((n, s) => n + s.reenqueued, 0)).toBeGreaterThanOrEqual(1);

      const children = await childrenOf(t.store.db, id);
      expect(children.map((c) => [c.kind, c.status, c.attempts])).toEqual([
        ...Array.from({ length: 6 }, () => ['ingest', 'done', 1]),
        ['match', 'done', 1],
        ['refresh', 'done', 1],
        ['pack', 'done', 1],
      ]);
      expect(batch.result).toMatchObject({ deliveries: 6, loaded: 6, failed: 0 });
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM extract`.execute(t.store.db);
      expect(rows[0]!.n).toBe(6);
      expect(await snapshotStore(t.store.db)).toEqual(await snapshotStore(reference.store.db));
      expect(await personMentionRows(t.store.db)).toEqual(await personMentionRows(reference.store.db));

      // The same inbox again: every delivery is already loaded, matching is up to date.
      const again = await createRequest(t.store.db, { kind: 'batch', payload: { inbox }, enqueued: true });
      await enqueueRequest(h.queues, settings, { id: again, kind: 'batch' });
      expect((await waitDone(t, again)).result).toMatchObject({ deliveries: 6, loaded: 0, unchanged: 6, match: { upToDate: true } });

      expect(namesFoundIn((await dumpPrefix(redis, prefix)).text, countyNames())).toEqual([]);
    } finally {
      await sweeper?.stop();
      await handle?.close();
    }
  }, 240_000);
});
