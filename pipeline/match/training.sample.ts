/**
 * The candidate pairs EM learns from, as level patterns, and the labelled matches (pairs sharing
 * a valid identifier) among them.
 *
 * Up to `maxPairs` candidate pairs (bounded by the blocks' sizes) every pair is taken. Past it,
 * the sample is the candidate pairs holding a sampled mention (a fixed hash of its index below
 * a rate): enumerating them costs about the sample, not the millions of candidate pairs (the
 * blocking walk over every pair was most of training at a million mentions). Each pair is in
 * the sample with the same probability, `rate`; the candidate count is then estimated from it.
 */
import { NULL_LEVEL, type Comparison } from './comparison.js';
import { CandidatePairs } from './candidate-pairs.js';
import { nhsRule, upnRule } from './blocking.rules.js';
import type { EncodedMentions } from './mention.encoding.js';
import { PatternCounter, type PatternSet } from './em.training.js';
import { mentionHash } from './prng.js';

export interface TrainingSample {
  patterns: PatternSet;
  /** Share of the candidate pairs in `patterns` (1: all of them). */
  rate: number;
  /** Candidate pairs: counted when all were taken, estimated from the sample otherwise. */
  candidatePairs: number;
  sampled: number;
  /** Per comparison, level counts over the labelled matches. */
  labelled: Float64Array[];
  labelledPairs: number;
}

/** Same valid NHS number or UPN, and neither identifier different. */
export function sharesIdentifier(enc: EncodedMentions, i: number, j: number): boolean {
  const ni = enc.nhs[i] as number;
  const nj = enc.nhs[j] as number;
  const ui = enc.upn[i] as number;
  const uj = enc.upn[j] as number;
  const nhsEqual = ni >= 0 && ni === nj;
  const upnEqual = ui >= 0 && ui === uj;
  const differ = (ni >= 0 && nj >= 0 && ni !== nj) || (ui >= 0 && uj >= 0 && ui !== uj);
  return (nhsEqual || upnEqual) && !differ;
}

class SampleBuilder {
  readonly counter: PatternCounter;
  readonly labelled: Float64Array[];
  labelledPairs = 0;
  sampled = 0;
  private readonly gamma: Uint8Array;

  constructor(
    private readonly enc: EncodedMentions,
    private readonly comparisons: readonly Comparison[],
  ) {
    this.counter = new PatternCounter(comparisons.map((c) => c.levels.length));
    this.labelled = comparisons.map((c) => new Float64Array(c.levels.length));
    this.gamma = new Uint8Array(comparisons.length);
  }

  addPattern(i: number, j: number): void {
    const gamma = this.gamma;
    for (let k = 0; k < gamma.length; k++) gamma[k] = (this.comparisons[k] as Comparison).compare(this.enc, i, j);
    this.counter.add(gamma);
    this.sampled++;
  }

  addLabelled(i: number, j: number): void {
    this.labelledPairs++;
    for (let k = 0; k < this.comparisons.length; k++) {
      const l = (this.comparisons[k] as Comparison).compare(this.enc, i, j);
      if (l !== NULL_LEVEL) (this.labelled[k] as Float64Array)[l]! += 1;
    }
  }
}

/** Every candidate pair (they are at most the sample's size). */
function everyPair(enc: EncodedMentions, candidates: CandidatePairs, builder: SampleBuilder): { rate: number; count: number } {
  let count = 0;
  candidates.forEach((i, j) => {
    count++;
    builder.addPattern(i, j);
    if (sharesIdentifier(enc, i, j)) builder.addLabelled(i, j);
  });
  return { rate: 1, count };
}

/** The pairs holding a sampled mention, and (from the identifier blocks) every labelled pair. */
function pairsOfSampledMentions(
  enc: EncodedMentions,
  candidates: CandidatePairs,
  builder: SampleBuilder,
  maxPairs: number,
  bound: number,
): { rate: number; count: number } {
  // A pair is in when either mention is: 1 - (1 - r)^2 = maxPairs / bound.
  const r = 1 - Math.sqrt(1 - maxPairs / bound);
  const marked = new Uint8Array(enc.n);
  let markedCount = 0;
  for (let i = 0; i < enc.n; i++) {
    if (mentionHash(i) < r) {
      marked[i] = 1;
      markedCount++;
    }
  }
  const f = markedCount / Math.max(1, enc.n);
  const rate = 1 - (1 - f) * (1 - f);
  candidates.involvingOnly(marked).forEach((i, j) => builder.addPattern(i, j));
  // Every candidate pair sharing a valid identifier shares an identifier block.
  new CandidatePairs(enc, [nhsRule, upnRule], { maxBlockSize: candidates.maxBlockSize }).forEach((i, j) => {
    if (sharesIdentifier(enc, i, j) && candidates.emits(i, j)) builder.addLabelled(i, j);
  });
  return { rate, count: Math.round(builder.sampled / Math.max(rate, Number.MIN_VALUE)) };
}

export function trainingSample(
  enc: EncodedMentions,
  comparisons: readonly Comparison[],
  candidates: CandidatePairs,
  maxPairs: number,
): TrainingSample {
  const builder = new SampleBuilder(enc, comparisons);
  const bound = candidates.pairsUpperBound();
  const { rate, count } =
    bound <= maxPairs
      ? everyPair(enc, candidates, builder)
      : pairsOfSampledMentions(enc, candidates, builder, maxPairs, bound);
  return {
    patterns: builder.counter.toSet(),
    rate,
    candidatePairs: count,
    sampled: builder.sampled,
    labelled: builder.labelled,
    labelledPairs: builder.labelledPairs,
  };
}
