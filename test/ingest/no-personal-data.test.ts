import fs from 'node:fs';
import path from 'node:path';
import { createTestStore, STORE_MODES } from '../support/stores.js';
import { ROOT, runCli, storeEnv } from '../support/run-cli.js';

const CORPUS = path.join(ROOT, 'fixtures', 'malformed');
const manifest = JSON.parse(fs.readFileSync(path.join(CORPUS, 'manifest.json'), 'utf8')) as {
  canaries: string[];
  cases: { folder: string; source: string; encoding: string }[];
};

// One case per kind of outcome: row errors of several kinds, a CSV syntax error, a warning,
// a rejected file, another encoding. (Each CLI call opens the store: PGlite costs seconds.)
const SAMPLE = ['quoted-fields', 'stray-quote', 'name-with-digits', 'windows-1252', 'invalid-postcode', 'missing-required-column'];

describe.each(STORE_MODES)('no personal data in output (%s)', (mode) => {
  it('never prints a canary name while loading, listing quarantine, matching and explaining bad rows', async () => {
    const t = await createTestStore(mode);
    await t.store.close();
    try {
      const env = storeEnv(t);
      let output = '';
      const cases = manifest.cases.filter((c) => SAMPLE.includes(c.folder));
      expect(cases).toHaveLength(SAMPLE.length);
      for (const c of cases) {
        const r = await runCli(['ingest', c.source, path.join(CORPUS, c.folder), '--encoding', c.encoding], env);
        output += r.stdout + r.stderr;
      }
      for (const args of [['quarantine'], ['match'], ['review'], ['explain', 'education:pupils:NOPE', 'health:patients:NOPE']]) {
        const r = await runCli(args, env);
        output += r.stdout + r.stderr;
      }
      expect(output).toMatch(/quarantined row\(s\)/);
      expect(output).toMatch(/UNKNOWN_RECORD/);
      for (const canary of manifest.canaries) expect(output.toLowerCase()).not.toContain(canary.toLowerCase());
    } finally {
      await t.drop();
    }
  }, 240_000);
});
