import { expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { attendanceFile, attendancePercent } from './attendance.file.js';

const row = {
  upn: 'U820200101001',
  school_urn: '123456',
  term_start: '01/09/2023',
  term_end: '2023-12-20',
  possible_sessions: '140',
  authorised_absence: '7',
  unauthorised_absence: '6',
};

describe('attendance.csv', () => {
  it('turns a row into an ATTENDANCE event', () => {
    expect(parseGood(attendanceFile, row)).toEqual({
      ok: true,
      warnings: [],
      records: [
        {
          kind: 'event', naturalKey: 'education:attendance:U820200101001:123456:2023-09-01', asOf: '2023-09-01',
          recordKey: 'education:pupils:U820200101001', placeKey: null, type: 'ATTENDANCE', date: '2023-09-01',
          endDate: '2023-12-20', summary: null,
          detail: { schoolUrn: '123456', possibleSessions: 140, authorisedAbsence: 7, unauthorisedAbsence: 6, attendancePercent: 90.7 },
        },
      ],
    });
  });

  it('computes the attendance percentage to one decimal', () => {
    expect(attendancePercent(140, 7, 6)).toBe(90.7);
    expect(attendancePercent(3, 1, 0)).toBe(66.7);
    expect(attendancePercent(100, 0, 0)).toBe(100);
    expect(attendancePercent(0, 0, 0)).toBeNull();
    expect(attendancePercent(100, null, 0)).toBeNull();
  });

  it('gives a null percentage when no session was possible', () => {
    const result = parseGood(attendanceFile, { ...row, possible_sessions: '0', authorised_absence: '0', unauthorised_absence: '0' });
    expect(result.records[0]).toMatchObject({ detail: { possibleSessions: 0, attendancePercent: null } });
  });

  it('requires the identifying columns', () => {
    expectRequiredColumns(attendanceFile, row, ['upn', 'school_urn', 'term_start', 'term_end', 'possible_sessions']);
    expect([...attendanceFile.optional]).toEqual(['authorised_absence', 'unauthorised_absence']);
  });

  it('rejects absences beyond the possible sessions on the absence column', () => {
    expect(attendanceFile.parseRow({ ...row, authorised_absence: '141' })).toEqual({ ok: false, column: 'authorised_absence', reason: 'INVALID_VALUE' });
    expect(attendanceFile.parseRow({ ...row, unauthorised_absence: '141', authorised_absence: '' })).toEqual({ ok: false, column: 'unauthorised_absence', reason: 'INVALID_VALUE' });
    expect(attendanceFile.parseRow({ ...row, authorised_absence: '70', unauthorised_absence: '71' })).toEqual({ ok: false, column: 'unauthorised_absence', reason: 'INVALID_VALUE' });
    expect(attendanceFile.parseRow({ ...row, authorised_absence: '70', unauthorised_absence: '70' }).ok).toBe(true);
  });

  it('rejects bad integers and a term that ends before it starts', () => {
    expect(attendanceFile.parseRow({ ...row, possible_sessions: '-1' })).toEqual({ ok: false, column: 'possible_sessions', reason: 'INVALID_INTEGER' });
    expect(attendanceFile.parseRow({ ...row, authorised_absence: '2.5' })).toEqual({ ok: false, column: 'authorised_absence', reason: 'INVALID_INTEGER' });
    expect(attendanceFile.parseRow({ ...row, term_end: '31/08/2023' })).toEqual({ ok: false, column: 'term_end', reason: 'DATE_ORDER' });
  });
});
