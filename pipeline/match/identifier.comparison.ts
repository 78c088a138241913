import { NULL_LEVEL, type Comparison } from './comparison.js';

/** Valid NHS numbers: equal, differ. Drives the deterministic rules too (see pair.scoring.ts). */
export const nhsComparison: Comparison = {
  name: 'nhs',
  levels: [
    { label: 'equal', mPrior: 0.98 },
    { label: 'differ', mPrior: 0.02 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.nhs[i] as number;
    const b = enc.nhs[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    return a === b ? 0 : 1;
  },
};

/** Valid UPNs: equal, differ. */
export const upnComparison: Comparison = {
  name: 'upn',
  levels: [
    { label: 'equal', mPrior: 0.95 },
    { label: 'differ', mPrior: 0.05 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.upn[i] as number;
    const b = enc.upn[j] as number;
    if (a < 0 || b < 0) return NULL_LEVEL;
    return a === b ? 0 : 1;
  },
};
