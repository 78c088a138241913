import { loadFake1000 } from './benchmarks/load-benchmark.js';
import { encodeMentions } from './mention.encoding.js';
import { trainModel } from './model.training.js';
import { CandidatePairs } from './candidate-pairs.js';
import { blockingRulesFor } from './blocking.rules.js';
import { comparisonsFor } from './comparison.registry.js';
import { trainingSample } from './training.sample.js';
import { matchMentions } from './match-mentions.js';
import { pairwiseMetrics } from './pairwise.evaluation.js';
import { truthLabels } from './pair.scoring.js';
import { generateSyntheticCounty } from './benchmarks/synthetic-county.js';

describe('training sample', () => {
  const bench = loadFake1000();
  const enc = encodeMentions(bench.mentions);
  const comparisons = comparisonsFor(enc);
  const candidates = new CandidatePairs(enc, blockingRulesFor(enc));
  let count = 0;
  const report = candidates.forEach(() => count++);
  const bound = candidates.pairsUpperBound();
  const all = trainingSample(enc, comparisons, candidates, bound);
  const target = Math.round(count / 5);
  const some = trainingSample(enc, comparisons, candidates, Math.round((target * bound) / count));

  it('bounds the candidate pairs from above', () => {
    expect(count).toBe(report.candidatePairs);
    expect(bound).toBeGreaterThanOrEqual(count);
  });

  it('takes every candidate pair up to the limit', () => {
    expect(all.rate).toBe(1);
    expect(all.sampled).toBe(count);
    expect(all.candidatePairs).toBe(count);
  });

  it('past the limit, samples about the rate and estimates the candidate count', () => {
    expect(some.rate).toBeLessThan(0.3);
    expect(Math.abs(some.sampled - target) / target).toBeLessThan(0.25);
    expect(Math.abs(some.candidatePairs - count) / count).toBeLessThan(0.25);
  });

  it('finds every labelled pair (sharing a valid identifier) either way', () => {
    const county = encodeMentions(generateSyntheticCounty(5000, 3).mentions);
    const c = new CandidatePairs(county, blockingRulesFor(county));
    const every = trainingSample(county, comparisonsFor(county), c, c.pairsUpperBound());
    const fifth = trainingSample(county, comparisonsFor(county), c, Math.round(c.pairsUpperBound() / 5));
    expect(fifth.rate).toBeLessThan(0.3);
    expect(every.labelledPairs).toBeGreaterThan(100);
    expect(fifth.labelledPairs).toBe(every.labelledPairs);
    expect(fifth.labelled).toEqual(every.labelled);
  });

  it('trains a model that matches about as well as one trained on every pair', () => {
    const truth = truthLabels(enc, bench.truth);
    const f1 = (maxTrainingPairs?: number): number => {
      const model = trainModel(enc, { trainedAt: 'test', ...(maxTrainingPairs === undefined ? {} : { maxTrainingPairs }) });
      return pairwiseMetrics(matchMentions(enc, model).personOf, truth).f1;
    };
    const full = f1();
    const sampled = f1(Math.round((target * bound) / count));
    expect(sampled).toBeGreaterThan(full - 0.03);
  });
});
