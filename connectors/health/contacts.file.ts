import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { involvementRecord } from '../common/records.js';
import { CONTACT_TYPES } from './health.codes.js';
import { patientKey } from './health.keys.js';

/**
 * `contacts.csv`: a health contact becomes an event typed by the contact type (a blank type is
 * REQUIRED_MISSING: the event needs a type), its practitioner an involvement.
 */
export const contactsFile = defineFile({
  name: 'contacts.csv',
  required: ['contact_ref', 'nhs_number', 'date'],
  optional: ['type', 'summary', 'practitioner_name', 'practitioner_role', 'practitioner_phone'],
  read(r) {
    const ref = r.id('contact_ref', true);
    const { nhsNumber } = r.nhsNumber('nhs_number', true);
    const date = r.date('date', true);
    const type = r.code('type', CONTACT_TYPES, true);
    const summary = r.text('summary');
    const practitionerName = r.text('practitioner_name');
    const practitionerRole = r.text('practitioner_role');
    const practitionerPhone = r.text('practitioner_phone');
    const key = `health:contacts:${ref}`;
    const recordKey = patientKey(nhsNumber);
    const records: CanonicalRecord[] = [
      { kind: 'event', naturalKey: key, asOf: null, recordKey, placeKey: null, type, date, endDate: null, summary, detail: {} },
    ];
    if (practitionerName !== null) {
      records.push(
        involvementRecord(`${key}:practitioner`, null, 'health', practitionerRole ?? 'HEALTH_PRACTITIONER', {
          recordKey, name: practitionerName, phone: practitionerPhone, fromDate: date, toDate: date,
        }),
      );
    }
    return records;
  },
});
