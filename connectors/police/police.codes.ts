/** Code lists from the police section of the extract specification. */

export const INCIDENT_CATEGORIES = [
  'DOMESTIC_ABUSE', 'ASB', 'MISSING_PERSON', 'VIOLENCE', 'SEXUAL_OFFENCE', 'DRUGS', 'WEAPONS', 'THEFT',
  'CHILD_CONCERN', 'OTHER',
] as const;

/** DASH risk grading for domestic abuse. */
export const RISK_LEVELS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;

export const NOMINAL_ROLES = ['VICTIM', 'PERPETRATOR', 'SUSPECT', 'WITNESS', 'CHILD_PRESENT', 'MISSING', 'INVOLVED'] as const;
