import { NULL_LEVEL, type Comparison } from './comparison.js';
import { jwBand, namesSwapped, phoneticEqual, SWAP } from './forename.comparison.js';
import { csrHas, csrIntersects, csrLength } from './string-dictionary.js';

export const SURNAME_LEVEL = {
  exact: 0, part: 1, former: 2, jw92: 3, jw85: 4, phonetic: 5, else: 6,
} as const;

/**
 * Surname: exact, one hyphenated part equal (`Smith-Jones` / `Jones`), equal to a previous name
 * or alias of the other, JW ≥ 0.92, JW ≥ 0.85, phonetic, else. Names recorded the wrong way
 * round (`namesSwapped`) are the null level here: the forename comparison's "swapped" level
 * weighs the swap, once (its u, the share of random pairs whose names cross over, already covers
 * both names).
 */
export const surnameComparison: Comparison = {
  name: 'surname',
  tf: 'surname',
  levels: [
    { label: 'exact', mPrior: 0.85 },
    { label: 'hyphenated part', mPrior: 0.02 },
    { label: 'previous name/alias', mPrior: 0.02 },
    { label: 'jw>=0.92', mPrior: 0.03 },
    { label: 'jw>=0.85', mPrior: 0.01 },
    { label: 'phonetic', mPrior: 0.01 },
    { label: 'else', mPrior: 0.05 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.surname[i] as number;
    const b = enc.surname[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    if (a === b) return 0;
    const pa = csrLength(enc.nameParts, a) > 0;
    const pb = csrLength(enc.nameParts, b) > 0;
    if (pa || pb) {
      if (pa && pb ? csrIntersects(enc.nameParts, a, enc.nameParts, b) : pa ? csrHas(enc.nameParts, a, b) : csrHas(enc.nameParts, b, a)) return 1;
    }
    if (csrHas(enc.altSurnames, j, a) || csrHas(enc.altSurnames, i, b)) return 2;
    const band = jwBand(enc, a, b);
    if (band === 2) return 3;
    if (band === 1) return 4;
    if (phoneticEqual(enc, a, b)) return 5;
    if (namesSwapped(enc, i, j) === SWAP.full) return NULL_LEVEL;
    return SURNAME_LEVEL.else;
  },
};
