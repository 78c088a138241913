import { blankToNull, parsed, type ParseOk } from './parse-result.js';

const UK = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/;

/** `le11ab`, ` LE1  1ab ` → `LE1 1AB`; null when the value is not a UK postcode. */
export function normalisePostcode(value: string): string | null {
  const compact = value.replace(/\s+/gu, '').toUpperCase();
  if (compact === 'GIR0AA') return 'GIR 0AA';
  const m = UK.exec(compact);
  return m ? `${m[1] ?? ''} ${m[2] ?? ''}` : null;
}

export interface CheckedPostcode {
  postcode: string | null;
  postcodeValid: boolean | null;
}

/**
 * A UK postcode in any spacing or case, normalised. An invalid one is never a row error: it is
 * kept as given (trimmed), marked invalid and reported as a POSTCODE_INVALID warning.
 */
export function parsePostcode(value: string | null | undefined, column: string): ParseOk<CheckedPostcode> {
  const s = blankToNull(value);
  if (s === null) return parsed({ postcode: null, postcodeValid: null });
  const normal = normalisePostcode(s);
  if (normal !== null) return parsed({ postcode: normal, postcodeValid: true });
  return parsed({ postcode: s, postcodeValid: false }, { column, reason: 'POSTCODE_INVALID' });
}
