import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import type { RowReader } from '../common/row-reader.js';
import { involvementRecord, mentionRecord } from '../common/records.js';
import { patientKey } from './health.keys.js';

/** The practitioners a patient row names: column prefix, key suffix, role. */
const PRACTITIONERS = [
  { prefix: 'gp', suffix: 'gp', role: 'GP' },
  { prefix: 'health_visitor', suffix: 'health_visitor', role: 'HEALTH_VISITOR' },
  { prefix: 'school_nurse', suffix: 'school_nurse', role: 'SCHOOL_NURSE' },
] as const;

function practitioners(r: RowReader, key: string): CanonicalRecord[] {
  const gpPractice = r.text('gp_practice');
  const records: CanonicalRecord[] = [];
  for (const { prefix, suffix, role } of PRACTITIONERS) {
    const name = r.text(`${prefix}_name`);
    const phone = r.text(`${prefix}_phone`);
    if (name === null) continue;
    records.push(
      involvementRecord(`${key}:${suffix}`, null, 'health', role, {
        recordKey: key, name, phone, team: role === 'GP' ? gpPractice : null,
      }),
    );
  }
  return records;
}

/** `patients.csv`: a patient mention and their GP, health visitor and school nurse. */
export const patientsFile = defineFile({
  name: 'patients.csv',
  required: ['nhs_number'],
  optional: [
    'surname', 'forename', 'previous_names', 'dob', 'sex', 'address', 'postcode', 'gp_practice', 'gp_name', 'gp_phone',
    'health_visitor_name', 'health_visitor_phone', 'school_nurse_name', 'school_nurse_phone',
  ],
  read(r) {
    const { nhsNumber, nhsNumberValid } = r.nhsNumber('nhs_number', true);
    const surname = r.name('surname');
    const forename = r.name('forename');
    const previousNames = r.nameList('previous_names');
    const dob = r.date('dob');
    const sex = r.sex('sex');
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const key = patientKey(nhsNumber);
    return [
      mentionRecord(key, null, { surname, forename, previousNames, dob, sex, nhsNumber, nhsNumberValid, address, postcode, postcodeValid }),
      ...practitioners(r, key),
    ];
  },
});
