import { sql } from 'kysely';
import { createTestStore, STORE_MODES, type TestStore } from '../../test/support/stores.js';
import { loadMatchState, saveMatchState } from './match-state.repository.js';
import type { PairState } from '../match/delta.scoring.js';
import { mulberry32 } from '../match/prng.js';

describe.each(STORE_MODES)('match state (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
    await sql`INSERT INTO match_model (mentions, model) VALUES (3, '{}')`.execute(t.store.db);
    await sql`INSERT INTO match_run (mode, model_version) VALUES ('full', 1)`.execute(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('is null before any run', async () => {
    expect(await loadMatchState(t.store.db)).toBeNull();
  });

  it('reads back what was saved, byte for byte, across several read pieces (a key with a comma and quotes too)', async () => {
    // 20,000 pairs read in 64 KiB pieces: the evidence column (160 kB) takes three.
    const pairs = 20_000;
    const rnd = mulberry32(9);
    const state: PairState = {
      modelVersion: 1,
      evidenceCut: -12.5,
      recordKeys: ['s:p:1', 's:p:2,"x"', 's:p:3'],
      fingerprints: Float64Array.from([1.5, 2 ** 52 + 1, -0]),
      a: Int32Array.from({ length: pairs }, (_, e) => e % 3),
      b: Int32Array.from({ length: pairs }, (_, e) => (e + 1) % 3),
      evidence: Float64Array.from({ length: pairs }, () => (rnd() - 0.5) * 40),
      kind: Uint8Array.from({ length: pairs }, (_, e) => e % 4),
    };
    await t.store.transaction((tx) => saveMatchState(tx, 1, state));
    const back = await loadMatchState(t.store.db, 64 * 1024);
    expect(back).not.toBeNull();
    expect(back!.recordKeys).toEqual(state.recordKeys);
    expect(back!.evidenceCut).toBe(state.evidenceCut);
    expect(Buffer.from(back!.fingerprints.buffer).equals(Buffer.from(state.fingerprints.buffer))).toBe(true);
    expect(Buffer.from(back!.evidence.buffer).equals(Buffer.from(state.evidence.buffer))).toBe(true);
    expect(Buffer.from(back!.a.buffer).equals(Buffer.from(state.a.buffer))).toBe(true);
    expect(Buffer.from(back!.b.buffer).equals(Buffer.from(state.b.buffer))).toBe(true);
    expect(Buffer.from(back!.kind.buffer).equals(Buffer.from(state.kind.buffer))).toBe(true);
  });

  it('is null when the stored sizes do not hold together', async () => {
    await sql`UPDATE match_state SET pairs = pairs + 1`.execute(t.store.db);
    expect(await loadMatchState(t.store.db)).toBeNull();
  });
});
