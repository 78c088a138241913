import { blankToNull, parsed, type ParseOk } from './parse-result.js';

/** The DfE check-letter table (no I, O, S). */
export const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

const SHAPE = /^[A-Z][0-9]{11}[0-9A-Z]$/;

/**
 * The DfE check letter for the twelve characters after it (UPN positions 2–13): the sum of each
 * character's value times its position (2..13), mod 23, indexes the letter table. Digits count as
 * themselves; a letter in position 13 (temporary UPN) counts as its index in the table.
 * Null when the characters cannot carry a check letter.
 */
export function upnCheckLetter(body: string): string | null {
  if (body.length !== 12) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = body[i] ?? '';
    let v: number;
    if (c >= '0' && c <= '9') v = Number(c);
    else if (i === 11 && UPN_LETTERS.includes(c)) v = UPN_LETTERS.indexOf(c);
    else return null;
    sum += v * (i + 2);
  }
  return UPN_LETTERS[sum % 23] ?? null;
}

/** Thirteen characters, check letter first, that pass the DfE check. Expects upper case. */
export function isValidUpn(upn: string): boolean {
  return SHAPE.test(upn) && upnCheckLetter(upn.slice(1)) === upn[0];
}

export interface CheckedUpn {
  /** Upper-cased. */
  upn: string | null;
  upnValid: boolean | null;
}

/** A UPN, upper-cased. One that fails the check is kept, marked invalid and reported (UPN_INVALID). */
export function parseUpn(value: string | null | undefined, column: string): ParseOk<CheckedUpn> {
  const s = blankToNull(value);
  if (s === null) return parsed({ upn: null, upnValid: null });
  const upn = s.toUpperCase();
  if (isValidUpn(upn)) return parsed({ upn, upnValid: true });
  return parsed({ upn, upnValid: false }, { column, reason: 'UPN_INVALID' });
}
