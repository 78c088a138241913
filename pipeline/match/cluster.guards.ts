/**
 * What may never share a cluster: two different valid NHS numbers, two different valid UPNs,
 * twins (same dob and surname, clearly different forenames, same household or postcode),
 * pairs under a cannot-link constraint (a human rejection, a relation making someone their own
 * parent, two people one household lists separately), and a stated parent with someone born less than 12 years before the child
 * ('parent-age', relational.pass.ts).
 */
import { NO_DOB, type EncodedMentions } from './mention.encoding.js';
import { forenameComparison, FORENAME_LEVEL } from './forename.comparison.js';
import { csrIntersects } from './string-dictionary.js';
import { dobComparison, dobLevelDiffers } from './dob.comparison.js';

export type ConflictReason = 'nhs' | 'upn' | 'twins' | 'cannot-link' | 'parent-age';

/**
 * Clearly different forenames: neither equal, a variant, a near spelling (a typo is not a twin),
 * phonetic, swapped nor a middle name; sharing only a first letter counts (Jack / James) unless
 * one side is just an initial.
 */
function forenamesDiffer(enc: EncodedMentions, i: number, j: number): boolean {
  const level = forenameComparison.compare(enc, i, j);
  if (level === FORENAME_LEVEL.else) return true;
  if (level !== FORENAME_LEVEL.initial) return false;
  const a = enc.names.values[enc.forename[i] as number] as string;
  const b = enc.names.values[enc.forename[j] as number] as string;
  return a.length > 1 && b.length > 1;
}

function sameHome(enc: EncodedMentions, i: number, j: number): boolean {
  return csrIntersects(enc.placeIds, i, enc.placeIds, j) || csrIntersects(enc.postcodeFull, i, enc.postcodeFull, j);
}

export function areTwins(enc: EncodedMentions, i: number, j: number): boolean {
  const d = enc.dobDay[i] as number;
  return (
    d !== NO_DOB &&
    d === enc.dobDay[j] &&
    (enc.surname[i] as number) >= 0 &&
    enc.surname[i] === enc.surname[j] &&
    forenamesDiffer(enc, i, j) &&
    sameHome(enc, i, j)
  );
}

/** Mentions grouped by (dob, surname): the only places twins can hide. */
export function twinCandidates(enc: EncodedMentions): Map<number, number[]> {
  const groups = new Map<number, number[]>();
  for (let i = 0; i < enc.n; i++) {
    const d = enc.dobDay[i] as number;
    const s = enc.surname[i] as number;
    if (d === NO_DOB || s < 0 || (enc.forename[i] as number) < 0) continue;
    const key = s * 131072 + (d + 65536);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, [i]);
    else g.push(i);
  }
  for (const [k, g] of groups) if (g.length < 2) groups.delete(k);
  return groups;
}

/** `source:table` of a record key. */
function tableOf(key: string): string {
  const a = key.indexOf(':');
  const b = a < 0 ? -1 : key.indexOf(':', a + 1);
  return b < 0 ? key : key.slice(0, b);
}

/**
 * Two records of one table sharing a household key (a tenancy) whose dates of birth clearly
 * differ (neither equal, swapped nor one keying slip apart): a source lists each person once per
 * household (one `person_ref` per person), so they are different people. Cannot-link pairs.
 */
export function householdCannotLinks(enc: EncodedMentions): [number, number][] {
  const byPlace = new Map<number, number[]>();
  const { offsets, data } = enc.placeIds;
  for (let i = 0; i < enc.n; i++) {
    if (enc.dobDay[i] === NO_DOB) continue;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const p = data[k] as number;
      if (!(enc.places.values[p] as string).startsWith('h:')) continue;
      const list = byPlace.get(p);
      if (list === undefined) byPlace.set(p, [i]);
      else list.push(i);
    }
  }
  const out = new Set<number>();
  for (const list of byPlace.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const i = list[x] as number;
        const j = list[y] as number;
        if (tableOf(enc.recordKeys[i] as string) !== tableOf(enc.recordKeys[j] as string)) continue;
        const level = dobComparison.compare(enc, i, j);
        if (dobLevelDiffers(level)) out.add(Math.min(i, j) * enc.n + Math.max(i, j));
      }
    }
  }
  return [...out].sort((p, q) => p - q).map((k) => [Math.floor(k / enc.n), k % enc.n]);
}
