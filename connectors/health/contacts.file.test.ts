import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { contactsFile } from './contacts.file.js';
import { CONTACT_TYPES } from './health.codes.js';

const row = {
  contact_ref: 'HC9',
  nhs_number: '9434765919',
  date: '2024-02-29',
  type: 'was_not_brought',
  summary: 'Missed 2-year review',
  practitioner_name: 'Kim Day',
  practitioner_role: '',
  practitioner_phone: '0116 444',
};

describe('contacts.csv', () => {
  it('turns a row into an event on the patient and the practitioner involvement', () => {
    expect(parseGood(contactsFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'health:contacts:HC9', asOf: null, recordKey: 'health:patients:9434765919', placeKey: null,
        type: 'WAS_NOT_BROUGHT', date: '2024-02-29', endDate: null, summary: 'Missed 2-year review', detail: {},
      },
      {
        kind: 'involvement', naturalKey: 'health:contacts:HC9:practitioner', asOf: null, agency: 'health',
        recordKey: 'health:patients:9434765919', placeKey: null, eventKey: null, name: 'Kim Day', role: 'HEALTH_PRACTITIONER',
        team: null, phone: '0116 444', email: null, fromDate: '2024-02-29', toDate: '2024-02-29',
      },
    ]);
  });

  it('uses the given practitioner role; no involvement without a name', () => {
    expect(parseGood(contactsFile, { ...row, practitioner_role: 'HEALTH_VISITOR' }).records[1]).toMatchObject({ role: 'HEALTH_VISITOR' });
    expect(parseGood(contactsFile, { ...row, practitioner_name: '' }).records).toHaveLength(1);
  });

  it('keys the patient by the NHS number without spaces, warning when it fails the check', () => {
    const result = parseGood(contactsFile, { ...row, nhs_number: '943 476 5918' });
    expect(result.records[0]).toMatchObject({ recordKey: 'health:patients:9434765918' });
    expect(result.warnings).toEqual([{ column: 'nhs_number', reason: 'NHS_NUMBER_INVALID' }]);
  });

  it('requires contact_ref, nhs_number and date, and a type value', () => {
    expectRequiredColumns(contactsFile, row, ['contact_ref', 'nhs_number', 'date']);
    expect(contactsFile.parseRow({ ...row, type: '' })).toEqual({ ok: false, column: 'type', reason: 'REQUIRED_MISSING' });
  });

  it('accepts every contact type and rejects others', () => {
    expectCodeList(contactsFile, row, 'type', CONTACT_TYPES, (r) => (r.records[0]?.kind === 'event' ? r.records[0].type : undefined));
  });
});
