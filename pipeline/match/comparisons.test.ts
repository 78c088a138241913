import { matchMention, type MatchMention } from './match-mention.js';
import { encodeMentions } from './mention.encoding.js';
import { forenameComparison, FORENAME_LEVEL } from './forename.comparison.js';
import { surnameComparison, SURNAME_LEVEL } from './surname.comparison.js';
import { dobComparison, DOB_LEVEL } from './dob.comparison.js';
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
});

describe('dob comparison', () => {
  it.each([
    ['2015-03-04', '2015-03-04', DOB_LEVEL.exact],
    ['2015-03-04', '2015-04-03', DOB_LEVEL.swapped],
    ['1997-04-26', '1991-04-26', DOB_LEVEL.oneOff],
    ['1971-06-24', '1971-05-24', DOB_LEVEL.oneOff],
    ['1976-09-15', '1977-09-13', DOB_LEVEL.withinYear],
    ['2003-01-17', '1992-11-20', DOB_LEVEL.else],
  ])('%s / %s', (a, b, expected) => {
    expect(level(dobComparison, { dob: a }, { dob: b })).toBe(expected);
  });
  it('missing is null', () => {
    expect(level(dobComparison, { dob: null }, { dob: '2015-03-04' })).toBe(NULL_LEVEL);
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
