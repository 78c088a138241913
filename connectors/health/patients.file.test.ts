import { expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { patientsFile } from './patients.file.js';

const row = {
  nhs_number: '943 476 5919',
  surname: 'Smith',
  forename: 'Zoë',
  previous_names: 'ZOË BROWN',
  dob: '04/03/2015',
  sex: 'F',
  address: '1 High Street',
  postcode: 'le11ab',
  gp_practice: 'Castle Surgery',
  gp_name: 'Dr Rao',
  gp_phone: '0116 333',
  health_visitor_name: 'Kim Day',
  health_visitor_phone: '0116 444',
  school_nurse_name: 'Lee Fox',
  school_nurse_phone: '0116 555',
};

const KEY = 'health:patients:9434765919';

describe('patients.csv', () => {
  it('turns a row into a mention and GP, health visitor and school nurse involvements', () => {
    const base = { asOf: null, agency: 'health', recordKey: KEY, placeKey: null, eventKey: null, email: null, fromDate: null, toDate: null };
    expect(parseGood(patientsFile, row).records).toEqual([
      {
        kind: 'mention', naturalKey: KEY, asOf: null, surname: 'Smith', forename: 'Zoë', middleNames: null,
        previousNames: ['ZOË BROWN'], aliases: [], dob: '2015-03-04', sex: 'F', nhsNumber: '9434765919', nhsNumberValid: true,
        upn: null, upnValid: null, formerUpn: null, formerUpnValid: null, pncId: null, address: '1 High Street',
        postcode: 'LE1 1AB', postcodeValid: true, uprn: null,
      },
      { kind: 'involvement', naturalKey: `${KEY}:gp`, ...base, name: 'Dr Rao', role: 'GP', team: 'Castle Surgery', phone: '0116 333' },
      { kind: 'involvement', naturalKey: `${KEY}:health_visitor`, ...base, name: 'Kim Day', role: 'HEALTH_VISITOR', team: null, phone: '0116 444' },
      { kind: 'involvement', naturalKey: `${KEY}:school_nurse`, ...base, name: 'Lee Fox', role: 'SCHOOL_NURSE', team: null, phone: '0116 555' },
    ]);
  });

  it('makes each involvement only when its name is given', () => {
    const result = parseGood(patientsFile, { ...row, gp_name: '', school_nurse_name: ' ' });
    expect(result.records.map((r) => r.naturalKey)).toEqual([KEY, `${KEY}:health_visitor`]);
  });

  it('keys a failing NHS number as given without spaces, flagged and warned', () => {
    const result = parseGood(patientsFile, { ...row, nhs_number: '943 476 5918', gp_name: '', health_visitor_name: '', school_nurse_name: '' });
    expect(result.records).toEqual([expect.objectContaining({ naturalKey: 'health:patients:9434765918', nhsNumberValid: false })]);
    expect(result.warnings).toEqual([{ column: 'nhs_number', reason: 'NHS_NUMBER_INVALID' }]);
  });

  it('requires nhs_number only', () => {
    expectRequiredColumns(patientsFile, row, ['nhs_number']);
    expect(patientsFile.optional).toHaveLength(14);
    expect(patientsFile.parseRow({ ...row, nhs_number: '943:4765919' })).toEqual({ ok: false, column: 'nhs_number', reason: 'INVALID_IDENTIFIER' });
  });
});
