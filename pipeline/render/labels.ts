/**
 * Code words printed as words. Every renderer goes through `label(table, code)`, which falls back
 * to a humanised code ("SOME_NEW_CODE" -> "Some new code") so an unlisted code still reads.
 */
import type { Sex, Source } from '../../schemas/canonical.js';
import type { Consent, Purpose, UserRole } from '../../schemas/summary.schema.js';

export type LabelTable = Readonly<Record<string, string>>;

/** "SOME_NEW_CODE" -> "Some new code"; "early-help" -> "Early help". */
export function humanise(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function label(table: LabelTable, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  return Object.hasOwn(table, code) ? (table[code] ?? humanise(code)) : humanise(code);
}

/** Children in Need census categories of need. */
export const NEED_CODE_LABELS: LabelTable = {
  N1: 'Abuse or neglect',
  N2: "Child's disability or illness",
  N3: 'Parental disability or illness',
  N4: 'Family in acute stress',
  N5: 'Family dysfunction',
  N6: 'Socially unacceptable behaviour',
  N7: 'Low income',
  N8: 'Absent parenting',
  N9: 'Cases other than children in need',
};

/** Event types on the timeline, from every source. */
export const EVENT_TYPE_LABELS: LabelTable = {
  // social care
  REFERRAL: 'Referral to children’s social care',
  EARLY_HELP: 'Early help',
  ASSESSMENT: 'Social work assessment',
  CIN_PLAN: 'Child in need plan',
  CP_PLAN: 'Child protection plan',
  LOOKED_AFTER: 'Looked after (in care)',
  YOUTH_JUSTICE: 'Youth justice order',
  // education
  SCHOOL_ENROLMENT: 'School enrolment',
  ATTENDANCE: 'School attendance',
  SUSPENSION: 'Suspension',
  PERMANENT_EXCLUSION: 'Permanent exclusion',
  // housing
  ASB_REPORT: 'Anti-social behaviour report',
  ASB_WARNING: 'Anti-social behaviour warning',
  ARREARS: 'Rent arrears',
  NOTICE_SEEKING_POSSESSION: 'Notice seeking possession',
  EVICTION: 'Eviction',
  HOMELESS_APPLICATION: 'Homeless application',
  DISREPAIR: 'Disrepair',
  TENANCY_ENDED: 'Tenancy ended',
  // police
  DOMESTIC_ABUSE: 'Domestic abuse incident',
  ASB: 'Anti-social behaviour incident',
  MISSING_PERSON: 'Missing person',
  VIOLENCE: 'Violence',
  SEXUAL_OFFENCE: 'Sexual offence',
  DRUGS: 'Drugs',
  WEAPONS: 'Weapons',
  THEFT: 'Theft',
  CHILD_CONCERN: 'Child concern',
  // health
  HV_VISIT: 'Health visitor contact',
  WAS_NOT_BROUGHT: 'Was not brought',
  A_AND_E: 'Accident and emergency attendance',
  MENTAL_HEALTH: 'Mental health contact',
  MATERNITY: 'Maternity',
  IMMUNISATION_MISSED: 'Immunisation missed',
  OTHER: 'Other',
};

/** Flag codes (the rules in the flag configuration). */
export const FLAG_LABELS: LabelTable = {
  FREQUENT_SCHOOL_MOVES: 'Frequent school moves',
  FREQUENT_ADDRESS_MOVES: 'Frequent address moves',
  NAME_CHANGES: 'Name changes',
  DOMESTIC_ABUSE: 'Domestic abuse',
  DOMESTIC_ABUSE_PERPETRATOR: 'Domestic abuse (perpetrator)',
  DOMESTIC_ABUSE_VICTIM: 'Domestic abuse (victim)',
  DOMESTIC_ABUSE_CHILD_PRESENT: 'Domestic abuse (child present)',
  PERSISTENT_ABSENCE: 'Persistent absence',
  SUSPENSIONS: 'Suspensions',
  PERMANENT_EXCLUSION: 'Permanent exclusion',
  MISSING_EPISODES: 'Missing episodes',
  CHILD_PROTECTION_PLAN: 'Child protection plan',
  CP_PLAN_CURRENT: 'Child protection plan (current)',
  CP_PLAN_PAST: 'Child protection plan (past)',
  LOOKED_AFTER: 'Looked after',
  EVICTION_RISK: 'Eviction risk',
  WAS_NOT_BROUGHT: 'Was not brought',
  POLICE_WEAPONS: 'Known to police: weapons',
  POLICE_DRUGS: 'Known to police: drugs',
  POLICE_SEXUAL_OFFENCES: 'Known to police: sexual offences',
};

/** How a member is related to the subject, and relationship types between members. */
export const RELATIONSHIP_LABELS: LabelTable = {
  SUBJECT: 'Subject',
  MOTHER: 'Mother',
  FATHER: 'Father',
  STEP_PARENT: 'Step-parent',
  PARENT_PARTNER: "Parent's partner",
  PARENT_EX_PARTNER: "Parent's ex-partner",
  CARER: 'Carer',
  SIBLING: 'Sibling',
  HALF_SIBLING: 'Half-sibling',
  STEP_SIBLING: 'Step-sibling',
  GRANDPARENT: 'Grandparent',
  GRANDMOTHER: 'Grandmother',
  GRANDFATHER: 'Grandfather',
  AUNT_UNCLE: 'Aunt or uncle',
  HOUSEHOLD_MEMBER: 'Household member',
  PARTNER: 'Partner',
  EX_PARTNER: 'Ex-partner',
  OTHER: 'Other',
};

/** Practitioner roles. */
export const ROLE_LABELS: LabelTable = {
  SOCIAL_WORKER: 'Social worker',
  EARLY_HELP_PRACTITIONER: 'Early help practitioner',
  YOUTH_JUSTICE_WORKER: 'Youth justice worker',
  DSL: 'Designated safeguarding lead',
  DESIGNATED_SAFEGUARDING_LEAD: 'Designated safeguarding lead',
  HOUSING_OFFICER: 'Housing officer',
  OFFICER_IN_CASE: 'Police officer in the case',
  POLICE_OFFICER: 'Police officer',
  GP: 'GP',
  HEALTH_VISITOR: 'Health visitor',
  SCHOOL_NURSE: 'School nurse',
  MIDWIFE: 'Midwife',
  HEALTH_PRACTITIONER: 'Health practitioner',
};

export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  education: 'Education',
  housing: 'Housing',
  police: 'Police',
  social_care: 'Children’s social care',
  health: 'Health',
};

export const PURPOSE_LABELS: Readonly<Record<Purpose, string>> = {
  'early-help': 'Early help',
  mash: 'Safeguarding (MASH)',
};

export const CONSENT_LABELS: Readonly<Record<Consent, string>> = {
  none: 'No consent',
  verbal: 'Verbal consent',
  written: 'Written consent',
};

export const USER_ROLE_LABELS: Readonly<Record<UserRole, string>> = {
  analyst: 'MASH analyst',
  coordinator: 'Early help hub coordinator',
  admin: 'Administrator',
};

export const SEX_LABELS: Readonly<Record<Sex, string>> = {
  M: 'Male',
  F: 'Female',
  X: 'Other',
  U: 'Unknown',
};

/** Referral details, child protection categories and DASH risk, for summaries built from codes. */
export const REFERRAL_SOURCE_LABELS: LabelTable = {
  POLICE: 'Police',
  SCHOOL: 'School',
  HEALTH: 'Health',
  HOUSING: 'Housing',
  FAMILY: 'Family',
  SELF: 'Self',
  OTHER_LA: 'Another local authority',
  ANONYMOUS: 'Anonymous',
  OTHER: 'Other',
};

export const REFERRAL_OUTCOME_LABELS: LabelTable = {
  NFA: 'No further action',
  EARLY_HELP: 'Early help',
  ASSESSMENT: 'Assessment',
  STRATEGY_DISCUSSION: 'Strategy discussion',
};

export const CP_CATEGORY_LABELS: LabelTable = {
  NEGLECT: 'Neglect',
  PHYSICAL: 'Physical abuse',
  EMOTIONAL: 'Emotional abuse',
  SEXUAL: 'Sexual abuse',
  MULTIPLE: 'Multiple categories',
};

export const RISK_LABELS: LabelTable = {
  STANDARD: 'Standard risk',
  MEDIUM: 'Medium risk',
  HIGH: 'High risk',
};

export const NOMINAL_ROLE_LABELS: LabelTable = {
  VICTIM: 'Victim',
  PERPETRATOR: 'Perpetrator',
  SUSPECT: 'Suspect',
  WITNESS: 'Witness',
  CHILD_PRESENT: 'Child present',
  MISSING: 'Missing',
  INVOLVED: 'Involved',
};

/** Every table, to check label coverage in tests and to let other stages word their summaries. */
export const LABEL_TABLES = {
  needCode: NEED_CODE_LABELS,
  eventType: EVENT_TYPE_LABELS,
  flag: FLAG_LABELS,
  relationship: RELATIONSHIP_LABELS,
  role: ROLE_LABELS,
  referralSource: REFERRAL_SOURCE_LABELS,
  referralOutcome: REFERRAL_OUTCOME_LABELS,
  cpCategory: CP_CATEGORY_LABELS,
  risk: RISK_LABELS,
  nominalRole: NOMINAL_ROLE_LABELS,
} as const;

/**
 * Replaces need codes written after "need" inside a free-text line ("need N1" or "need code: N4"
 * -> "need: Abuse or neglect"), for timeline summaries the assembly wrote with codes in them.
 * A bare `N1` elsewhere is left alone: it may be part of a postcode.
 */
export function wordsForCodes(text: string): string {
  return text.replace(/\b(need(?: code)?)\s*:?\s*(N[1-9])\b/gi, (_m, word: string, code: string) =>
    `${word}: ${NEED_CODE_LABELS[code.toUpperCase()] ?? code}`,
  );
}

/** 2026-03-04 -> "4 Mar 2026" (en-GB, no time zone involved). */
export function formatDate(date: string | null | undefined): string {
  if (date === null || date === undefined || date === '') return 'Unknown';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** Age in whole years on `at` (both YYYY-MM-DD); null when dob is unknown. */
export function ageOn(dob: string | null, at: string): number | null {
  if (dob === null) return null;
  const [by, bm, bd] = dob.split('-').map(Number);
  const [ay, am, ad] = at.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || ay === undefined || am === undefined || ad === undefined) return null;
  let age = ay - by;
  if (am < bm || (am === bm && ad < bd)) age -= 1;
  return age;
}

/** "1 year", "3 years", "8 months" (under a year, counted in months). */
export function formatAge(dob: string | null, at: string): string {
  const years = ageOn(dob, at);
  if (years === null || dob === null) return 'age unknown';
  if (years >= 1) return `${years} year${years === 1 ? '' : 's'}`;
  const [by, bm, bd] = dob.split('-').map(Number);
  const [ay, am, ad] = at.split('-').map(Number);
  let months = ((ay ?? 0) - (by ?? 0)) * 12 + ((am ?? 0) - (bm ?? 0));
  if ((ad ?? 0) < (bd ?? 0)) months -= 1;
  if (months < 0) return 'not yet born';
  return `${months} month${months === 1 ? '' : 's'}`;
}
