import path from 'node:path';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import type { ExtractEncoding } from '../../pipeline/ingest/csv-rows.js';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import { COUNTY } from '../support/county.js';
import { ROOT } from '../support/run-cli.js';
import { snapshotStore } from '../support/snapshot.js';
import { createTestStore, STORE_MODES, type TestStore } from '../support/stores.js';

/** Extracts that exercise the parser's edge cases: syntax errors, an 8-bit encoding, CRLF. */
const MALFORMED: { source: Source; folder: string; encoding: ExtractEncoding }[] = [
  { source: 'health', folder: 'stray-quote', encoding: 'utf-8' },
  { source: 'education', folder: 'windows-1252', encoding: 'windows-1252' },
  { source: 'housing', folder: 'crlf-line-endings', encoding: 'utf-8' },
  { source: 'health', folder: 'field-count', encoding: 'utf-8' },
];

async function loadAll(t: TestStore, stageThread: 'always' | 'never'): Promise<unknown[]> {
  const reports: unknown[] = [];
  for (const source of SOURCES) {
    const folder = path.join(COUNTY, source);
    const report = await ingestExtract(t.store, { source, folder, extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8', stageThread });
    reports.push({ ...report, extractId: 0 });
  }
  for (const c of MALFORMED) {
    const folder = path.join(ROOT, 'fixtures', 'malformed', c.folder);
    const report = await ingestExtract(t.store, { source: c.source, folder, extractDate: '2026-11-02', mode: 'delta', encoding: c.encoding, stageThread });
    reports.push({ ...report, extractId: 0 });
  }
  return reports;
}

describe.each(STORE_MODES)('staging on a worker thread (%s)', (mode) => {
  it('loads exactly what staging on the calling thread loads', async () => {
    const threaded = await createTestStore(mode);
    const inline = await createTestStore(mode);
    try {
      const threadedReports = await loadAll(threaded, 'always');
      const inlineReports = await loadAll(inline, 'never');
      expect(threadedReports).toEqual(inlineReports);
      const snapshot = await snapshotStore(threaded.store.db);
      expect(snapshot['raw_row']!.rows).toBeGreaterThan(0);
      expect(snapshot['quarantine']!.rows).toBeGreaterThan(0);
      expect(snapshot).toEqual(await snapshotStore(inline.store.db));
    } finally {
      await threaded.drop();
      await inline.drop();
    }
  }, 240_000);
});
