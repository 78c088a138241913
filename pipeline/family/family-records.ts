/**
 * The rows a family summary is built from, as plain values (camel case, dates `YYYY-MM-DD`).
 * The repository reads them; everything else in `pipeline/family/` is pure over them.
 */
import type { Sex } from '../../schemas/canonical.js';

export interface MentionFact {
  recordKey: string;
  source: string;
  surname: string | null;
  forename: string | null;
  middleNames: string | null;
  previousNames: string[];
  aliases: string[];
  dob: string | null;
  sex: Sex;
  asOf: string | null;
  lastSeenDate: string;
}

export interface ResidenceFact {
  key: string;
  source: string;
  recordKey: string;
  placeKey: string | null;
  address: string | null;
  postcode: string | null;
  uprn: string | null;
  role: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export interface PlaceFact {
  key: string;
  address: string | null;
  postcode: string | null;
  uprn: string | null;
  fromDate: string | null;
  toDate: string | null;
  endReason: string | null;
}

export type EventDetailValue = string | number | boolean | null;

export interface EventFact {
  key: string;
  source: string;
  recordKey: string | null;
  placeKey: string | null;
  type: string;
  date: string;
  endDate: string | null;
  summary: string | null;
  detail: Record<string, unknown>;
}

export interface PartyFact {
  key: string;
  eventKey: string;
  recordKey: string;
  role: string;
}

export interface InvolvementFact {
  key: string;
  agency: string;
  recordKey: string | null;
  placeKey: string | null;
  eventKey: string | null;
  name: string | null;
  role: string;
  team: string | null;
  phone: string | null;
  email: string | null;
  fromDate: string | null;
  toDate: string | null;
}

export interface RelationshipFact {
  key: string;
  source: string;
  fromKey: string;
  toKey: string;
  type: string;
}

/** A relationship row with both ends resolved to people. `to` is the `type` of `from`. */
export interface PersonLink {
  from: string;
  to: string;
  type: string;
  evidence: string;
}
