import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export class PGliteInitError extends Error {
  constructor(readonly status: number | null) {
    super(`PGLITE_INIT_FAILED: exit ${status}`);
    this.name = 'PGliteInitError';
  }
}

// Runs in the helper process: creates (initdb) the folder given as its argument, then closes.
const INIT_SCRIPT = `
const { PGlite } = await import(process.argv[1]);
const db = await PGlite.create(process.argv[2]);
await db.close();
`;

/**
 * Creating a PGlite data folder (initdb) takes about 800 MiB, and the process keeps most of it
 * afterwards, while reopening an existing folder takes about 300 MiB. A new folder is therefore
 * created by a short-lived helper process, so the process that goes on to use the store never
 * holds initdb's memory.
 */
export function initPGliteDataDir(pgdata: string): void {
  if (fs.existsSync(path.join(pgdata, 'PG_VERSION'))) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', INIT_SCRIPT, pglite, pgdata], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (result.status !== 0) throw new PGliteInitError(result.status);
}
