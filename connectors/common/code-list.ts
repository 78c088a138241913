import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

/** One of the listed codes, case-insensitive, returned upper case; blank → null; else INVALID_CODE. */
export function parseCode<C extends string>(
  value: string | null | undefined,
  column: string,
  codes: readonly C[],
): ParseResult<C | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  const upper = s.toUpperCase();
  const code = codes.find((c) => c === upper);
  return code === undefined ? failed(column, 'INVALID_CODE') : parsed(code);
}
