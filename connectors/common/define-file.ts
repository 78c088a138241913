import type { CanonicalRecord } from '../../schemas/canonical.js';
import type { FileSpec, RawRow, RowResult } from '../connector.js';
import { RowFailure, RowReader } from './row-reader.js';

export interface FileDefinition {
  name: string;
  /** Columns the extract spec marks required: the file is rejected without them; a blank cell is REQUIRED_MISSING. */
  required: readonly string[];
  /** Every other column the spec lists. Columns outside both lists are never read. */
  optional: readonly string[];
  /** Turns one row into records, reading cells through the reader (which stops at the first error). */
  read(reader: RowReader): CanonicalRecord[];
}

/** Builds a FileSpec whose parseRow checks required cells, then runs the definition's reader. */
export function defineFile(definition: FileDefinition): FileSpec {
  const columns = new Set([...definition.required, ...definition.optional]);
  return {
    name: definition.name,
    required: definition.required,
    optional: definition.optional,
    parseRow(row: RawRow): RowResult {
      const reader = new RowReader(row, columns);
      try {
        for (const column of definition.required) reader.text(column, true);
        const records = definition.read(reader);
        return { ok: true, records, warnings: reader.warnings };
      } catch (error) {
        if (error instanceof RowFailure) return { ok: false, column: error.column, reason: error.reason };
        throw error;
      }
    },
  };
}
