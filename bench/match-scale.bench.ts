import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCounty } from '../fixtures/generate/county.js';
import { runMatch, type MatchRunOptions, type MatchRunReport } from '../pipeline/identity/match.stage.js';
import { runMatchInThread } from '../jobs/match.processor.js';
import { ingestExtract } from '../pipeline/ingest/ingest.stage.js';
import { SOURCES } from '../schemas/canonical.js';
import type { StoreMode } from '../pipeline/store/store.js';
import { benchStore, createBenchDatabase } from './support/bench-store.js';
import { openStore } from '../pipeline/store/open-store.js';
import pg from 'pg';
import { exportLinks } from '../pipeline/identity/links.repository.js';
import { pairwiseMetrics } from '../pipeline/match/pairwise.evaluation.js';
import { blockingRecall } from '../pipeline/match/blocking.recall.js';
import { encodeMentions } from '../pipeline/match/mention.encoding.js';
import { loadMatchMentions } from '../pipeline/identity/match-input.repository.js';

/**
 * bench:match scale — a generated county (BENCH_FAMILIES, ~10.4 mentions a family) through
 * ingest and match on one store, minus BENCH_DELTA health patients held back; prints wall time,
 * peak RSS and the phases of a full match (training included) and of a full re-run with the
 * stored model (as `mash match --full`), then ingests the held-back
 * patients as a delta extract and prints the incremental match's time, then the blocking
 * recall over the whole store. Ids and counts only.
 *
 *   BENCH_FAMILIES=96000 npx tsx bench/match-scale.bench.ts
 */
const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 20_000);
const DELTA = Number(process.env['BENCH_DELTA'] ?? 10_000);
const MODE = (process.env['BENCH_MODE'] ?? 'postgres') as StoreMode;

const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Peak RSS since the last reset (Linux VmHWM), in bytes; null elsewhere. */
function peakRss(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

function resetPeakRss(): void {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak then covers the whole process.
  }
}

/** This process's CPU time (user + system) since `from`: the machine is shared, wall time is noisy. */
const cpu = (from: NodeJS.CpuUsage): string => {
  const d = process.cpuUsage(from);
  return s((d.user + d.system) / 1000);
};

const gib = (bytes: number | null): string =>
  bytes === null ? 'n/a' : `${(bytes / 2 ** 30).toFixed(2)} GiB`;

function describe(run: MatchRunReport): string {
  const phases = Object.entries(run.timingsMs)
    .map(([k, v]) => `${k} ${s(v)}`)
    .join(', ');
  const sc = run.scoring;
  const delta = sc?.delta
    ? `; delta: ${sc.delta.involved} mentions involved, ${sc.delta.scoredPairs} pairs scored, ${sc.delta.reusedPairs} reused`
    : '';
  const m = run.match?.timingsMs;
  const core = m
    ? ` (score ${s(m.score)}, cluster ${s(m.cluster)}, relational ${s(m.relational)}; ${run.match?.clusterRounds ?? 0} clustering rounds)`
    : '';
  return `${run.mentions} mentions, ${run.persons} people, ${run.links} links, ${run.reviews} reviews; ${sc?.path ?? 'n/a'}${delta}; candidate pairs ${run.match?.scoredPairs ?? 0}; phases: ${phases}${core}`;
}

/** Pairwise precision / recall / F1 of the stored people against the county's truth (mentions matched only). */
function readTruth(): Map<string, string> | null {
  const file = path.join(work, 'truth', 'mentions.csv');
  if (!fs.existsSync(file)) return null;
  return new Map(
    fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',') as [string, string]),
  );
}

async function accuracy(): Promise<string> {
  const truth = readTruth();
  if (truth === null) return 'no truth file';
  const links = (await exportLinks(bench.store.db)).filter((l) => truth.has(l.recordKey));
  links.sort((a, b) => (a.recordKey < b.recordKey ? -1 : a.recordKey > b.recordKey ? 1 : 0));
  const m = pairwiseMetrics(
    links.map((l) => l.personId ?? `unmatched:${l.recordKey}`),
    links.map((l) => truth.get(l.recordKey)!),
  );
  return `pairwise precision ${m.precision.toFixed(4)}, recall ${m.recall.toFixed(4)}, F1 ${m.f1.toFixed(4)} (${links.length} mentions)`;
}

/** Moves the last `count` data rows of a CSV into a new file of the same header. */
function holdBack(file: string, deltaFile: string, count: number): number {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  const [header, ...rows] = lines;
  const keep = rows.slice(0, Math.max(0, rows.length - count));
  const held = rows.slice(keep.length);
  fs.writeFileSync(file, `${[header, ...keep].join('\n')}\n`);
  fs.mkdirSync(path.dirname(deltaFile), { recursive: true });
  fs.writeFileSync(deltaFile, `${[header, ...held].join('\n')}\n`);
  return held.length;
}

/** CREATE DATABASE `to` as a copy of `from` (PostgreSQL; no session may be connected to `from`). */
async function copyDatabase(fromUrl: string, to: string): Promise<string> {
  const from = new URL(fromUrl);
  const admin = new pg.Client({ connectionString: fromUrl.replace(from.pathname, '/postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${to} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${to} TEMPLATE ${from.pathname.slice(1)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(fromUrl);
  url.pathname = `/${to}`;
  return url.toString();
}

// BENCH_KEEP=1 (PostgreSQL) keeps a copy of the database as it is after ingest (county loaded,
// delta held back) and the work folder. BENCH_REUSE_URL (that copy) + BENCH_REUSE_WORK run the
// full and the delta match again on a fresh copy of it, without generating and ingesting.
const reuseUrl = process.env['BENCH_REUSE_URL'];
const reuseWork = process.env['BENCH_REUSE_WORK'];
const keep = process.env['BENCH_KEEP'] === '1';
const work = reuseWork ?? fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-match-scale-'));

async function dropDatabase(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(new URL(url).pathname, '/postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
}

/** A store on `url` whose drop closes it and drops the database (with `dropDb`). */
async function storeOn(url: string, dropDb: () => Promise<void>): Promise<Awaited<ReturnType<typeof benchStore>>> {
  const store = await openStore({ databaseUrl: url, dataDir: work });
  return { store, url, dataDir: work, drop: async () => (await store.close(), await dropDb()) };
}

/** As a match job runs it: in a worker thread on PostgreSQL (match.processor.ts), in this thread on PGlite. */
function match(options: MatchRunOptions): Promise<MatchRunReport> {
  return bench.url === null
    ? runMatch(bench.store, options)
    : runMatchInThread({ databaseUrl: bench.url, redisUrl: null, dataDir: work, outboxDir: work }, options);
}

let created: Awaited<ReturnType<typeof createBenchDatabase>> | null = null;
let bench: Awaited<ReturnType<typeof benchStore>>;
if (reuseUrl !== undefined) {
  const copy = await copyDatabase(reuseUrl, `mash_bench_reuse_${process.pid}`);
  bench = await storeOn(copy, () => dropDatabase(copy));
} else if (MODE === 'postgres') {
  const db = await createBenchDatabase();
  created = db;
  bench = await storeOn(db.url, () => db.drop());
} else bench = await benchStore(MODE);
try {
  const deltaFolder = path.join(work, 'health-delta');
  let held: number;
  if (reuseUrl === undefined) {
    const manifest = await generateCounty({ seed: 7, families: FAMILIES, outDir: work });
    held = holdBack(
      path.join(work, 'health', 'patients.csv'),
      path.join(deltaFolder, 'patients.csv'),
      DELTA,
    );
    const t0 = performance.now();
    for (const source of SOURCES) {
      await ingestExtract(bench.store, {
        source,
        folder: path.join(work, source),
        extractDate: '2026-11-01',
        mode: 'full',
        encoding: 'utf-8',
      });
    }
    const t1 = performance.now();
    console.log(
      `county: ${FAMILIES} families, ${manifest.mentions} mentions generated, ${held} health patients held back (${MODE}); ingest ${s(t1 - t0)}`,
    );
    const db = created;
    if (keep && db !== null) {
      await bench.store.close();
      const name = `${new URL(db.url).pathname.slice(1)}_ingested`;
      console.log(`kept after ingest: BENCH_REUSE_URL=${await copyDatabase(db.url, name)} BENCH_REUSE_WORK=${work}`);
      bench = await storeOn(db.url, () => db.drop());
    }
  } else {
    held =
      fs.readFileSync(path.join(deltaFolder, 'patients.csv'), 'utf8').trim().split('\n').length - 1;
    console.log(`county: reused ${reuseWork ?? ''}, ${held} health patients held back`);
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  resetPeakRss();
  const full = await match({ full: true, retrain: true });
  const t2 = performance.now();
  console.log(
    `full match (training included): wall ${s(t2 - t1)}, cpu ${cpu(c1)}, peak RSS ${gib(peakRss())}; ${describe(full)}`,
  );
  console.log(`  accuracy: ${await accuracy()}`);
  const rules = full.match?.blocking.rules ?? [];
  console.log(
    `  candidate pairs per blocking rule: ${rules.map((r) => `${r.rule} ${r.pairs}${r.skippedKeys > 0 ? ` (${r.skippedKeys} keys skipped)` : ''}`).join('; ')}`,
  );

  // `mash match --full` on the same store: the stored model, no training (BENCH_RERUN=0 skips it).
  if (process.env['BENCH_RERUN'] !== '0') {
    resetPeakRss();
    const tr = performance.now();
    const cr = process.cpuUsage();
    const rerun = await match({ full: true, retrain: false });
    console.log(
      `full re-run (stored model, as mash match --full): wall ${s(performance.now() - tr)}, cpu ${cpu(cr)}, peak RSS ${gib(peakRss())}; ${describe(rerun)}`,
    );
  }

  await ingestExtract(bench.store, {
    source: 'health',
    folder: deltaFolder,
    extractDate: '2026-11-02',
    mode: 'delta',
    encoding: 'utf-8',
  });
  resetPeakRss();
  const t3 = performance.now();
  const c3 = process.cpuUsage();
  const delta = await match({ full: false, retrain: false });
  const t4 = performance.now();
  console.log(
    `delta match (${held} new mentions): wall ${s(t4 - t3)}, cpu ${cpu(c3)}, peak RSS ${gib(peakRss())}; ${describe(delta)}`,
  );
  console.log(`  accuracy: ${await accuracy()}`);

  // Blocking recall over the whole store (blocking alone, in this thread; BENCH_RECALL=0 skips it).
  const truth = readTruth();
  if (truth !== null && process.env['BENCH_RECALL'] !== '0') {
    const r = blockingRecall(encodeMentions(await loadMatchMentions(bench.store.db)), truth);
    console.log(
      `blocking recall: ${r.truePairsInCandidates} of ${r.truePairs} true pairs among ${r.candidatePairs} candidate pairs (${r.recall.toFixed(4)})`,
    );
  }
} finally {
  await bench.drop();
  if (!keep && reuseWork === undefined) fs.rmSync(work, { recursive: true, force: true });
}
