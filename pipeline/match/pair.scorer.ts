/**
 * Match weight of one pair under a model: prior weight log2(λ/(1-λ)) plus, per comparison,
 * log2(m/u) of the level hit (0 for the null level) plus term-frequency adjustments for exact
 * name matches: log2(u_exact / tf(value)), so a rare surname counts more than "Smith".
 */
import { NULL_LEVEL, type Comparison, type TfColumn } from './comparison.js';
import { comparisonByName } from './comparison.registry.js';
import type { EncodedMentions } from './mention.encoding.js';
import { ModelFormatError, type MatchModel } from './match.model.js';

interface TfLookup {
  /** Frequency per value id (name id or text id). */
  freq: Float64Array;
  uExact: number;
}

export function probabilityFromWeight(w: number): number {
  if (w > 60) return 1;
  if (w < -60) return 0;
  const x = 2 ** w;
  return x / (1 + x);
}

export function weightFromProbability(p: number): number {
  if (p >= 1) return Infinity;
  if (p <= 0) return -Infinity;
  return Math.log2(p / (1 - p));
}

function tfValueId(enc: EncodedMentions, col: TfColumn, i: number): number {
  return col === 'forename' ? (enc.forename[i] as number) : col === 'surname' ? (enc.surname[i] as number) : (enc.city[i] as number);
}

/** Key under which tf tables store a value: the normalised name or city. */
export function tfKey(enc: EncodedMentions, col: TfColumn, id: number): string {
  if (col === 'city') return (enc.texts.values[id] as string).slice('city:'.length);
  return enc.names.values[id] as string;
}

function buildTf(enc: EncodedMentions, model: MatchModel, col: TfColumn, uExact: number): TfLookup {
  const size = col === 'city' ? enc.texts.size : enc.names.size;
  const counts = col === 'forename' ? enc.forenameCount : col === 'surname' ? enc.surnameCount : enc.cityCount;
  const table = model.tf[col];
  const freq = new Float64Array(size);
  const minFreq = table ? 1 / Math.max(1, table.total) : 1 / Math.max(1, enc.n);
  const useData = enc.n >= 1000;
  for (let id = 0; id < size; id++) {
    const count = counts[id] ?? 0;
    if (count === 0) continue;
    const stored = table?.values[tfKey(enc, col, id)];
    freq[id] = stored ?? Math.max(minFreq, useData || !table ? count / enc.n : minFreq);
  }
  return { freq, uExact };
}

/**
 * Lambda for a population of another size than the training data: the chance that two random
 * mentions are one person falls as 1/n when mentions per person stay alike, so
 * λ' = λ · (n_train − 1) / (n − 1). Pass the number of mentions in the store, not of a delta.
 */
export function populationLambda(model: MatchModel, populationSize: number | undefined): number {
  const trained = model.training.mentions;
  if (populationSize === undefined || trained < 2 || populationSize < 2) return model.lambda;
  return Math.min(0.5, (model.lambda * (trained - 1)) / (roundedPopulation(populationSize) - 1));
}

/** Population sizes are rounded to steps of this fraction of a doubling (steps of about 4.4%). */
const POPULATION_STEPS_PER_DOUBLING = 16;

/**
 * The store's size rounded on a log scale, at least 2: a small delivery then leaves the prior,
 * and with it every stored pair's weight, as it was, so a delta run rewrites only what changed.
 * (Rounding errs by half a step at most: 2.2% of the population, 0.03 bits of prior.)
 */
export function roundedPopulation(populationSize: number): number {
  const steps = Math.round(Math.log2(populationSize) * POPULATION_STEPS_PER_DOUBLING);
  return Math.max(2, 2 ** (steps / POPULATION_STEPS_PER_DOUBLING));
}

/** The prior as a match weight: log2(λ / (1 − λ)). */
export function priorWeightOf(lambda: number): number {
  return Math.log2(lambda / (1 - lambda));
}

export class PairScorer {
  readonly comparisons: Comparison[];
  /** log2(m/u) per comparison per level. */
  readonly levelWeights: Float64Array[];
  readonly priorWeight: number;
  readonly tf: (TfLookup | null)[];
  /** Scratch: levels of the last scored pair. */
  readonly gamma: Uint8Array;
  /** Index of named comparisons, -1 when the model lacks them. */
  readonly idx: { forename: number; surname: number; dob: number; sex: number; nhs: number; upn: number };

  /** `lambda` overrides the model's prior (see `populationLambda`). */
  constructor(
    readonly enc: EncodedMentions,
    readonly model: MatchModel,
    lambda: number = model.lambda,
  ) {
    this.comparisons = model.comparisons.map((mc) => {
      const c = comparisonByName(mc.name);
      if (c === undefined) throw new ModelFormatError(`unknown comparison ${mc.name}`);
      if (c.levels.length !== mc.levels.length) throw new ModelFormatError(`level count of ${mc.name}`);
      return c;
    });
    this.levelWeights = model.comparisons.map((mc) => Float64Array.from(mc.levels, (l) => Math.log2(l.m / l.u)));
    this.priorWeight = priorWeightOf(lambda);
    this.tf = this.comparisons.map((c, k) => {
      if (c.tf === undefined) return null;
      const uExact = model.comparisons[k]?.levels[0]?.u ?? 1;
      return buildTf(enc, model, c.tf, uExact);
    });
    this.gamma = new Uint8Array(this.comparisons.length);
    const find = (name: string): number => this.comparisons.findIndex((c) => c.name === name);
    this.idx = { forename: find('forename'), surname: find('surname'), dob: find('dob'), sex: find('sex'), nhs: find('nhs'), upn: find('upn') };
  }

  /** Term-frequency adjustment (log2) for comparison k at level 0; 0 when not applicable. */
  tfAdjustment(k: number, i: number): number {
    const t = this.tf[k];
    const c = this.comparisons[k];
    if (!t || !c?.tf) return 0;
    const id = tfValueId(this.enc, c.tf, i);
    const f = id >= 0 ? (t.freq[id] as number) : 0;
    return f > 0 ? Math.log2(t.uExact / f) : 0;
  }

  /**
   * Match weight of (i, j): `evidence + priorWeight`, evidence being the comparisons' sum (in
   * comparison order). Fills `this.gamma` with the levels hit and `this.evidence`. A stored
   * evidence plus another prior gives bit for bit the weight a rescore would (delta matching).
   */
  weight(i: number, j: number): number {
    const enc = this.enc;
    const gamma = this.gamma;
    let e = 0;
    for (let k = 0; k < this.comparisons.length; k++) {
      const level = (this.comparisons[k] as Comparison).compare(enc, i, j);
      gamma[k] = level;
      if (level === NULL_LEVEL) continue;
      e += (this.levelWeights[k] as Float64Array)[level] as number;
      if (level === 0 && this.tf[k] !== null) e += this.tfAdjustment(k, i);
    }
    this.evidence = e;
    return e + this.priorWeight;
  }

  /** Evidence (weight without the prior) of the last pair `weight` scored. */
  evidence = 0;

  /** Levels only (no weights): for training. */
  levels(i: number, j: number, out: Uint8Array): void {
    for (let k = 0; k < this.comparisons.length; k++) out[k] = (this.comparisons[k] as Comparison).compare(this.enc, i, j);
  }
}
