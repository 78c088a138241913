import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

/** Letters (any script, with combining marks), apostrophes ' and ’, hyphens and spaces. */
const NAME = /^[\p{L}\p{M}'’\-\u2010\u2011 ]+$/u;
const LETTER = /\p{L}/u;

/** Trimmed, internal whitespace collapsed to one space, Unicode NFC; blank → null. */
export function normaliseNameText(value: string | null | undefined): string | null {
  const s = blankToNull(value);
  return s === null ? null : s.replace(/\s+/gu, ' ').normalize('NFC');
}

function isName(s: string): boolean {
  return NAME.test(s) && LETTER.test(s);
}

/** One name (`O'Brien`, `Smith-Jones`, `Zoë`, `Nguyễn`); anything else → INVALID_NAME. */
export function parseName(value: string | null | undefined, column: string): ParseResult<string | null> {
  const s = normaliseNameText(value);
  if (s === null) return parsed(null);
  return isName(s) ? parsed(s) : failed(column, 'INVALID_NAME');
}

/** `|`-separated full names (`previous_names`, `aliases`); empty parts are dropped. */
export function parseNameList(value: string | null | undefined, column: string): ParseResult<string[]> {
  const s = blankToNull(value);
  if (s === null) return parsed([]);
  const names: string[] = [];
  for (const part of s.split('|')) {
    const name = normaliseNameText(part);
    if (name === null) continue;
    if (!isName(name)) return failed(column, 'INVALID_NAME');
    names.push(name);
  }
  return parsed(names);
}
