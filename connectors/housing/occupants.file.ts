import { defineFile } from '../common/define-file.js';
import { mentionRecord } from '../common/records.js';
import { OCCUPANT_ROLES } from './housing.codes.js';
import { occupantKey, tenancyKey } from './housing.keys.js';

/** `occupants.csv`: one row per person per tenancy: a mention and a residence in the tenancy. */
export const occupantsFile = defineFile({
  name: 'occupants.csv',
  required: ['person_ref', 'tenancy_ref'],
  optional: ['surname', 'forename', 'previous_names', 'dob', 'sex', 'role', 'from_date', 'to_date'],
  read(r) {
    const personRef = r.id('person_ref', true);
    const tenancyRef = r.id('tenancy_ref', true);
    const surname = r.name('surname');
    const forename = r.name('forename');
    const previousNames = r.nameList('previous_names');
    const dob = r.date('dob');
    const sex = r.sex('sex');
    const role = r.code('role', OCCUPANT_ROLES);
    const fromDate = r.date('from_date');
    const toDate = r.date('to_date');
    r.checkOrder(fromDate, toDate, 'to_date');
    const key = occupantKey(personRef);
    return [
      mentionRecord(key, fromDate, { surname, forename, previousNames, dob, sex }),
      {
        kind: 'residence', naturalKey: `${key}:${tenancyRef}`, asOf: fromDate, recordKey: key,
        placeKey: tenancyKey(tenancyRef), address: null, postcode: null, postcodeValid: null, uprn: null,
        role, fromDate, toDate,
      },
    ];
  },
});
