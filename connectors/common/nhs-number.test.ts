import { isValidNhsNumber, parseNhsNumber } from './nhs-number.js';

describe('NHS number', () => {
  it('checks the modulus-11 check digit', () => {
    // 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9.
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('4010232137')).toBe(true);
    // Remainder 0 gives check digit 11, written 0.
    expect(isValidNhsNumber('0000000000')).toBe(true);
    // 1×10 = 10; 10 mod 11 = 10; 11 − 10 = 1 → check digit 1.
    expect(isValidNhsNumber('1000000001')).toBe(true);
    // 2×10 + 1×9 = 29; 29 mod 11 = 7; 11 − 7 = 4 → check digit 4.
    expect(isValidNhsNumber('2100000004')).toBe(true);
    // 1×10 + 1×2 = 12; 12 mod 11 = 1; 11 − 1 = 10: no check digit can be right.
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`100000001${d}`)).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659A9')).toBe(false);
  });

  it('strips spaces and marks a valid number', () => {
    expect(parseNhsNumber('943 476 5919', 'nhs_number')).toEqual({
      ok: true,
      value: { nhsNumber: '9434765919', nhsNumberValid: true },
    });
  });

  it('keeps a number that fails the check, flagged and warned', () => {
    expect(parseNhsNumber('943 476 5918', 'nhs_number')).toEqual({
      ok: true,
      value: { nhsNumber: '9434765918', nhsNumberValid: false },
      warning: { column: 'nhs_number', reason: 'NHS_NUMBER_INVALID' },
    });
  });

  it('keeps wrong-length and non-digit numbers, flagged and warned', () => {
    for (const [given, kept] of [['943476591', '943476591'], ['94347659190', '94347659190'], ['943-476-5919', '943-476-5919'], ['ABC 123', 'ABC123']]) {
      expect(parseNhsNumber(given, 'nhs_number')).toEqual({
        ok: true,
        value: { nhsNumber: kept, nhsNumberValid: false },
        warning: { column: 'nhs_number', reason: 'NHS_NUMBER_INVALID' },
      });
    }
  });

  it('reads blank as unknown', () => {
    expect(parseNhsNumber('', 'nhs_number')).toEqual({ ok: true, value: { nhsNumber: null, nhsNumberValid: null } });
  });
});
