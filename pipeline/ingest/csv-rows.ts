import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse, type CsvError } from 'csv-parse';

export type ExtractEncoding = 'utf-8' | 'windows-1252';
export const ENCODINGS: readonly ExtractEncoding[] = ['utf-8', 'windows-1252'];

/** One physical CSV record: its first line number (header = line 1) and its fields. */
export type CsvRow =
  | { line: number; fields: string[] }
  | { line: number; fields: null; error: 'CSV_SYNTAX'; raw: string };

/**
 * Decodes bytes to text (dropping a UTF-8 byte-order mark) and turns CRLF and lone CR into LF.
 * csv-parse miscounts lines for CRLF inside quoted fields; with LF only its count is exact.
 */
class DecodeToLf extends Transform {
  private readonly decoder: TextDecoder;
  private pendingCr = false;

  constructor(encoding: ExtractEncoding) {
    super({ readableObjectMode: false });
    this.decoder = new TextDecoder(encoding);
  }

  private normalise(text: string): string {
    let s = this.pendingCr ? `\r${text}` : text;
    this.pendingCr = s.endsWith('\r');
    if (this.pendingCr) s = s.slice(0, -1);
    return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    done(null, this.normalise(this.decoder.decode(chunk, { stream: true })));
  }

  override _flush(done: TransformCallback): void {
    const rest = this.normalise(this.decoder.decode());
    done(null, this.pendingCr ? `${rest}\n` : rest);
  }
}

function countNewlines(fields: string[]): number {
  let n = 0;
  for (const field of fields) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/** Streams a CSV file's records with exact physical line numbers; syntax errors come as rows too. */
export async function* readCsvRows(file: string, encoding: ExtractEncoding): AsyncGenerator<CsvRow> {
  const parser = parse({
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
  });
  const errors: CsvRow[] = [];
  let lastErrorLine = -1;
  parser.on('skip', (error: CsvError & { lines?: number; raw?: string }) => {
    const line = error.lines ?? 0;
    // csv-parse can report one broken record several times (once per stray quote): one row.
    if (line === lastErrorLine) return;
    lastErrorLine = line;
    errors.push({ line, fields: null, error: 'CSV_SYNTAX', raw: error.raw ?? '' });
  });
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  input.pipe(new DecodeToLf(encoding)).pipe(parser);
  input.on('error', (error) => parser.destroy(error));
  for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const { record, info } = item;
    const line = info.lines - countNewlines(record);
    // Skip events fire as soon as a chunk is parsed, ahead of the records read from it:
    // put each syntax error back in file order.
    while (errors.length > 0 && errors[0]!.line < line) yield errors.shift()!;
    yield { line, fields: record };
  }
  while (errors.length > 0) yield errors.shift()!;
}
