/** Lookup of forename variants from the curated table. */
import { NICKNAME_GROUPS } from './nickname.table.js';
import { normaliseName } from './name.normalise.js';

const EMPTY: readonly number[] = Object.freeze([]);

const index: ReadonlyMap<string, readonly number[]> = (() => {
  const m = new Map<string, number[]>();
  NICKNAME_GROUPS.forEach((group, g) => {
    for (const raw of group) {
      const name = normaliseName(raw);
      if (name === null) continue;
      const list = m.get(name);
      if (list === undefined) m.set(name, [g]);
      else if (!list.includes(g)) list.push(g);
    }
  });
  return m;
})();

/** Group ids (ascending) of a normalised forename; empty when not in the table. */
export function nicknameGroups(normalisedForename: string): readonly number[] {
  return index.get(normalisedForename) ?? EMPTY;
}

/** True when the two normalised forenames share a variant group. */
export function areNameVariants(a: string, b: string): boolean {
  if (a === b) return true;
  const ga = nicknameGroups(a);
  if (ga.length === 0) return false;
  const gb = nicknameGroups(b);
  for (const g of ga) if (gb.includes(g)) return true;
  return false;
}

export const NICKNAME_GROUP_COUNT = NICKNAME_GROUPS.length;
