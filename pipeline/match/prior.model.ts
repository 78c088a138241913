/**
 * An untrained model from the comparisons' starting m and rough u values: for tests, and as a
 * documented starting point before the first training run. Train a real model for use.
 */
import { ALL_COMPARISONS } from './comparison.registry.js';
import { MODEL_FORMAT_VERSION, type MatchModel } from './match.model.js';

/** Rough u per level (share among random pairs), UK-county-like. */
const U_PRIOR: Readonly<Record<string, readonly number[]>> = {
  forename: [0.01, 0.002, 0.002, 0.004, 0.004, 0.00001, 0.0005, 0.001, 0.06, 0.91649],
  surname: [0.004, 0.0002, 0.0002, 0.001, 0.002, 0.002, 0.9906],
  dob: [0.00005, 0.00001, 0.0005, 0.003, 0.017, 0.01, 0.19, 0.77944],
  sex: [0.5, 0.5],
  address: [0.00002, 0.0001, 0.005, 0.05, 0.94488],
  nhs: [0.000001, 0.999999],
  upn: [0.000001, 0.999999],
  email: [0.00001, 0.00001, 0.0001, 0.99988],
  city: [0.05, 0.01, 0.94],
  street: [0.0001, 0.001, 0.9989],
};

export function priorModel(names: readonly string[] = ['forename', 'surname', 'dob', 'sex', 'address', 'nhs', 'upn'], lambda = 1e-5): MatchModel {
  return {
    version: MODEL_FORMAT_VERSION,
    trainedAt: 'prior',
    lambda,
    comparisons: ALL_COMPARISONS.filter((c) => names.includes(c.name)).map((c) => ({
      name: c.name,
      levels: c.levels.map((l, k) => ({ label: l.label, m: l.mPrior, u: U_PRIOR[c.name]?.[k] ?? 0.5 })),
    })),
    tf: {},
    relationalPrior: 0.9,
    training: { mentions: 0, candidatePairs: 0, sampledCandidatePairs: 0, uSamplePairs: 0, emRounds: [] },
  };
}
