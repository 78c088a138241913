import { NULL_LEVEL, type Comparison } from './comparison.js';
import { csrIntersects } from './string-dictionary.js';

/** Address identity: a shared UPRN or household (tenancy) key, else; null when either has none. */
export const householdComparison: Comparison = {
  name: 'household',
  levels: [
    { label: 'shared uprn/household', mPrior: 0.6 },
    { label: 'else', mPrior: 0.4 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const off = enc.placeIds.offsets;
    if (off[i] === off[i + 1] || off[j] === off[j + 1]) return NULL_LEVEL;
    return csrIntersects(enc.placeIds, i, enc.placeIds, j) ? 0 : 1;
  },
};
