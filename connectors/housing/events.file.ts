import { defineFile } from '../common/define-file.js';
import { HOUSING_EVENT_TYPES } from './housing.codes.js';
import { occupantKey, tenancyKey } from './housing.keys.js';

/** `events.csv`: tenancy events. A blank `type` leaves the event without a type: REQUIRED_MISSING. */
export const housingEventsFile = defineFile({
  name: 'events.csv',
  required: ['event_ref', 'date'],
  optional: ['tenancy_ref', 'person_ref', 'type', 'summary', 'officer_name'],
  read(r) {
    const ref = r.id('event_ref', true);
    const tenancyRef = r.id('tenancy_ref');
    const personRef = r.id('person_ref');
    const date = r.date('date', true);
    const type = r.code('type', HOUSING_EVENT_TYPES, true);
    const summary = r.text('summary');
    const officerName = r.text('officer_name');
    return [
      {
        kind: 'event', naturalKey: `housing:events:${ref}`, asOf: null,
        recordKey: personRef === null ? null : occupantKey(personRef),
        placeKey: tenancyRef === null ? null : tenancyKey(tenancyRef),
        type, date, endDate: null, summary, detail: { officerName },
      },
    ];
  },
});
