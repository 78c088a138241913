import { NULL_LEVEL, type Comparison } from './comparison.js';

/** Sex: equal, else; `U` (unknown) on either side is the null level. */
export const sexComparison: Comparison = {
  name: 'sex',
  levels: [
    { label: 'equal', mPrior: 0.97 },
    { label: 'else', mPrior: 0.03 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.sex[i] as number;
    const b = enc.sex[j] as number;
    if (a === 0 || b === 0) return NULL_LEVEL;
    return a === b ? 0 : 1;
  },
};
