import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

/** A non-negative whole number written in digits; blank → null; else INVALID_INTEGER. */
export function parseInteger(value: string | null | undefined, column: string): ParseResult<number | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  if (!/^[0-9]+$/.test(s)) return failed(column, 'INVALID_INTEGER');
  const n = Number(s);
  return Number.isSafeInteger(n) ? parsed(n) : failed(column, 'INVALID_INTEGER');
}
