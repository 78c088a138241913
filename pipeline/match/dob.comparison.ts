import { NULL_LEVEL, type Comparison } from './comparison.js';
import { NO_DOB } from './mention.encoding.js';
import { isDayMonthSwap, isOneFieldOff, isYearSlipNearBirthday } from './dob.js';

export const DOB_LEVEL = { exact: 0, swapped: 1, oneOff: 2, withinMonth: 3, withinYear: 4, yearSlip: 5, withinTenYears: 6, else: 7 } as const;

/**
 * Dates of birth that disagree beyond a keying slip (exact, day/month swapped and one field
 * off are the slips): within a month, a year, a mistyped year, ten years, or further. Guards
 * and identifier rules read this.
 */
export function dobLevelDiffers(level: number): boolean {
  return level >= DOB_LEVEL.withinMonth && level <= DOB_LEVEL.else;
}

/**
 * Date of birth (Splink's DateOfBirthComparison, with the keying slips a UK record holds):
 * exact, day/month swapped, one field one keying slip off, within 31 days, within 365 days,
 * the year one keying slip off with the birthday within 31 days (`2014-05-24` / `2004-04-27`),
 * within ten years (3,653 days), else. The last three keep "a mistyped year" and "a decade
 * out" apart from "no relation at all": a pair further apart than ten years is strong evidence
 * against, where one "else" beyond a year would lump them with siblings.
 */
export const dobComparison: Comparison = {
  name: 'dob',
  levels: [
    { label: 'exact', mPrior: 0.84 },
    { label: 'day/month swapped', mPrior: 0.02 },
    { label: 'one field off', mPrior: 0.06 },
    { label: 'within 31 days', mPrior: 0.01 },
    { label: 'within 365 days', mPrior: 0.02 },
    { label: 'year slip, birthday within 31 days', mPrior: 0.005 },
    { label: 'within 10 years', mPrior: 0.005 },
    { label: 'else', mPrior: 0.04 },
  ],
  applies: () => true,
  compare(enc, i, j) {
    const a = enc.dobDay[i] as number;
    const b = enc.dobDay[j] as number;
    if (a === NO_DOB || b === NO_DOB) return NULL_LEVEL;
    if (a === b) return DOB_LEVEL.exact;
    const ay = enc.dobYear[i] as number;
    const am = enc.dobMonth[i] as number;
    const ad = enc.dobDayOfMonth[i] as number;
    const by = enc.dobYear[j] as number;
    const bm = enc.dobMonth[j] as number;
    const bd = enc.dobDayOfMonth[j] as number;
    if (isDayMonthSwap(ay, am, ad, by, bm, bd)) return DOB_LEVEL.swapped;
    if (isOneFieldOff(ay, am, ad, by, bm, bd)) return DOB_LEVEL.oneOff;
    const days = Math.abs(a - b);
    if (days <= 31) return DOB_LEVEL.withinMonth;
    if (days <= 365) return DOB_LEVEL.withinYear;
    if (isYearSlipNearBirthday(ay, am, ad, by, bm, bd, 31)) return DOB_LEVEL.yearSlip;
    if (days <= 3653) return DOB_LEVEL.withinTenYears;
    return DOB_LEVEL.else;
  },
};
