import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { openStore } from '../../pipeline/store/open-store.js';
import type { Store, StoreMode } from '../../pipeline/store/store.js';
import type { Database } from '../../schemas/database.js';

/** The machine's PostgreSQL (CI starts it). A test that needs it fails when it is down. */
export const ADMIN_DATABASE_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://root@127.0.0.1:5432/test';

export const STORE_MODES: StoreMode[] = ['pglite', 'postgres'];

export interface TestStore {
  store: Store;
  /** DATABASE_URL for a child process using the same store (null for PGlite). */
  databaseUrl: string | null;
  dataDir: string;
  drop(): Promise<void>;
}

/** A fresh, migrated, private store: its own PostgreSQL database or its own PGlite folder. */
export async function createTestStore(mode: StoreMode): Promise<TestStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-test-'));
  if (mode === 'pglite') {
    const store = await openStore({ databaseUrl: null, dataDir });
    return {
      store,
      databaseUrl: null,
      dataDir,
      async drop() {
        await store.close().catch(() => undefined);
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `mash_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_DATABASE_URL, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const store = await openStore({ databaseUrl, dataDir });
  return {
    store,
    databaseUrl,
    dataDir,
    async drop() {
      await store.close().catch(() => undefined);
      const cleanup = new pg.Client({ connectionString: ADMIN_DATABASE_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Empties every table (keeping the schema), so one store can serve a whole test file. */
export async function resetStore(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select tablename as name from pg_tables
    where schemaname = 'public' and tablename not like 'mash_migration%'`.execute(db);
  if (rows.length === 0) return;
  // The audit table refuses TRUNCATE through a trigger; tests empty it with triggers off
  // (replica role: superuser only, as the test user is).
  await db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    try {
      await sql.raw(`TRUNCATE ${rows.map((r) => r.name).join(', ')} RESTART IDENTITY CASCADE`).execute(conn);
    } finally {
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
    }
  });
}
