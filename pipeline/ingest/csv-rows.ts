import { csvParseRows } from './csv-parse-rows.js';
import { scanRecord } from './csv-record-scanner.js';
import { readCsvText, type ExtractEncoding } from './csv-text.js';
import type { CsvRow } from './csv-row.js';

export { ENCODINGS, type ExtractEncoding } from './csv-text.js';

export type { CsvRow } from './csv-row.js';

/** A record longer than this is left to csv-parse (the scanner would hold it whole meanwhile). */
const MAX_SCANNED_RECORD = 1 << 22;

async function* followedBy(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first.length > 0) yield first;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

/**
 * Streams a CSV file's records with exact physical line numbers; syntax errors come as rows too.
 * Well-formed records are read by a scanner several times faster than csv-parse; from the first
 * record it cannot read, csv-parse reads the rest, so malformed files are read as before.
 */
export async function* readCsvRows(file: string, encoding: ExtractEncoding, chunkBytes?: number): AsyncGenerator<CsvRow> {
  const chunks = readCsvText(file, encoding, chunkBytes);
  let text = '';
  let pos = 0;
  let line = 1;
  let final = false;
  try {
    for (;;) {
      if (pos >= text.length && final) return;
      const scanned = pos < text.length ? scanRecord(text, pos, final) : ({ kind: 'more' } as const);
      switch (scanned.kind) {
        case 'record':
          yield { line, fields: scanned.fields };
          line += 1 + scanned.newlines;
          pos = scanned.end;
          break;
        case 'empty':
          line++;
          pos = scanned.end;
          break;
        case 'more': {
          if (text.length - pos > MAX_SCANNED_RECORD) {
            yield* csvParseRows(followedBy(text.slice(pos), chunks), line - 1);
            return;
          }
          const next = await chunks.next();
          if (next.done) {
            final = true;
          } else {
            text = text.slice(pos) + next.value;
            pos = 0;
          }
          break;
        }
        case 'irregular':
          yield* csvParseRows(followedBy(text.slice(pos), chunks), line - 1);
          return;
      }
    }
  } finally {
    await chunks.return(undefined);
  }
}
