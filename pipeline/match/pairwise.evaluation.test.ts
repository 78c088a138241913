import { pairwiseMetrics, truePairCount } from './pairwise.evaluation.js';

describe('pairwise metrics', () => {
  it('counts pairs by cluster sizes', () => {
    // truth: {0,1,2} {3,4}; predicted: {0,1} {2,3,4}
    const m = pairwiseMetrics([0, 0, 1, 1, 1], ['a', 'a', 'a', 'b', 'b']);
    expect(m.truePairs).toBe(4);
    expect(m.predictedPairs).toBe(4);
    expect(m.truePositives).toBe(2);
    expect(m.precision).toBe(0.5);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBe(0.5);
    expect(truePairCount(['a', 'a', 'a', 'b', 'b'])).toBe(4);
  });
  it('perfect and empty predictions', () => {
    expect(pairwiseMetrics([1, 1, 2], [5, 5, 6]).f1).toBe(1);
    expect(pairwiseMetrics([1, 2, 3], [5, 5, 6]).recall).toBe(0);
  });
});
