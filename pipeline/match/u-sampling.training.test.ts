import { PatternCounter } from './em.training.js';
import { fitNonMatches, uFromSample, type USample } from './u-sampling.training.js';

/** A sample of one two-level comparison (agree, disagree): `agree` pairs of `pairs` agree. */
function sample(agree: number, pairs: number): USample {
  const counter = new PatternCounter([2]);
  counter.add(Uint8Array.of(0), agree);
  counter.add(Uint8Array.of(1), pairs - agree);
  return { patterns: counter.toSet(), nonNull: Float64Array.of(pairs), pairs, allPairs: true };
}

describe('u from the random sample', () => {
  // 1000 pairs, 10 of them matches (λ 0.01) agreeing 90% of the time: 9 agreeing matches and
  // 10 agreeing non-matches among 990 (u 0.0101).
  const s = sample(19, 1000);
  const m = [[0.9, 0.1]];

  it('counts every sampled pair as a non-match when taking plain shares', () => {
    expect(uFromSample(s, [2])[0]![0]).toBeCloseTo(0.019, 6);
  });

  it('counts the sampled pairs by their posterior of being non-matches', () => {
    const u = fitNonMatches({ ...s, allPairs: false }, m, 0.01).u[0]!;
    expect(u[0]).toBeCloseTo(10 / 990, 4);
    expect(u[0]! + u[1]!).toBeCloseTo(1, 9);
  });

  it('is the plain shares when the sample can hold no matches', () => {
    const u = fitNonMatches({ ...s, allPairs: false }, m, 1e-12).u[0]!;
    expect(u[0]).toBeCloseTo(0.019, 6);
  });

  it('estimates λ with u when the sample is every pair', () => {
    // Two comparisons, counts exactly as a model of λ 0.01 gives them over 100,000 pairs.
    const m2 = [
      [0.9, 0.1],
      [0.8, 0.2],
    ];
    const u2 = [
      [0.05, 0.95],
      [0.1, 0.9],
    ];
    const counter = new PatternCounter([2, 2]);
    for (const a of [0, 1])
      for (const b of [0, 1])
        counter.add(
          Uint8Array.of(a, b),
          100_000 * (0.01 * m2[0]![a]! * m2[1]![b]! + 0.99 * u2[0]![a]! * u2[1]![b]!),
        );
    const all: USample = {
      patterns: counter.toSet(),
      nonNull: Float64Array.of(100_000, 100_000),
      pairs: 100_000,
      allPairs: true,
    };
    const fit = fitNonMatches(all, m2, 0.005);
    expect(fit.lambda).toBeCloseTo(0.01, 3);
    expect(fit.u[0]![0]).toBeCloseTo(0.05, 3);
    expect(fit.u[1]![0]).toBeCloseTo(0.1, 3);
    // A random sample keeps the λ it was given (from the candidate pairs).
    expect(fitNonMatches({ ...all, allPairs: false }, m2, 0.005).lambda).toBe(0.005);
  });
});
