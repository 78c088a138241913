import { expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { peopleFile } from './people.file.js';

const row = {
  person_id: 'SC1',
  surname: 'Smith',
  forename: 'Zoë',
  previous_names: 'ZOË BROWN',
  dob: '2015-03-04',
  sex: 'F',
  nhs_number: '943 476 5919',
  upn: 'U820200101001',
  address: '1 High Street',
  postcode: 'le11ab',
  uprn: '100030123456',
};

describe('people.csv', () => {
  it('turns a row into a mention and a residence', () => {
    const result = parseGood(peopleFile, row);
    expect(result.warnings).toEqual([]);
    expect(result.records).toEqual([
      {
        kind: 'mention', naturalKey: 'social_care:people:SC1', asOf: null, surname: 'Smith', forename: 'Zoë', middleNames: null,
        previousNames: ['ZOË BROWN'], aliases: [], dob: '2015-03-04', sex: 'F', nhsNumber: '9434765919', nhsNumberValid: true,
        upn: 'U820200101001', upnValid: true, formerUpn: null, formerUpnValid: null, pncId: null, address: '1 High Street',
        postcode: 'LE1 1AB', postcodeValid: true, uprn: '100030123456',
      },
      {
        kind: 'residence', naturalKey: 'social_care:people:SC1:residence', asOf: null, recordKey: 'social_care:people:SC1',
        placeKey: null, address: '1 High Street', postcode: 'LE1 1AB', postcodeValid: true, uprn: '100030123456',
        role: null, fromDate: null, toDate: null,
      },
    ]);
  });

  it('keeps failing NHS numbers and UPNs with warnings', () => {
    const result = parseGood(peopleFile, { ...row, nhs_number: '943 476 5918', upn: 'A820200101001' });
    expect(result.records[0]).toMatchObject({ nhsNumber: '9434765918', nhsNumberValid: false, upn: 'A820200101001', upnValid: false });
    expect(result.warnings).toEqual([
      { column: 'nhs_number', reason: 'NHS_NUMBER_INVALID' },
      { column: 'upn', reason: 'UPN_INVALID' },
    ]);
  });

  it('makes no residence without an address', () => {
    const result = parseGood(peopleFile, { ...row, address: '', postcode: '', uprn: '' });
    expect(result.records.map((r) => r.kind)).toEqual(['mention']);
  });

  it('requires person_id only', () => {
    expectRequiredColumns(peopleFile, row, ['person_id']);
    expect([...peopleFile.optional].sort()).toEqual(
      ['surname', 'forename', 'previous_names', 'dob', 'sex', 'nhs_number', 'upn', 'address', 'postcode', 'uprn'].sort(),
    );
  });

  it('rejects broken values', () => {
    expect(peopleFile.parseRow({ ...row, uprn: 'abc' })).toEqual({ ok: false, column: 'uprn', reason: 'INVALID_UPRN' });
    expect(peopleFile.parseRow({ ...row, sex: 'Q' })).toEqual({ ok: false, column: 'sex', reason: 'INVALID_CODE' });
  });
});
