import type { FileSpec } from '../../connectors/connector.js';
import { CANONICAL_TABLES, stageValues, type CanonicalTable } from './canonical-tables.js';
import { readCsvRows, type ExtractEncoding } from './csv-rows.js';
import { jsonArrayField } from './json-array-field.js';
import { md5Hex } from './md5-hex.js';
import type { StageSink } from './stage-buffer.js';
import { stageColumns, stageTableName } from './version.repository.js';

const RAW_COLUMNS = ['extract_id', 'file', 'line', 'row_hash', 'data'] as const;
const ISSUE_COLUMNS = ['extract_id', 'file', 'line', 'column_name', 'reason'] as const;
const WHOLE_ROW = '(row)';

export interface StagedFile {
  status: 'loaded' | 'rejected';
  header: string[];
  rowsRead: number;
  quarantined: number;
  warnings: number;
  rejectColumn: string | null;
  rejectReason: string | null;
}

export interface StageFileInput {
  buffer: StageSink;
  extractId: number;
  source: string;
  name: string;
  path: string;
  spec: FileSpec;
  encoding: ExtractEncoding;
  onRows?: (rows: number) => void;
}

function rejected(header: string[], column: string | null, reason: string): StagedFile {
  return { status: 'rejected', header, rowsRead: 0, quarantined: 0, warnings: 0, rejectColumn: column, rejectReason: reason };
}

/** Reads one extract file into the staging tables: every data row is staged, quarantined or both kept raw. */
export async function stageFile(input: StageFileInput): Promise<StagedFile> {
  const { buffer, extractId, name, spec } = input;
  const rows = readCsvRows(input.path, input.encoding);
  const first = await rows.next();
  if (first.done || first.value.fields === null) {
    await rows.return(undefined);
    return rejected([], null, first.done ? 'EMPTY_FILE' : 'HEADER_UNREADABLE');
  }
  const header = first.value.fields.map((h) => h.trim().toLowerCase());
  const missing = spec.required.find((column) => !header.includes(column));
  if (missing) {
    await rows.return(undefined);
    return rejected(header, missing, 'MISSING_REQUIRED_COLUMN');
  }

  const result: StagedFile = { status: 'loaded', header, rowsRead: 0, quarantined: 0, warnings: 0, rejectColumn: null, rejectReason: null };
  const quarantine = (line: number, column: string, reason: string) => {
    result.quarantined++;
    buffer.add('quarantine', ISSUE_COLUMNS, [extractId, name, line, column, reason]);
  };
  const hashPrefix = `${input.source}\u001f${name}\u001f`;
  for await (const row of rows) {
    if (buffer.needsFlush) await buffer.flushFull();
    result.rowsRead++;
    if (result.rowsRead % 10_000 === 0) input.onRows?.(result.rowsRead);
    const values = row.fields ?? [row.raw];
    const hash = md5Hex(`${hashPrefix}${values.join('\u001f')}`);
    buffer.add('raw_row', RAW_COLUMNS, [extractId, name, row.line, hash, jsonArrayField(values)]);
    if (row.fields === null) {
      quarantine(row.line, WHOLE_ROW, row.error);
      continue;
    }
    if (row.fields.length !== header.length) {
      quarantine(row.line, WHOLE_ROW, 'FIELD_COUNT');
      continue;
    }
    const raw: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) raw[header[i]!] = row.fields[i]!;
    const parsed = spec.parseRow(raw);
    if (!parsed.ok) {
      quarantine(row.line, parsed.column, parsed.reason);
      continue;
    }
    if (parsed.warnings.length > 0) {
      result.warnings++;
      const seen = new Set<string>();
      for (const warning of parsed.warnings) {
        const key = `${warning.column}\u001f${warning.reason}`;
        if (seen.has(key)) continue;
        seen.add(key);
        buffer.add('row_warning', ISSUE_COLUMNS, [extractId, name, row.line, warning.column, warning.reason]);
      }
    }
    for (const record of parsed.records) {
      const table = CANONICAL_TABLES[record.kind] as CanonicalTable;
      buffer.add(stageTableName(table), stageColumns(table), stageValues(record, name, row.line));
    }
  }
  input.onRows?.(result.rowsRead);
  return result;
}
