import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { carersFile } from './carers.file.js';
import { CARER_RELATIONSHIPS } from './education.codes.js';

const row = {
  contact_id: 'C77',
  upn: 'U820200101001',
  surname: 'Smith-Jones',
  forename: 'Anna',
  relationship: 'mother',
  parental_responsibility: 'Y',
  phone: ' 07700 900000 ',
  address: '1 High Street',
  postcode: 'EC1A1BB',
};

describe('carers.csv', () => {
  it('turns a row into a carer mention and a relationship to the pupil', () => {
    expect(parseGood(carersFile, row).records).toEqual([
      {
        kind: 'mention', naturalKey: 'education:carers:C77', asOf: null, surname: 'Smith-Jones', forename: 'Anna',
        middleNames: null, previousNames: [], aliases: [], dob: null, sex: 'F', nhsNumber: null, nhsNumberValid: null,
        upn: null, upnValid: null, formerUpn: null, formerUpnValid: null, pncId: null, address: '1 High Street',
        postcode: 'EC1A 1BB', postcodeValid: true, uprn: null,
      },
      {
        kind: 'relationship', naturalKey: 'education:carers:C77:U820200101001', asOf: null,
        fromKey: 'education:pupils:U820200101001', toKey: 'education:carers:C77', type: 'MOTHER',
        detail: { parentalResponsibility: true, phone: '07700 900000' },
      },
    ]);
  });

  it('infers sex only from MOTHER and FATHER', () => {
    const sexOf = (relationship: string) => parseGood(carersFile, { ...row, relationship }).records[0];
    expect(sexOf('FATHER')).toMatchObject({ sex: 'M' });
    expect(sexOf('GRANDPARENT')).toMatchObject({ sex: 'U' });
    expect(sexOf('CARER')).toMatchObject({ sex: 'U' });
  });

  it('reads blank parental responsibility and phone as unknown', () => {
    const result = parseGood(carersFile, { ...row, parental_responsibility: '', phone: '' });
    expect(result.records[1]).toMatchObject({ detail: { parentalResponsibility: null, phone: null } });
  });

  it('requires contact_id and upn, and a relationship value', () => {
    expectRequiredColumns(carersFile, row, ['contact_id', 'upn']);
    expect(carersFile.parseRow({ ...row, relationship: '' })).toEqual({ ok: false, column: 'relationship', reason: 'REQUIRED_MISSING' });
  });

  it('accepts every relationship code and rejects others', () => {
    expectCodeList(carersFile, row, 'relationship', CARER_RELATIONSHIPS, (r) => (r.records[1]?.kind === 'relationship' ? r.records[1].type : undefined));
  });

  it('rejects bad names and flags', () => {
    expect(carersFile.parseRow({ ...row, forename: 'J0hn' })).toEqual({ ok: false, column: 'forename', reason: 'INVALID_NAME' });
    expect(carersFile.parseRow({ ...row, parental_responsibility: 'maybe' })).toEqual({ ok: false, column: 'parental_responsibility', reason: 'INVALID_CODE' });
  });
});
