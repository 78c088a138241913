/** `mash … | head`: a reader that closes early ends the command quietly, and the store is still closed. */
import fs from 'node:fs';
import path from 'node:path';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import { writeSocialCareExtract } from '../support/extract-folder.js';
import { startCli, storeEnv, type CliResult } from '../support/run-cli.js';
import { createTestStore, type TestStore } from '../support/stores.js';

// About 1.3 MB of CSV: far more than the socket buffer between the processes (about 200 KB)
// can take once the reader has gone, so the export's write certainly fails with EPIPE.
const PEOPLE = 50_000;

/** Runs `mash ARGS…` and closes its stdout after the first chunk (as `| head -1` does) or before any. */
function runIntoClosingReader(
  args: string[],
  env: Record<string, string>,
  closeAt: 'first chunk' | 'start',
): Promise<CliResult> {
  const child = startCli(args, env);
  let stdout = '';
  let stderr = '';
  if (closeAt === 'start') child.stdout!.destroy();
  child.stdout!.once('data', (d: Buffer) => {
    stdout = d.toString();
    child.stdout!.destroy();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('mash with stdout closed early (PGlite)', () => {
  let t: TestStore;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestStore('pglite');
    const people = Array.from(
      { length: PEOPLE },
      (_, i) => `P${i},Ashdown,Alice,,2015-03-04,F,,,1 Mill Lane,LE1 1AB,`,
    );
    await ingestExtract(t.store, {
      source: 'social_care',
      folder: writeSocialCareExtract(people, []),
      extractDate: '2026-11-01',
      mode: 'full',
      encoding: 'utf-8',
    });
    // The embedded store admits one process at a time: let the CLI have it.
    await t.store.close();
    env = storeEnv(t);
  }, 60_000);

  afterAll(async () => {
    await t.drop();
  });

  const storeLock = () => path.join(t.dataDir, 'store', 'store.lock');

  it('stops writing on EPIPE without a stack trace, exits 0 and releases the store', async () => {
    const result = await runIntoClosingReader(['links', 'export'], env, 'first chunk');
    expect(result.stdout.startsWith('record_key,person_id\n')).toBe(true);
    expect(result.stdout.split('\n').length).toBeLessThan(PEOPLE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.existsSync(storeLock())).toBe(false);
  }, 60_000);

  it('drops every line quietly when the reader has gone before the first (mash jobs)', async () => {
    const result = await runIntoClosingReader(['jobs'], env, 'start');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.existsSync(storeLock())).toBe(false);
  }, 60_000);
});
