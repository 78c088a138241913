/**
 * Canonical records: what a connector turns one agency CSV row into.
 * Every record has a natural key that is stable across extracts; the store keeps one
 * version per distinct content of a natural key (history), and marks the newest current.
 * Dates are `YYYY-MM-DD` strings; unknown values are null.
 */

export const SOURCES = ['education', 'housing', 'police', 'social_care', 'health'] as const;
export type Source = (typeof SOURCES)[number];

export type Sex = 'M' | 'F' | 'X' | 'U';

/** One agency's record of a person. `naturalKey` is the record key `source:table:id`. */
export interface MentionRecord {
  kind: 'mention';
  naturalKey: string;
  /** Orders several rows for one key inside one extract (e.g. a pupil's enrolments): latest wins. */
  asOf: string | null;
  surname: string | null;
  forename: string | null;
  middleNames: string | null;
  previousNames: string[];
  aliases: string[];
  dob: string | null;
  sex: Sex;
  /** NHS number without spaces; `nhsNumberValid` false when the modulus-11 check fails. */
  nhsNumber: string | null;
  nhsNumberValid: boolean | null;
  upn: string | null;
  upnValid: boolean | null;
  formerUpn: string | null;
  formerUpnValid: boolean | null;
  pncId: string | null;
  address: string | null;
  /** Normalised (`LE1 1AB`) when valid; as given when not. */
  postcode: string | null;
  postcodeValid: boolean | null;
  uprn: string | null;
}

/** A place a person lived, as one source recorded it. `placeKey` names a tenancy where known. */
export interface ResidenceRecord {
  kind: 'residence';
  naturalKey: string;
  asOf: string | null;
  recordKey: string;
  placeKey: string | null;
  address: string | null;
  postcode: string | null;
  postcodeValid: boolean | null;
  uprn: string | null;
  /** The person's role in the household where the source says (housing: LEAD, JOINT, PARTNER, CHILD, OTHER). */
  role: string | null;
  fromDate: string | null;
  toDate: string | null;
}

/** A dwelling known to an agency (a housing tenancy). */
export interface PlaceRecord {
  kind: 'place';
  naturalKey: string;
  asOf: string | null;
  address: string | null;
  postcode: string | null;
  postcodeValid: boolean | null;
  uprn: string | null;
  fromDate: string | null;
  toDate: string | null;
  endReason: string | null;
}

export type EventDetail = Record<string, string | number | boolean | null>;

/** A dated thing that happened: referral, episode, exclusion, incident, tenancy event, contact. */
export interface EventRecord {
  kind: 'event';
  naturalKey: string;
  asOf: string | null;
  /** The person the event is about, where the source names one. */
  recordKey: string | null;
  /** The tenancy the event is about, where the source names one. */
  placeKey: string | null;
  type: string;
  date: string;
  endDate: string | null;
  summary: string | null;
  detail: EventDetail;
}

/** A person taking part in an event in a role (police incident nominals). */
export interface EventPartyRecord {
  kind: 'event_party';
  naturalKey: string;
  asOf: string | null;
  eventKey: string;
  recordKey: string;
  role: string;
}

/** A practitioner's involvement with a person, a tenancy or an event. */
export interface InvolvementRecord {
  kind: 'involvement';
  naturalKey: string;
  asOf: string | null;
  agency: Source;
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

/** A relationship a source states: `toKey` is the `type` (e.g. MOTHER) of `fromKey`. */
export interface RelationshipRecord {
  kind: 'relationship';
  naturalKey: string;
  asOf: string | null;
  fromKey: string;
  toKey: string;
  type: string;
  detail: EventDetail;
}

export type CanonicalRecord =
  | MentionRecord
  | ResidenceRecord
  | PlaceRecord
  | EventRecord
  | EventPartyRecord
  | InvolvementRecord
  | RelationshipRecord;

export type RecordKind = CanonicalRecord['kind'];
