/** Test helpers shared by the connector tests (not a test file itself). */
import type { FileSpec, RawRow, RowResult } from '../connector.js';

type OkResult = Extract<RowResult, { ok: true }>;

/** Parses a row that must load; fails the test with the reason otherwise. */
export function parseGood(spec: FileSpec, row: RawRow): OkResult {
  const result = spec.parseRow(row);
  if (!result.ok) throw new Error(`expected the row to load, got ${result.reason} on ${result.column}`);
  return result;
}

/** Each required column, blanked or absent, quarantines the row as REQUIRED_MISSING on that column. */
export function expectRequiredColumns(spec: FileSpec, good: RawRow, expected: readonly string[]): void {
  expect([...spec.required]).toEqual(expected);
  expect(spec.parseRow(good).ok).toBe(true);
  for (const column of expected) {
    expect(spec.parseRow({ ...good, [column]: '  ' })).toEqual({ ok: false, column, reason: 'REQUIRED_MISSING' });
    const without: Record<string, string | undefined> = { ...good };
    delete without[column];
    expect(spec.parseRow(without)).toEqual({ ok: false, column, reason: 'REQUIRED_MISSING' });
  }
}

/** Every listed code loads (in lower case too); anything else is INVALID_CODE on the column. */
export function expectCodeList(
  spec: FileSpec,
  good: RawRow,
  column: string,
  codes: readonly string[],
  read: (result: OkResult) => unknown,
): void {
  for (const code of codes) {
    expect(read(parseGood(spec, { ...good, [column]: code }))).toBe(code);
    expect(read(parseGood(spec, { ...good, [column]: code.toLowerCase() }))).toBe(code);
  }
  expect(spec.parseRow({ ...good, [column]: 'NOT_A_CODE' })).toEqual({ ok: false, column, reason: 'INVALID_CODE' });
}

