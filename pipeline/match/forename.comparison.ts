import { NULL_LEVEL, type Comparison } from './comparison.js';
import type { EncodedMentions } from './mention.encoding.js';
import { csrHas, csrIntersects } from './string-dictionary.js';

export const FORENAME_LEVEL = {
  exact: 0, variant: 1, jw92: 2, jw85: 3, phonetic: 4, swapped: 5, halfSwapped: 6, middle: 7, initial: 8, else: 9,
} as const;

/** Name similarity levels shared by forename and surname: exact JW bands and phonetic. */
export function jwBand(enc: EncodedMentions, a: number, b: number): number {
  const jw = enc.nameJw.similarity(a, b, 0.85);
  return jw >= 0.92 ? 2 : jw >= 0.85 ? 1 : 0;
}

export function phoneticEqual(enc: EncodedMentions, a: number, b: number): boolean {
  const a1 = enc.namePhonetic1[a];
  const a2 = enc.namePhonetic2[a];
  const b1 = enc.namePhonetic1[b];
  const b2 = enc.namePhonetic2[b];
  return a1 === b1 || a1 === b2 || a2 === b1 || a2 === b2;
}

/** How a pair's names cross over: 0 not at all, 1 half (one cross equal, the other cross not alike or missing), 2 swapped. */
export const SWAP = { none: 0, half: 1, full: 2 } as const;

/**
 * Forename and surname recorded the wrong way round: one side's forename is the other's
 * surname, and the other cross pair (surname / forename) is alike (JW ≥ 0.85) — `full`. One
 * name in the other's other field alone — `half` — is one name agreeing (`Hall Isla` / `Isla`,
 * or `Isaac James` / `James Dixon`, two people), not two. The forename comparison weighs a
 * swap; the surname comparison leaves a full swap (null level), or one swap would count as two
 * agreements.
 */
export function namesSwapped(enc: EncodedMentions, i: number, j: number): number {
  const fi = enc.forename[i] as number;
  const si = enc.surname[i] as number;
  const fj = enc.forename[j] as number;
  const sj = enc.surname[j] as number;
  const one = crossing(enc, fi, sj, si, fj);
  return one === SWAP.full ? one : Math.max(one, crossing(enc, fj, si, sj, fi));
}

/** One side's forename against the other's surname (`equalA`, `equalB`), the remaining names alike or not. */
function crossing(enc: EncodedMentions, equalA: number, equalB: number, otherA: number, otherB: number): number {
  if (equalA < 0 || equalA !== equalB) return SWAP.none;
  if (otherA >= 0 && otherB >= 0 && (otherA === otherB || enc.nameJw.similarity(otherA, otherB, 0.85) >= 0.85)) return SWAP.full;
  return SWAP.half;
}

/**
 * Forename: exact, nickname/variant (curated table), JW ≥ 0.92, JW ≥ 0.85, phonetic equal,
 * swapped with the surname (recorded the wrong way round, see `namesSwapped`), equal to the
 * other's surname alone (half a swap), equal to a middle name of the other,
 * initial only (same first letter), else. Placeholders (`Baby`, ...) count as missing.
 */
export const forenameComparison: Comparison = {
  name: 'forename',
  tf: 'forename',
  levels: [
    { label: 'exact', mPrior: 0.8 },
    { label: 'nickname/variant', mPrior: 0.04 },
    { label: 'jw>=0.92', mPrior: 0.04 },
    { label: 'jw>=0.85', mPrior: 0.02 },
    { label: 'phonetic', mPrior: 0.01 },
    { label: 'swapped with surname', mPrior: 0.01 },
    { label: "equal to the other's surname", mPrior: 0.01 },
    { label: 'middle name', mPrior: 0.02 },
    { label: 'initial', mPrior: 0.02 },
    { label: 'else', mPrior: 0.04 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.forename[i] as number;
    const b = enc.forename[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    if (a === b) return 0;
    if (csrIntersects(enc.nameGroups, a, enc.nameGroups, b)) return 1;
    const band = jwBand(enc, a, b);
    if (band === 2) return 2;
    if (band === 1) return 3;
    if (phoneticEqual(enc, a, b)) return 4;
    const swap = namesSwapped(enc, i, j);
    if (swap === SWAP.full) return FORENAME_LEVEL.swapped;
    if (swap === SWAP.half) return FORENAME_LEVEL.halfSwapped;
    if (csrHas(enc.otherGiven, j, a) || csrHas(enc.otherGiven, i, b)) return FORENAME_LEVEL.middle;
    if (enc.nameFirstChar[a] === enc.nameFirstChar[b]) return FORENAME_LEVEL.initial;
    return FORENAME_LEVEL.else;
  },
};
