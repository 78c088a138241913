import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateCounty } from '../../fixtures/generate/county.js';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import { openStore } from '../../pipeline/store/open-store.js';
import type { Store } from '../../pipeline/store/store.js';
import { SOURCES } from '../../schemas/canonical.js';
import { BENCH_ADMIN_URL } from './bench-store.js';

export interface CountyStore {
  store: Store;
  url: string;
  dataDir: string;
  /** The generated county's folder (extracts and truth). */
  countyDir: string;
  close(): Promise<void>;
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  return (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
}

/**
 * A PostgreSQL database holding a generated county of `families`, loaded through ingest and
 * matched. Kept between runs under a name derived from the size and seed (set-up takes minutes
 * at county scale); BENCH_FRESH=1 builds it again.
 */
export async function preparedCountyStore(families: number, seed: number, log: (line: string) => void): Promise<CountyStore> {
  const name = `mash_bench_county_${families}_${seed}`;
  const countyDir = path.join(os.tmpdir(), name);
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  const ready = fs.existsSync(path.join(countyDir, '.loaded'));
  if (process.env['BENCH_FRESH'] === '1' || !ready || !(await databaseExists(admin, name))) {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    fs.rmSync(countyDir, { recursive: true, force: true });
    const manifest = await generateCounty({ seed, families, outDir: countyDir });
    const store = await openStore({ databaseUrl: url.toString(), dataDir: countyDir });
    const t0 = performance.now();
    for (const source of SOURCES) {
      await ingestExtract(store, { source, folder: path.join(countyDir, source), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' });
    }
    const t1 = performance.now();
    const match = await runMatch(store, { full: true, retrain: true });
    const t2 = performance.now();
    log(`set-up: ${manifest.mentions} mentions, ${match.persons} people; ingest ${((t1 - t0) / 1000).toFixed(1)} s, match ${((t2 - t1) / 1000).toFixed(1)} s`);
    await store.close();
    fs.writeFileSync(path.join(countyDir, '.loaded'), new Date().toISOString());
  } else {
    log(`set-up: reusing database ${name}`);
  }
  await admin.end();
  const store = await openStore({ databaseUrl: url.toString(), dataDir: countyDir });
  return { store, url: url.toString(), dataDir: countyDir, countyDir, close: () => store.close() };
}
