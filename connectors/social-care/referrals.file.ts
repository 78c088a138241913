import { defineFile } from '../common/define-file.js';
import { NEED_CODES, REFERRAL_OUTCOMES, REFERRAL_SOURCES } from './social-care.codes.js';
import { personKey } from './social-care.keys.js';

/** `referrals.csv`: one REFERRAL event per referral. */
export const referralsFile = defineFile({
  name: 'referrals.csv',
  required: ['referral_id', 'person_id', 'date'],
  optional: ['source', 'need_code', 'outcome'],
  read(r) {
    const id = r.id('referral_id', true);
    const personId = r.id('person_id', true);
    const date = r.date('date', true);
    const referralSource = r.code('source', REFERRAL_SOURCES);
    const needCode = r.code('need_code', NEED_CODES);
    const outcome = r.code('outcome', REFERRAL_OUTCOMES);
    return [
      {
        kind: 'event', naturalKey: `social_care:referrals:${id}`, asOf: null, recordKey: personKey(personId), placeKey: null,
        type: 'REFERRAL', date, endDate: null, summary: null, detail: { referralSource, needCode, outcome },
      },
    ];
  },
});
