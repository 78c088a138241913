import { parseSex } from './sex.js';

describe('parseSex', () => {
  it('accepts M, F, X and U in either case', () => {
    expect(parseSex('M', 'sex')).toEqual({ ok: true, value: 'M' });
    expect(parseSex('f', 'sex')).toEqual({ ok: true, value: 'F' });
    expect(parseSex(' x ', 'sex')).toEqual({ ok: true, value: 'X' });
    expect(parseSex('U', 'sex')).toEqual({ ok: true, value: 'U' });
  });

  it('reads blank as unknown (U)', () => {
    expect(parseSex('', 'sex')).toEqual({ ok: true, value: 'U' });
    expect(parseSex(undefined, 'sex')).toEqual({ ok: true, value: 'U' });
  });

  it('rejects anything else as INVALID_CODE', () => {
    for (const value of ['Male', 'female', '1', 'MF']) {
      expect(parseSex(value, 'sex')).toEqual({ ok: false, column: 'sex', reason: 'INVALID_CODE' });
    }
  });
});
