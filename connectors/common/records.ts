import type { InvolvementRecord, MentionRecord, Source } from '../../schemas/canonical.js';

type MentionFields = Partial<Omit<MentionRecord, 'kind' | 'naturalKey' | 'asOf'>>;

/** A mention with every field unknown except those given. */
export function mentionRecord(naturalKey: string, asOf: string | null, fields: MentionFields): MentionRecord {
  return {
    kind: 'mention',
    naturalKey,
    asOf,
    surname: null,
    forename: null,
    middleNames: null,
    previousNames: [],
    aliases: [],
    dob: null,
    sex: 'U',
    nhsNumber: null,
    nhsNumberValid: null,
    upn: null,
    upnValid: null,
    formerUpn: null,
    formerUpnValid: null,
    pncId: null,
    address: null,
    postcode: null,
    postcodeValid: null,
    uprn: null,
    ...fields,
  };
}

type InvolvementFields = Partial<Omit<InvolvementRecord, 'kind' | 'naturalKey' | 'asOf' | 'agency' | 'role'>>;

/** A practitioner's involvement with every link and contact detail unknown except those given. */
export function involvementRecord(
  naturalKey: string,
  asOf: string | null,
  agency: Source,
  role: string,
  fields: InvolvementFields,
): InvolvementRecord {
  return {
    kind: 'involvement',
    naturalKey,
    asOf,
    agency,
    recordKey: null,
    placeKey: null,
    eventKey: null,
    name: null,
    role,
    team: null,
    phone: null,
    email: null,
    fromDate: null,
    toDate: null,
    ...fields,
  };
}
