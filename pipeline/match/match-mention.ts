/**
 * The matcher's input: one mention (one agency's record of a person) reduced to the fields
 * that identity matching uses. Built from a `MentionRecord` plus its residences and stated
 * relationships by the wiring layer; the matcher itself never reads the database.
 */
import type { Sex } from '../../schemas/canonical.js';

/**
 * A relationship a source states from this mention's side: the mention `recordKey` is this
 * mention's `type` (e.g. a pupil's `{ type: 'MOTHER', recordKey: 'education:carers:77' }`),
 * as `RelationshipRecord` states `toKey` is the `type` of `fromKey`.
 */
export interface StatedRelative {
  type: string;
  recordKey: string;
}

export interface MatchMention {
  /** `source:table:id`; unique. Everything is ordered by it, so results do not depend on input order. */
  recordKey: string;
  /** The agency (`education`, `police`, ...); `source` of the record key when not given separately. */
  source: string;
  surname: string | null;
  forename: string | null;
  middleNames: string | null;
  previousNames: string[];
  aliases: string[];
  /** `YYYY-MM-DD` or null. */
  dob: string | null;
  sex: Sex;
  /** Only when valid (modulus 11), else null. */
  nhsNumber: string | null;
  /** Only when valid (check letter), else null. */
  upn: string | null;
  /** Normalised (`LE1 1AB`), current first. */
  postcodes: string[];
  uprns: string[];
  /** Opaque ids that name the same tenancy or address (housing place keys, ...). */
  householdKeys: string[];
  /** Relationships this mention's source states (see `StatedRelative`). */
  statedRelatives?: StatedRelative[];
  /** Generic extra fields, compared only when present in the data (benchmarks). */
  email?: string | null;
  city?: string | null;
  address?: string | null;
}

/** A mention with the optional fields defaulted: handy for tests and generators. */
export function matchMention(partial: Partial<MatchMention> & { recordKey: string }): MatchMention {
  return {
    source: partial.recordKey.split(':')[0] ?? '',
    surname: null,
    forename: null,
    middleNames: null,
    previousNames: [],
    aliases: [],
    dob: null,
    sex: 'U',
    nhsNumber: null,
    upn: null,
    postcodes: [],
    uprns: [],
    householdKeys: [],
    ...partial,
  };
}
