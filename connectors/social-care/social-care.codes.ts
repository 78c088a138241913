/** Code lists from the social care section of the extract specification. */

export const REFERRAL_SOURCES = ['POLICE', 'SCHOOL', 'HEALTH', 'HOUSING', 'FAMILY', 'SELF', 'OTHER_LA', 'ANONYMOUS', 'OTHER'] as const;

/** Children in Need census categories of need. */
export const NEED_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const;

export const REFERRAL_OUTCOMES = ['NFA', 'EARLY_HELP', 'ASSESSMENT', 'STRATEGY_DISCUSSION'] as const;

export const EPISODE_TYPES = ['EARLY_HELP', 'ASSESSMENT', 'CIN_PLAN', 'CP_PLAN', 'LOOKED_AFTER', 'YOUTH_JUSTICE'] as const;
export type EpisodeType = (typeof EPISODE_TYPES)[number];

export const RELATIONSHIP_TYPES = [
  'MOTHER', 'FATHER', 'STEP_PARENT', 'SIBLING', 'HALF_SIBLING', 'GRANDPARENT', 'PARTNER', 'EX_PARTNER', 'CARER', 'OTHER',
] as const;
