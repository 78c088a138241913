import { Readable } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import type { CsvRow } from './csv-row.js';

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * csv-parse over LF-only text that starts at a record's start, `lineOffset` lines into the file:
 * records with their first line number, and syntax errors as rows too, in file order.
 */
export async function* csvParseRows(text: AsyncIterable<string>, lineOffset: number): AsyncGenerator<CsvRow> {
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const errors: CsvRow[] = [];
  let lastErrorLine = -1;
  parser.on('skip', (error: CsvError & { lines?: number; raw?: string }) => {
    const line = error.lines === undefined ? 0 : error.lines + lineOffset;
    // csv-parse can report one broken record several times (once per stray quote): one row.
    if (line === lastErrorLine) return;
    lastErrorLine = line;
    errors.push({ line, fields: null, error: 'CSV_SYNTAX', raw: error.raw ?? '' });
  });
  const input = Readable.from(text);
  input.pipe(parser);
  input.on('error', (error) => parser.destroy(error));
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item;
    const line = info.lines - countNewlines(record) + lineOffset;
    // Skip events fire as soon as a chunk is parsed, ahead of the records read from it:
    // put each syntax error back in file order.
    while (errors.length > 0 && errors[0]!.line < line) yield errors.shift()!;
    yield { line, fields: record };
  }
  while (errors.length > 0) yield errors.shift()!;
}
