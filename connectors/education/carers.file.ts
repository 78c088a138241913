import type { Sex } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { mentionRecord } from '../common/records.js';
import { CARER_RELATIONSHIPS } from './education.codes.js';
import { carerKey, pupilKey } from './education.keys.js';

function sexFromRelationship(relationship: string): Sex {
  if (relationship === 'MOTHER') return 'F';
  if (relationship === 'FATHER') return 'M';
  return 'U';
}

/**
 * `carers.csv`: one row per contact per pupil. The carer becomes a mention; the row itself a
 * relationship "carer is the <relationship> of pupil". A blank relationship leaves the row
 * without a relationship type, so it is REQUIRED_MISSING.
 */
export const carersFile = defineFile({
  name: 'carers.csv',
  required: ['contact_id', 'upn'],
  optional: ['surname', 'forename', 'relationship', 'parental_responsibility', 'phone', 'address', 'postcode'],
  read(r) {
    const contactId = r.id('contact_id', true);
    const { upn } = r.upn('upn', true);
    const surname = r.name('surname');
    const forename = r.name('forename');
    const relationship = r.code('relationship', CARER_RELATIONSHIPS, true);
    const parentalResponsibility = r.flag('parental_responsibility');
    const phone = r.text('phone');
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const key = carerKey(contactId);
    return [
      mentionRecord(key, null, { surname, forename, sex: sexFromRelationship(relationship), address, postcode, postcodeValid }),
      {
        kind: 'relationship', naturalKey: `education:carers:${contactId}:${upn}`, asOf: null,
        fromKey: pupilKey(upn), toKey: key, type: relationship, detail: { parentalResponsibility, phone },
      },
    ];
  },
});
