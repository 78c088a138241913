import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { lockDataDir } from './data-dir.lock.js';
import { PGliteDialect } from './pglite.dialect.js';
import { initPGliteDataDir } from './pglite-init.js';
import { copyStatement, type Store } from './store.js';
import { TYPE_PARSERS } from './type-parsers.js';

/** Half PostgreSQL's default: keeps the embedded store's resident memory within budget. */
const PGLITE_SHARED_BUFFERS = '64MB';

export async function openPGliteStore(dataDir: string): Promise<Store> {
  const unlock = lockDataDir(dataDir);
  let pglite: PGlite;
  try {
    initPGliteDataDir(path.join(dataDir, 'pgdata'));
    pglite = await PGlite.create(path.join(dataDir, 'pgdata'), {
      parsers: TYPE_PARSERS,
      extensions: { pg_trgm, fuzzystrmatch },
      // WebAssembly memory never shrinks: whatever the buffer pool touches stays resident.
      startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    });
    await pglite.exec(`SET TIME ZONE 'UTC'`);
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    mode: 'pglite',
    db,
    transaction: (work) =>
      db.transaction().execute((trx) =>
        work({
          db: trx,
          async copyCsv(table, columns, csv) {
            // The transaction holds PGlite's only session, so this runs inside it.
            await pglite.query(copyStatement(table, columns, `'/dev/blob'`), [], {
              blob: new Blob([csv]),
            });
          },
        }),
      ),
    async close() {
      await db.destroy();
      await pglite.close();
      unlock();
    },
  };
}
