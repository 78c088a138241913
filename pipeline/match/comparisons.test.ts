import { matchMention, type MatchMention } from './match-mention.js';
import { encodeMentions } from './mention.encoding.js';
import { forenameComparison, FORENAME_LEVEL } from './forename.comparison.js';
import { surnameComparison, SURNAME_LEVEL } from './surname.comparison.js';
import { dobComparison, dobLevelDiffers, DOB_LEVEL } from './dob.comparison.js';
import { sexComparison } from './sex.comparison.js';
import { addressComparison } from './address.comparison.js';
import { nhsComparison } from './identifier.comparison.js';
import { NULL_LEVEL, type Comparison } from './comparison.js';

function level(c: Comparison, a: Partial<MatchMention>, b: Partial<MatchMention>): number {
  const enc = encodeMentions([matchMention({ recordKey: 'x:a:1', ...a }), matchMention({ recordKey: 'x:b:2', ...b })]);
  return c.compare(enc, 0, 1);
}

describe('forename comparison', () => {
  it.each([
    ['William', 'William', FORENAME_LEVEL.exact],
    ['William', 'Bill', FORENAME_LEVEL.variant],
    ['Mohammed', 'Muhammad', FORENAME_LEVEL.variant],
    ['Katarzyna', 'Kasia', FORENAME_LEVEL.variant],
    ['Zoë', 'Zoe', FORENAME_LEVEL.exact],
    ['Jonathon', 'Jonathen', FORENAME_LEVEL.jw92],
    ['Martha', 'Marhta', FORENAME_LEVEL.jw92],
    ['Dwayne', 'Duane', FORENAME_LEVEL.phonetic],
    ['J', 'James', FORENAME_LEVEL.initial],
    ['Oliver', 'Harry', FORENAME_LEVEL.else],
  ])('%s / %s', (a, b, expected) => {
    expect(level(forenameComparison, { forename: a }, { forename: b })).toBe(expected);
  });

  it('finds swapped names and middle names', () => {
    expect(level(forenameComparison, { forename: 'Hall', surname: 'Isla' }, { forename: 'Isla', surname: 'Hall' })).toBe(FORENAME_LEVEL.swapped);
    // The other cross pair alike (a typo) or missing still reads as a swap.
    expect(level(forenameComparison, { forename: 'Rowe', surname: 'Caleb' }, { forename: 'Caleb', surname: 'Rwoe' })).toBe(FORENAME_LEVEL.swapped);
    expect(level(forenameComparison, { forename: 'Hall', surname: 'Isla' }, { forename: 'Isla' })).toBe(FORENAME_LEVEL.halfSwapped);
    expect(level(forenameComparison, { forename: 'Grace' }, { forename: 'Emily', middleNames: 'Grace' })).toBe(FORENAME_LEVEL.middle);
  });

  it('never uses placeholders as evidence', () => {
    expect(level(forenameComparison, { forename: 'Baby' }, { forename: 'Baby' })).toBe(NULL_LEVEL);
    expect(level(forenameComparison, { forename: 'Unborn' }, { forename: 'Oliver' })).toBe(NULL_LEVEL);
  });
});

describe('surname comparison', () => {
  it('levels', () => {
    expect(level(surnameComparison, { surname: 'Smith' }, { surname: 'SMITH' })).toBe(SURNAME_LEVEL.exact);
    expect(level(surnameComparison, { surname: 'Smith-Jones' }, { surname: 'Jones' })).toBe(SURNAME_LEVEL.part);
    expect(level(surnameComparison, { surname: 'Walker' }, { surname: 'Patel', previousNames: ['Walker'] })).toBe(SURNAME_LEVEL.former);
    expect(level(surnameComparison, { surname: 'Thompson' }, { surname: 'Thomson' })).toBe(SURNAME_LEVEL.jw92);
    expect(level(surnameComparison, { surname: 'Smith' }, { surname: 'Patel' })).toBe(SURNAME_LEVEL.else);
    expect(level(surnameComparison, { surname: null }, { surname: 'Patel' })).toBe(NULL_LEVEL);
  });
  it('a swap needs both cross pairs to fit: one name in the other field is two people', () => {
    const a = { forename: 'Isaac', surname: 'James' };
    const b = { forename: 'James', surname: 'Dixon' };
    expect(level(surnameComparison, a, b)).toBe(SURNAME_LEVEL.else);
    expect(level(forenameComparison, a, b)).toBe(FORENAME_LEVEL.halfSwapped);
    // A swap is weighed once, by the forename comparison.
    expect(level(surnameComparison, { forename: 'Rowe', surname: 'Caleb' }, { forename: 'Caleb', surname: 'Rowe' })).toBe(NULL_LEVEL);
  });
});

describe('dob comparison', () => {
  it.each([
    ['2015-03-04', '2015-03-04', DOB_LEVEL.exact],
    ['2015-03-04', '2015-04-03', DOB_LEVEL.swapped],
    ['1997-04-26', '1991-04-26', DOB_LEVEL.oneOff],
    ['1971-06-24', '1971-05-24', DOB_LEVEL.oneOff],
    ['1991-04-05', '1991-05-06', DOB_LEVEL.withinMonth],
    ['1976-09-15', '1977-09-13', DOB_LEVEL.withinYear],
    ['2014-05-24', '2004-04-27', DOB_LEVEL.yearSlip],
    ['1991-12-30', '1981-01-02', DOB_LEVEL.yearSlip],
    ['2014-05-24', '2004-08-27', DOB_LEVEL.withinTenYears],
    ['2011-01-21', '2009-06-21', DOB_LEVEL.withinTenYears],
    ['2003-01-17', '1992-11-20', DOB_LEVEL.else],
    ['1971-06-24', '2001-06-24', DOB_LEVEL.else],
  ])('%s / %s', (a, b, expected) => {
    expect(level(dobComparison, { dob: a }, { dob: b })).toBe(expected);
  });
  it('missing is null', () => {
    expect(level(dobComparison, { dob: null }, { dob: '2015-03-04' })).toBe(NULL_LEVEL);
  });
  it('counts every disagreement beyond a keying slip as differing dobs (guards read this)', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(dobLevelDiffers)).toEqual([false, false, false, true, true, true, true, true]);
    expect(dobLevelDiffers(NULL_LEVEL)).toBe(false);
  });
});

describe('sex, address, identifiers', () => {
  it('sex U is null', () => {
    expect(level(sexComparison, { sex: 'F' }, { sex: 'F' })).toBe(0);
    expect(level(sexComparison, { sex: 'F' }, { sex: 'M' })).toBe(1);
    expect(level(sexComparison, { sex: 'U' }, { sex: 'M' })).toBe(NULL_LEVEL);
  });
  it('address: uprn/household, then postcode full, sector, district over either list', () => {
    expect(level(addressComparison, { uprns: ['100'] }, { uprns: ['100'] })).toBe(0);
    expect(level(addressComparison, { householdKeys: ['housing:t:1'] }, { householdKeys: ['housing:t:1'] })).toBe(0);
    expect(level(addressComparison, { postcodes: ['LE1 1AB', 'NG7 2RD'] }, { postcodes: ['NG7 2RD'] })).toBe(1);
    expect(level(addressComparison, { postcodes: ['LE1 1AB'] }, { postcodes: ['LE1 1ZZ'] })).toBe(2);
    expect(level(addressComparison, { postcodes: ['LE1 1AB'] }, { postcodes: ['LE1 7ZZ'] })).toBe(3);
    expect(level(addressComparison, { postcodes: ['LE1 1AB'] }, { postcodes: ['NG1 7ZZ'] })).toBe(4);
    expect(level(addressComparison, { uprns: ['1'] }, { uprns: ['2'] })).toBe(4);
    expect(level(addressComparison, {}, { postcodes: ['NG1 7ZZ'] })).toBe(NULL_LEVEL);
  });
  it('nhs equal / differ', () => {
    expect(level(nhsComparison, { nhsNumber: '9434765919' }, { nhsNumber: '9434765919' })).toBe(0);
    expect(level(nhsComparison, { nhsNumber: '9434765919' }, { nhsNumber: '9434765870' })).toBe(1);
  });
});
