/** Code lists from the health section of the extract specification. */

export const CONTACT_TYPES = [
  'HV_VISIT', 'WAS_NOT_BROUGHT', 'A_AND_E', 'MENTAL_HEALTH', 'MATERNITY', 'IMMUNISATION_MISSED', 'OTHER',
] as const;
