import { PatternCounter } from './em.training.js';
import { uFromNonMatches, uFromSample, type USample } from './u-sampling.training.js';

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
    const u = uFromNonMatches(s, m, 0.01)[0]!;
    expect(u[0]).toBeCloseTo(10 / 990, 4);
    expect(u[0]! + u[1]!).toBeCloseTo(1, 9);
  });

  it('is the plain shares when the sample can hold no matches', () => {
    const u = uFromNonMatches(s, m, 1e-12)[0]!;
    expect(u[0]).toBeCloseTo(0.019, 6);
  });
});
