/** Generic comparisons used only when the data carries the field (benchmark data sets). */
import { NULL_LEVEL, type Comparison } from './comparison.js';
import type { EncodedMentions } from './mention.encoding.js';

function jw(enc: EncodedMentions, a: number, b: number, threshold: number): boolean {
  return enc.textJw.similarity(a, b, threshold) >= threshold;
}

/** Email: exact, same user part, JW ≥ 0.88, else. */
export const emailComparison: Comparison = {
  name: 'email',
  levels: [
    { label: 'exact', mPrior: 0.7 },
    { label: 'user part', mPrior: 0.05 },
    { label: 'jw>=0.88', mPrior: 0.15 },
    { label: 'else', mPrior: 0.1 },
  ],
  applies: (enc) => enc.has.email,
  compare(enc, i, j) {
    const a = enc.email[i] as number;
    const b = enc.email[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    if (a === b) return 0;
    const ua = enc.emailUser[i] as number;
    if (ua >= 0 && ua === enc.emailUser[j]) return 1;
    return jw(enc, a, b, 0.88) ? 2 : 3;
  },
};

/** City / town / suburb: exact (term-frequency adjusted), JW ≥ 0.85, else. */
export const cityComparison: Comparison = {
  name: 'city',
  tf: 'city',
  levels: [
    { label: 'exact', mPrior: 0.8 },
    { label: 'jw>=0.85', mPrior: 0.1 },
    { label: 'else', mPrior: 0.1 },
  ],
  applies: (enc) => enc.has.city,
  compare(enc, i, j) {
    const a = enc.city[i] as number;
    const b = enc.city[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    if (a === b) return 0;
    return jw(enc, a, b, 0.85) ? 1 : 2;
  },
};

/**
 * Street address line: exact, JW ≥ 0.88, else. Only when a side has no postcode: where both
 * have one, the address comparison already holds where they live, and counting the line too
 * would count one home twice (every household member would look like the same person).
 */
export const streetComparison: Comparison = {
  name: 'street',
  levels: [
    { label: 'exact', mPrior: 0.75 },
    { label: 'jw>=0.88', mPrior: 0.15 },
    { label: 'else', mPrior: 0.1 },
  ],
  applies: (enc) => enc.has.address,
  compare(enc, i, j) {
    const a = enc.address[i] as number;
    const b = enc.address[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    const pc = enc.postcodeFull.offsets;
    if (pc[i] !== pc[i + 1] && pc[j] !== pc[j + 1]) return NULL_LEVEL;
    if (a === b) return 0;
    return jw(enc, a, b, 0.88) ? 1 : 2;
  },
};
