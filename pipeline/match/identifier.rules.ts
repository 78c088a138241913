/**
 * Deterministic rules on valid identifiers, applied on top of the probabilistic weight:
 * - equal valid NHS number or equal valid UPN → link (probability 1), unless strongly
 *   contradicted (dob differs beyond a keying slip AND sex differs) → review;
 * - different valid NHS numbers, or different valid UPNs → never linked (cannot-link);
 * - one identifier equal and another different → review.
 */
import { NULL_LEVEL } from './comparison.js';
import { dobLevelDiffers } from './dob.comparison.js';

export const PAIR_KIND = {
  probabilistic: 0,
  identifierLink: 1,
  identifierReview: 2,
  cannotLink: 3,
} as const;
export type PairKind = (typeof PAIR_KIND)[keyof typeof PAIR_KIND];

export const PAIR_KIND_LABEL: Readonly<Record<PairKind, string>> = {
  0: 'probabilistic',
  1: 'identifier link',
  2: 'identifier conflict: review',
  3: 'cannot link: different identifiers',
};

export interface IdentifierIndexes {
  nhs: number;
  upn: number;
  dob: number;
  sex: number;
}

export function identifierKind(gamma: Uint8Array, idx: IdentifierIndexes): PairKind {
  const nhs = idx.nhs >= 0 ? (gamma[idx.nhs] as number) : NULL_LEVEL;
  const upn = idx.upn >= 0 ? (gamma[idx.upn] as number) : NULL_LEVEL;
  const equal = nhs === 0 || upn === 0;
  const differ = nhs === 1 || upn === 1;
  if (!equal && !differ) return PAIR_KIND.probabilistic;
  if (differ && !equal) return PAIR_KIND.cannotLink;
  if (differ && equal) return PAIR_KIND.identifierReview;
  const dob = idx.dob >= 0 ? (gamma[idx.dob] as number) : NULL_LEVEL;
  const sex = idx.sex >= 0 ? (gamma[idx.sex] as number) : NULL_LEVEL;
  const dobDiffers = dob !== NULL_LEVEL && dobLevelDiffers(dob);
  return dobDiffers && sex === 1 ? PAIR_KIND.identifierReview : PAIR_KIND.identifierLink;
}
