import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { incidentsFile } from './incidents.file.js';
import { INCIDENT_CATEGORIES, RISK_LEVELS } from './police.codes.js';

const row = {
  incident_ref: 'I2023-001',
  date: '2023-11-05',
  category: 'domestic_abuse',
  postcode: 'le11ab',
  summary: 'Call from neighbour',
  risk: 'high',
  officer_name: 'PC Jo Lane',
  officer_id: '4471',
  officer_email: 'jo.lane@police.example',
};

describe('incidents.csv', () => {
  it('turns a row into an event and the officer in the case', () => {
    expect(parseGood(incidentsFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'police:incidents:I2023-001', asOf: null, recordKey: null, placeKey: null,
        type: 'DOMESTIC_ABUSE', date: '2023-11-05', endDate: null, summary: 'Call from neighbour',
        detail: { risk: 'HIGH', postcode: 'LE1 1AB' },
      },
      {
        kind: 'involvement', naturalKey: 'police:incidents:I2023-001:officer', asOf: null, agency: 'police', recordKey: null,
        placeKey: null, eventKey: 'police:incidents:I2023-001', name: 'PC Jo Lane', role: 'OFFICER_IN_CASE', team: null,
        phone: null, email: 'jo.lane@police.example', fromDate: '2023-11-05', toDate: '2023-11-05',
      },
    ]);
  });

  it('has no involvement without an officer name; keeps an invalid postcode with a warning', () => {
    const result = parseGood(incidentsFile, { ...row, officer_name: '', postcode: 'L1', risk: '' });
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ detail: { risk: null, postcode: 'L1' } });
    expect(result.warnings).toEqual([{ column: 'postcode', reason: 'POSTCODE_INVALID' }]);
  });

  it('requires incident_ref and date, and a category value', () => {
    expectRequiredColumns(incidentsFile, row, ['incident_ref', 'date']);
    expect(incidentsFile.parseRow({ ...row, category: '' })).toEqual({ ok: false, column: 'category', reason: 'REQUIRED_MISSING' });
  });

  it('accepts every category and risk level and rejects others', () => {
    expectCodeList(incidentsFile, row, 'category', INCIDENT_CATEGORIES, (r) => (r.records[0]?.kind === 'event' ? r.records[0].type : undefined));
    expectCodeList(incidentsFile, row, 'risk', RISK_LEVELS, (r) => (r.records[0]?.kind === 'event' ? r.records[0].detail['risk'] : undefined));
  });
});
