import { birthdayDistance, isDayMonthSwap, isOneEditApart, isOneFieldOff, isYearSlipNearBirthday, parseDob } from './dob.js';

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

  it('measures birthdays around the calendar and finds a mistyped year near a birthday', () => {
    expect(birthdayDistance(5, 24, 4, 27)).toBe(27);
    expect(birthdayDistance(12, 30, 1, 2)).toBe(3);
    expect(birthdayDistance(2, 29, 3, 1)).toBe(1);
    expect(isYearSlipNearBirthday(2014, 5, 24, 2004, 4, 27, 31)).toBe(true);
    expect(isYearSlipNearBirthday(2014, 5, 24, 2004, 8, 27, 31)).toBe(false);
    expect(isYearSlipNearBirthday(2003, 1, 17, 1992, 1, 20, 31)).toBe(false);
  });
});
