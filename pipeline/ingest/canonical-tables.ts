import type { CanonicalRecord, RecordKind } from '../../schemas/canonical.js';
import type { CopyValue } from './copy-csv.js';

/**
 * How each canonical record kind maps to its versioned table: the content columns (what the
 * content hash covers) and the values in that order. Provenance columns are added by ingest.
 */
export interface CanonicalTable<K extends RecordKind = RecordKind> {
  kind: K;
  table: string;
  columns: readonly string[];
  values(record: Extract<CanonicalRecord, { kind: K }>): CopyValue[];
}

function table<K extends RecordKind>(spec: CanonicalTable<K>): CanonicalTable<K> {
  return spec;
}

export const CANONICAL_TABLES = {
  mention: table({
    kind: 'mention',
    table: 'mention',
    columns: [
      'surname', 'forename', 'middle_names', 'previous_names', 'aliases', 'dob', 'sex',
      'nhs_number', 'nhs_number_valid', 'upn', 'upn_valid', 'former_upn', 'former_upn_valid',
      'pnc_id', 'address', 'postcode', 'postcode_valid', 'uprn',
    ],
    values: (r) => [
      r.surname, r.forename, r.middleNames, r.previousNames, r.aliases, r.dob, r.sex,
      r.nhsNumber, r.nhsNumberValid, r.upn, r.upnValid, r.formerUpn, r.formerUpnValid,
      r.pncId, r.address, r.postcode, r.postcodeValid, r.uprn,
    ],
  }),
  residence: table({
    kind: 'residence',
    table: 'residence',
    columns: ['record_key', 'place_key', 'address', 'postcode', 'postcode_valid', 'uprn', 'role', 'from_date', 'to_date'],
    values: (r) => [r.recordKey, r.placeKey, r.address, r.postcode, r.postcodeValid, r.uprn, r.role, r.fromDate, r.toDate],
  }),
  place: table({
    kind: 'place',
    table: 'place',
    columns: ['address', 'postcode', 'postcode_valid', 'uprn', 'from_date', 'to_date', 'end_reason'],
    values: (r) => [r.address, r.postcode, r.postcodeValid, r.uprn, r.fromDate, r.toDate, r.endReason],
  }),
  event: table({
    kind: 'event',
    table: 'event',
    columns: ['record_key', 'place_key', 'type', 'date', 'end_date', 'summary', 'detail'],
    values: (r) => [r.recordKey, r.placeKey, r.type, r.date, r.endDate, r.summary, r.detail],
  }),
  event_party: table({
    kind: 'event_party',
    table: 'event_party',
    columns: ['event_key', 'record_key', 'role'],
    values: (r) => [r.eventKey, r.recordKey, r.role],
  }),
  involvement: table({
    kind: 'involvement',
    table: 'involvement',
    columns: ['agency', 'record_key', 'place_key', 'event_key', 'name', 'role', 'team', 'phone', 'email', 'from_date', 'to_date'],
    values: (r) => [r.agency, r.recordKey, r.placeKey, r.eventKey, r.name, r.role, r.team, r.phone, r.email, r.fromDate, r.toDate],
  }),
  relationship: table({
    kind: 'relationship',
    table: 'relationship',
    columns: ['from_key', 'to_key', 'type', 'detail'],
    values: (r) => [r.fromKey, r.toKey, r.type, r.detail],
  }),
} satisfies { [K in RecordKind]: CanonicalTable<K> };

export const CANONICAL_TABLE_LIST: readonly CanonicalTable[] = Object.values(CANONICAL_TABLES) as CanonicalTable[];

/** Staging rows carry the natural key and provenance ahead of the content columns. */
export const STAGE_PROVENANCE_COLUMNS = ['natural_key', 'file', 'line', 'as_of'] as const;

export function stageValues(record: CanonicalRecord, file: string, line: number): CopyValue[] {
  const spec = CANONICAL_TABLES[record.kind] as CanonicalTable;
  return [record.naturalKey, file, line, record.asOf, ...spec.values(record)];
}
