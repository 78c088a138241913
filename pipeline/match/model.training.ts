/**
 * Trains a model (Splink-style):
 * 1. u by random sampling of pairs (all pairs when few);
 * 2. m by EM over the candidate pairs, in rounds that each condition on a training rule and
 *    leave the comparisons that rule forces to agree out (dob-exact pairs estimate the names;
 *    name-exact pairs estimate the dob); m of a comparison is the mean over its rounds;
 * 3. lambda (prior that two random mentions match) = expected matches among the candidates
 *    (posterior sum, iterated to a fixed point) / all pairs; when step 1 took every pair, the
 *    posterior mean over all of them instead (step 4);
 * 4. u over the random sample's non-matches: each sampled pair counted by its posterior of being
 *    a non-match (u-sampling.training.ts); no agreement level is allowed to weigh less than
 *    the disagreement (last) level;
 * 5. term-frequency tables for forename, surname, city (values held by ≥ 2 mentions).
 */
import { NULL_LEVEL, type Comparison, type TfColumn } from './comparison.js';
import { comparisonsFor } from './comparison.registry.js';
import { CandidatePairs } from './candidate-pairs.js';
import { blockingRulesFor, type BlockingRule } from './blocking.rules.js';
import type { EncodedMentions, TfTable } from './mention.encoding.js';
import type { MatchMention } from './match-mention.js';
import { MODEL_FORMAT_VERSION, type MatchModel, type TrainingSummary } from './match.model.js';
import { expectationMaximisation, filterPatterns, type PatternSet } from './em.training.js';
import { trainingSample } from './training.sample.js';
import { fitNonMatches, sampleLevelPatterns, uFromSample } from './u-sampling.training.js';
import { asEncoded } from './pair.scoring.js';
import { tfKey } from './pair.scorer.js';

export interface TrainOptions {
  seed?: number;
  /** Random pairs for u (default 2,000,000). */
  maxUPairs?: number;
  /** Candidate pairs fed to EM, sampled uniformly when more (default 3,000,000). */
  maxTrainingPairs?: number;
  rules?: readonly BlockingRule[];
  maxBlockSize?: number;
  /** The candidate pairs of these mentions, built already (scoring uses them too): `rules` and `maxBlockSize` are then theirs. */
  candidates?: CandidatePairs;
  /** Prior for two mentions stated as the same parent of one child (default 0.9). */
  relationalPrior?: number;
  /** Fixes `trainedAt` (tests). */
  trainedAt?: string;
}

/**
 * Identifier comparisons keep their prior m: sources rarely share an identifier, so EM sees
 * too few matched pairs with both present to learn it, and the deterministic rules decide
 * those pairs anyway.
 */
const FIXED_M = new Set(['nhs', 'upn']);

/**
 * Pairs sharing a valid identifier (NHS number, UPN) needed before their level shares replace
 * EM's m for a comparison (non-null pairs of that comparison).
 */
const MIN_LABELLED_PAIRS = 30;
/** Weight of EM's estimate, in pairs, beside the labelled pairs. */
const LABEL_PSEUDO_PAIRS = 5;

/** An EM round whose in-sample match rate ends above this has found no non-matches: discarded. */
const MAX_ROUND_LAMBDA = 0.999;

interface Round {
  name: string;
  keep: (levels: Uint8Array, row: number) => boolean;
  exclude: string[];
}

function logBayesFactors(m: number[][], u: number[][]): Float64Array[] {
  return m.map((ml, k) => Float64Array.from(ml, (mv, l) => Math.log2(mv / ((u[k] as number[])[l] as number))));
}

/** Fixed point of λ = E[matches among candidates] / all pairs. */
function estimateLambda(set: PatternSet, lbf: Float64Array[], sampleRate: number, allPairs: number, start: number): number {
  const c = set.comparisons;
  const P = set.counts.length;
  const w = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let s = 0;
    for (let k = 0; k < c; k++) {
      const l = set.levels[p * c + k] as number;
      if (l !== NULL_LEVEL) s += (lbf[k] as Float64Array)[l] as number;
    }
    w[p] = s;
  }
  let lambda = start;
  for (let it = 0; it < 200; it++) {
    const prior = Math.log2(lambda / (1 - lambda));
    let expected = 0;
    for (let p = 0; p < P; p++) expected += (set.counts[p] as number) / (1 + 2 ** -((w[p] as number) + prior));
    const next = Math.min(0.5, Math.max(1e-12, expected / sampleRate / Math.max(1, allPairs)));
    if (Math.abs(next - lambda) / lambda < 1e-7) {
      lambda = next;
      break;
    }
    lambda = next;
  }
  return lambda;
}

function tfTable(enc: EncodedMentions, col: TfColumn): TfTable {
  const counts = col === 'forename' ? enc.forenameCount : col === 'surname' ? enc.surnameCount : enc.cityCount;
  const values: Record<string, number> = {};
  const keys: [string, number][] = [];
  for (let id = 0; id < counts.length; id++) {
    const c = counts[id] as number;
    if (c >= 2) keys.push([tfKey(enc, col, id), c]);
  }
  keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [k, c] of keys) values[k] = c / enc.n;
  return { total: enc.n, values };
}

export function trainModel(input: readonly MatchMention[] | EncodedMentions, options: TrainOptions = {}): MatchModel {
  const enc = asEncoded(input);
  const comparisons = comparisonsFor(enc);
  const C = comparisons.length;
  const idx = (name: string): number => comparisons.findIndex((c) => c.name === name);

  // 1. u by random sampling.
  const uSample = sampleLevelPatterns(enc, comparisons, options.maxUPairs ?? 2_000_000, options.seed ?? 1);
  const uRaw = uFromSample(uSample, comparisons.map((c) => c.levels.length));

  // 2. Candidate patterns (sampled when many).
  const candidates =
    options.candidates ??
    new CandidatePairs(enc, options.rules ?? blockingRulesFor(enc), options.maxBlockSize === undefined ? {} : { maxBlockSize: options.maxBlockSize });
  const sample = trainingSample(enc, comparisons, candidates, options.maxTrainingPairs ?? 3_000_000);
  const { patterns, rate, labelled, labelledPairs } = sample;

  // 3. EM rounds.
  const kDob = idx('dob');
  const kFore = idx('forename');
  const kSur = idx('surname');
  const rounds: Round[] = [
    { name: 'dob exact', keep: (lv, r) => kDob >= 0 && lv[r + kDob] === 0, exclude: ['dob'] },
    {
      name: 'forename and surname exact',
      keep: (lv, r) => kFore >= 0 && kSur >= 0 && lv[r + kFore] === 0 && lv[r + kSur] === 0,
      exclude: ['forename', 'surname'],
    },
  ];
  const mPrior = comparisons.map((c) => c.levels.map((l) => l.mPrior));
  const mSum = comparisons.map((c) => new Float64Array(c.levels.length));
  const mRounds = new Int32Array(C);
  const summary: TrainingSummary['emRounds'] = [];
  const runRound = (name: string, set: PatternSet, estimate: boolean[], only?: boolean[]): void => {
    let pairs = 0;
    for (const v of set.counts) pairs += v;
    if (pairs < 20) return;
    const r = expectationMaximisation(set, mPrior, uRaw, estimate, 0.3);
    const names: string[] = [];
    // Degenerate: every pair taken for a match (people who share a name also share a surname's
    // household, so u from random pairs does not describe the non-matches). Its m would be the
    // raw level shares; keep it out.
    if (r.lambda > MAX_ROUND_LAMBDA) {
      summary.push({ name, pairs: Math.round(pairs / rate), iterations: r.iterations, lambda: r.lambda, estimated: [] });
      return;
    }
    for (let k = 0; k < C; k++) {
      if (!estimate[k] || (only && !only[k])) continue;
      const row = mSum[k] as Float64Array;
      (r.m[k] as number[]).forEach((v, l) => (row[l]! += v));
      mRounds[k]!++;
      names.push((comparisons[k] as Comparison).name);
    }
    summary.push({ name, pairs: Math.round(pairs / rate), iterations: r.iterations, lambda: r.lambda, estimated: names });
  };
  for (const round of rounds) {
    const estimate = comparisons.map((c) => !round.exclude.includes(c.name) && !FIXED_M.has(c.name));
    runRound(round.name, filterPatterns(patterns, round.keep), estimate);
  }
  const missing = comparisons.map((c, k) => mRounds[k] === 0 && !FIXED_M.has(c.name));
  if (missing.some(Boolean)) runRound('all candidates', patterns, comparisons.map((c) => !FIXED_M.has(c.name)), missing);
  const m = comparisons.map((c, k) =>
    mRounds[k]! > 0 ? Array.from(mSum[k] as Float64Array, (v) => v / (mRounds[k] as number)) : c.levels.map((l) => l.mPrior),
  );
  // Where enough pairs share a valid identifier (labelled matches: Splink estimates m from
  // labels too), they say how often one person's records disagree on a field: EM cannot tell a
  // family, who share a surname and a home, from one person, and puts their disagreements into
  // m. The disagreement (last) level's m comes from the labelled pairs (EM's m as a few pseudo
  // pairs); the agreement levels keep EM's shape, rescaled: rare levels (a previous name) are
  // too rare among the labelled pairs to estimate.
  const fromLabels: string[] = [];
  for (let k = 0; k < C; k++) {
    const c = comparisons[k] as Comparison;
    if (FIXED_M.has(c.name)) continue;
    const row = labelled[k] as Float64Array;
    let nonNull = 0;
    for (const v of row) nonNull += v;
    if (nonNull < MIN_LABELLED_PAIRS) continue;
    const mk = m[k] as number[];
    const last = mk.length - 1;
    const emLast = mk[last] as number;
    const labelledLast = ((row[last] as number) + LABEL_PSEUDO_PAIRS * emLast) / (nonNull + LABEL_PSEUDO_PAIRS);
    const scale = emLast < 1 ? (1 - labelledLast) / (1 - emLast) : 0;
    m[k] = mk.map((v, l) => (l === last ? labelledLast : v * scale));
    fromLabels.push(c.name);
  }
  if (fromLabels.length > 0) summary.push({ name: 'pairs sharing a valid identifier', pairs: labelledPairs, iterations: 0, lambda: 1, estimated: fromLabels });

  // 4. λ, then u over the random sample's non-matches, then λ again.
  const allPairs = (enc.n * (enc.n - 1)) / 2;
  let lambda = estimateLambda(patterns, logBayesFactors(m, uRaw), rate, allPairs, 1e-4);
  const nonMatches = fitNonMatches(uSample, m, lambda);
  const uNonMatch = nonMatches.u;
  const u = uRaw.map((row, k) =>
    row.map((uv, l) => {
      const floor = Math.max(0.5 / Math.max(1, uSample.nonNull[k] as number), uv * 0.05);
      return Math.min(1, Math.max(floor, (uNonMatch[k] as number[])[l] as number));
    }),
  );
  // No agreement level may count as more against a match than the final (disagreement) level.
  for (let k = 0; k < C; k++) {
    const mk = m[k] as number[];
    const uk = u[k] as number[];
    const last = mk.length - 1;
    const floorRatio = (mk[last] as number) / (uk[last] as number);
    for (let l = 0; l < last; l++) if ((mk[l] as number) / (uk[l] as number) < floorRatio) mk[l] = (uk[l] as number) * floorRatio;
  }
  lambda = uSample.allPairs ? nonMatches.lambda : estimateLambda(patterns, logBayesFactors(m, u), rate, allPairs, lambda);

  // 5. Term frequencies.
  const tf: Record<string, TfTable> = {};
  for (const c of comparisons) if (c.tf !== undefined) tf[c.tf] = tfTable(enc, c.tf);

  return {
    version: MODEL_FORMAT_VERSION,
    trainedAt: options.trainedAt ?? new Date().toISOString(),
    lambda,
    comparisons: comparisons.map((c, k) => ({
      name: c.name,
      levels: c.levels.map((l, li) => ({
        label: l.label,
        m: Math.min(1, Math.max(1e-9, (m[k] as number[])[li] as number)),
        u: (u[k] as number[])[li] as number,
      })),
    })),
    tf,
    relationalPrior: options.relationalPrior ?? 0.9,
    training: {
      mentions: enc.n,
      candidatePairs: sample.candidatePairs,
      sampledCandidatePairs: sample.sampled,
      uSamplePairs: uSample.pairs,
      emRounds: summary,
    },
  };
}
