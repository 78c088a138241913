import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import { migrateToLatest } from './migrate.js';
import { openPGliteStore } from './pglite.store.js';
import { openPostgresStore } from './postgres.store.js';
import type { Store } from './store.js';

/** Opens the store the configuration names (PostgreSQL with DATABASE_URL, else PGlite) and migrates it. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  const store = config.databaseUrl
    ? await openPostgresStore(config.databaseUrl)
    : await openPGliteStore(path.join(config.dataDir, 'store'));
  try {
    await migrateToLatest(store.db as unknown as Kysely<unknown>);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
