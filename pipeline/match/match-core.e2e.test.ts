/** End to end on the public benchmarks: floors measured with bench/match-core.bench.ts. */
import { loadFake1000, loadFebrl } from './benchmarks/load-benchmark.js';
import { encodeMentions } from './mention.encoding.js';
import { trainModel } from './model.training.js';
import { matchMentions } from './match-mentions.js';
import { pairwiseMetrics } from './pairwise.evaluation.js';
import { truthLabels } from './pair.scoring.js';

function run(bench: ReturnType<typeof loadFake1000>, options: Parameters<typeof matchMentions>[2] = {}) {
  const enc = encodeMentions(bench.mentions);
  const model = trainModel(enc, { trainedAt: 'test' });
  const result = matchMentions(enc, model, { ...options, truth: bench.truth });
  const truth = truthLabels(enc, bench.truth);
  return { result, metrics: pairwiseMetrics(result.personOf, truth) };
}

describe('match core end to end', () => {
  it('fake_1000: F1 above the measured floor', () => {
    const { result, metrics } = run(loadFake1000());
    // Measured: P 1.000, R 0.87, F1 0.93 (naive Fellegi-Sunter ≈ 0.55).
    expect(metrics.precision).toBeGreaterThanOrEqual(0.99);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.report.truePairsInCandidates).toBeGreaterThan(1600);
  });

  it('FEBRL dataset1: F1 above the measured floor', () => {
    const { metrics } = run(loadFebrl('dataset1'));
    // Measured: P 1.000, R 0.956, F1 0.978 with the twins guard on.
    expect(metrics.precision).toBeGreaterThanOrEqual(0.99);
    expect(metrics.f1).toBeGreaterThanOrEqual(0.95);
  });
});
