import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeIncidents, writePupils } from './ingest-generate.js';
import { createBenchDatabase } from './support/bench-store.js';

/**
 * bench:ingest — loads a generated 1,000,000-row pupils.csv and incidents.csv through the real
 * ingest (validation, normalisation, staging, versioned merge) and prints rows/s next to psql's
 * \copy of the same file into a bare table, measured in the same run, plus peak RSS and PGlite.
 */
const ROWS = Number(process.env['BENCH_ROWS'] ?? 1_000_000);
const PGLITE_ROWS = Number(process.env['BENCH_PGLITE_ROWS'] ?? ROWS);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-ingest-'));

async function withDatabase<T>(run: (url: string) => T): Promise<T> {
  const database = await createBenchDatabase();
  try {
    return run(database.url);
  } finally {
    await database.drop();
  }
}

function psqlCopySeconds(url: string, file: string): number {
  const header = fs.readFileSync(file, 'utf8').slice(0, 4096).split('\n')[0]!;
  const columns = header
    .split(',')
    .map((c) => `${c} text`)
    .join(', ');
  execFileSync('psql', [url, '-qc', `CREATE TABLE bare (${columns})`]);
  const started = performance.now();
  execFileSync('psql', [url, '-qc', `\\copy bare FROM '${file}' WITH (FORMAT csv, HEADER true)`]);
  return (performance.now() - started) / 1000;
}

/** Tables an ingest writes rows into (provenance, canonical records, quarantine). */
const STORED_TABLES = [
  'raw_row',
  'quarantine',
  'mention',
  'residence',
  'place',
  'event',
  'event_party',
  'involvement',
  'relationship',
];

/**
 * What PostgreSQL alone needs to store what the ingest stored: psql \copy of every row it wrote
 * (exported first) into bare copies of those tables, without indexes. No ingest that writes these
 * rows can beat this time on this machine, so it bounds the ratio any ingest can reach.
 */
function storeFloor(url: string): { seconds: number; rows: number; tables: number } {
  let seconds = 0;
  let rows = 0;
  let tables = 0;
  for (const table of STORED_TABLES) {
    const count = Number(
      execFileSync('psql', [url, '-Atc', `SELECT count(*) FROM ${table}`], {
        encoding: 'utf8',
      }).trim(),
    );
    if (count === 0) continue;
    const file = path.join(work, `floor-${table}.csv`);
    execFileSync('psql', [url, '-qc', `\\copy ${table} TO '${file}' WITH (FORMAT csv)`]);
    execFileSync('psql', [
      url,
      '-qc',
      `CREATE TABLE floor_${table} (LIKE ${table} INCLUDING DEFAULTS)`,
    ]);
    const started = performance.now();
    execFileSync('psql', [url, '-qc', `\\copy floor_${table} FROM '${file}' WITH (FORMAT csv)`]);
    seconds += (performance.now() - started) / 1000;
    fs.rmSync(file);
    rows += count;
    tables++;
  }
  return { seconds, rows, tables };
}

interface RunResult {
  rows: number;
  quarantined: number;
  seconds: number;
  maxRssMiB: number;
}

function ingest(source: string, folder: string, env: Record<string, string>): RunResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/ingest-run.ts', source, folder],
    {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (result.status !== 0) throw new Error(`ingest run failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as RunResult;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

for (const [source, file, write] of [
  ['education', 'pupils.csv', writePupils],
  ['police', 'incidents.csv', writeIncidents],
] as const) {
  const folder = path.join(work, source);
  await write(path.join(folder, file), ROWS);
  const mib = fs.statSync(path.join(folder, file)).size / 2 ** 20;
  const { copySeconds, run, floor } = await withDatabase((url) => {
    const copySeconds = psqlCopySeconds(url, path.join(folder, file));
    const run = ingest(source, folder, { DATABASE_URL: url });
    return { copySeconds, run, floor: storeFloor(url) };
  });
  const copyRate = ROWS / copySeconds;
  const rate = run.rows / run.seconds;
  console.log(
    `${file}: ${fmt(ROWS)} rows (${mib.toFixed(0)} MiB) PostgreSQL ingest ${fmt(rate)} rows/s (${run.seconds.toFixed(1)} s, ` +
      `quarantined ${run.quarantined}), psql \\copy ${fmt(copyRate)} rows/s (${copySeconds.toFixed(1)} s), ` +
      `ratio ${(rate / copyRate).toFixed(2)}x, peak RSS ${run.maxRssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `${file}: the ingest stored ${fmt(floor.rows)} rows in ${floor.tables} tables; psql \\copy of those rows into bare copies ` +
      `of the tables takes ${floor.seconds.toFixed(1)} s, so no ingest storing them can pass ${(ROWS / floor.seconds / copyRate).toFixed(2)}x ` +
      `(the ingest took ${(run.seconds / floor.seconds).toFixed(1)}x that time)`,
  );
  if (PGLITE_ROWS > 0) {
    const pgliteFolder = path.join(work, `${source}-pglite`);
    await write(path.join(pgliteFolder, file), PGLITE_ROWS);
    const dataDir = path.join(work, `pglite-${source}`);
    const lite = ingest(source, pgliteFolder, { MASH_DATA_DIR: dataDir, DATABASE_URL: '' });
    console.log(
      `${file}: ${fmt(PGLITE_ROWS)} rows PGlite ingest ${fmt(lite.rows / lite.seconds)} rows/s (${lite.seconds.toFixed(1)} s), ` +
        `peak RSS ${lite.maxRssMiB.toFixed(0)} MiB`,
    );
  }
}
fs.rmSync(work, { recursive: true, force: true });
