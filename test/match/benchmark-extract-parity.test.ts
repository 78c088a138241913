/**
 * bench:match converts Splink's fake_1000 to a social-care extract and runs it through ingest;
 * the matching core reads the same data straight from Splink's columns. This checks that what
 * ingest loads for the matcher is exactly the extract spec's share of those columns (names and
 * dob unchanged, the town as address, no email: no person file in the spec carries one), so a
 * difference between the two benches' figures is the missing email, not the ingest path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import { loadMatchMentions } from '../../pipeline/identity/match-input.repository.js';
import { fake1000AsExtract } from '../../pipeline/match/benchmarks/load-benchmark.js';
import type { MatchMention } from '../../pipeline/match/match-mention.js';
import { fake1000Extract } from '../../bench/support/benchmark-extracts.js';
import { createTestStore, type TestStore } from '../support/stores.js';

const FIELDS = ['surname', 'forename', 'middleNames', 'previousNames', 'aliases', 'dob', 'sex', 'postcodes', 'uprns', 'email', 'city', 'address'] as const;

/** `social_care:people:F12` and `fake:people:0012` name one fake_1000 row. */
const rowOf = (recordKey: string): number => Number(/(\d+)$/.exec(recordKey)![1]);

describe('fake_1000 through ingest (bench:match) against the core loader', () => {
  let t: TestStore;
  let work: string;
  beforeAll(async () => {
    t = await createTestStore('postgres');
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-parity-'));
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads every row with the same matching fields as fake1000AsExtract', async () => {
    const extract = fake1000Extract(work);
    const report = await ingestExtract(t.store, { source: 'social_care', folder: extract.folder, extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' });
    expect(report.files.reduce((n, f) => n + f.quarantined, 0)).toBe(0);
    const ingested = await loadMatchMentions(t.store.db);
    const core = new Map(fake1000AsExtract().mentions.map((m) => [rowOf(m.recordKey), m]));
    expect(ingested).toHaveLength(core.size);

    const differing: string[] = [];
    for (const m of ingested) {
      const c = core.get(rowOf(m.recordKey));
      if (c === undefined) {
        differing.push(`${m.recordKey}: no core row`);
        continue;
      }
      for (const f of FIELDS) {
        const value = (x: MatchMention): string => JSON.stringify(x[f] ?? null);
        if (value(m) !== value(c)) differing.push(`${m.recordKey}: ${f}`);
      }
    }
    expect(differing).toEqual([]);
    // Not vacuous: the towns reached the matcher as addresses, and no email did.
    expect(ingested.filter((m) => m.address !== null).length).toBeGreaterThan(800);
    expect(ingested.every((m) => (m.email ?? null) === null)).toBe(true);
  });
});
