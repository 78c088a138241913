import type { Sex } from '../../schemas/canonical.js';
import { blankToNull, failed, parsed, type ParseResult } from './parse-result.js';

const SEXES: readonly Sex[] = ['M', 'F', 'X', 'U'];

/** `M`, `F`, `X` (other), `U` or blank (unknown → `U`); lower case accepted; else INVALID_CODE. */
export function parseSex(value: string | null | undefined, column: string): ParseResult<Sex> {
  const s = blankToNull(value);
  if (s === null) return parsed('U');
  const upper = s.toUpperCase();
  const sex = SEXES.find((code) => code === upper);
  return sex === undefined ? failed(column, 'INVALID_CODE') : parsed(sex);
}
