import type { ColumnType, Generated } from 'kysely';

/** Kysely table types. Dates are `YYYY-MM-DD` strings and timestamps ISO strings in both modes. */

type DateString = string;
type Json = ColumnType<Record<string, unknown>, string, string>;

export interface ExtractTable {
  id: Generated<number>;
  source: string;
  mode: 'full' | 'delta';
  extract_date: DateString;
  checksum: string;
  encoding: string;
  status: 'loaded' | 'rejected';
  loaded_at: Generated<string>;
}

export interface ExtractFileTable {
  extract_id: number;
  file: string;
  status: 'loaded' | 'rejected';
  header: string[];
  rows_read: number;
  loaded: number;
  duplicate: number;
  quarantined: number;
  warnings: number;
  reject_reason: string | null;
  reject_column: string | null;
}

export interface RawRowTable {
  extract_id: number;
  file: string;
  line: number;
  row_hash: string;
  data: ColumnType<unknown[], string, string>;
}

export interface QuarantineTable {
  extract_id: number;
  file: string;
  line: number;
  column_name: string;
  reason: string;
}

export type RowWarningTable = QuarantineTable;

interface VersionColumns {
  id: Generated<number>;
  natural_key: string;
  content_hash: string;
  source: string;
  file: string;
  extract_id: number;
  line: number;
  as_of: DateString | null;
  last_seen_extract_id: number;
  last_seen_date: DateString;
  is_current: Generated<boolean>;
  withdrawn_extract_id: number | null;
}

export interface MentionTable extends VersionColumns {
  surname: string | null;
  forename: string | null;
  middle_names: string | null;
  previous_names: string[];
  aliases: string[];
  dob: DateString | null;
  sex: string;
  nhs_number: string | null;
  nhs_number_valid: boolean | null;
  upn: string | null;
  upn_valid: boolean | null;
  former_upn: string | null;
  former_upn_valid: boolean | null;
  pnc_id: string | null;
  address: string | null;
  postcode: string | null;
  postcode_valid: boolean | null;
  uprn: string | null;
}

export interface ResidenceTable extends VersionColumns {
  record_key: string;
  place_key: string | null;
  address: string | null;
  postcode: string | null;
  postcode_valid: boolean | null;
  uprn: string | null;
  role: string | null;
  from_date: DateString | null;
  to_date: DateString | null;
}

export interface PlaceTable extends VersionColumns {
  address: string | null;
  postcode: string | null;
  postcode_valid: boolean | null;
  uprn: string | null;
  from_date: DateString | null;
  to_date: DateString | null;
  end_reason: string | null;
}

export interface EventTable extends VersionColumns {
  record_key: string | null;
  place_key: string | null;
  type: string;
  date: DateString;
  end_date: DateString | null;
  summary: string | null;
  detail: Json;
}

export interface EventPartyTable extends VersionColumns {
  event_key: string;
  record_key: string;
  role: string;
}

export interface InvolvementTable extends VersionColumns {
  agency: string;
  record_key: string | null;
  place_key: string | null;
  event_key: string | null;
  name: string | null;
  role: string;
  team: string | null;
  phone: string | null;
  email: string | null;
  from_date: DateString | null;
  to_date: DateString | null;
}

export interface RelationshipTable extends VersionColumns {
  from_key: string;
  to_key: string;
  type: string;
  detail: Json;
}

export interface MatchModelTable {
  version: Generated<number>;
  trained_at: Generated<string>;
  mentions: number;
  model: ColumnType<unknown, string, string>;
}

export interface MatchRunTable {
  id: Generated<number>;
  mode: 'full' | 'incremental';
  model_version: number;
  started_at: Generated<string>;
  finished_at: string | null;
  report: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface PersonMentionTable {
  record_key: string;
  person_id: string;
  run_id: number;
}

export interface MatchPairTable {
  a: string;
  b: string;
  weight: number;
  probability: number;
  reason: string;
  run_id: number;
}

export interface MatchDecisionTable {
  a: string;
  b: string;
  decision: 'accept' | 'reject';
  decided_by: string;
  decided_at: Generated<string>;
}

export interface AppUserTable {
  name: string;
  role: 'analyst' | 'coordinator' | 'admin';
  created_at: Generated<string>;
}

/** Append-only: the database refuses UPDATE and DELETE (migration 0003). Ids and codes only. */
export interface AuditEntryTable {
  id: Generated<number>;
  at: Generated<string>;
  action: 'trawl' | 'summary' | 'file' | 'user_add';
  outcome: string;
  reason: string | null;
  actor: string;
  actor_role: string | null;
  purpose: string | null;
  lawful_basis: string | null;
  consent: string | null;
  query: string | null;
  subject_person_id: string | null;
  member_person_ids: ColumnType<string[], string[] | undefined, never>;
  sources_included: ColumnType<string[], string[] | undefined, never>;
  sources_withheld: ColumnType<string[], string[] | undefined, never>;
  detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface JobRequestTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  status: ColumnType<'pending' | 'running' | 'done' | 'failed', 'pending' | undefined, 'pending' | 'running' | 'done' | 'failed'>;
  attempts: Generated<number>;
  last_error_code: string | null;
  parent_id: number | null;
  seq: number | null;
  external_key: string | null;
  created_at: Generated<string>;
  enqueued_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  result: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

/** Migration 0005: a trawl asked for as queued work; the subject query stays in PostgreSQL. */
export interface TrawlRequestTable {
  id: Generated<number>;
  actor: string;
  purpose: string;
  consent: string;
  lawful_basis: string | null;
  subject: ColumnType<Record<string, unknown>, string, never>;
  window_from: string | null;
  window_to: string | null;
  format: string;
  created_at: Generated<string>;
  outcome: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
}

export interface HubMeetingTable {
  id: Generated<number>;
  hub: string;
  meeting_date: string;
  created_by: string;
  created_at: Generated<string>;
}

export interface MeetingFamilyTable {
  id: Generated<number>;
  meeting_id: number;
  subject_key: string;
  purpose: string;
  consent: string;
  lawful_basis: string | null;
  booked_by: string;
  booked_at: Generated<string>;
  last_outcome: string | null;
  checked_extract_id: number | null;
  membership_digest: string | null;
  member_person_ids: ColumnType<string[], string[] | undefined, string[]>;
  checked_at: string | null;
  checked_request_id: number | null;
}

export interface FamilySummaryTable {
  id: Generated<number>;
  meeting_family_id: number | null;
  trawl_request_id: number | null;
  version: number;
  subject_person_id: string;
  content_hash: string;
  summary: ColumnType<Record<string, unknown>, string, never>;
  html: string | null;
  built_at: Generated<string>;
}

export interface MeetingPackTable {
  id: Generated<number>;
  meeting_id: number;
  request_id: number;
  file: string;
  families: number;
  built_at: Generated<string>;
}

export interface PackFamilyTable {
  pack_id: number;
  meeting_family_id: number;
  subject_key: string;
  family_summary_id: number | null;
}

export interface Database {
  trawl_request: TrawlRequestTable;
  hub_meeting: HubMeetingTable;
  meeting_family: MeetingFamilyTable;
  family_summary: FamilySummaryTable;
  meeting_pack: MeetingPackTable;
  pack_family: PackFamilyTable;
  job_request: JobRequestTable;
  app_user: AppUserTable;
  audit_entry: AuditEntryTable;
  match_model: MatchModelTable;
  match_run: MatchRunTable;
  person_mention: PersonMentionTable;
  match_link: MatchPairTable;
  match_review: MatchPairTable;
  match_decision: MatchDecisionTable;
  match_state: MatchStateTable;
  extract: ExtractTable;
  extract_file: ExtractFileTable;
  raw_row: RawRowTable;
  quarantine: QuarantineTable;
  row_warning: RowWarningTable;
  mention: MentionTable;
  residence: ResidenceTable;
  place: PlaceTable;
  event: EventTable;
  event_party: EventPartyTable;
  involvement: InvolvementTable;
  relationship: RelationshipTable;
}

/** What the last match run leaves for a delta run (pipeline/match/delta.scoring.ts). */
export interface MatchStateTable {
  one: ColumnType<boolean, boolean | undefined, never>;
  run_id: number;
  model_version: number;
  evidence_cut: number;
  mentions: number;
  pairs: number;
  /** Record keys, sorted, one per line. */
  record_keys: string;
  /** Little-endian typed arrays: Float64 per mention; Int32, Int32, Float64, Uint8 per pair. */
  fingerprints: Uint8Array;
  pair_a: Uint8Array;
  pair_b: Uint8Array;
  evidence: Uint8Array;
  kind: Uint8Array;
}
