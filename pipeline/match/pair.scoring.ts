/**
 * Scores every candidate pair and keeps those worth deciding on: pairs at or above
 * `minProbability` and every pair an identifier rule decides. Columnar output (typed arrays),
 * indices into the record-key-sorted encoding.
 */
import { CandidatePairs, type BlockingOptions, type BlockingReport, type BlockingShard } from './candidate-pairs.js';
import { blockingRulesFor, type BlockingRule } from './blocking.rules.js';
import { encodeMentions, type EncodedMentions } from './mention.encoding.js';
import type { MatchMention } from './match-mention.js';
import type { MatchModel } from './match.model.js';
import { PairScorer, populationLambda, probabilityFromWeight, weightFromProbability } from './pair.scorer.js';
import { identifierKind, PAIR_KIND, type PairKind } from './identifier.rules.js';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from './growable.js';

export interface ScoredPairs {
  enc: EncodedMentions;
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Match weight (log2 odds), before identifier rules: `evidence[e] + priorWeight`. */
  weight: Float64Array;
  /** Match weight without the prior (what a delta run reuses). */
  evidence: Float64Array;
  /** log2(λ/(1-λ)) of `lambda`. */
  priorWeight: number;
  /** Match probability after identifier rules (1 for an identifier link, 0 for cannot-link). */
  probability: Float64Array;
  kind: Uint8Array;
  /** The prior used (the model's, or rescaled to `populationSize`). */
  lambda: number;
  blocking: BlockingReport;
  /** Candidate pairs scored (kept or not). */
  scored: number;
  /** Candidate pairs with different identifiers (kind cannotLink), kept or not. */
  identifierCannotLinks: number;
  /** With `truth`: true pairs among the candidates and in total (blocking recall = found / total). */
  truePairsInCandidates?: number;
}

export interface ScoreOptions extends BlockingOptions {
  /** Keep pairs with probability ≥ this (default 0.01). */
  minProbability?: number;
  /**
   * Leave out pairs with different identifiers (counted only): the clusterer's identifier guard
   * refuses them anyway, and at county scale they are most of the kept pairs.
   */
  dropCannotLinks?: boolean;
  /** Keep pairs down to this many bits below `minProbability`'s weight too (default 0): kept for a later delta run whose prior is higher. */
  marginBits?: number;
  rules?: readonly BlockingRule[];
  /** Truth label per input mention (by record key) for blocking recall. */
  truth?: ReadonlyMap<string, string | number>;
  /** Mentions in the whole store, when it differs from the training set (rescales lambda). */
  populationSize?: number;
  /** Score only this share of the candidate pairs (shard-scoring.ts). */
  shard?: BlockingShard;
}

export function asEncoded(input: readonly MatchMention[] | EncodedMentions): EncodedMentions {
  return Array.isArray(input) ? encodeMentions(input as readonly MatchMention[]) : (input as EncodedMentions);
}

/** Integer truth labels aligned with the encoding (-1 when unknown). */
export function truthLabels(enc: EncodedMentions, truth: ReadonlyMap<string, string | number>): Int32Array {
  const ids = new Map<string | number, number>();
  const out = new Int32Array(enc.n).fill(-1);
  for (let i = 0; i < enc.n; i++) {
    const t = truth.get(enc.recordKeys[i] as string);
    if (t === undefined) continue;
    let id = ids.get(t);
    if (id === undefined) {
      id = ids.size;
      ids.set(t, id);
    }
    out[i] = id;
  }
  return out;
}

export function scorePairs(
  input: readonly MatchMention[] | EncodedMentions,
  model: MatchModel,
  options: ScoreOptions = {},
): ScoredPairs {
  const enc = asEncoded(input);
  return scoreCandidates(new CandidatePairs(enc, options.rules ?? blockingRulesFor(enc), options), model, options);
}

/** `scorePairs` over candidates built already (a delta run also asks them which stored pairs blocking still emits). */
export function scoreCandidates(candidates: CandidatePairs, model: MatchModel, options: ScoreOptions = {}): ScoredPairs {
  const enc = candidates.enc;
  const lambda = populationLambda(model, options.populationSize);
  const scorer = new PairScorer(enc, model, lambda);
  const minWeight = weightFromProbability(options.minProbability ?? 0.01) - (options.marginBits ?? 0);
  const labels = options.truth ? truthLabels(enc, options.truth) : null;
  const a = new GrowableInt32();
  const b = new GrowableInt32();
  const weight = new GrowableFloat64();
  const evidence = new GrowableFloat64();
  const probability = new GrowableFloat64();
  const kind = new GrowableUint8();
  const idx = scorer.idx;
  let truePairs = 0;
  let scored = 0;
  let cannot = 0;
  const dropCannot = options.dropCannotLinks === true;
  const blocking = candidates.forEach((i, j) => {
    scored++;
    if (labels !== null) {
      const li = labels[i] as number;
      if (li >= 0 && li === labels[j]) truePairs++;
    }
    const w = scorer.weight(i, j);
    const k: PairKind = identifierKind(scorer.gamma, idx);
    if (k === PAIR_KIND.probabilistic && w < minWeight) return;
    if (k === PAIR_KIND.cannotLink) {
      cannot++;
      if (dropCannot) return;
    }
    a.push(i);
    b.push(j);
    weight.push(w);
    evidence.push(scorer.evidence);
    probability.push(k === PAIR_KIND.identifierLink ? 1 : k === PAIR_KIND.cannotLink ? 0 : probabilityFromWeight(w));
    kind.push(k);
  }, options.shard);
  const result: ScoredPairs = {
    enc,
    count: a.length,
    a: a.toArray(),
    b: b.toArray(),
    weight: weight.toArray(),
    evidence: evidence.toArray(),
    priorWeight: scorer.priorWeight,
    probability: probability.toArray(),
    kind: kind.toArray(),
    lambda,
    blocking,
    scored,
    identifierCannotLinks: cannot,
  };
  if (labels !== null) result.truePairsInCandidates = truePairs;
  return result;
}

/** The pairs at or above `minWeight` (and every pair an identifier rule decides), same order. */
export function narrowPairs(scored: ScoredPairs, minWeight: number): ScoredPairs {
  const keep: number[] = [];
  for (let e = 0; e < scored.count; e++) {
    if (scored.kind[e] !== PAIR_KIND.probabilistic || (scored.weight[e] as number) >= minWeight) keep.push(e);
  }
  if (keep.length === scored.count) return scored;
  const pick = <T extends Int32Array | Float64Array | Uint8Array>(src: T, out: T): T => {
    for (let x = 0; x < keep.length; x++) out[x] = src[keep[x] as number] as number;
    return out;
  };
  const n = keep.length;
  return {
    ...scored,
    count: n,
    a: pick(scored.a, new Int32Array(n)),
    b: pick(scored.b, new Int32Array(n)),
    weight: pick(scored.weight, new Float64Array(n)),
    evidence: pick(scored.evidence, new Float64Array(n)),
    probability: pick(scored.probability, new Float64Array(n)),
    kind: pick(scored.kind, new Uint8Array(n)),
  };
}
