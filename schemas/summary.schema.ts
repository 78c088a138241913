/**
 * The family summary: what a trawl produces and what the JSON, HTML and PDF outputs print.
 *
 * The shape is the one in `../shared/interface.md` ("Family summary JSON"): camel-case keys,
 * dates `YYYY-MM-DD`. `family-summary.schema.json` beside this file publishes the same shape as a
 * JSON Schema (draft 2020-12) and `validate-summary.ts` checks a value against it.
 *
 * Fields marked EXTENSION are not in interface.md; they are optional, so a summary without them
 * is still valid, and the renderers fall back sensibly when they are absent.
 *
 * Conventions the renderers rely on:
 * - `relationships[i]`: `to` is the `type` of `from`, as in the extracts ("related person is the
 *   MOTHER of person"): `{ from: child, to: mother, type: 'MOTHER' }`. PARTNER and EX_PARTNER read
 *   both ways. Types are the social care relationship codes (`RELATIONSHIP_TYPES`).
 * - `members[i].flags` holds flag codes; the flag itself (with its evidence) is in `flags`.
 * - Unknown values are `null`, never empty strings.
 */
import type { Sex, Source } from './canonical.js';

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 date-time with offset, e.g. `2026-11-22T09:15:00Z`. */
export type IsoDateTime = string;

export const PURPOSES = ['early-help', 'mash'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CONSENTS = ['none', 'verbal', 'written'] as const;
export type Consent = (typeof CONSENTS)[number];

export const USER_ROLES = ['analyst', 'coordinator', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * How a member is related to the subject. The assembly may use others (they print humanised);
 * these are the ones the family tree places in a generation.
 */
export const RELATIONSHIPS_TO_SUBJECT = [
  'SUBJECT',
  'MOTHER',
  'FATHER',
  'STEP_PARENT',
  'PARENT_PARTNER',
  'PARENT_EX_PARTNER',
  'CARER',
  'SIBLING',
  'HALF_SIBLING',
  'STEP_SIBLING',
  'GRANDPARENT',
  'GRANDMOTHER',
  'GRANDFATHER',
  'AUNT_UNCLE',
  'HOUSEHOLD_MEMBER',
  'OTHER',
] as const;
export type RelationshipToSubject = (typeof RELATIONSHIPS_TO_SUBJECT)[number];

export interface SummarySubject {
  personId: string;
  name: string;
  dob: IsoDate | null;
}

export interface SummaryWindow {
  from: IsoDate;
  to: IsoDate;
}

/** A source the purpose, consent or role did not allow: it was not searched. */
export interface WithheldSource {
  source: Source;
  /** Human-readable, e.g. "Health needs the family's written consent for early help". */
  reason: string;
}

/** EXTENSION: the date of the newest extract loaded for a source. */
export interface SourceFreshness {
  source: Source;
  latestExtractDate: IsoDate | null;
}

export interface SummarySources {
  included: Source[];
  withheld: WithheldSource[];
  /** EXTENSION: per source, the newest extract date (freshness). */
  freshness?: SourceFreshness[];
  /**
   * EXTENSION: included sources searched that hold no record of any member. When absent the
   * renderers derive it: an included source no member record key or timeline entry comes from.
   */
  searchedNoRecord?: Source[];
}

export interface SummaryMember {
  personId: string;
  name: string;
  dob: IsoDate | null;
  sex: Sex;
  /** One of `RELATIONSHIPS_TO_SUBJECT` (`SUBJECT` for the subject); other codes print humanised. */
  relationshipToSubject: string;
  /** The person's mentions, `source:table:id`. */
  recordKeys: string[];
  /** Codes of the flags that concern this member (see `flags`). */
  flags: string[];
  /** EXTENSION: lives (or lived, inside the window) at the subject's address. */
  household?: boolean;
  /** EXTENSION: known to have died. */
  deceased?: boolean;
  /** EXTENSION: earlier names and aliases from the sources. */
  previousNames?: string[];
}

export interface SummaryRelationship {
  /** `to` is the `type` of `from`. */
  from: string;
  to: string;
  type: string;
  /** Record keys of the rows that state it. */
  evidence: string[];
}

export interface TimelineEntry {
  date: IsoDate;
  personId: string;
  source: Source;
  /** Event type code (`CP_PLAN`, `DOMESTIC_ABUSE`, `WAS_NOT_BROUGHT`, …); printed as words. */
  type: string;
  /** One line, already in words. */
  summary: string;
  recordKey: string;
  /** EXTENSION: when the event (an episode, an enrolment) ended; null while open. */
  endDate?: IsoDate | null;
}

export interface SummaryPractitioner {
  name: string;
  /** Role code (`SOCIAL_WORKER`, `HEALTH_VISITOR`, …) or free text from the source. */
  role: string;
  agency: Source;
  phone: string | null;
  email: string | null;
  /** An involvement is still open. */
  current: boolean;
  lastInvolvement: IsoDate | null;
  personIds: string[];
  /** EXTENSION: team or service, e.g. "Family Safeguarding Team North". */
  team?: string | null;
}

export interface SummaryFlag {
  /** Flag code (`DOMESTIC_ABUSE`, `WAS_NOT_BROUGHT`, …); printed as words. */
  code: string;
  personId: string;
  /** The rule that fired, in words, with its figures ("3 incidents, 1 high risk, child present"). */
  description: string;
  /** Record keys of the rows the rule read. */
  evidence: string[];
}

/** EXTENSION: who asked. */
export interface SummaryRequester {
  name: string;
  role: UserRole;
}

export interface FamilySummary {
  subject: SummarySubject;
  purpose: Purpose;
  consent: Consent;
  generatedAt: IsoDateTime;
  window: SummaryWindow;
  sources: SummarySources;
  members: SummaryMember[];
  relationships: SummaryRelationship[];
  timeline: TimelineEntry[];
  practitioners: SummaryPractitioner[];
  flags: SummaryFlag[];
  /** EXTENSION: who ran the trawl. */
  requester?: SummaryRequester;
  /** EXTENSION: the lawful basis recorded for the trawl (null when none was given). */
  lawfulBasis?: string | null;
}
