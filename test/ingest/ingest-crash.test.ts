import path from 'node:path';
import { writePupils } from '../../bench/ingest-generate.js';
import { openStore } from '../../pipeline/store/open-store.js';
import { createTestStore, STORE_MODES } from '../support/stores.js';
import { runCli, startCli, storeEnv } from '../support/run-cli.js';
import { snapshotStore } from '../support/snapshot.js';
import { writeExtract } from '../support/extract-folder.js';

const ROWS = 15_000;

describe.each(STORE_MODES)('a crash mid-load (%s)', (mode) => {
  it('leaves the store exactly as before, and a reload exactly as one clean load', async () => {
    const folder = writeExtract({});
    await writePupils(path.join(folder, 'pupils.csv'), ROWS);
    const crashed = await createTestStore(mode);
    const clean = await createTestStore(mode);
    try {
      const empty = await snapshotStore(crashed.store.db);
      await crashed.store.close(); // the child process must own the store (PGlite: one process)
      const args = ['ingest', 'education', folder, '--extract-date', '2026-11-01', '--mode', 'full'];
      const child = startCli(args, storeEnv(crashed));
      await new Promise<void>((resolve, reject) => {
        child.stderr!.on('data', (d: Buffer) => {
          if (/pupils\.csv: [\d,]+ rows/.test(d.toString())) resolve();
        });
        child.on('close', () => reject(new Error('ingest ended before it could be killed')));
      });
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('close', resolve));

      const reopened = await openStore({ databaseUrl: crashed.databaseUrl, dataDir: crashed.dataDir });
      expect(await snapshotStore(reopened.db)).toEqual(empty);
      await reopened.close();

      const retry = await runCli(args, storeEnv(crashed));
      expect(retry.code).toBe(0);
      await clean.store.close();
      const once = await runCli(args, storeEnv(clean));
      expect(once.code).toBe(0);

      const afterRetry = await openStore({ databaseUrl: crashed.databaseUrl, dataDir: crashed.dataDir });
      const afterOnce = await openStore({ databaseUrl: clean.databaseUrl, dataDir: clean.dataDir });
      const [a, b] = [await snapshotStore(afterRetry.db), await snapshotStore(afterOnce.db)];
      await afterRetry.close();
      await afterOnce.close();
      expect(a.raw_row!.rows).toBe(ROWS);
      expect(a).toEqual(b);
    } finally {
      await crashed.drop();
      await clean.drop();
    }
  }, 240_000);
});
