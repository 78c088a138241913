/**
 * Who lived at the subject's address: the same tenancy, the same UPRN, or the same normalised
 * address and postcode, with periods that overlap each other and the summary's window. Unknown
 * dates are open-ended.
 */
import type { PlaceFact, ResidenceFact } from './family-records.js';

export interface Window {
  from: string;
  to: string;
}

/** A residence with the address facts of its tenancy filled in. */
export interface Dwelling {
  key: string;
  recordKey: string;
  placeKey: string | null;
  uprn: string | null;
  addressKey: string | null;
  postcode: string | null;
  from: string | null;
  to: string | null;
}

export function normalisePostcode(postcode: string | null): string | null {
  if (postcode === null) return null;
  const p = postcode.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return p === '' ? null : p;
}

/** "Flat 5, Beaumont House" + "LE11 5JW" -> "flat5beaumonthouse|LE115JW"; null without both. */
export function addressKey(address: string | null, postcode: string | null): string | null {
  const pc = normalisePostcode(postcode);
  if (address === null || pc === null) return null;
  const a = address.toLowerCase().replace(/[^a-z0-9]+/g, '');
  return a === '' ? null : `${a}|${pc}`;
}

export function toDwelling(r: ResidenceFact, places: ReadonlyMap<string, PlaceFact>): Dwelling {
  const place = r.placeKey === null ? undefined : places.get(r.placeKey);
  const address = r.address ?? place?.address ?? null;
  const postcode = r.postcode ?? place?.postcode ?? null;
  return {
    key: r.key,
    recordKey: r.recordKey,
    placeKey: r.placeKey,
    uprn: r.uprn ?? place?.uprn ?? null,
    addressKey: addressKey(address, postcode),
    postcode,
    from: r.fromDate ?? place?.fromDate ?? null,
    to: r.toDate ?? place?.toDate ?? null,
  };
}

export function sameDwelling(a: Dwelling, b: Dwelling): boolean {
  if (a.placeKey !== null && a.placeKey === b.placeKey) return true;
  if (a.uprn !== null && a.uprn === b.uprn) return true;
  return a.addressKey !== null && a.addressKey === b.addressKey;
}

/** Whether [aFrom, aTo] and [bFrom, bTo] share a day; null ends are open. */
export function periodsOverlap(aFrom: string | null, aTo: string | null, bFrom: string | null, bTo: string | null): boolean {
  return (aFrom === null || bTo === null || aFrom <= bTo) && (bFrom === null || aTo === null || bFrom <= aTo);
}

/**
 * Record keys (other than the subject's) that lived with the subject inside the window, each
 * with the residence keys that show it (both sides).
 */
export function coResidents(subject: readonly Dwelling[], others: readonly Dwelling[], window: Window): Map<string, string[]> {
  const found = new Map<string, Set<string>>();
  const subjectKeys = new Set(subject.map((d) => d.recordKey));
  for (const s of subject) {
    if (!periodsOverlap(s.from, s.to, window.from, window.to)) continue;
    for (const o of others) {
      if (subjectKeys.has(o.recordKey) || !sameDwelling(s, o)) continue;
      if (!periodsOverlap(o.from, o.to, window.from, window.to) || !periodsOverlap(s.from, s.to, o.from, o.to)) continue;
      const evidence = found.get(o.recordKey) ?? new Set<string>();
      evidence.add(s.key);
      evidence.add(o.key);
      found.set(o.recordKey, evidence);
    }
  }
  return new Map([...found].map(([k, v]) => [k, [...v].sort()] as const));
}
