/**
 * Reads well-formed CSV records (RFC 4180, LF line ends) out of a string, exactly as csv-parse
 * reads them with the options csv-rows.ts gives it. Anything csv-parse would treat as an error
 * (a quote inside an unquoted field, text after a closing quote, a quote left open) is not read
 * here: the scanner reports it and the caller hands the rest of the file to csv-parse.
 */

const QUOTE = 34;
const COMMA = 44;
const LF = 10;

export type ScanResult =
  /** One record; `end` is where the next one starts, `newlines` the LFs inside its quoted fields. */
  | { kind: 'record'; fields: string[]; end: number; newlines: number }
  /** An empty line (csv-parse skips it); the next record starts at `end`. */
  | { kind: 'empty'; end: number }
  /** The record runs past the text held: scan again with more. */
  | { kind: 'more' }
  /** Not well-formed: leave this record and the rest to csv-parse. */
  | { kind: 'irregular' };

const MORE: ScanResult = { kind: 'more' };
const IRREGULAR: ScanResult = { kind: 'irregular' };

/**
 * Scans the record starting at `start` (before the end of `text`); `final` says the text holds
 * the rest of the file.
 */
export function scanRecord(text: string, start: number, final: boolean): ScanResult {
  const length = text.length;
  if (text.charCodeAt(start) === LF) return { kind: 'empty', end: start + 1 };
  const fields: string[] = [];
  let newlines = 0;
  let i = start;
  for (;;) {
    if (i < length && text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return final ? IRREGULAR : MORE;
        if (q + 1 >= length && !final) return MORE;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      for (let n = value.indexOf('\n'); n !== -1; n = value.indexOf('\n', n + 1)) newlines++;
      fields.push(value);
      if (i >= length) return final ? { kind: 'record', fields, end: i, newlines } : MORE;
      const next = text.charCodeAt(i);
      if (next === COMMA) {
        i++;
        continue;
      }
      if (next === LF) return { kind: 'record', fields, end: i + 1, newlines };
      return IRREGULAR;
    }
    let j = i;
    let c = 0;
    while (j < length) {
      c = text.charCodeAt(j);
      if (c === COMMA || c === LF) break;
      if (c === QUOTE) return IRREGULAR;
      j++;
    }
    if (j >= length && !final) return MORE;
    fields.push(text.slice(i, j));
    if (j >= length || c === LF) return { kind: 'record', fields, end: j + 1, newlines };
    i = j + 1;
  }
}
