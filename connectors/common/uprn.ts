import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

const UPRN = /^[0-9]{1,12}$/;

/** Unique Property Reference Number: 1–12 digits, kept as given; else INVALID_UPRN. */
export function parseUprn(value: string | null | undefined, column: string): ParseResult<string | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  return UPRN.test(s) ? parsed(s) : failed(column, 'INVALID_UPRN');
}
