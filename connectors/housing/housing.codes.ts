/** Code lists from the housing section of the extract specification. */

export const END_REASONS = ['EVICTION', 'ABANDONED', 'TRANSFER', 'SURRENDER', 'DECEASED'] as const;

export const OCCUPANT_ROLES = ['LEAD', 'JOINT', 'PARTNER', 'CHILD', 'OTHER'] as const;

export const HOUSING_EVENT_TYPES = [
  'ASB_REPORT', 'ASB_WARNING', 'ARREARS', 'NOTICE_SEEKING_POSSESSION', 'EVICTION', 'HOMELESS_APPLICATION', 'DISREPAIR',
] as const;
