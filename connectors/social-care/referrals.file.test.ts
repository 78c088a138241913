import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { referralsFile } from './referrals.file.js';
import { NEED_CODES, REFERRAL_OUTCOMES, REFERRAL_SOURCES } from './social-care.codes.js';

const row = { referral_id: 'R1', person_id: 'SC1', date: '10/10/2023', source: 'school', need_code: 'n1', outcome: 'assessment' };

describe('referrals.csv', () => {
  it('turns a row into a REFERRAL event', () => {
    expect(parseGood(referralsFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'social_care:referrals:R1', asOf: null, recordKey: 'social_care:people:SC1', placeKey: null,
        type: 'REFERRAL', date: '2023-10-10', endDate: null, summary: null,
        detail: { referralSource: 'SCHOOL', needCode: 'N1', outcome: 'ASSESSMENT' },
      },
    ]);
  });

  it('requires referral_id, person_id and date', () => {
    expectRequiredColumns(referralsFile, row, ['referral_id', 'person_id', 'date']);
    expect(parseGood(referralsFile, { ...row, source: '', need_code: '', outcome: '' }).records[0]).toMatchObject({
      detail: { referralSource: null, needCode: null, outcome: null },
    });
  });

  it('accepts every source, need code and outcome and rejects others', () => {
    const detail = (key: string) => (r: Parameters<Parameters<typeof expectCodeList>[4]>[0]) =>
      r.records[0]?.kind === 'event' ? r.records[0].detail[key] : undefined;
    expectCodeList(referralsFile, row, 'source', REFERRAL_SOURCES, detail('referralSource'));
    expectCodeList(referralsFile, row, 'need_code', NEED_CODES, detail('needCode'));
    expectCodeList(referralsFile, row, 'outcome', REFERRAL_OUTCOMES, detail('outcome'));
    expect(NEED_CODES).toHaveLength(9);
    expect(referralsFile.parseRow({ ...row, need_code: 'N10' })).toEqual({ ok: false, column: 'need_code', reason: 'INVALID_CODE' });
  });
});
