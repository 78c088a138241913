import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { involvementRecord } from '../common/records.js';
import { EPISODE_TYPES, type EpisodeType } from './social-care.codes.js';
import { personKey } from './social-care.keys.js';

/** The worker's role when the extract leaves `worker_role` blank. */
export function defaultWorkerRole(type: EpisodeType): string {
  if (type === 'YOUTH_JUSTICE') return 'YOUTH_JUSTICE_WORKER';
  if (type === 'EARLY_HELP') return 'EARLY_HELP_PRACTITIONER';
  return 'SOCIAL_WORKER';
}

/**
 * `episodes.csv`: an episode becomes an event typed by the episode type (a blank type is
 * REQUIRED_MISSING: the event needs a type), its worker an involvement.
 */
export const episodesFile = defineFile({
  name: 'episodes.csv',
  required: ['episode_id', 'person_id', 'start_date'],
  optional: ['type', 'end_date', 'detail', 'worker_name', 'worker_role', 'worker_team', 'worker_phone', 'worker_email'],
  read(r) {
    const id = r.id('episode_id', true);
    const personId = r.id('person_id', true);
    const type = r.code('type', EPISODE_TYPES, true);
    const startDate = r.date('start_date', true);
    const endDate = r.date('end_date');
    r.checkOrder(startDate, endDate, 'end_date');
    const detail = r.text('detail');
    const workerName = r.text('worker_name');
    const workerRole = r.text('worker_role');
    const workerTeam = r.text('worker_team');
    const workerPhone = r.text('worker_phone');
    const workerEmail = r.text('worker_email');
    const key = `social_care:episodes:${id}`;
    const recordKey = personKey(personId);
    const records: CanonicalRecord[] = [
      {
        kind: 'event', naturalKey: key, asOf: startDate, recordKey, placeKey: null, type,
        date: startDate, endDate, summary: null, detail: { detail },
      },
    ];
    if (workerName !== null) {
      records.push(
        involvementRecord(`${key}:worker`, startDate, 'social_care', workerRole ?? defaultWorkerRole(type), {
          recordKey, name: workerName, team: workerTeam, phone: workerPhone, email: workerEmail, fromDate: startDate, toDate: endDate,
        }),
      );
    }
    return records;
  },
});
