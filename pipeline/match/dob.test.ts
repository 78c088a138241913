import { isDayMonthSwap, isOneEditApart, isOneFieldOff, parseDob } from './dob.js';

describe('dob helpers', () => {
  it('parses real dates and rejects impossible ones', () => {
    expect(parseDob('2015-03-04')).toEqual({ year: 2015, month: 3, day: 4, dayNumber: 16498 });
    expect(parseDob('2015-02-30')).toBeNull();
    expect(parseDob('20150304')).toBeNull();
    expect(parseDob(null)).toBeNull();
  });

  it('recognises a day/month swap', () => {
    expect(isDayMonthSwap(2015, 3, 4, 2015, 4, 3)).toBe(true);
    expect(isDayMonthSwap(2015, 3, 3, 2015, 3, 3)).toBe(false);
    expect(isDayMonthSwap(2015, 3, 4, 2016, 4, 3)).toBe(false);
  });

  it('recognises one keying slip in one field', () => {
    expect(isOneEditApart(1997, 1991, 4)).toBe(true);
    expect(isOneEditApart(1971, 1917, 4)).toBe(true);
    expect(isOneEditApart(5, 6, 2)).toBe(true);
    expect(isOneEditApart(1971, 1982, 4)).toBe(false);
    expect(isOneFieldOff(1971, 6, 24, 1971, 5, 24)).toBe(true);
    expect(isOneFieldOff(1971, 6, 24, 1972, 5, 24)).toBe(false);
    expect(isOneFieldOff(1976, 9, 15, 1977, 9, 13)).toBe(false);
  });
});
