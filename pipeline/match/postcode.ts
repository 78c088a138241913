/** UK postcode parts. `LE1 1AB`: district `LE1`, sector `LE1 1`. */

const UK = /^([A-Z]{1,2}[0-9][0-9A-Z]?) ?([0-9])([A-Z]{2})$/;

export interface PostcodeParts {
  full: string;
  /** Outward code plus the sector digit; null when the postcode is not UK-shaped. */
  sector: string | null;
  district: string | null;
}

export function postcodeParts(value: string): PostcodeParts | null {
  const s = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (s.length === 0) return null;
  const m = UK.exec(s);
  if (m === null) return { full: s, sector: null, district: null };
  const outward = m[1] ?? '';
  return { full: `${outward} ${m[2] ?? ''}${m[3] ?? ''}`, sector: `${outward} ${m[2] ?? ''}`, district: outward };
}
