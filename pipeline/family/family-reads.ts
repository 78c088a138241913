/**
 * The reads a family gathering makes, as one interface: straight to the store (`directReads`),
 * or merged across families gathered side by side (`batched-reads.ts`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { EventFact, InvolvementFact, MentionFact, PartyFact, PlaceFact, RelationshipFact, ResidenceFact } from './family-records.js';
import * as repository from './family.repository.js';

export interface AtAddresses {
  uprns: readonly string[];
  postcodes: readonly string[];
}

export interface ByRecordPlaceEvent {
  recordKeys: readonly string[];
  placeKeys: readonly string[];
  eventKeys: readonly string[];
}

/** The tables a family gathering reads (their statistics decide its query plans). */
export const FAMILY_READ_TABLES = ['person_mention', 'mention', 'relationship', 'residence', 'place', 'event', 'event_party', 'involvement'] as const;

export interface FamilyReads {
  personIdsOfKeys(keys: readonly string[]): Promise<Map<string, string>>;
  keysOfPersons(personIds: readonly string[]): Promise<{ personId: string; recordKey: string }[]>;
  mentionsOf(keys: readonly string[]): Promise<MentionFact[]>;
  relationshipsTouching(keys: readonly string[]): Promise<RelationshipFact[]>;
  residencesOf(recordKeys: readonly string[]): Promise<ResidenceFact[]>;
  residencesAt(at: AtAddresses & { placeKeys: readonly string[] }): Promise<ResidenceFact[]>;
  placesOf(placeKeys: readonly string[]): Promise<PlaceFact[]>;
  placesAt(at: AtAddresses): Promise<PlaceFact[]>;
  eventsFor(by: ByRecordPlaceEvent): Promise<EventFact[]>;
  partiesFor(by: { recordKeys: readonly string[]; eventKeys: readonly string[] }): Promise<PartyFact[]>;
  involvementsFor(by: ByRecordPlaceEvent): Promise<InvolvementFact[]>;
}

export function directReads(db: Kysely<Database>): FamilyReads {
  return {
    personIdsOfKeys: (keys) => repository.personIdsOfKeys(db, keys),
    keysOfPersons: (personIds) => repository.keysOfPersons(db, personIds),
    mentionsOf: (keys) => repository.mentionsOf(db, keys),
    relationshipsTouching: (keys) => repository.relationshipsTouching(db, keys),
    residencesOf: (recordKeys) => repository.residencesOf(db, recordKeys),
    residencesAt: (at) => repository.residencesAt(db, at),
    placesOf: (placeKeys) => repository.placesOf(db, placeKeys),
    placesAt: (at) => repository.placesAt(db, at),
    eventsFor: (by) => repository.eventsFor(db, by),
    partiesFor: (by) => repository.partiesFor(db, by),
    involvementsFor: (by) => repository.involvementsFor(db, by),
  };
}
