/**
 * The trained model: plain JSON so it can be stored (versioned) and reused. Holds m and u per
 * comparison level, the prior (lambda: probability two random mentions are the same person)
 * and term-frequency tables.
 *
 * Note: term-frequency tables hold normalised name values with their share of mentions (no
 * record keys, no other fields); store the model with the same care as the data.
 */
import type { TfTable } from './mention.encoding.js';

export const MODEL_FORMAT_VERSION = 1;

export interface ModelLevel {
  label: string;
  m: number;
  u: number;
}

export interface ModelComparison {
  name: string;
  levels: ModelLevel[];
}

export interface MatchModel {
  version: number;
  trainedAt: string;
  /** Prior probability that two mentions drawn at random are the same person. */
  lambda: number;
  comparisons: ModelComparison[];
  /** Per tf column (`forename`, `surname`, `city`): value → share of mentions. */
  tf: Record<string, TfTable>;
  /**
   * Prior that two mentions stated as the same parent (MOTHER, FATHER) of one child are the
   * same person; replaces lambda for such pairs (relational.pass.ts). Default 0.9: a child has
   * one mother and one father, the rest is step-parents, carers and misrecorded roles.
   */
  relationalPrior: number;
  /** How the model was trained (counts only). */
  training: TrainingSummary;
}

export interface TrainingSummary {
  mentions: number;
  candidatePairs: number;
  sampledCandidatePairs: number;
  uSamplePairs: number;
  emRounds: { name: string; pairs: number; iterations: number; lambda: number; estimated: string[] }[];
}

export class ModelFormatError extends Error {
  constructor(reason: string) {
    super(`match model: ${reason}`);
    this.name = 'ModelFormatError';
  }
}

export function serialiseModel(model: MatchModel): string {
  return JSON.stringify(model);
}

function isProbability(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;
}

/** Parses and checks a stored model; throws `ModelFormatError` naming what is wrong. */
export function parseModel(json: string): MatchModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ModelFormatError('not JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new ModelFormatError('not an object');
  const m = raw as Partial<MatchModel>;
  if (m.version !== MODEL_FORMAT_VERSION) throw new ModelFormatError(`unsupported version ${String(m.version)}`);
  if (!isProbability(m.lambda) || m.lambda <= 0 || m.lambda >= 1) throw new ModelFormatError('lambda must be in (0, 1)');
  if (!Array.isArray(m.comparisons)) throw new ModelFormatError('comparisons missing');
  for (const c of m.comparisons) {
    if (typeof c.name !== 'string' || !Array.isArray(c.levels)) throw new ModelFormatError('bad comparison');
    for (const l of c.levels) {
      if (!isProbability(l.m) || !isProbability(l.u) || l.u === 0 || l.m === 0) throw new ModelFormatError(`bad level in ${c.name}`);
    }
  }
  if (typeof m.tf !== 'object' || m.tf === null) throw new ModelFormatError('tf missing');
  if (!isProbability(m.relationalPrior) || m.relationalPrior <= 0 || m.relationalPrior >= 1) throw new ModelFormatError('relationalPrior must be in (0, 1)');
  return m as MatchModel;
}
