import { defineFile } from '../common/define-file.js';
import { NOMINAL_ROLES } from './police.codes.js';
import { incidentKey, nominalKey } from './police.keys.js';

/** `incident_nominals.csv`: who took part in an incident, in what role. */
export const incidentNominalsFile = defineFile({
  name: 'incident_nominals.csv',
  required: ['incident_ref', 'nominal_id', 'role'],
  optional: [],
  read(r) {
    const ref = r.id('incident_ref', true);
    const nominalId = r.id('nominal_id', true);
    const role = r.code('role', NOMINAL_ROLES, true);
    const key = incidentKey(ref);
    return [
      { kind: 'event_party', naturalKey: `${key}:${nominalId}:${role}`, asOf: null, eventKey: key, recordKey: nominalKey(nominalId), role },
    ];
  },
});
