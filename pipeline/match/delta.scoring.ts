/**
 * Scoring for one run of the store's matcher, all pairs or a delta. A run leaves a pair state:
 * the record keys it saw, a fingerprint per mention, and every kept pair's evidence (weight
 * without the prior). The next run with the same model scores only candidate pairs involving a
 * new or changed mention and reuses the stored pairs between unchanged mentions, re-weighted
 * with today's prior: bit for bit what scoring all pairs would give, because
 * - a pair's evidence depends on its two mentions only, except term-frequency adjustments from
 *   the data (values the model's tf tables lack): mentions holding such a value are rescored;
 * - a stored pair is reused only while blocking still emits it (a block that grew past a size
 *   limit drops it);
 * - pairs are kept down to `marginBits` below the review threshold, so a prior risen since
 *   (fewer mentions) still finds every pair above it; past the margin the run scores all pairs.
 * Pairs with different identifiers are left out (counted only): the clusterer's identifier
 * guard refuses them anyway. A delta run counts those among the pairs it scored only.
 * Known gap: a block that shrank below a size limit because mentions left it (withdrawn, or
 * changed to other keys) gains pairs between unchanged mentions that only a full run scores.
 */
import { CandidatePairs, type BlockingOptions } from './candidate-pairs.js';
import { blockingRulesFor, type BlockingRule } from './blocking.rules.js';
import type { EncodedMentions } from './mention.encoding.js';
import type { MatchModel } from './match.model.js';
import { comparisonByName } from './comparison.registry.js';
import {
  populationLambda,
  priorWeightOf,
  probabilityFromWeight,
  tfKey,
  weightFromProbability,
} from './pair.scorer.js';
import type { ScoredPairs } from './pair.scoring.js';
import { scoreInShards } from './shard-scoring.js';
import { PAIR_KIND } from './identifier.rules.js';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from './growable.js';

/** What a run leaves for the next one. Indices refer to `recordKeys` (sorted). */
export interface PairState {
  modelVersion: number;
  /** Every pair of two mentions (unchanged since) whose evidence is at or above this is stored. */
  evidenceCut: number;
  recordKeys: string[];
  fingerprints: Float64Array;
  a: Int32Array;
  b: Int32Array;
  evidence: Float64Array;
  kind: Uint8Array;
}

export interface DeltaReport {
  /** Mentions whose pairs were scored: new, changed, or holding a tf value the model lacks. */
  involved: number;
  /** Stored pairs reused without scoring. */
  reusedPairs: number;
  /** Candidate pairs scored. */
  scoredPairs: number;
}

export interface RunScoringOptions extends BlockingOptions {
  populationSize: number;
  /** Review threshold: pairs below it do not reach clustering. */
  minProbability: number;
  /** Bits below the review threshold kept in the state (default 2: the store may shrink by 4× before a delta rescans). */
  marginBits?: number;
  rules?: readonly BlockingRule[];
  /** The candidate pairs of these mentions, built already (training builds them too): `rules` and the block options are then theirs. */
  candidates?: CandidatePairs;
  /** Threads to score on (shard-scoring.ts; default by the store's size and the cores). */
  threads?: number;
}

export interface RunScoring {
  /** Pairs kept for the state (down to the margin); narrow with `narrowPairs` before clustering. */
  scored: ScoredPairs;
  state: PairState;
  /** Null when all pairs were scored. */
  delta: DeltaReport | null;
  /** Why a run that could have been a delta scored all pairs (null when it was a delta, or no state). */
  fullBecause: string | null;
}

const DEFAULT_MARGIN_BITS = 2;

/** Per mention of `enc`: index in the previous keys, or -1 (both lists sorted the same way). */
function mapPrevious(
  enc: EncodedMentions,
  previousKeys: readonly string[],
): { toNew: Int32Array; toOld: Int32Array } {
  const toNew = new Int32Array(previousKeys.length).fill(-1);
  const toOld = new Int32Array(enc.n).fill(-1);
  let x = 0;
  for (let i = 0; i < enc.n; i++) {
    const key = enc.recordKeys[i] as string;
    while (x < previousKeys.length && (previousKeys[x] as string) < key) x++;
    if (x < previousKeys.length && previousKeys[x] === key) {
      toNew[x] = i;
      toOld[i] = x;
    }
  }
  return { toNew, toOld };
}

/**
 * Mentions whose exact name (or city) matches carry a term-frequency adjustment taken from the
 * data rather than the model (a value the model's tables lack, held by two or more mentions):
 * their pairs' evidence moves with the data. Null when a tf comparison has no table at all.
 */
function dataTfMentions(enc: EncodedMentions, model: MatchModel): Uint8Array | null {
  const out = new Uint8Array(enc.n);
  for (const mc of model.comparisons) {
    const col = comparisonByName(mc.name)?.tf;
    if (col === undefined) continue;
    const table = model.tf[col];
    if (table === undefined) return null;
    const counts =
      col === 'forename' ? enc.forenameCount : col === 'surname' ? enc.surnameCount : enc.cityCount;
    const ids = col === 'forename' ? enc.forename : col === 'surname' ? enc.surname : enc.city;
    const volatile = new Uint8Array(counts.length);
    for (let v = 0; v < counts.length; v++)
      if ((counts[v] as number) >= 2 && table.values[tfKey(enc, col, v)] === undefined)
        volatile[v] = 1;
    for (let i = 0; i < enc.n; i++) {
      const v = ids[i] as number;
      if (v >= 0 && volatile[v] === 1) out[i] = 1;
    }
  }
  return out;
}

async function fullScoring(
  candidates: CandidatePairs,
  model: MatchModel,
  modelVersion: number,
  fingerprints: Float64Array,
  options: RunScoringOptions,
  minWide: number,
  fullBecause: string | null,
): Promise<RunScoring> {
  const scored = await scoreInShards(candidates, model, {
    ...options,
    marginBits: options.marginBits ?? DEFAULT_MARGIN_BITS,
    dropCannotLinks: true,
  });
  const state: PairState = {
    modelVersion,
    evidenceCut: minWide - scored.priorWeight,
    recordKeys: candidates.enc.recordKeys,
    fingerprints,
    a: scored.a,
    b: scored.b,
    evidence: scored.evidence,
    kind: scored.kind,
  };
  return { scored, state, delta: null, fullBecause };
}

/** Scores the run: a delta against `previous` when it allows, else every candidate pair. */
export async function scoreForRun(
  enc: EncodedMentions,
  model: MatchModel,
  modelVersion: number,
  previous: PairState | null,
  options: RunScoringOptions,
): Promise<RunScoring> {
  const marginBits = options.marginBits ?? DEFAULT_MARGIN_BITS;
  const minNarrow = weightFromProbability(options.minProbability);
  const minWide = minNarrow - marginBits;
  const prior = priorWeightOf(populationLambda(model, options.populationSize));
  const fingerprints = enc.fingerprints;
  const rules = options.candidates?.rules ?? options.rules ?? blockingRulesFor(enc);
  const blocking = { ...options, rules } as const;

  let fullBecause: string | null = null;
  const dataTf = previous === null ? null : dataTfMentions(enc, model);
  if (previous === null) fullBecause = null;
  else if (previous.modelVersion !== modelVersion) fullBecause = 'model changed';
  else if (previous.evidenceCut > minNarrow - prior - 1e-9)
    fullBecause = 'prior rose past the stored margin';
  else if (dataTf === null) fullBecause = 'model lacks a term-frequency table';
  if (previous === null || fullBecause !== null || dataTf === null) {
    return fullScoring(
      options.candidates ?? new CandidatePairs(enc, rules, blocking),
      model,
      modelVersion,
      fingerprints,
      options,
      minWide,
      fullBecause,
    );
  }

  const { toNew, toOld } = mapPrevious(enc, previous.recordKeys);
  const involved = dataTf;
  let involvedCount = 0;
  for (let i = 0; i < enc.n; i++) {
    const old = toOld[i] as number;
    if (old < 0 || previous.fingerprints[old] !== fingerprints[i]) involved[i] = 1;
    involvedCount += involved[i] as number;
  }
  const candidates = (options.candidates ?? new CandidatePairs(enc, rules, blocking)).involvingOnly(involved);
  const fresh = await scoreInShards(candidates, model, { ...options, marginBits, dropCannotLinks: true });

  const capacity = Math.max(1024, fresh.count + previous.a.length);
  const a = new GrowableInt32(capacity);
  const b = new GrowableInt32(capacity);
  const weight = new GrowableFloat64(capacity);
  const evidence = new GrowableFloat64(capacity);
  const probability = new GrowableFloat64(capacity);
  const kind = new GrowableUint8(capacity);
  for (let e = 0; e < fresh.count; e++) {
    a.push(fresh.a[e] as number);
    b.push(fresh.b[e] as number);
    weight.push(fresh.weight[e] as number);
    evidence.push(fresh.evidence[e] as number);
    probability.push(fresh.probability[e] as number);
    kind.push(fresh.kind[e] as number);
  }
  let reused = 0;
  for (let e = 0; e < previous.a.length; e++) {
    const i = toNew[previous.a[e] as number] as number;
    const j = toNew[previous.b[e] as number] as number;
    if (i < 0 || j < 0 || involved[i] === 1 || involved[j] === 1) continue;
    const k = previous.kind[e] as number;
    const ev = previous.evidence[e] as number;
    const w = ev + prior;
    if (k === PAIR_KIND.probabilistic && w < minWide) continue;
    if (!candidates.emits(i, j)) continue;
    a.push(i);
    b.push(j);
    weight.push(w);
    evidence.push(ev);
    probability.push(
      k === PAIR_KIND.identifierLink
        ? 1
        : k === PAIR_KIND.cannotLink
          ? 0
          : probabilityFromWeight(w),
    );
    kind.push(k);
    reused++;
  }
  const scored: ScoredPairs = {
    ...fresh,
    count: a.length,
    a: a.toArray(),
    b: b.toArray(),
    weight: weight.toArray(),
    evidence: evidence.toArray(),
    probability: probability.toArray(),
    kind: kind.toArray(),
  };
  const state: PairState = {
    modelVersion,
    evidenceCut: Math.max(previous.evidenceCut, minWide - prior),
    recordKeys: enc.recordKeys,
    fingerprints,
    a: scored.a,
    b: scored.b,
    evidence: scored.evidence,
    kind: scored.kind,
  };
  return {
    scored,
    state,
    delta: { involved: involvedCount, reusedPairs: reused, scoredPairs: fresh.scored },
    fullBecause: null,
  };
}
