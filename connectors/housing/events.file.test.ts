import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { housingEventsFile } from './events.file.js';
import { HOUSING_EVENT_TYPES } from './housing.codes.js';

const row = {
  event_ref: 'E5',
  tenancy_ref: 'T100',
  person_ref: 'P9',
  date: '03/05/2022',
  type: 'arrears',
  summary: 'Rent arrears of eight weeks',
  officer_name: 'Sam Keys',
};

describe('events.csv (housing)', () => {
  it('turns a row into an event on the occupant and the tenancy', () => {
    expect(parseGood(housingEventsFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'housing:events:E5', asOf: null, recordKey: 'housing:occupants:P9',
        placeKey: 'housing:tenancies:T100', type: 'ARREARS', date: '2022-05-03', endDate: null,
        summary: 'Rent arrears of eight weeks', detail: { officerName: 'Sam Keys' },
      },
    ]);
  });

  it('leaves the person and tenancy links null when not given', () => {
    const result = parseGood(housingEventsFile, { ...row, tenancy_ref: '', person_ref: '', summary: '', officer_name: '' });
    expect(result.records[0]).toMatchObject({ recordKey: null, placeKey: null, summary: null, detail: { officerName: null } });
  });

  it('requires event_ref and date, and a type value', () => {
    expectRequiredColumns(housingEventsFile, row, ['event_ref', 'date']);
    expect(housingEventsFile.parseRow({ ...row, type: '' })).toEqual({ ok: false, column: 'type', reason: 'REQUIRED_MISSING' });
  });

  it('accepts every event type and rejects others', () => {
    expectCodeList(housingEventsFile, row, 'type', HOUSING_EVENT_TYPES, (r) => (r.records[0]?.kind === 'event' ? r.records[0].type : undefined));
  });
});
