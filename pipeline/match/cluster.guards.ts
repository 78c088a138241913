/**
 * What may never share a cluster: two different valid NHS numbers, two different valid UPNs,
 * twins (same dob and surname, clearly different forenames, same household or postcode), and
 * pairs under a cannot-link constraint (a human rejection, a relation making someone their own
 * parent).
 */
import { NO_DOB, type EncodedMentions } from './mention.encoding.js';
import { forenameComparison, FORENAME_LEVEL } from './forename.comparison.js';
import { csrIntersects } from './string-dictionary.js';

export type ConflictReason = 'nhs' | 'upn' | 'twins' | 'cannot-link';

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

export function twinKey(enc: EncodedMentions, i: number): number {
  return (enc.surname[i] as number) * 131072 + ((enc.dobDay[i] as number) + 65536);
}
