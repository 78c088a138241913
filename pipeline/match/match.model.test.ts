import { loadFake1000 } from './benchmarks/load-benchmark.js';
import { trainModel } from './model.training.js';
import { parseModel, serialiseModel, ModelFormatError } from './match.model.js';
import { scorePairs } from './pair.scoring.js';

describe('trained model', () => {
  const bench = loadFake1000();
  const model = trainModel(bench.mentions, { trainedAt: '2025-01-01T00:00:00.000Z' });

  it('round-trips through JSON and scores identically', () => {
    const again = parseModel(serialiseModel(model));
    expect(again).toEqual(model);
    const a = scorePairs(bench.mentions, model);
    const b = scorePairs(bench.mentions, again);
    expect(b.count).toBe(a.count);
    expect(Array.from(b.weight)).toEqual(Array.from(a.weight));
  });

  it('has sensible parameters', () => {
    expect(model.lambda).toBeGreaterThan(1e-4);
    expect(model.lambda).toBeLessThan(0.05);
    const names = model.comparisons.map((c) => c.name);
    expect(names).toEqual(['forename', 'surname', 'dob', 'sex', 'address', 'nhs', 'upn', 'email', 'city']);
    for (const c of model.comparisons) {
      const exact = c.levels[0]!;
      const last = c.levels[c.levels.length - 1]!;
      expect(exact.m / exact.u).toBeGreaterThanOrEqual(last.m / last.u);
    }
    const dob = model.comparisons.find((c) => c.name === 'dob')!;
    expect(dob.levels[0]!.m).toBeGreaterThan(0.3);
    expect(Math.log2(dob.levels[0]!.m / dob.levels[0]!.u)).toBeGreaterThan(8);
    // Term frequencies: common cities weigh less than rare ones.
    expect(model.tf['city']!.values['london']).toBeGreaterThan(0.1);
  });

  it('is deterministic and independent of input order', () => {
    const reversed = trainModel([...bench.mentions].reverse(), { trainedAt: '2025-01-01T00:00:00.000Z' });
    expect(reversed).toEqual(model);
  });

  it('rejects malformed models', () => {
    expect(() => parseModel('{')).toThrow(ModelFormatError);
    expect(() => parseModel(JSON.stringify({ ...model, version: 99 }))).toThrow(/version/);
    expect(() => parseModel(JSON.stringify({ ...model, lambda: 2 }))).toThrow(/lambda/);
  });
});
