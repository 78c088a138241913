import { defineFile } from '../common/define-file.js';
import { mentionRecord } from '../common/records.js';
import { nominalKey } from './police.keys.js';

/** `nominals.csv`: people known to police. */
export const nominalsFile = defineFile({
  name: 'nominals.csv',
  required: ['nominal_id'],
  optional: ['surname', 'forename', 'aliases', 'dob', 'sex', 'address', 'postcode', 'pnc_id'],
  read(r) {
    const id = r.id('nominal_id', true);
    const surname = r.name('surname');
    const forename = r.name('forename');
    const aliases = r.nameList('aliases');
    const dob = r.date('dob');
    const sex = r.sex('sex');
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const pncId = r.text('pnc_id');
    return [mentionRecord(nominalKey(id), null, { surname, forename, aliases, dob, sex, pncId, address, postcode, postcodeValid })];
  },
});
