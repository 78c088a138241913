import { defineFile } from '../common/define-file.js';
import { pupilKey } from './education.keys.js';

/** Percentage of possible sessions attended, one decimal; null when nothing was possible or an absence is unknown. */
export function attendancePercent(possible: number, authorised: number | null, unauthorised: number | null): number | null {
  if (possible === 0 || authorised === null || unauthorised === null) return null;
  return Math.round(((possible - authorised - unauthorised) / possible) * 1000) / 10;
}

/** `attendance.csv`: sessions possible and missed per pupil per school per term. */
export const attendanceFile = defineFile({
  name: 'attendance.csv',
  required: ['upn', 'school_urn', 'term_start', 'term_end', 'possible_sessions'],
  optional: ['authorised_absence', 'unauthorised_absence'],
  read(r) {
    const { upn } = r.upn('upn', true);
    const schoolUrn = r.id('school_urn', true);
    const termStart = r.date('term_start', true);
    const termEnd = r.date('term_end', true);
    r.checkOrder(termStart, termEnd, 'term_end');
    const possibleSessions = r.integer('possible_sessions', true);
    const authorisedAbsence = r.integer('authorised_absence');
    const unauthorisedAbsence = r.integer('unauthorised_absence');
    if ((authorisedAbsence ?? 0) > possibleSessions) r.fail('authorised_absence', 'INVALID_VALUE');
    if ((authorisedAbsence ?? 0) + (unauthorisedAbsence ?? 0) > possibleSessions) r.fail('unauthorised_absence', 'INVALID_VALUE');
    return [
      {
        kind: 'event', naturalKey: `education:attendance:${upn}:${schoolUrn}:${termStart}`, asOf: termStart,
        recordKey: pupilKey(upn), placeKey: null, type: 'ATTENDANCE', date: termStart, endDate: termEnd, summary: null,
        detail: {
          schoolUrn, possibleSessions, authorisedAbsence, unauthorisedAbsence,
          attendancePercent: attendancePercent(possibleSessions, authorisedAbsence, unauthorisedAbsence),
        },
      },
    ];
  },
});
