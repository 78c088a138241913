/** Encodes values as one line of PostgreSQL COPY CSV: null is an unquoted empty field. */
export type CopyValue = string | number | boolean | null | readonly string[] | Record<string, unknown>;

function quote(text: string): string {
  return `"${text.includes('"') ? text.replace(/"/g, '""') : text}"`;
}

function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export function copyField(value: CopyValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return quote(Array.isArray(value) ? arrayLiteral(value as readonly string[]) : JSON.stringify(value));
}

export function copyLine(values: readonly CopyValue[]): string {
  const fields = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) fields[i] = copyField(values[i] ?? null);
  return `${fields.join(',')}\n`;
}
