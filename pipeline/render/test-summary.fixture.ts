/**
 * A hand-built family summary for the renderer tests: the refuge case of ../shared/domain.md.
 *
 * Ruby (1) and her half-brother Tyler (4) came with their mother Chloe to a refuge in the county.
 * Ruby's father Dean never lived at the children's address here, but police hold three domestic
 * abuse incidents (two high risk, children present) and weapons, drugs and sexual offence
 * records for him. Health visitors recorded missed contacts. Chloe's mother Maureen is known to
 * social care as a possible connected carer; Chloe's father Patrick has died. Tyler's father is
 * not recorded anywhere. A MASH trawl under section 47: housing is withheld (the local data
 * sharing agreement does not cover the housing provider), education was searched and holds no
 * record (neither child is at school). All names, numbers and references are invented.
 */
import type { FamilySummary } from '../../schemas/summary.schema.js';

export const RUBY = 'person-40117';
export const TYLER = 'person-40118';
export const CHLOE = 'person-31502';
export const DEAN = 'person-27764';
export const MAUREEN = 'person-11930';
export const PATRICK = 'person-11931';

const testSummary: FamilySummary = {
  subject: { personId: RUBY, name: 'Ruby Marsh', dob: '2025-08-14' },
  purpose: 'mash',
  consent: 'none',
  lawfulBasis: 'Children Act 1989 section 47: enquiry into likely significant harm (strategy discussion 21 Nov 2026)',
  requester: { name: 'Amira Okafor', role: 'analyst' },
  generatedAt: '2026-11-22T09:14:00Z',
  window: { from: '2021-11-22', to: '2026-11-22' },
  sources: {
    included: ['social_care', 'police', 'health', 'education'],
    withheld: [
      { source: 'housing', reason: 'The local data sharing agreement does not cover the housing provider for MASH trawls' },
    ],
    freshness: [
      { source: 'social_care', latestExtractDate: '2026-11-21' },
      { source: 'police', latestExtractDate: '2026-11-21' },
      { source: 'health', latestExtractDate: '2026-11-07' },
      { source: 'education', latestExtractDate: '2026-11-20' },
    ],
    searchedNoRecord: ['education'],
  },
  members: [
    {
      personId: RUBY,
      name: 'Ruby Marsh',
      dob: '2025-08-14',
      sex: 'F',
      relationshipToSubject: 'SUBJECT',
      recordKeys: ['social_care:people:SC-90112', 'health:patients:4857773456', 'police:nominals:PN-31877'],
      flags: ['DOMESTIC_ABUSE', 'WAS_NOT_BROUGHT', 'CHILD_PROTECTION_PLAN'],
      household: true,
    },
    {
      personId: CHLOE,
      name: 'Chloe Brennan',
      dob: '1998-03-02',
      sex: 'F',
      relationshipToSubject: 'MOTHER',
      recordKeys: ['social_care:people:SC-88001', 'health:patients:4857773391', 'police:nominals:PN-20432'],
      flags: ['DOMESTIC_ABUSE'],
      household: true,
      previousNames: ['Chloe Marsh'],
    },
    {
      personId: TYLER,
      name: 'Tyler Brennan',
      dob: '2022-04-10',
      sex: 'M',
      relationshipToSubject: 'HALF_SIBLING',
      recordKeys: ['social_care:people:SC-90113', 'health:patients:4857773412', 'police:nominals:PN-31878'],
      flags: ['DOMESTIC_ABUSE', 'CHILD_PROTECTION_PLAN'],
      household: true,
    },
    {
      personId: DEAN,
      name: 'Dean Marsh',
      dob: '1994-06-19',
      sex: 'M',
      relationshipToSubject: 'FATHER',
      recordKeys: ['police:nominals:PN-20431', 'social_care:people:SC-88002'],
      flags: ['DOMESTIC_ABUSE'],
      household: false,
      previousNames: ['Dean Marshall'],
    },
    {
      personId: MAUREEN,
      name: 'Maureen Brennan',
      dob: '1970-11-30',
      sex: 'F',
      relationshipToSubject: 'GRANDMOTHER',
      recordKeys: ['social_care:people:SC-77102'],
      flags: [],
      household: false,
    },
    {
      personId: PATRICK,
      name: 'Patrick Brennan',
      dob: '1966-01-12',
      sex: 'M',
      relationshipToSubject: 'GRANDFATHER',
      recordKeys: ['social_care:people:SC-55120'],
      flags: [],
      household: false,
      deceased: true,
    },
  ],
  relationships: [
    { from: RUBY, to: CHLOE, type: 'MOTHER', evidence: ['social_care:relationships:SC-90112:SC-88001:MOTHER'] },
    { from: RUBY, to: DEAN, type: 'FATHER', evidence: ['social_care:relationships:SC-90112:SC-88002:FATHER'] },
    { from: TYLER, to: CHLOE, type: 'MOTHER', evidence: ['social_care:relationships:SC-90113:SC-88001:MOTHER'] },
    { from: RUBY, to: TYLER, type: 'HALF_SIBLING', evidence: ['social_care:relationships:SC-90112:SC-90113:HALF_SIBLING'] },
    { from: CHLOE, to: DEAN, type: 'EX_PARTNER', evidence: ['social_care:relationships:SC-88001:SC-88002:EX_PARTNER'] },
    { from: CHLOE, to: MAUREEN, type: 'MOTHER', evidence: ['social_care:relationships:SC-88001:SC-77102:MOTHER'] },
    { from: CHLOE, to: PATRICK, type: 'FATHER', evidence: ['social_care:relationships:SC-88001:SC-55120:FATHER'] },
    { from: MAUREEN, to: PATRICK, type: 'PARTNER', evidence: ['social_care:relationships:SC-77102:SC-55120:PARTNER'] },
  ],
  timeline: [
    { date: '2022-05-03', personId: TYLER, source: 'health', type: 'HV_VISIT', summary: 'New birth visit; seen with mother, no concerns recorded', recordKey: 'health:contacts:HC-220503-01' },
    { date: '2022-09-14', personId: DEAN, source: 'police', type: 'SEXUAL_OFFENCE', summary: 'Named as suspect; no further action', recordKey: 'police:incidents:INC-22-08817' },
    { date: '2023-03-05', personId: DEAN, source: 'police', type: 'DRUGS', summary: 'Arrested for possession with intent to supply', recordKey: 'police:incidents:INC-23-02291' },
    { date: '2024-07-19', personId: DEAN, source: 'police', type: 'WEAPONS', summary: 'Found carrying a bladed article in a public place', recordKey: 'police:incidents:INC-24-06120' },
    { date: '2025-08-15', personId: RUBY, source: 'health', type: 'MATERNITY', summary: 'Birth notification; mother discharged after one day', recordKey: 'health:contacts:HC-250815-02' },
    { date: '2025-10-03', personId: CHLOE, source: 'police', type: 'DOMESTIC_ABUSE', summary: 'Verbal argument reported by neighbour; medium risk (DASH); Dean Marsh perpetrator', recordKey: 'police:incidents:INC-25-09314' },
    { date: '2025-11-20', personId: RUBY, source: 'health', type: 'WAS_NOT_BROUGHT', summary: '12-week check: not brought', recordKey: 'health:contacts:HC-251120-07' },
    { date: '2026-01-08', personId: RUBY, source: 'health', type: 'HV_VISIT', summary: 'Health visitor could not see the child; mother said she was asleep upstairs', recordKey: 'health:contacts:HC-260108-03' },
    { date: '2026-02-14', personId: CHLOE, source: 'police', type: 'DOMESTIC_ABUSE', summary: 'Assault on mother; both children present; high risk (DASH); Operation Encompass not applicable (no school)', recordKey: 'police:incidents:INC-26-01422' },
    { date: '2026-02-16', personId: RUBY, source: 'social_care', type: 'REFERRAL', summary: 'Referral from police; need N1; outcome: assessment', recordKey: 'social_care:referrals:RF-26-0388' },
    { date: '2026-02-20', personId: RUBY, source: 'social_care', type: 'ASSESSMENT', summary: 'Social work assessment; closed 2 Apr 2026 to child in need plan', recordKey: 'social_care:episodes:EP-26-1021', endDate: '2026-04-02' },
    { date: '2026-03-02', personId: RUBY, source: 'health', type: 'WAS_NOT_BROUGHT', summary: '6-month review: not brought', recordKey: 'health:contacts:HC-260302-11' },
    { date: '2026-04-02', personId: RUBY, source: 'social_care', type: 'CIN_PLAN', summary: 'Child in need plan; ended when the family moved out of the area', recordKey: 'social_care:episodes:EP-26-1187', endDate: '2026-08-30' },
    { date: '2026-09-28', personId: CHLOE, source: 'police', type: 'DOMESTIC_ABUSE', summary: 'Threats with a knife; both children present; high risk (DASH); mother and children moved to a refuge', recordKey: 'police:incidents:INC-26-08840' },
    { date: '2026-10-01', personId: RUBY, source: 'social_care', type: 'REFERRAL', summary: 'Referral from another local authority; need code N4; outcome: strategy discussion', recordKey: 'social_care:referrals:RF-26-1502' },
    { date: '2026-10-07', personId: RUBY, source: 'health', type: 'HV_VISIT', summary: 'Transfer-in contact; child seen with mother', recordKey: 'health:contacts:HC-261007-04' },
    { date: '2026-10-20', personId: RUBY, source: 'social_care', type: 'CP_PLAN', summary: 'Child protection plan, category emotional abuse', recordKey: 'social_care:episodes:EP-26-1733', endDate: null },
    { date: '2026-10-20', personId: TYLER, source: 'social_care', type: 'CP_PLAN', summary: 'Child protection plan, category emotional abuse', recordKey: 'social_care:episodes:EP-26-1734', endDate: null },
    { date: '2026-11-05', personId: RUBY, source: 'health', type: 'IMMUNISATION_MISSED', summary: '12-month immunisations: not brought', recordKey: 'health:contacts:HC-261105-09' },
  ],
  practitioners: [
    {
      name: 'Priya Shah', role: 'SOCIAL_WORKER', agency: 'social_care', team: 'Family Safeguarding Team (North)',
      phone: '0116 496 0123', email: 'priya.shah@county.example.gov.uk', current: true, lastInvolvement: '2026-11-18',
      personIds: [RUBY, TYLER, CHLOE],
    },
    {
      name: "Sarah O'Neill", role: 'HEALTH_VISITOR', agency: 'health', team: '0-19 Healthy Child Programme',
      phone: '0116 496 0456', email: null, current: true, lastInvolvement: '2026-11-05', personIds: [RUBY, TYLER],
    },
    {
      name: 'Dr Amir Haddad', role: 'GP', agency: 'health', team: 'Westfield Medical Centre',
      phone: '0116 496 0789', email: null, current: true, lastInvolvement: '2026-10-12', personIds: [RUBY, TYLER, CHLOE],
    },
    {
      name: 'DC Mark Elliott', role: 'OFFICER_IN_CASE', agency: 'police', team: 'Domestic Abuse Investigation Unit',
      phone: '0116 496 0321', email: 'mark.elliott@police.example.uk', current: true, lastInvolvement: '2026-09-28',
      personIds: [DEAN, CHLOE, RUBY, TYLER],
    },
    {
      name: 'PC Joanne Reid', role: 'POLICE_OFFICER', agency: 'police', team: null,
      phone: null, email: 'joanne.reid@police.example.uk', current: false, lastInvolvement: '2026-02-14',
      personIds: [DEAN, CHLOE],
    },
  ],
  flags: [
    {
      code: 'DOMESTIC_ABUSE', personId: RUBY,
      description: 'Present at 2 domestic abuse incidents in the last 12 months, both high risk',
      evidence: ['police:incidents:INC-26-01422', 'police:incidents:INC-26-08840'],
    },
    {
      code: 'WAS_NOT_BROUGHT', personId: RUBY,
      description: '3 health appointments not brought in the last 12 months (threshold 2)',
      evidence: ['health:contacts:HC-251120-07', 'health:contacts:HC-260302-11', 'health:contacts:HC-261105-09'],
    },
    {
      code: 'CHILD_PROTECTION_PLAN', personId: RUBY,
      description: 'Current child protection plan since 20 Oct 2026 (emotional abuse)',
      evidence: ['social_care:episodes:EP-26-1733'],
    },
    {
      code: 'DOMESTIC_ABUSE', personId: CHLOE,
      description: 'Victim in 3 domestic abuse incidents, 2 high risk',
      evidence: ['police:incidents:INC-25-09314', 'police:incidents:INC-26-01422', 'police:incidents:INC-26-08840'],
    },
    {
      code: 'DOMESTIC_ABUSE', personId: TYLER,
      description: 'Present at 2 domestic abuse incidents in the last 12 months, both high risk',
      evidence: ['police:incidents:INC-26-01422', 'police:incidents:INC-26-08840'],
    },
    {
      code: 'CHILD_PROTECTION_PLAN', personId: TYLER,
      description: 'Current child protection plan since 20 Oct 2026 (emotional abuse)',
      evidence: ['social_care:episodes:EP-26-1734'],
    },
    {
      code: 'DOMESTIC_ABUSE', personId: DEAN,
      description: 'Perpetrator in 3 domestic abuse incidents, children present in 2',
      evidence: ['police:incidents:INC-25-09314', 'police:incidents:INC-26-01422', 'police:incidents:INC-26-08840'],
    },
  ],
};

/** A fresh deep copy each call, so a test may change it freely. */
export function makeTestSummary(): FamilySummary {
  return structuredClone(testSummary);
}
