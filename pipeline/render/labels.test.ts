import { EXCLUSION_EVENT_TYPES } from '../../connectors/education/education.codes.js';
import { CONTACT_TYPES } from '../../connectors/health/health.codes.js';
import { HOUSING_EVENT_TYPES } from '../../connectors/housing/housing.codes.js';
import { INCIDENT_CATEGORIES } from '../../connectors/police/police.codes.js';
import { EPISODE_TYPES, NEED_CODES, RELATIONSHIP_TYPES } from '../../connectors/social-care/social-care.codes.js';
import { RELATIONSHIPS_TO_SUBJECT } from '../../schemas/summary.schema.js';
import {
  EVENT_TYPE_LABELS,
  NEED_CODE_LABELS,
  RELATIONSHIP_LABELS,
  formatAge,
  formatDate,
  humanise,
  label,
  wordsForCodes,
} from './labels.js';

describe('labels', () => {
  it('prints the Children in Need need codes as words', () => {
    expect(NEED_CODES.map((c) => label(NEED_CODE_LABELS, c))).toEqual([
      'Abuse or neglect',
      "Child's disability or illness",
      'Parental disability or illness',
      'Family in acute stress',
      'Family dysfunction',
      'Socially unacceptable behaviour',
      'Low income',
      'Absent parenting',
      'Cases other than children in need',
    ]);
  });

  it('has a label for every event type the connectors produce', () => {
    const types = [
      ...EPISODE_TYPES, ...CONTACT_TYPES, ...HOUSING_EVENT_TYPES, ...INCIDENT_CATEGORIES,
      ...Object.values(EXCLUSION_EVENT_TYPES), 'REFERRAL', 'SCHOOL_ENROLMENT', 'ATTENDANCE', 'TENANCY_ENDED',
    ];
    expect(types.filter((t) => !Object.hasOwn(EVENT_TYPE_LABELS, t))).toEqual([]);
    expect(label(EVENT_TYPE_LABELS, 'CP_PLAN')).toBe('Child protection plan');
    expect(label(EVENT_TYPE_LABELS, 'WAS_NOT_BROUGHT')).toBe('Was not brought');
  });

  it('has a label for every relationship code', () => {
    const codes = [...RELATIONSHIP_TYPES, ...RELATIONSHIPS_TO_SUBJECT];
    expect(codes.filter((c) => !Object.hasOwn(RELATIONSHIP_LABELS, c))).toEqual([]);
  });

  it('humanises a code nobody listed', () => {
    expect(humanise('SOME_NEW_CODE')).toBe('Some new code');
    expect(label(EVENT_TYPE_LABELS, 'COURT_ORDER')).toBe('Court order');
    expect(label(EVENT_TYPE_LABELS, null)).toBe('');
    expect(label(EVENT_TYPE_LABELS, 'toString')).toBe('Tostring');
  });

  it('replaces need codes after "need", not bare codes that may be postcodes', () => {
    expect(wordsForCodes('Referral from police; need N1; outcome: NFA')).toBe('Referral from police; need: Abuse or neglect; outcome: NFA');
    expect(wordsForCodes('need code: N4')).toBe('need code: Family in acute stress');
    expect(wordsForCodes('Moved to N1 9GU')).toBe('Moved to N1 9GU');
  });

  it('formats dates and ages without time zones', () => {
    expect(formatDate('2026-03-04')).toBe('4 Mar 2026');
    expect(formatDate(null)).toBe('Unknown');
    expect(formatAge('2025-08-14', '2026-11-22')).toBe('1 year');
    expect(formatAge('2026-03-30', '2026-11-22')).toBe('7 months');
    expect(formatAge('1998-03-02', '2026-03-01')).toBe('27 years');
    expect(formatAge(null, '2026-11-22')).toBe('age unknown');
  });
});
