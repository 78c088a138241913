/** A field already in COPY CSV form, written as it is (see json-array-field.ts). */
export class EncodedField {
  constructor(readonly csv: string) {}
}

/** Encodes values as one line of PostgreSQL COPY CSV: null is an unquoted empty field. */
export type CopyValue = string | number | boolean | null | readonly string[] | Record<string, unknown> | EncodedField;

/**
 * In COPY's CSV format every character of an unquoted field is significant; only an empty
 * string (else read as null), a delimiter, quote or line break, and the end-of-data marker need
 * quotes.
 */
const NEEDS_QUOTES = /[",\n\r]/;

function quote(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

function text(value: string): string {
  return value === '' || value === '\\.' || NEEDS_QUOTES.test(value) ? quote(value) : value;
}

export function copyField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return text(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof EncodedField) return value.csv;
  return text(Array.isArray(value) ? arrayLiteral(value as readonly string[]) : JSON.stringify(value));
}

export function copyLine(values: readonly CopyValue[]): string {
  let line = values.length > 0 ? copyField(values[0] ?? null) : '';
  for (let i = 1; i < values.length; i++) line += `,${copyField(values[i] ?? null)}`;
  return `${line}\n`;
}
