import { NULL_LEVEL, type Comparison } from './comparison.js';
import { NO_DOB } from './mention.encoding.js';
import { isDayMonthSwap, isOneFieldOff } from './dob.js';

export const DOB_LEVEL = { exact: 0, swapped: 1, oneOff: 2, withinYear: 3, else: 4 } as const;

/** Date of birth: exact, day/month swapped, one field one keying slip off, within 365 days, else. */
export const dobComparison: Comparison = {
  name: 'dob',
  levels: [
    { label: 'exact', mPrior: 0.85 },
    { label: 'day/month swapped', mPrior: 0.02 },
    { label: 'one field off', mPrior: 0.06 },
    { label: 'within 365 days', mPrior: 0.03 },
    { label: 'else', mPrior: 0.04 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.dobDay[i] as number;
    const b = enc.dobDay[j] as number;
    if (a === NO_DOB || b === NO_DOB) return NULL_LEVEL;
    if (a === b) return 0;
    const ay = enc.dobYear[i] as number;
    const am = enc.dobMonth[i] as number;
    const ad = enc.dobDayOfMonth[i] as number;
    const by = enc.dobYear[j] as number;
    const bm = enc.dobMonth[j] as number;
    const bd = enc.dobDayOfMonth[j] as number;
    if (isDayMonthSwap(ay, am, ad, by, bm, bd)) return 1;
    if (isOneFieldOff(ay, am, ad, by, bm, bd)) return 2;
    if (Math.abs(a - b) <= 365) return 3;
    return 4;
  },
};
