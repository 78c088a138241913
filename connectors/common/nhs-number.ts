import { blankToNull, parsed, type ParseOk } from './parse-result.js';

/** True for ten digits whose last is the modulus-11 check digit of the first nine (weights 10..2). */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^[0-9]{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

export interface CheckedNhsNumber {
  /** Whitespace removed (`943 476 5919` → `9434765919`). */
  nhsNumber: string | null;
  nhsNumberValid: boolean | null;
}

/**
 * An NHS number, spaces allowed. One that fails the check (or is not ten digits) is kept, marked
 * invalid so it is never a matching key, and reported as an NHS_NUMBER_INVALID warning.
 */
export function parseNhsNumber(value: string | null | undefined, column: string): ParseOk<CheckedNhsNumber> {
  const s = blankToNull(value);
  if (s === null) return parsed({ nhsNumber: null, nhsNumberValid: null });
  const compact = s.replace(/\s+/gu, '');
  if (isValidNhsNumber(compact)) return parsed({ nhsNumber: compact, nhsNumberValid: true });
  return parsed({ nhsNumber: compact, nhsNumberValid: false }, { column, reason: 'NHS_NUMBER_INVALID' });
}
