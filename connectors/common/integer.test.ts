import { parseInteger } from './integer.js';

describe('parseInteger', () => {
  it('accepts non-negative whole numbers', () => {
    expect(parseInteger('0', 'sessions')).toEqual({ ok: true, value: 0 });
    expect(parseInteger(' 142 ', 'sessions')).toEqual({ ok: true, value: 142 });
    expect(parseInteger('007', 'sessions')).toEqual({ ok: true, value: 7 });
  });

  it('reads blank as unknown', () => {
    expect(parseInteger('', 'sessions')).toEqual({ ok: true, value: null });
  });

  it('rejects negatives, fractions, words and huge numbers as INVALID_INTEGER', () => {
    for (const value of ['-1', '1.5', 'ten', '1e3', '+3', '99999999999999999999']) {
      expect(parseInteger(value, 'sessions')).toEqual({ ok: false, column: 'sessions', reason: 'INVALID_INTEGER' });
    }
  });
});
