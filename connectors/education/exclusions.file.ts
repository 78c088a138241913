import { defineFile } from '../common/define-file.js';
import { EXCLUSION_EVENT_TYPES, EXCLUSION_KINDS } from './education.codes.js';
import { pupilKey } from './education.keys.js';

/** `exclusions.csv`: suspensions and permanent exclusions. */
export const exclusionsFile = defineFile({
  name: 'exclusions.csv',
  required: ['upn', 'school_urn', 'start_date', 'kind'],
  optional: ['reason', 'sessions'],
  read(r) {
    const { upn } = r.upn('upn', true);
    const schoolUrn = r.id('school_urn', true);
    const startDate = r.date('start_date', true);
    const kind = r.code('kind', EXCLUSION_KINDS, true);
    const reason = r.text('reason');
    const sessions = r.integer('sessions');
    return [
      {
        kind: 'event', naturalKey: `education:exclusions:${upn}:${schoolUrn}:${startDate}:${kind}`, asOf: startDate,
        recordKey: pupilKey(upn), placeKey: null, type: EXCLUSION_EVENT_TYPES[kind], date: startDate, endDate: null,
        summary: reason, detail: { schoolUrn, sessions },
      },
    ];
  },
});
