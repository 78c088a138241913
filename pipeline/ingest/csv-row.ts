/** One physical CSV record: its first line number (header = line 1) and its fields. */
export type CsvRow =
  | { line: number; fields: string[] }
  | { line: number; fields: null; error: 'CSV_SYNTAX'; raw: string };
