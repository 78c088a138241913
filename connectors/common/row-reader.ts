import type { Sex } from '../../schemas/canonical.js';
import type { RawRow, RowErrorCode, RowWarning } from '../connector.js';
import { parseCode } from './code-list.js';
import { endsBeforeStart, parseDate } from './date.js';
import { parseFlag } from './flag.js';
import { isKeySafe, parseIdentifier } from './identifier.js';
import { parseInteger } from './integer.js';
import { parseName, parseNameList } from './name.js';
import { parseNhsNumber, type CheckedNhsNumber } from './nhs-number.js';
import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';
import { parsePostcode, type CheckedPostcode } from './postcode.js';
import { parseSex } from './sex.js';
import { parseUpn, type CheckedUpn } from './upn.js';
import { parseUprn } from './uprn.js';

/**
 * One cell, trimmed, blank (or absent column) → null. When `required`, a blank cell is
 * REQUIRED_MISSING naming the column.
 */
export function readCell(row: RawRow, column: string, required: boolean): ParseResult<string | null> {
  const value = blankToNull(row[column]);
  if (value === null && required) return failed(column, 'REQUIRED_MISSING');
  return parsed(value);
}

/** Thrown inside a file's reader to stop at the first broken rule; turned into a row result by `defineFile`. */
export class RowFailure extends Error {
  constructor(
    readonly column: string,
    readonly reason: RowErrorCode,
  ) {
    super(`${reason} in column ${column}`);
    this.name = 'RowFailure';
  }
}

/**
 * Reads typed values from one row. Each method applies the common rule for its kind of column,
 * stops the row at the first error (RowFailure) and collects warnings. Only the file's
 * specified columns may be read, so nothing outside the specification reaches a record.
 */
export class RowReader {
  readonly warnings: RowWarning[] = [];

  constructor(
    private readonly row: RawRow,
    private readonly columns: ReadonlySet<string>,
  ) {}

  private take<T>(result: ParseResult<T>): T {
    if (!result.ok) throw new RowFailure(result.column, result.reason);
    if (result.warning !== undefined) this.warnings.push(result.warning);
    return result.value;
  }

  private need<T>(column: string, value: T, required: boolean): T {
    if (required && value === null) throw new RowFailure(column, 'REQUIRED_MISSING');
    return value;
  }

  /** Stops the row with this reason on this column. */
  fail(column: string, reason: RowErrorCode): never {
    throw new RowFailure(column, reason);
  }

  /** Trimmed text; blank → null (REQUIRED_MISSING when required). */
  text(column: string, required: true): string;
  text(column: string, required?: boolean): string | null;
  text(column: string, required = false): string | null {
    if (!this.columns.has(column)) throw new Error(`column ${column} is not in this file's specification`);
    return this.take(readCell(this.row, column, required));
  }

  /** An id that becomes part of a record key (no colons). */
  id(column: string, required: true): string;
  id(column: string, required?: boolean): string | null;
  id(column: string, required = false): string | null {
    return this.take(parseIdentifier(this.text(column, required), column));
  }

  name(column: string, required: true): string;
  name(column: string, required?: boolean): string | null;
  name(column: string, required = false): string | null {
    return this.need(column, this.take(parseName(this.text(column), column)), required);
  }

  nameList(column: string): string[] {
    return this.take(parseNameList(this.text(column), column));
  }

  date(column: string, required: true): string;
  date(column: string, required?: boolean): string | null;
  date(column: string, required = false): string | null {
    return this.take(parseDate(this.text(column, required), column));
  }

  sex(column: string): Sex {
    return this.take(parseSex(this.text(column), column));
  }

  postcode(column: string): CheckedPostcode {
    return this.take(parsePostcode(this.text(column), column));
  }

  uprn(column: string): string | null {
    return this.take(parseUprn(this.text(column), column));
  }

  integer(column: string, required: true): number;
  integer(column: string, required?: boolean): number | null;
  integer(column: string, required = false): number | null {
    return this.take(parseInteger(this.text(column, required), column));
  }

  flag(column: string): boolean | null {
    return this.take(parseFlag(this.text(column), column));
  }

  code<C extends string>(column: string, codes: readonly C[], required: true): C;
  code<C extends string>(column: string, codes: readonly C[], required?: boolean): C | null;
  code<C extends string>(column: string, codes: readonly C[], required = false): C | null {
    return this.take(parseCode(this.text(column, required), column, codes));
  }

  /** An NHS number; a failing one is kept with a warning. A colon (unusable in a key) → INVALID_IDENTIFIER. */
  nhsNumber(column: string, required: true): { nhsNumber: string; nhsNumberValid: boolean };
  nhsNumber(column: string, required?: boolean): CheckedNhsNumber;
  nhsNumber(column: string, required = false): CheckedNhsNumber {
    const checked = this.take(parseNhsNumber(this.text(column, required), column));
    if (checked.nhsNumber !== null && !isKeySafe(checked.nhsNumber)) this.fail(column, 'INVALID_IDENTIFIER');
    return checked;
  }

  /** A UPN, upper-cased; a failing one is kept with a warning. A colon (unusable in a key) → INVALID_IDENTIFIER. */
  upn(column: string, required: true): { upn: string; upnValid: boolean };
  upn(column: string, required?: boolean): CheckedUpn;
  upn(column: string, required = false): CheckedUpn {
    const checked = this.take(parseUpn(this.text(column, required), column));
    if (checked.upn !== null && !isKeySafe(checked.upn)) this.fail(column, 'INVALID_IDENTIFIER');
    return checked;
  }

  /** DATE_ORDER on the end column when both dates are known and the end is before the start. */
  checkOrder(start: string | null, end: string | null, endColumn: string): void {
    if (endsBeforeStart(start, end)) this.fail(endColumn, 'DATE_ORDER');
  }
}
