import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the calendar has this day (no 31 February, no month 13, no year 0). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * `YYYY-MM-DD` or UK `DD/MM/YYYY` (one-digit day and month accepted) → `YYYY-MM-DD`.
 * Blank → null. A date-shaped value the calendar lacks → IMPOSSIBLE_DATE; anything else → INVALID_DATE.
 */
export function parseDate(value: string | null | undefined, column: string): ParseResult<string | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  let parts: [string, string, string] | null = null;
  const iso = ISO.exec(s);
  if (iso) parts = [iso[1] ?? '', iso[2] ?? '', iso[3] ?? ''];
  const uk = UK.exec(s);
  if (uk) parts = [uk[3] ?? '', uk[2] ?? '', uk[1] ?? ''];
  if (parts === null) return failed(column, 'INVALID_DATE');
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isRealDate(year, month, day)) return failed(column, 'IMPOSSIBLE_DATE');
  return parsed(`${parts[0]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/** True when both dates are known and `end` falls before `start` (both `YYYY-MM-DD`). */
export function endsBeforeStart(start: string | null, end: string | null): boolean {
  return start !== null && end !== null && end < start;
}
