import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { involvementRecord, mentionRecord } from '../common/records.js';
import { SEN_CODES } from './education.codes.js';
import { pupilKey } from './education.keys.js';

/** `pupils.csv`: one row per pupil per school enrolment. */
export const pupilsFile = defineFile({
  name: 'pupils.csv',
  required: ['upn', 'surname', 'forename', 'dob', 'school_urn', 'school_name', 'on_roll_from'],
  optional: [
    'former_upn', 'middle_names', 'previous_names', 'sex', 'address', 'postcode', 'uprn',
    'on_roll_to', 'sen', 'fsm', 'dsl_name', 'dsl_phone', 'dsl_email',
  ],
  read(r) {
    const { upn, upnValid } = r.upn('upn', true);
    const former = r.upn('former_upn');
    const surname = r.name('surname', true);
    const forename = r.name('forename', true);
    const middleNames = r.name('middle_names');
    const previousNames = r.nameList('previous_names');
    const dob = r.date('dob', true);
    const sex = r.sex('sex');
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const uprn = r.uprn('uprn');
    const schoolUrn = r.id('school_urn', true);
    const schoolName = r.text('school_name', true);
    const from = r.date('on_roll_from', true);
    const to = r.date('on_roll_to');
    r.checkOrder(from, to, 'on_roll_to');
    const sen = r.code('sen', SEN_CODES);
    const fsm = r.flag('fsm');
    const dslName = r.text('dsl_name');
    const dslPhone = r.text('dsl_phone');
    const dslEmail = r.text('dsl_email');

    const key = pupilKey(upn);
    const enrolment = `${upn}:${schoolUrn}:${from}`;
    const records: CanonicalRecord[] = [
      mentionRecord(key, from, {
        surname, forename, middleNames, previousNames, dob, sex, upn, upnValid,
        formerUpn: former.upn, formerUpnValid: former.upnValid, address, postcode, postcodeValid, uprn,
      }),
    ];
    if (address !== null || postcode !== null || uprn !== null) {
      records.push({
        kind: 'residence', naturalKey: `education:pupils:${enrolment}`, asOf: from, recordKey: key, placeKey: null,
        address, postcode, postcodeValid, uprn, role: null, fromDate: from, toDate: to,
      });
    }
    records.push({
      kind: 'event', naturalKey: `education:enrolments:${enrolment}`, asOf: from, recordKey: key, placeKey: null,
      type: 'SCHOOL_ENROLMENT', date: from, endDate: to, summary: null, detail: { schoolUrn, schoolName, sen, fsm },
    });
    if (dslName !== null) {
      records.push(
        involvementRecord(`education:dsl:${enrolment}`, from, 'education', 'DESIGNATED_SAFEGUARDING_LEAD', {
          recordKey: key, name: dslName, team: schoolName, phone: dslPhone, email: dslEmail, fromDate: from, toDate: to,
        }),
      );
    }
    return records;
  },
});
