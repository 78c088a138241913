/** Dates of birth as numbers: parsing and the near-miss relations the dob comparison uses. */

export interface ParsedDob {
  year: number;
  month: number;
  day: number;
  /** Days since 1970-01-01. */
  dayNumber: number;
}

const DOB = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → parts, or null when missing or not a real calendar date. */
export function parseDob(value: string | null | undefined): ParsedDob | null {
  if (value == null) return null;
  const m = DOB.exec(value);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null;
  return { year, month, day, dayNumber: Math.round(ms / 86_400_000) };
}

/** Day and month swapped (`2015-03-04` vs `2015-04-03`), same year, day ≠ month. */
export function isDayMonthSwap(ay: number, am: number, ad: number, by: number, bm: number, bd: number): boolean {
  return ay === by && am === bd && ad === bm && am !== ad;
}

/**
 * True when two values of one date field are one keying slip apart: numerically adjacent,
 * one digit different, or two adjacent digits transposed (`1971`/`1917`, `05`/`06`, `24`/`42`).
 */
export function isOneEditApart(a: number, b: number, width: number): boolean {
  if (a === b) return false;
  if (Math.abs(a - b) === 1) return true;
  let diff = 0;
  let firstDiff = -1;
  let x = a;
  let y = b;
  const da: number[] = [];
  const db: number[] = [];
  for (let i = 0; i < width; i++) {
    da.push(x % 10);
    db.push(y % 10);
    x = Math.floor(x / 10);
    y = Math.floor(y / 10);
  }
  if (x !== y) return false;
  for (let i = 0; i < width; i++) {
    if (da[i] !== db[i]) {
      diff++;
      if (firstDiff < 0) firstDiff = i;
    }
  }
  if (diff === 1) return true;
  if (diff === 2 && firstDiff + 1 < width) {
    const i = firstDiff;
    return da[i] === db[i + 1] && da[i + 1] === db[i];
  }
  return false;
}

/** Exactly one of year, month, day differs, and by one keying slip. */
export function isOneFieldOff(ay: number, am: number, ad: number, by: number, bm: number, bd: number): boolean {
  const sy = ay === by;
  const sm = am === bm;
  const sd = ad === bd;
  if (sy && sm && !sd) return isOneEditApart(ad, bd, 2);
  if (sy && !sm && sd) return isOneEditApart(am, bm, 2);
  if (!sy && sm && sd) return isOneEditApart(ay, by, 4);
  return false;
}

/** Day of a leap year on which each month starts, less one. */
const LEAP_YEAR_MONTH_START = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

/**
 * Days between two birthdays (month and day) around the calendar, ignoring the year: 0 to 183.
 * Counted in a leap year, so 29 February has its own day.
 */
export function birthdayDistance(am: number, ad: number, bm: number, bd: number): number {
  const days = Math.abs((LEAP_YEAR_MONTH_START[am - 1] as number) + ad - (LEAP_YEAR_MONTH_START[bm - 1] as number) - bd);
  return Math.min(days, 366 - days);
}

/**
 * The year one keying slip off (`1997`/`1991`, `2014`/`2004`) and the birthday within `days`
 * of the other's: a mistyped year on a date that was itself keyed a little out.
 */
export function isYearSlipNearBirthday(ay: number, am: number, ad: number, by: number, bm: number, bd: number, days: number): boolean {
  return birthdayDistance(am, ad, bm, bd) <= days && isOneEditApart(ay, by, 4);
}
