import fs from 'node:fs';
import { TextDecoder } from 'node:util';

export type ExtractEncoding = 'utf-8' | 'windows-1252';
export const ENCODINGS: readonly ExtractEncoding[] = ['utf-8', 'windows-1252'];

/**
 * A file's text in chunks: decoded (a UTF-8 byte-order mark dropped), with CRLF and lone CR
 * turned into LF, so that line numbers count LFs only (csv-parse miscounts lines for CRLF
 * inside quoted fields).
 */
export async function* readCsvText(file: string, encoding: ExtractEncoding, chunkBytes = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let pendingCr = false;
  const normalise = (text: string): string => {
    let s = pendingCr ? `\r${text}` : text;
    pendingCr = s.endsWith('\r');
    if (pendingCr) s = s.slice(0, -1);
    return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>) {
    const text = normalise(decoder.decode(chunk, { stream: true }));
    if (text.length > 0) yield text;
  }
  const rest = normalise(decoder.decode());
  const last = pendingCr ? `${rest}\n` : rest;
  if (last.length > 0) yield last;
}
