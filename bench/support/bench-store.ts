import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore } from '../../pipeline/store/open-store.js';
import type { Store, StoreMode } from '../../pipeline/store/store.js';

export const BENCH_ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';

/** An empty PostgreSQL database of its own for one benchmark run. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `mash_bench_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** A fresh store for one benchmark run: a new PostgreSQL database or a new PGlite folder. */
export async function benchStore(mode: StoreMode): Promise<{ store: Store; url: string | null; dataDir: string; drop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-'));
  if (mode === 'pglite') {
    const store = await openStore({ databaseUrl: null, dataDir });
    return {
      store,
      url: null,
      dataDir,
      async drop() {
        await store.close();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const database = await createBenchDatabase();
  const store = await openStore({ databaseUrl: database.url, dataDir });
  return {
    store,
    url: database.url,
    dataDir,
    async drop() {
      await store.close();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
