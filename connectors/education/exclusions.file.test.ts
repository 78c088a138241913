import { expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { exclusionsFile } from './exclusions.file.js';

const row = { upn: 'U820200101001', school_urn: '123456', start_date: '12/01/2024', kind: 'suspension', reason: 'PA', sessions: '4' };

describe('exclusions.csv', () => {
  it('turns a suspension into a SUSPENSION event', () => {
    expect(parseGood(exclusionsFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'education:exclusions:U820200101001:123456:2024-01-12:SUSPENSION', asOf: '2024-01-12',
        recordKey: 'education:pupils:U820200101001', placeKey: null, type: 'SUSPENSION', date: '2024-01-12', endDate: null,
        summary: 'PA', detail: { schoolUrn: '123456', sessions: 4 },
      },
    ]);
  });

  it('turns a permanent exclusion into a PERMANENT_EXCLUSION event', () => {
    const result = parseGood(exclusionsFile, { ...row, kind: 'PERMANENT', reason: '', sessions: '' });
    expect(result.records[0]).toMatchObject({
      naturalKey: 'education:exclusions:U820200101001:123456:2024-01-12:PERMANENT',
      type: 'PERMANENT_EXCLUSION', summary: null, detail: { schoolUrn: '123456', sessions: null },
    });
  });

  it('requires the identifying columns', () => {
    expectRequiredColumns(exclusionsFile, row, ['upn', 'school_urn', 'start_date', 'kind']);
    expect([...exclusionsFile.optional]).toEqual(['reason', 'sessions']);
  });

  it('rejects an unknown kind and a bad session count', () => {
    expect(exclusionsFile.parseRow({ ...row, kind: 'EXPELLED' })).toEqual({ ok: false, column: 'kind', reason: 'INVALID_CODE' });
    expect(exclusionsFile.parseRow({ ...row, sessions: 'two' })).toEqual({ ok: false, column: 'sessions', reason: 'INVALID_INTEGER' });
  });
});
