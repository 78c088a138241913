import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { mentionRecord } from '../common/records.js';
import { personKey } from './social-care.keys.js';

/** `people.csv`: children and adults known to children's social care. */
export const peopleFile = defineFile({
  name: 'people.csv',
  required: ['person_id'],
  optional: ['surname', 'forename', 'previous_names', 'dob', 'sex', 'nhs_number', 'upn', 'address', 'postcode', 'uprn'],
  read(r) {
    const id = r.id('person_id', true);
    const surname = r.name('surname');
    const forename = r.name('forename');
    const previousNames = r.nameList('previous_names');
    const dob = r.date('dob');
    const sex = r.sex('sex');
    const { nhsNumber, nhsNumberValid } = r.nhsNumber('nhs_number');
    const { upn, upnValid } = r.upn('upn');
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const uprn = r.uprn('uprn');
    const key = personKey(id);
    const records: CanonicalRecord[] = [
      mentionRecord(key, null, {
        surname, forename, previousNames, dob, sex, nhsNumber, nhsNumberValid, upn, upnValid, address, postcode, postcodeValid, uprn,
      }),
    ];
    if (address !== null || postcode !== null || uprn !== null) {
      records.push({
        kind: 'residence', naturalKey: `${key}:residence`, asOf: null, recordKey: key, placeKey: null,
        address, postcode, postcodeValid, uprn, role: null, fromDate: null, toDate: null,
      });
    }
    return records;
  },
});
