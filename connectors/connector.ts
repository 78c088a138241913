import type { CanonicalRecord, Source } from '../schemas/canonical.js';

/**
 * Why a row was quarantined (error) or flagged (warning). Codes only: the cell's value
 * never travels with them, so they are safe to log and show.
 */
export const ROW_ERROR_CODES = [
  'REQUIRED_MISSING',
  'INVALID_DATE',
  'IMPOSSIBLE_DATE',
  'INVALID_CODE',
  'INVALID_INTEGER',
  'INVALID_NAME',
  'INVALID_UPRN',
  'INVALID_IDENTIFIER',
  'INVALID_VALUE',
  'DATE_ORDER',
  'FIELD_COUNT',
  'CSV_SYNTAX',
] as const;
export type RowErrorCode = (typeof ROW_ERROR_CODES)[number];

export const ROW_WARNING_CODES = ['POSTCODE_INVALID', 'NHS_NUMBER_INVALID', 'UPN_INVALID'] as const;
export type RowWarningCode = (typeof ROW_WARNING_CODES)[number];

export interface RowWarning {
  column: string;
  reason: RowWarningCode;
}

/** One CSV row: header names lower-cased and trimmed -> the cell as given. */
export type RawRow = Readonly<Record<string, string | undefined>>;

export type RowResult =
  | { ok: true; records: CanonicalRecord[]; warnings: RowWarning[] }
  | { ok: false; column: string; reason: RowErrorCode };

export interface FileSpec {
  /** File name as the extract spec gives it, e.g. `pupils.csv`. */
  name: string;
  required: readonly string[];
  optional: readonly string[];
  parseRow(row: RawRow): RowResult;
}

export interface Connector {
  source: Source;
  files: readonly FileSpec[];
}
