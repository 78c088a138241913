/**
 * u probabilities by random sampling: the share of each level among pairs drawn at random
 * from all pairs (almost all non-matches). All pairs when there are at most `maxPairs`.
 * Null levels are left out of the denominators.
 */
import { NULL_LEVEL, type Comparison } from './comparison.js';
import type { EncodedMentions } from './mention.encoding.js';
import { PatternCounter, type PatternSet } from './em.training.js';
import { mulberry32 } from './prng.js';

export interface USample {
  /** The sampled pairs' level patterns. */
  patterns: PatternSet;
  /** Non-null pairs per comparison. */
  nonNull: Float64Array;
  pairs: number;
  /** Every pair was taken (a small data set), not a random sample. */
  allPairs: boolean;
}

export function sampleLevelPatterns(
  enc: EncodedMentions,
  comparisons: readonly Comparison[],
  maxPairs: number,
  seed = 1,
): USample {
  const counter = new PatternCounter(comparisons.map((c) => c.levels.length));
  const nonNull = new Float64Array(comparisons.length);
  const gamma = new Uint8Array(comparisons.length);
  const add = (i: number, j: number): void => {
    for (let k = 0; k < comparisons.length; k++) {
      const level = (comparisons[k] as Comparison).compare(enc, i, j);
      gamma[k] = level;
      if (level !== NULL_LEVEL) nonNull[k]!++;
    }
    counter.add(gamma);
  };
  const n = enc.n;
  const all = (n * (n - 1)) / 2;
  let pairs = 0;
  if (all <= maxPairs) {
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) add(i, j);
    pairs = all;
  } else {
    const rnd = mulberry32(seed);
    while (pairs < maxPairs) {
      const i = Math.floor(rnd() * n);
      const j = Math.floor(rnd() * n);
      if (i === j) continue;
      add(Math.min(i, j), Math.max(i, j));
      pairs++;
    }
  }
  return { patterns: counter.toSet(), nonNull, pairs, allPairs: all <= maxPairs };
}

/** Level shares over the sampled pairs, each pattern counted `weight(p)` times (default: its count). */
function levelShares(
  sample: USample,
  levelCounts: readonly number[],
  weight: (p: number) => number,
): number[][] {
  const { levels, counts, comparisons: c } = sample.patterns;
  const sums = levelCounts.map((l) => new Float64Array(l));
  const totals = new Float64Array(c);
  for (let p = 0; p < counts.length; p++) {
    const w = weight(p);
    for (let k = 0; k < c; k++) {
      const l = levels[p * c + k] as number;
      if (l === NULL_LEVEL) continue;
      (sums[k] as Float64Array)[l]! += w;
      totals[k]! += w;
    }
  }
  // A floor of half a pair, so unseen levels keep a finite Bayes factor.
  return sums.map((row, k) =>
    Array.from(row, (s) => Math.max(s, 0.5) / Math.max(1, totals[k] as number)),
  );
}

/** u per level: the plain shares of the sampled pairs. */
export function uFromSample(sample: USample, levelCounts: readonly number[]): number[][] {
  const counts = sample.patterns.counts;
  return levelShares(sample, levelCounts, (p) => counts[p] as number);
}

const POSTERIOR_U_ROUNDS = 10;

/**
 * u over the sampled pairs that are not matches: each pattern counted by its posterior of being
 * a non-match under m, u and the prior λ (EM with m held fixed). Plain shares count the matches
 * in the sample as non-matches; in a small data set (a thousand records, a match rate of 0.4%)
 * that makes an exact dob look twenty times commoner among strangers than it is. When the
 * sample is every pair, λ is estimated with u (the posterior mean over all pairs): blocking
 * misses the matches it does not compare, so λ from the candidate pairs alone is too low.
 */
export function fitNonMatches(
  sample: USample,
  m: readonly (readonly number[])[],
  lambda: number,
): { u: number[][]; lambda: number } {
  const { levels, counts, comparisons: c } = sample.patterns;
  const levelCounts = m.map((row) => row.length);
  const nonMatch = new Float64Array(counts.length);
  let u = uFromSample(sample, levelCounts);
  let total = 0;
  for (const v of counts) total += v;
  for (let round = 0; round < POSTERIOR_U_ROUNDS; round++) {
    const prior = Math.log2(lambda / (1 - lambda));
    let matches = 0;
    for (let p = 0; p < counts.length; p++) {
      let w = prior;
      for (let k = 0; k < c; k++) {
        const l = levels[p * c + k] as number;
        if (l !== NULL_LEVEL)
          w += Math.log2(((m[k] as number[])[l] as number) / ((u[k] as number[])[l] as number));
      }
      nonMatch[p] = (counts[p] as number) / (1 + 2 ** w);
      matches += (counts[p] as number) - (nonMatch[p] as number);
    }
    u = levelShares(sample, levelCounts, (p) => nonMatch[p] as number);
    if (sample.allPairs && total > 0) lambda = Math.min(0.5, Math.max(1e-12, matches / total));
  }
  return { u, lambda };
}
