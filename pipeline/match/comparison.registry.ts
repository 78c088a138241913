/** All comparisons the matcher knows, by name, in the order models list them. */
import type { Comparison } from './comparison.js';
import { forenameComparison } from './forename.comparison.js';
import { surnameComparison } from './surname.comparison.js';
import { dobComparison } from './dob.comparison.js';
import { sexComparison } from './sex.comparison.js';
import { addressComparison } from './address.comparison.js';
import { nhsComparison, upnComparison } from './identifier.comparison.js';
import { cityComparison, emailComparison, streetComparison } from './text.comparison.js';
import type { EncodedMentions } from './mention.encoding.js';
import type { MatchModel } from './match.model.js';

export const ALL_COMPARISONS: readonly Comparison[] = [
  forenameComparison,
  surnameComparison,
  dobComparison,
  sexComparison,
  addressComparison,
  nhsComparison,
  upnComparison,
  emailComparison,
  cityComparison,
  streetComparison,
];

export function comparisonByName(name: string): Comparison | undefined {
  return ALL_COMPARISONS.find((c) => c.name === name);
}

/** The comparisons a data set supports (core ones always; generic ones when present). */
export function comparisonsFor(enc: EncodedMentions): Comparison[] {
  return ALL_COMPARISONS.filter((c) => c.applies(enc));
}

/**
 * True when a stored model was trained on today's comparisons: every one it names exists with
 * the same levels. A model trained before a comparison gained or lost a level cannot score.
 */
export function modelFitsComparisons(model: MatchModel): boolean {
  return model.comparisons.every((mc) => {
    const c = comparisonByName(mc.name);
    return c !== undefined && c.levels.length === mc.levels.length && c.levels.every((l, k) => l.label === mc.levels[k]?.label);
  });
}
