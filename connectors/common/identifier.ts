import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

/** Colons separate the parts of a record key; control characters have no place in one. */
const UNSAFE = /[:\p{Cc}]/u;

/**
 * An agency's own id (`tenancy_ref`, `person_id`, ...) that becomes part of a record key.
 * Kept as given (trimmed); one holding a colon or a control character → INVALID_IDENTIFIER.
 */
export function parseIdentifier(value: string | null | undefined, column: string): ParseResult<string | null> {
  const s = blankToNull(value);
  if (s === null) return parsed(null);
  return isKeySafe(s) ? parsed(s) : failed(column, 'INVALID_IDENTIFIER');
}

export function isKeySafe(value: string): boolean {
  return !UNSAFE.test(value);
}
