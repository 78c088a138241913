import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { addDays, format } from 'date-fns';
import { sql } from 'kysely';
import { closeQueues, enqueueRequest, openQueues } from '../jobs/bullmq.runner.js';
import { createRequest, getRequest, type JobRequest } from '../jobs/job-request.repository.js';
import { readJobSettings } from '../jobs/job-settings.js';
import { openRedis } from '../jobs/redis-connection.js';
import type { Store } from '../pipeline/store/store.js';
import { upsertUser } from '../pipeline/trawl/user.repository.js';
import { readCsv } from '../fixtures/generate/read-extract.testing.js';
import { preparedCountyStore } from './support/county-store.js';

/**
 * bench:batch — summaries rebuilt per second by 1 and by 2 `mash worker` processes (BullMQ on
 * Redis, PostgreSQL) for every family of a generated county booked on a hub meeting, and the
 * wall time of one overnight run (ingest, incremental match, rebuild of changed families, packs)
 * after a delta touching 1% of the families. BENCH_FAMILIES sets the county size.
 */
const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 100_000);
const BOOKED = Number(process.env['BENCH_BOOKED'] ?? FAMILIES);
const WORKER_COUNTS = (process.env['BENCH_WORKERS'] ?? '1,2').split(',').map(Number);
/** Summary jobs each worker process runs at once (`mash worker --concurrency`). */
const CONCURRENCY = process.env['BENCH_CONCURRENCY'] ?? '4';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const HUBS = ['North', 'South', 'East', 'West', 'Central', 'Riverside', 'Forest'].map((h) => `${h} Locality`);
const day = (n: number) => format(addDays(new Date(), n), 'yyyy-MM-dd');
const log = (line: string) => console.log(line);

/** One child's record key per family (a pupil where there is one), from the generator's truth. */
function subjectPerFamily(countyDir: string): string[] {
  const children = new Set(readCsv(path.join(countyDir, 'truth', 'people.csv')).rows.filter((p) => p['role'] === 'CHILD').map((p) => p['person_id']));
  const byFamily = new Map<string, string>();
  for (const m of readCsv(path.join(countyDir, 'truth', 'mentions.csv')).rows) {
    if (!children.has(m['person_id'])) continue;
    const key = m['record_key']!;
    const held = byFamily.get(m['family_id']!);
    if (held === undefined || (!held.startsWith('education:pupils:') && key.startsWith('education:pupils:'))) byFamily.set(m['family_id']!, key);
  }
  return [...byFamily.values()];
}

/** Books the families on meetings 3 to 90 days ahead (outside the pack window) and ten on tomorrow's. */
async function bookFamilies(store: Store, keys: string[]): Promise<void> {
  await sql`TRUNCATE pack_family, meeting_pack, family_summary, meeting_family, hub_meeting RESTART IDENTITY`.execute(store.db);
  await upsertUser(store.db, 'bench-coordinator', 'coordinator');
  const dates = Array.from({ length: 7 }, (_, i) => day(3 + i * 14));
  await sql`INSERT INTO hub_meeting (hub, meeting_date, created_by)
            SELECT h, d::date, 'bench-coordinator' FROM unnest(${sql.val(HUBS)}::text[]) h, unnest(${sql.val([...dates, day(1)])}::text[]) d`.execute(store.db);
  await sql`
    INSERT INTO meeting_family (meeting_id, subject_key, purpose, consent, booked_by)
    SELECT m.id, k.key, 'early-help', 'none', 'bench-coordinator'
    FROM unnest(${sql.val(keys)}::text[]) WITH ORDINALITY AS k(key, n)
    JOIN hub_meeting m ON m.hub = (${sql.val(HUBS)}::text[])[1 + (k.n % 7)]
                      AND m.meeting_date = (${sql.val(dates)}::text[])[1 + ((k.n / 7) % 7)]::date`.execute(store.db);
  await sql`
    INSERT INTO meeting_family (meeting_id, subject_key, purpose, consent, booked_by)
    SELECT m.id, k.key, 'early-help', 'none', 'bench-coordinator'
    FROM unnest(${sql.val(keys.slice(0, 10))}::text[]) AS k(key)
    JOIN hub_meeting m ON m.hub = ${HUBS[0]!} AND m.meeting_date = ${day(1)}::date`.execute(store.db);
}

function startWorkers(n: number, env: Record<string, string>): ChildProcess[] {
  return Array.from({ length: n }, () =>
    spawn(process.execPath, [path.join(ROOT, 'bin', 'mash.js'), 'worker', '--concurrency', CONCURRENCY], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] }),
  );
}

async function stopWorkers(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map((w) => new Promise((resolve) => (w.once('close', resolve), w.kill('SIGTERM')))));
}

async function submitAndWait(store: Store, env: Record<string, string>, kind: 'refresh' | 'batch', payload: object): Promise<{ request: JobRequest; seconds: number }> {
  const settings = readJobSettings(env);
  const redis = await openRedis(REDIS_URL);
  const queues = openQueues(redis, settings.queuePrefix);
  const started = performance.now();
  const id = await createRequest(store.db, { kind, payload, enqueued: true });
  await enqueueRequest(queues, settings, { id, kind });
  let request = (await getRequest(store.db, id))!;
  while (request.status !== 'done' && request.status !== 'failed') {
    await sleep(250);
    request = (await getRequest(store.db, id))!;
  }
  const seconds = (performance.now() - started) / 1000;
  await closeQueues(queues);
  redis.disconnect();
  return { request, seconds };
}

/**
 * A 1% education delta: one new suspension for the subject pupil of every hundredth booked family.
 * Dated a day earlier for every education extract the kept county already holds, so a rerun on
 * the same database brings new events rather than a file it has seen.
 */
function writeDelta(countyDir: string, inbox: string, keys: string[], earlierRuns: number): number {
  const schoolOf = new Map(readCsv(path.join(countyDir, 'education', 'pupils.csv')).rows.map((p) => [p['upn']!, p['school_urn']!]));
  const upns = keys.filter((k, i) => i % 100 === 0 && k.startsWith('education:pupils:')).map((k) => k.slice('education:pupils:'.length));
  const folder = path.join(inbox, 'education', day(-1));
  fs.mkdirSync(folder, { recursive: true });
  const rows = upns.filter((upn) => schoolOf.has(upn)).map((upn) => `${upn},${schoolOf.get(upn)!},${day(-3 - earlierRuns)},SUSPENSION,PP,2`);
  fs.writeFileSync(path.join(folder, 'exclusions.csv'), `upn,school_urn,start_date,kind,reason,sessions\n${rows.join('\n')}\n`);
  return rows.length;
}

const county = await preparedCountyStore(FAMILIES, 11, log);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-batch-'));
try {
  const keys = subjectPerFamily(county.countyDir).slice(0, BOOKED);
  log(`${FAMILIES} families generated; ${keys.length} booked on hub meetings (10 of them on tomorrow's meeting too)`);
  const env = {
    DATABASE_URL: county.url,
    REDIS_URL,
    MASH_DATA_DIR: county.dataDir,
    MASH_OUTBOX: path.join(work, 'outbox'),
    MASH_QUEUE_PREFIX: `bench${process.pid}`,
  };
  for (const n of WORKER_COUNTS) {
    await bookFamilies(county.store, keys);
    const workers = startWorkers(n, env);
    try {
      const { request, seconds } = await submitAndWait(county.store, env, 'refresh', {});
      const built = Number(request.result?.['built'] ?? 0);
      log(`full rebuild, ${n} worker${n === 1 ? '' : 's'} (concurrency ${CONCURRENCY}): ${built} summaries (JSON + HTML) in ${seconds.toFixed(1)} s = ${(built / seconds).toFixed(1)} summaries/s (${request.status}; ${JSON.stringify(request.result)})`);
    } finally {
      await stopWorkers(workers);
    }
  }
  const inbox = path.join(work, 'inbox');
  const education = await county.store.db.selectFrom('extract').select((eb) => eb.fn.countAll<number>().as('n')).where('source', '=', 'education').executeTakeFirstOrThrow();
  const touched = writeDelta(county.countyDir, inbox, keys, Number(education.n) - 1);
  const workers = startWorkers(Math.max(...WORKER_COUNTS), env);
  try {
    const { request, seconds } = await submitAndWait(county.store, env, 'batch', { inbox, packDays: 2 });
    const r = request.result as Record<string, { [k: string]: unknown } | number | null>;
    log(`overnight run after a 1% delta (${touched} suspensions): ${seconds.toFixed(1)} s, ${request.status}; summaries ${JSON.stringify(r['summaries'])}; packs ${JSON.stringify(r['packs'])}`);
  } finally {
    await stopWorkers(workers);
  }
} finally {
  await county.close();
  fs.rmSync(work, { recursive: true, force: true });
}
