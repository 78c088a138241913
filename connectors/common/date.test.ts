import { endsBeforeStart, isRealDate, parseDate } from './date.js';

describe('parseDate', () => {
  it('accepts ISO and UK dates and always returns YYYY-MM-DD', () => {
    expect(parseDate('2020-02-03', 'dob')).toEqual({ ok: true, value: '2020-02-03' });
    expect(parseDate('03/02/2020', 'dob')).toEqual({ ok: true, value: '2020-02-03' });
    expect(parseDate('3/2/2020', 'dob')).toEqual({ ok: true, value: '2020-02-03' });
    expect(parseDate(' 2020-12-31 ', 'dob')).toEqual({ ok: true, value: '2020-12-31' });
  });

  it('reads blank as unknown', () => {
    expect(parseDate('', 'dob')).toEqual({ ok: true, value: null });
    expect(parseDate('   ', 'dob')).toEqual({ ok: true, value: null });
    expect(parseDate(undefined, 'dob')).toEqual({ ok: true, value: null });
  });

  it('knows leap years', () => {
    expect(parseDate('29/02/2024', 'dob')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDate('29/02/2023', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
    expect(parseDate('2000-02-29', 'dob')).toEqual({ ok: true, value: '2000-02-29' });
    expect(parseDate('1900-02-29', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
  });

  it('rejects dates the calendar lacks as IMPOSSIBLE_DATE', () => {
    expect(parseDate('31/02/2020', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
    expect(parseDate('2020-04-31', 'from')).toEqual({ ok: false, column: 'from', reason: 'IMPOSSIBLE_DATE' });
    expect(parseDate('01/13/2020', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
    expect(parseDate('0000-01-01', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
    expect(parseDate('00/01/2020', 'dob')).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
  });

  it('rejects anything else as INVALID_DATE without echoing the value', () => {
    for (const value of ['yesterday', '2020/02/03', '20200203', '2020-2-3', '03-02-2020', '03/02/20', '2020-02-03T10:00']) {
      expect(parseDate(value, 'dob')).toEqual({ ok: false, column: 'dob', reason: 'INVALID_DATE' });
    }
  });

  it('checks calendar days and date order', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(2023, 6, 31)).toBe(false);
    expect(endsBeforeStart('2020-05-01', '2020-04-30')).toBe(true);
    expect(endsBeforeStart('2020-05-01', '2020-05-01')).toBe(false);
    expect(endsBeforeStart('2020-05-01', null)).toBe(false);
    expect(endsBeforeStart(null, '2020-05-01')).toBe(false);
  });
});
