/** Code lists from the education section of the extract specification. */

/** `N` none, `K` SEN support, `E` education, health and care plan. */
export const SEN_CODES = ['N', 'K', 'E'] as const;

export const EXCLUSION_KINDS = ['SUSPENSION', 'PERMANENT'] as const;
export type ExclusionKind = (typeof EXCLUSION_KINDS)[number];

/** The event type each exclusion kind becomes. */
export const EXCLUSION_EVENT_TYPES: Readonly<Record<ExclusionKind, string>> = {
  SUSPENSION: 'SUSPENSION',
  PERMANENT: 'PERMANENT_EXCLUSION',
};

export const CARER_RELATIONSHIPS = ['MOTHER', 'FATHER', 'STEP_PARENT', 'GRANDPARENT', 'CARER', 'OTHER'] as const;
