import { copyField, EncodedField } from './copy-csv.js';

/** Characters a JSON string must escape, and lone surrogates (JSON.stringify escapes those too). */
const JSON_ESCAPED = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON array of strings as one COPY CSV field, for a jsonb column. Cells rarely hold
 * characters JSON escapes; without them the field is built in one pass instead of
 * JSON.stringify and then doubling every quote for CSV.
 */
export function jsonArrayField(values: readonly string[]): EncodedField {
  if (values.length === 0) return new EncodedField('[]');
  let csv = '"[';
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (JSON_ESCAPED.test(value)) return new EncodedField(copyField(JSON.stringify(values)));
    csv += i === 0 ? `""${value}""` : `,""${value}""`;
  }
  return new EncodedField(`${csv}]"`);
}
