import { NULL_LEVEL, type Comparison } from './comparison.js';
import type { EncodedMentions } from './mention.encoding.js';
import { csrHas, csrIntersects } from './string-dictionary.js';

export const FORENAME_LEVEL = {
  exact: 0, variant: 1, jw92: 2, jw85: 3, phonetic: 4, swapped: 5, middle: 6, initial: 7, else: 8,
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

/**
 * Forename: exact, nickname/variant (curated table), JW ≥ 0.92, JW ≥ 0.85, phonetic equal,
 * swapped with the surname (recorded the wrong way round), equal to a middle name of the other,
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
    if (a === enc.surname[j] || b === enc.surname[i]) return 5;
    if (csrHas(enc.otherGiven, j, a) || csrHas(enc.otherGiven, i, b)) return 6;
    if (enc.nameFirstChar[a] === enc.nameFirstChar[b]) return 7;
    return 8;
  },
};
