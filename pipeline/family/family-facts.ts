/** Everything the timeline, practitioner and flag rules read, already limited to the trawl's scope. */
import type { Sex } from '../../schemas/canonical.js';
import type { EventFact, InvolvementFact, MentionFact, PartyFact, PlaceFact, ResidenceFact } from './family-records.js';
import type { Window } from './household.js';

export interface MemberFacts {
  personId: string;
  name: string;
  dob: string | null;
  sex: Sex;
  relationshipToSubject: string;
  /** Record keys the trawl may show, from included sources only. */
  recordKeys: string[];
}

export interface FamilyFacts {
  subject: string;
  window: Window;
  /** The day the summary is made (open involvements are current on it). */
  today: string;
  members: MemberFacts[];
  /** Member record key -> person id. */
  personOfKey: ReadonlyMap<string, string>;
  mentions: readonly MentionFact[];
  /** Events of the members from included sources and types, at any date. */
  events: readonly EventFact[];
  /** Parties of those events (any person; only members' rows carry a person id). */
  parties: readonly PartyFact[];
  residences: readonly ResidenceFact[];
  places: ReadonlyMap<string, PlaceFact>;
  involvements: readonly InvolvementFact[];
}
