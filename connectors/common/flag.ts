import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

/** `Y`/`N` (either case) → true/false; blank → null; else INVALID_CODE. */
export function parseFlag(value: string | null | undefined, column: string): ParseResult<boolean | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  const upper = s.toUpperCase();
  if (upper === 'Y') return parsed(true);
  if (upper === 'N') return parsed(false);
  return failed(column, 'INVALID_CODE');
}
