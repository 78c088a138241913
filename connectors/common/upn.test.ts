import { isValidUpn, parseUpn, upnCheckLetter, UPN_LETTERS } from './upn.js';

describe('UPN', () => {
  it('computes the DfE check letter', () => {
    // Body 820200101001 at positions 2..13:
    // 8×2 + 2×3 + 0×4 + 2×5 + 0×6 + 0×7 + 1×8 + 0×9 + 1×10 + 0×11 + 0×12 + 1×13 = 63; 63 mod 23 = 17.
    expect(UPN_LETTERS[17]).toBe('U');
    expect(upnCheckLetter('820200101001')).toBe('U');
    expect(isValidUpn('U820200101001')).toBe(true);
  });

  it('counts a letter in position 13 (temporary UPN) by its index in the letter table', () => {
    // 8×2 + 2×3 + 2×5 + 1×8 + 1×10 + A(0)×13 = 50; 50 mod 23 = 4 → E.
    expect(upnCheckLetter('82020010100A')).toBe('E');
    expect(isValidUpn('E82020010100A')).toBe(true);
    // B counts 1: 50 + 13 = 63 → U.
    expect(isValidUpn('U82020010100B')).toBe(true);
  });

  it('rejects a wrong check letter, wrong length and bad characters', () => {
    expect(isValidUpn('A820200101001')).toBe(false);
    expect(isValidUpn('U82020010100')).toBe(false);
    expect(isValidUpn('U8202001010011')).toBe(false);
    expect(isValidUpn('U82020010X001')).toBe(false);
    expect(isValidUpn('I820200101001')).toBe(false);
    expect(upnCheckLetter('82020010100I')).toBeNull();
  });

  it('upper-cases and marks a valid UPN', () => {
    expect(parseUpn(' u820200101001 ', 'upn')).toEqual({ ok: true, value: { upn: 'U820200101001', upnValid: true } });
  });

  it('keeps a failing UPN, flagged and warned', () => {
    expect(parseUpn('A820200101001', 'former_upn')).toEqual({
      ok: true,
      value: { upn: 'A820200101001', upnValid: false },
      warning: { column: 'former_upn', reason: 'UPN_INVALID' },
    });
  });

  it('reads blank as unknown', () => {
    expect(parseUpn('', 'upn')).toEqual({ ok: true, value: { upn: null, upnValid: null } });
  });
});
