import fs from 'node:fs';
import path from 'node:path';

export class StoreInUseError extends Error {
  constructor(readonly pid: number) {
    super(`STORE_IN_USE: the embedded store is open in process ${pid}; stop it or use another MASH_DATA_DIR`);
    this.name = 'StoreInUseError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes opening one PGlite folder corrupt it, so the folder is locked by pid.
 * A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'store.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new StoreInUseError(holder);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new StoreInUseError(-1);
}
