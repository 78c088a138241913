import { normalisePostcode, parsePostcode } from './postcode.js';

describe('parsePostcode', () => {
  it('normalises any spacing and case', () => {
    const cases: [string, string][] = [
      ['le11ab', 'LE1 1AB'],
      [' LE1  1ab ', 'LE1 1AB'],
      ['SW1A 2AA', 'SW1A 2AA'],
      ['EC1A1BB', 'EC1A 1BB'],
      ['m11ae', 'M1 1AE'],
      ['B338TH', 'B33 8TH'],
      ['cr2 6xh', 'CR2 6XH'],
      ['DN55 1PT', 'DN55 1PT'],
      ['W1A 0AX', 'W1A 0AX'],
      ['gir0aa', 'GIR 0AA'],
    ];
    for (const [given, normal] of cases) {
      expect(parsePostcode(given, 'postcode')).toEqual({ ok: true, value: { postcode: normal, postcodeValid: true } });
    }
  });

  it('keeps an invalid postcode as given (trimmed), flags it and warns, never a row error', () => {
    for (const given of ['LE1', 'not a postcode', '12345', 'LE1 1A', 'LEE1 1AB']) {
      expect(parsePostcode(`  ${given} `, 'postcode')).toEqual({
        ok: true,
        value: { postcode: given, postcodeValid: false },
        warning: { column: 'postcode', reason: 'POSTCODE_INVALID' },
      });
    }
  });

  it('reads blank as unknown', () => {
    expect(parsePostcode(' ', 'postcode')).toEqual({ ok: true, value: { postcode: null, postcodeValid: null } });
  });

  it('normalisePostcode returns null for non-UK shapes', () => {
    expect(normalisePostcode('le1 1ab')).toBe('LE1 1AB');
    expect(normalisePostcode('LE1')).toBeNull();
  });
});
