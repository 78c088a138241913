import { parseUprn } from './uprn.js';

describe('parseUprn', () => {
  it('accepts 1 to 12 digits as given', () => {
    expect(parseUprn('1', 'uprn')).toEqual({ ok: true, value: '1' });
    expect(parseUprn('100030123456', 'uprn')).toEqual({ ok: true, value: '100030123456' });
    expect(parseUprn(' 000123 ', 'uprn')).toEqual({ ok: true, value: '000123' });
  });

  it('reads blank as unknown', () => {
    expect(parseUprn('', 'uprn')).toEqual({ ok: true, value: null });
  });

  it('rejects more than 12 digits or non-digits as INVALID_UPRN', () => {
    for (const value of ['1000301234567', '12a', '-1', '1 2', '1.0']) {
      expect(parseUprn(value, 'uprn')).toEqual({ ok: false, column: 'uprn', reason: 'INVALID_UPRN' });
    }
  });
});
