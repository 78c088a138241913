import { readConfig, type Config } from '../pipeline/config.js';
import { openStore } from '../pipeline/store/open-store.js';
import type { Store } from '../pipeline/store/store.js';

/** Opens the configured store for one command and always closes it (PGlite hangs otherwise). */
export async function withStore<T>(work: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = readConfig();
  const store = await openStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
