import { defineFile } from '../common/define-file.js';
import { RELATIONSHIP_TYPES } from './social-care.codes.js';
import { personKey } from './social-care.keys.js';

/** `relationships.csv`: "related person is the <relationship> of person". */
export const relationshipsFile = defineFile({
  name: 'relationships.csv',
  required: ['person_id', 'related_person_id', 'relationship'],
  optional: [],
  read(r) {
    const personId = r.id('person_id', true);
    const relatedId = r.id('related_person_id', true);
    const type = r.code('relationship', RELATIONSHIP_TYPES, true);
    return [
      {
        kind: 'relationship', naturalKey: `social_care:relationships:${personId}:${relatedId}:${type}`, asOf: null,
        fromKey: personKey(personId), toKey: personKey(relatedId), type, detail: {},
      },
    ];
  },
});
