import type { RowErrorCode, RowWarning } from '../connector.js';

/** A cell that parsed. `warning` is set when the value is kept but flagged (bad NHS number, UPN, postcode). */
export interface ParseOk<T> {
  ok: true;
  value: T;
  warning?: RowWarning;
}

/** A cell that breaks a rule: a reason code and the column, never the cell's value. */
export interface ParseFailure {
  ok: false;
  column: string;
  reason: RowErrorCode;
}

export type ParseResult<T> = ParseOk<T> | ParseFailure;

export function parsed<T>(value: T, warning?: RowWarning): ParseOk<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function failed(column: string, reason: RowErrorCode): ParseFailure {
  return { ok: false, column, reason };
}

/** Trimmed text, or null when absent or blank. */
export function blankToNull(value: string | null | undefined): string | null {
  if (value == null) return null;
  const s = value.trim();
  return s.length > 0 ? s : null;
}
