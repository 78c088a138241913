import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { OCCUPANT_ROLES } from './housing.codes.js';
import { occupantsFile } from './occupants.file.js';

const row = {
  person_ref: 'P9',
  tenancy_ref: 'T100',
  surname: 'Nguyễn',
  forename: 'Lan',
  previous_names: 'LAN TRAN',
  dob: '1990-06-15',
  sex: 'F',
  role: 'lead',
  from_date: '01/04/2018',
  to_date: '',
};

describe('occupants.csv', () => {
  it('turns a row into a mention and a residence in the tenancy', () => {
    expect(parseGood(occupantsFile, row).records).toEqual([
      {
        kind: 'mention', naturalKey: 'housing:occupants:P9', asOf: '2018-04-01', surname: 'Nguyễn', forename: 'Lan',
        middleNames: null, previousNames: ['LAN TRAN'], aliases: [], dob: '1990-06-15', sex: 'F', nhsNumber: null,
        nhsNumberValid: null, upn: null, upnValid: null, formerUpn: null, formerUpnValid: null, pncId: null,
        address: null, postcode: null, postcodeValid: null, uprn: null,
      },
      {
        kind: 'residence', naturalKey: 'housing:occupants:P9:T100', asOf: '2018-04-01', recordKey: 'housing:occupants:P9',
        placeKey: 'housing:tenancies:T100', address: null, postcode: null, postcodeValid: null, uprn: null,
        role: 'LEAD', fromDate: '2018-04-01', toDate: null,
      },
    ]);
  });

  it('has a null asOf without a from date', () => {
    const result = parseGood(occupantsFile, { ...row, from_date: '' });
    expect(result.records.map((r) => r.asOf)).toEqual([null, null]);
  });

  it('requires person_ref and tenancy_ref', () => {
    expectRequiredColumns(occupantsFile, row, ['person_ref', 'tenancy_ref']);
    expect([...occupantsFile.optional].sort()).toEqual(['surname', 'forename', 'previous_names', 'dob', 'sex', 'role', 'from_date', 'to_date'].sort());
  });

  it('accepts every role and rejects others', () => {
    expectCodeList(occupantsFile, row, 'role', OCCUPANT_ROLES, (r) => (r.records[1]?.kind === 'residence' ? r.records[1].role : undefined));
  });

  it('rejects broken values', () => {
    expect(occupantsFile.parseRow({ ...row, to_date: '2018-03-31' })).toEqual({ ok: false, column: 'to_date', reason: 'DATE_ORDER' });
    expect(occupantsFile.parseRow({ ...row, dob: '29/02/2023' })).toEqual({ ok: false, column: 'dob', reason: 'IMPOSSIBLE_DATE' });
    expect(occupantsFile.parseRow({ ...row, previous_names: 'L4N' })).toEqual({ ok: false, column: 'previous_names', reason: 'INVALID_NAME' });
    expect(occupantsFile.parseRow({ ...row, person_ref: 'P:9' })).toEqual({ ok: false, column: 'person_ref', reason: 'INVALID_IDENTIFIER' });
  });
});
