/**
 * u probabilities by random sampling: the share of each level among pairs drawn at random
 * from all pairs (almost all non-matches). All pairs when there are at most `maxPairs`.
 * Null levels are left out of the denominators.
 */
import { NULL_LEVEL, type Comparison } from './comparison.js';
import type { EncodedMentions } from './mention.encoding.js';
import { mulberry32 } from './prng.js';

export interface USample {
  /** Counts per comparison per level, and non-null totals. */
  counts: Float64Array[];
  nonNull: Float64Array;
  pairs: number;
}

export function sampleLevelCounts(
  enc: EncodedMentions,
  comparisons: readonly Comparison[],
  maxPairs: number,
  seed = 1,
): USample {
  const counts = comparisons.map((c) => new Float64Array(c.levels.length));
  const nonNull = new Float64Array(comparisons.length);
  const add = (i: number, j: number): void => {
    for (let k = 0; k < comparisons.length; k++) {
      const level = (comparisons[k] as Comparison).compare(enc, i, j);
      if (level === NULL_LEVEL) continue;
      (counts[k] as Float64Array)[level]!++;
      nonNull[k]!++;
    }
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
  return { counts, nonNull, pairs };
}

/** u per level with a floor of half a pair, so unseen levels keep a finite Bayes factor. */
export function uFromCounts(sample: USample): number[][] {
  return sample.counts.map((levelCounts, k) => {
    const total = Math.max(1, sample.nonNull[k] as number);
    return Array.from(levelCounts, (c) => Math.max(c, 0.5) / total);
  });
}
