import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { involvementRecord } from '../common/records.js';
import { INCIDENT_CATEGORIES, RISK_LEVELS } from './police.codes.js';
import { incidentKey } from './police.keys.js';

/**
 * `incidents.csv`: an incident becomes an event typed by its category (a blank category is
 * REQUIRED_MISSING: the event needs a type), its officer an involvement.
 */
export const incidentsFile = defineFile({
  name: 'incidents.csv',
  required: ['incident_ref', 'date'],
  optional: ['category', 'postcode', 'summary', 'risk', 'officer_name', 'officer_id', 'officer_email'],
  read(r) {
    const ref = r.id('incident_ref', true);
    const date = r.date('date', true);
    const category = r.code('category', INCIDENT_CATEGORIES, true);
    const { postcode } = r.postcode('postcode');
    const summary = r.text('summary');
    const risk = r.code('risk', RISK_LEVELS);
    const officerName = r.text('officer_name');
    const officerEmail = r.text('officer_email');
    const key = incidentKey(ref);
    const records: CanonicalRecord[] = [
      {
        kind: 'event', naturalKey: key, asOf: null, recordKey: null, placeKey: null, type: category,
        date, endDate: null, summary, detail: { risk, postcode },
      },
    ];
    if (officerName !== null) {
      records.push(
        involvementRecord(`${key}:officer`, null, 'police', 'OFFICER_IN_CASE', {
          eventKey: key, name: officerName, email: officerEmail, fromDate: date, toDate: date,
        }),
      );
    }
    return records;
  },
});
