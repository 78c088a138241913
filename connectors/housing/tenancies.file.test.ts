import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { END_REASONS } from './housing.codes.js';
import { tenanciesFile } from './tenancies.file.js';

const row = {
  tenancy_ref: 'T100',
  address: 'Flat 2, 3 Low Road',
  postcode: ' LE1  1ab ',
  uprn: '200001',
  start_date: '01/04/2018',
  end_date: '2022-10-31',
  end_reason: 'eviction',
  officer_name: 'Sam Keys',
  officer_phone: '0116 111',
  officer_email: 'sam@housing.example',
};

describe('tenancies.csv', () => {
  it('turns an ended tenancy into a place, an officer involvement and a TENANCY_ENDED event', () => {
    expect(parseGood(tenanciesFile, row).records).toEqual([
      {
        kind: 'place', naturalKey: 'housing:tenancies:T100', asOf: '2018-04-01', address: 'Flat 2, 3 Low Road',
        postcode: 'LE1 1AB', postcodeValid: true, uprn: '200001', fromDate: '2018-04-01', toDate: '2022-10-31', endReason: 'EVICTION',
      },
      {
        kind: 'involvement', naturalKey: 'housing:officers:T100', asOf: '2018-04-01', agency: 'housing', recordKey: null,
        placeKey: 'housing:tenancies:T100', eventKey: null, name: 'Sam Keys', role: 'HOUSING_OFFICER', team: null,
        phone: '0116 111', email: 'sam@housing.example', fromDate: '2018-04-01', toDate: '2022-10-31',
      },
      {
        kind: 'event', naturalKey: 'housing:tenancies:T100:end', asOf: '2018-04-01', recordKey: null,
        placeKey: 'housing:tenancies:T100', type: 'TENANCY_ENDED', date: '2022-10-31', endDate: null, summary: null,
        detail: { endReason: 'EVICTION' },
      },
    ]);
  });

  it('makes only the place for a current tenancy without an officer', () => {
    const result = parseGood(tenanciesFile, { ...row, end_date: '', end_reason: '', officer_name: '' });
    expect(result.records).toEqual([
      {
        kind: 'place', naturalKey: 'housing:tenancies:T100', asOf: '2018-04-01', address: 'Flat 2, 3 Low Road',
        postcode: 'LE1 1AB', postcodeValid: true, uprn: '200001', fromDate: '2018-04-01', toDate: null, endReason: null,
      },
    ]);
  });

  it('requires tenancy_ref and start_date', () => {
    expectRequiredColumns(tenanciesFile, row, ['tenancy_ref', 'start_date']);
    expect([...tenanciesFile.optional].sort()).toEqual(
      ['address', 'postcode', 'uprn', 'end_date', 'end_reason', 'officer_name', 'officer_phone', 'officer_email'].sort(),
    );
  });

  it('accepts every end reason and rejects others', () => {
    expectCodeList(tenanciesFile, row, 'end_reason', END_REASONS, (r) => (r.records[0]?.kind === 'place' ? r.records[0].endReason : undefined));
  });

  it('rejects an end before the start, a bad UPRN; warns on a bad postcode', () => {
    expect(tenanciesFile.parseRow({ ...row, end_date: '31/03/2018' })).toEqual({ ok: false, column: 'end_date', reason: 'DATE_ORDER' });
    expect(tenanciesFile.parseRow({ ...row, uprn: 'U1' })).toEqual({ ok: false, column: 'uprn', reason: 'INVALID_UPRN' });
    const result = parseGood(tenanciesFile, { ...row, postcode: 'XX' });
    expect(result.records[0]).toMatchObject({ postcode: 'XX', postcodeValid: false });
    expect(result.warnings).toEqual([{ column: 'postcode', reason: 'POSTCODE_INVALID' }]);
  });
});
