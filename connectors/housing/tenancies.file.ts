import type { CanonicalRecord } from '../../schemas/canonical.js';
import { defineFile } from '../common/define-file.js';
import { involvementRecord } from '../common/records.js';
import { END_REASONS } from './housing.codes.js';
import { tenancyKey } from './housing.keys.js';

/** `tenancies.csv`: a tenancy becomes a place, its officer an involvement, its end an event. */
export const tenanciesFile = defineFile({
  name: 'tenancies.csv',
  required: ['tenancy_ref', 'start_date'],
  optional: ['address', 'postcode', 'uprn', 'end_date', 'end_reason', 'officer_name', 'officer_phone', 'officer_email'],
  read(r) {
    const ref = r.id('tenancy_ref', true);
    const address = r.text('address');
    const { postcode, postcodeValid } = r.postcode('postcode');
    const uprn = r.uprn('uprn');
    const startDate = r.date('start_date', true);
    const endDate = r.date('end_date');
    r.checkOrder(startDate, endDate, 'end_date');
    const endReason = r.code('end_reason', END_REASONS);
    const officerName = r.text('officer_name');
    const officerPhone = r.text('officer_phone');
    const officerEmail = r.text('officer_email');

    const key = tenancyKey(ref);
    const records: CanonicalRecord[] = [
      {
        kind: 'place', naturalKey: key, asOf: startDate, address, postcode, postcodeValid, uprn,
        fromDate: startDate, toDate: endDate, endReason,
      },
    ];
    if (officerName !== null) {
      records.push(
        involvementRecord(`housing:officers:${ref}`, startDate, 'housing', 'HOUSING_OFFICER', {
          placeKey: key, name: officerName, phone: officerPhone, email: officerEmail, fromDate: startDate, toDate: endDate,
        }),
      );
    }
    if (endDate !== null) {
      records.push({
        kind: 'event', naturalKey: `${key}:end`, asOf: startDate, recordKey: null, placeKey: key,
        type: 'TENANCY_ENDED', date: endDate, endDate: null, summary: null, detail: { endReason },
      });
    }
    return records;
  },
});
