/** Name normalisation: lower case, accents stripped, punctuation out, hyphens split into parts. */

/** Letters that NFD does not decompose. */
const FOLD: Readonly<Record<string, string>> = {
  ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ħ: 'h',
};

const COMBINING = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’‘`´]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/**
 * `"O'Brien-Smyth "` → `"obrien smyth"`; `"Zoë"` → `"zoe"`. Hyphens and other punctuation become
 * one space, so hyphenated and spaced forms compare equal. Empty → null.
 */
export function normaliseName(value: string | null | undefined): string | null {
  if (value == null) return null;
  let s = value.normalize('NFD').replace(COMBINING, '').toLowerCase();
  if (/[łđðøßæœıþħ]/.test(s)) s = s.replace(/[łđðøßæœıþħ]/g, (c) => FOLD[c] ?? c);
  s = s.replace(APOSTROPHES, '').replace(NON_ALNUM, ' ').trim();
  return s.length > 0 ? s : null;
}

/** Space-separated parts of a normalised name (`"smith jones"` → `["smith", "jones"]`). */
export function nameParts(normalised: string): string[] {
  return normalised.split(' ').filter((p) => p.length > 0);
}

/**
 * Placeholder forenames given before a child is named, or when a name is not known. They are
 * never evidence: treated as missing.
 */
const PLACEHOLDERS = new Set([
  'baby', 'unborn', 'unknown', 'infant', 'child', 'unnamed', 'not known', 'notknown', 'nk',
  'n k', 'tba', 'tbc', 'baby boy', 'baby girl', 'male', 'female', 'boy', 'girl', 'twin',
  'twin 1', 'twin 2', 'twin one', 'twin two', 'unborn baby', 'unborn child', 'no name',
  'none', 'x', 'xx', 'xxx', 'anon', 'anonymous', 'refused', 'withheld', 'baby of',
]);

/** True when the normalised name is a placeholder (`baby`, `unborn`, `baby of smith`, ...). */
export function isPlaceholderName(normalised: string): boolean {
  if (PLACEHOLDERS.has(normalised)) return true;
  const first = normalised.split(' ', 1)[0] ?? '';
  return first === 'baby' || first === 'unborn' || first === 'unknown' || first === 'infant';
}

/** Normalised name, or null when missing or a placeholder. */
export function normaliseNameEvidence(value: string | null | undefined): string | null {
  const n = normaliseName(value);
  return n !== null && !isPlaceholderName(n) ? n : null;
}
