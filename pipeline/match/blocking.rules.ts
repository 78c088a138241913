/**
 * Blocking rules: each gives a mention zero or more integer keys; mentions sharing a key are
 * compared. Candidate pairs are the union over the rules (see candidate-pairs.ts).
 */
import { NO_DOB, type EncodedMentions } from './mention.encoding.js';
import { NULL_LEVEL } from './comparison.js';
import { csrIntersects } from './string-dictionary.js';
import { DOB_LEVEL, dobComparison } from './dob.comparison.js';

export interface BlockingRule {
  readonly name: string;
  /** Pushes this mention's keys (integers below 2^53) onto `out`. */
  keys(this: void, enc: EncodedMentions, i: number, out: number[]): void;
  /**
   * Extra condition on a pair sharing a key in a big block (Splink rules are SQL conditions
   * too); small blocks are compared whole (`BlockingOptions.filterAbove`).
   */
  filter?(this: void, enc: EncodedMentions, i: number, j: number): boolean;
}

const P21 = 2 ** 21;

/**
 * Forenames that could be the same person's: either missing, same first letter, same phonetic
 * code or variants (Bill / William). Keeps big blocks from comparing every sibling and parent.
 */
export function forenamesCompatible(enc: EncodedMentions, i: number, j: number): boolean {
  const a = enc.forename[i] as number;
  const b = enc.forename[j] as number;
  if (a < 0 || b < 0 || a === b) return true;
  if (enc.nameFirstChar[a] === enc.nameFirstChar[b]) return true;
  if (enc.namePhonetic1[a] === enc.namePhonetic1[b]) return true;
  return csrIntersects(enc.nameGroups, a, enc.nameGroups, b);
}

function surnamesSound(enc: EncodedMentions, i: number, j: number): boolean {
  const a = enc.surname[i] as number;
  const b = enc.surname[j] as number;
  return a < 0 || b < 0 || a === b || enc.namePhonetic1[a] === enc.namePhonetic1[b];
}
const P24 = 2 ** 24;

/** Sexes that could be one person's: equal, or one unknown. */
export function sexesCompatible(enc: EncodedMentions, i: number, j: number): boolean {
  const a = enc.sex[i] as number;
  const b = enc.sex[j] as number;
  return a === b || a === 0 || b === 0;
}

/** The two mentions share a full postcode (current or earlier). */
export function sharePostcode(enc: EncodedMentions, i: number, j: number): boolean {
  return csrIntersects(enc.postcodeFull, i, enc.postcodeFull, j);
}

/**
 * Dates of birth that could be one person's: either missing, or the dob comparison's levels
 * up to "within 365 days" (exact, day/month swapped, one field off, within a month or a year).
 * Pairs failing it have two dobs that disagree outright: siblings, a parent and a child, two
 * people of one name.
 */
export function dobsCompatible(enc: EncodedMentions, i: number, j: number): boolean {
  const level = dobComparison.compare(enc, i, j);
  return level === NULL_LEVEL || level <= DOB_LEVEL.withinYear;
}

/**
 * Dates of birth one keying slip apart at most: either missing, or exact, day/month swapped or
 * one field off. Stricter than `dobsCompatible`: two dobs weeks or months apart (a slip changes
 * one field) are siblings', cousins' or strangers'.
 */
export function dobsWithinSlip(enc: EncodedMentions, i: number, j: number): boolean {
  const level = dobComparison.compare(enc, i, j);
  return level === NULL_LEVEL || level <= DOB_LEVEL.oneOff;
}

/** Both dobs known and compatible (`dobsCompatible`): a missing dob is no evidence either way. */
function dobsKnownCompatible(enc: EncodedMentions, i: number, j: number): boolean {
  return enc.dobDay[i] !== NO_DOB && enc.dobDay[j] !== NO_DOB && dobsCompatible(enc, i, j);
}

/**
 * Same dob; in a big block, sexes compatible (equal or one unknown) and forenames compatible
 * or surnames sounding alike: catches a changed surname or a changed forename, not both.
 */
export const dobRule: BlockingRule = {
  name: 'dob',
  keys(enc, i, out) {
    const d = enc.dobDay[i] as number;
    if (d !== NO_DOB) out.push(d + 1_000_000);
  },
  filter(enc, i, j) {
    return sexesCompatible(enc, i, j) && (forenamesCompatible(enc, i, j) || surnamesSound(enc, i, j));
  },
};

/**
 * Surname phonetic code + birth year. In a big block a pair needs forenames
 * compatible and dobs one keying slip apart at most: siblings and cousins born in one year are
 * not compared.
 */
export const surnamePhoneticYearRule: BlockingRule = {
  name: 'surname phonetic + birth year',
  filter(enc, i, j) {
    return forenamesCompatible(enc, i, j) && dobsWithinSlip(enc, i, j);
  },
  keys(enc, i, out) {
    const s = enc.surname[i] as number;
    if (s < 0 || enc.dobDay[i] === NO_DOB) return;
    const p = enc.namePhonetic1[s] as number;
    if (p >= 0) out.push(p * 4096 + ((enc.dobYear[i] as number) & 4095));
  },
};

/**
 * Forename + postcode sector: catches a changed surname within a locality. In
 * a big block (a common forename in a busy sector) a pair needs surnames sounding alike, a shared
 * postcode or two known dobs that could be one person's: two Olivias of different surnames born
 * years apart, or one of them without a dob living elsewhere in the sector, are not compared.
 */
export const forenameSectorRule: BlockingRule = {
  name: 'forename + postcode sector',
  filter(enc, i, j) {
    return surnamesSound(enc, i, j) || sharePostcode(enc, i, j) || dobsKnownCompatible(enc, i, j);
  },
  keys(enc, i, out) {
    const f = enc.forename[i] as number;
    if (f < 0) return;
    const { offsets, data } = enc.postcodeSector;
    const full = enc.postcodeFull.data;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      // Non-UK postcodes have no sector: block on the whole postcode instead.
      const s = data[k] as number;
      out.push(f * P24 + (s >= 0 ? s : (full[k] as number)));
    }
  },
};

/**
 * Forename phonetic code + birth year: catches a misspelt surname (or none)
 * with a dob keyed out in the month or day. In a big block (a common forename born in one year) a
 * pair needs dobs one keying slip apart at most and surnames sounding alike or missing, or its
 * names crossed: two Olivias born in one year are not compared.
 * (Keying the surname's code as well found a few more pairs on Splink's fake_1000, F1 0.7925
 * against 0.7882, for 38M more candidate pairs on a 1.1M-mention county.)
 */
export const namePhoneticYearRule: BlockingRule = {
  name: 'forename phonetic + birth year',
  filter(enc, i, j) {
    const namesAlike = surnamesSound(enc, i, j) || (enc.forename[i] as number) === enc.surname[j] || (enc.forename[j] as number) === enc.surname[i];
    return namesAlike && dobsWithinSlip(enc, i, j);
  },
  keys(enc, i, out) {
    if (enc.dobDay[i] === NO_DOB) return;
    const year = (enc.dobYear[i] as number) & 4095;
    const id = enc.forename[i] as number;
    const p = id >= 0 ? (enc.namePhonetic1[id] as number) : -1;
    if (p >= 0) out.push(p * 4096 + year);
  },
};

/** Forename phonetic code + dob with day and month either way round. */
export const forenamePhoneticDobRule: BlockingRule = {
  name: 'forename phonetic + dob (day/month either way)',
  keys(enc, i, out) {
    const f = enc.forename[i] as number;
    if (f < 0 || enc.dobDay[i] === NO_DOB) return;
    const p = enc.namePhonetic1[f] as number;
    if (p < 0) return;
    const m = enc.dobMonth[i] as number;
    const d = enc.dobDayOfMonth[i] as number;
    const lo = Math.min(m, d);
    const hi = Math.max(m, d);
    out.push(((p * 4096 + ((enc.dobYear[i] as number) & 4095)) * 32 + lo) * 32 + hi);
  },
};

export const nhsRule: BlockingRule = {
  name: 'nhs number',
  keys(enc, i, out) {
    const v = enc.nhs[i] as number;
    if (v >= 0) out.push(v);
  },
};

export const upnRule: BlockingRule = {
  name: 'upn',
  keys(enc, i, out) {
    const v = enc.upn[i] as number;
    if (v >= 0) out.push(v);
  },
};

/** A shared uprn or household key. */
export const householdRule: BlockingRule = {
  name: 'shared uprn/household key',
  keys(enc, i, out) {
    const { offsets, data } = enc.placeIds;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) out.push(data[k] as number);
  },
};

/**
 * Surname + forename initial, where a dob is missing on one side (carers, contacts) and the
 * forenames are equal, sound alike, are variants or one is an initial: pairs with both dobs
 * are left to the dob-based rules, or this rule alone would compare every parent with every
 * sibling of a common surname.
 */
export const surnameInitialRule: BlockingRule = {
  name: 'surname + forename initial (a dob missing)',
  keys(enc, i, out) {
    const s = enc.surname[i] as number;
    if (s < 0) return;
    const f = enc.forename[i] as number;
    out.push(s * 128 + (f >= 0 ? (enc.nameFirstChar[f] as number) & 127 : 0));
  },
  filter(enc, i, j) {
    if (enc.dobDay[i] !== NO_DOB && enc.dobDay[j] !== NO_DOB) return false;
    const a = enc.forename[i] as number;
    const b = enc.forename[j] as number;
    return a < 0 || b < 0 || a === b || enc.namePhonetic1[a] === enc.namePhonetic1[b] || csrIntersects(enc.nameGroups, a, enc.nameGroups, b) || enc.names.values[a]?.length === 1 || enc.names.values[b]?.length === 1;
  },
};

/**
 * Forename and surname as an unordered pair: catches names recorded the wrong
 * way round. In a big block (a common name) a pair needs its names swapped or two dobs one
 * keying slip apart at most: two John Smiths born months apart are two people, and a John Smith
 * without a dob is left to the surname + initial rule (in a 1.1M-mention county, comparing him
 * with every John Smith of the block gave 34M pairs no other rule gave, 0.3% of them true).
 */
export const namesEitherOrderRule: BlockingRule = {
  name: 'forename + surname either order',
  filter(enc, i, j) {
    const dobs = enc.dobDay[i] !== NO_DOB && enc.dobDay[j] !== NO_DOB && dobsWithinSlip(enc, i, j);
    return dobs || (enc.forename[i] !== enc.forename[j] && enc.forename[i] === enc.surname[j]);
  },
  keys(enc, i, out) {
    const f = enc.forename[i] as number;
    const s = enc.surname[i] as number;
    if (f < 0 || s < 0) return;
    out.push(Math.min(f, s) * P24 + Math.max(f, s));
  },
};

/**
 * Surname + postcode sector: catches forename changes and typos within a
 * locality. In a big block (a common surname in a busy sector) a pair needs dobs that could be
 * one person's, and forenames that could be or a shared postcode (a forename changed at one
 * address): siblings, a parent with a child, and two families of one surname in the sector are
 * not compared.
 */
export const surnameSectorRule: BlockingRule = {
  name: 'surname + postcode sector',
  filter(enc, i, j) {
    return dobsCompatible(enc, i, j) && (forenamesCompatible(enc, i, j) || sharePostcode(enc, i, j));
  },
  keys(enc, i, out) {
    const f = enc.surname[i] as number;
    if (f < 0) return;
    const { offsets, data } = enc.postcodeSector;
    const full = enc.postcodeFull.data;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) {
      const s = data[k] as number;
      out.push(f * P24 + (s >= 0 ? s : (full[k] as number)));
    }
  },
};

/** Bench-only: same email user part (fake_1000 style data; typos in the domain survive). */
export const emailRule: BlockingRule = {
  name: 'email user',
  keys(enc, i, out) {
    const v = enc.emailUser[i] as number;
    if (v >= 0) out.push(v);
    else if ((enc.email[i] as number) >= 0) out.push(enc.email[i] as number);
  },
};

/**
 * Same street address line (a county's mentions carry it too). In a big block
 * (a block of flats, a care home) a pair needs forenames compatible or surnames sounding alike:
 * the other residents are not compared.
 */
export const addressRule: BlockingRule = {
  name: 'address',
  filter(enc, i, j) {
    return forenamesCompatible(enc, i, j) || surnamesSound(enc, i, j);
  },
  keys(enc, i, out) {
    const v = enc.address[i] as number;
    if (v >= 0) out.push(v);
  },
};

/** Bench-only: forename + city (data sets without postcodes). */
export const forenameCityRule: BlockingRule = {
  name: 'forename + city',
  keys(enc, i, out) {
    const f = enc.forename[i] as number;
    const c = enc.city[i] as number;
    if (f >= 0 && c >= 0) out.push(f * P21 + c);
  },
};

/**
 * In order of the pairs they hold at a county's size, most first: every pair a rule emits is
 * checked against each rule before it (candidate-pairs.ts), so the big rules go where that is
 * cheap. The union, and so the pairs scored, does not depend on the order; only which rule a
 * pair is counted under does (measured at 1.1M mentions: 74.5M pairs enumerated in 11.2 s of CPU
 * in this order, 19.8 s with the name rules last).
 */
const BIG_RULES: readonly BlockingRule[] = [namesEitherOrderRule, surnameInitialRule, forenameSectorRule, surnameSectorRule];
const SMALL_RULES: readonly BlockingRule[] = [
  dobRule,
  namePhoneticYearRule,
  surnamePhoneticYearRule,
  householdRule,
  forenamePhoneticDobRule,
  nhsRule,
  upnRule,
];

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [...BIG_RULES, ...SMALL_RULES];

/** The default rules plus the generic ones the data supports (the address rule among the big ones). */
export function blockingRulesFor(enc: EncodedMentions): BlockingRule[] {
  const rules = [...BIG_RULES];
  if (enc.has.address) rules.push(addressRule);
  rules.push(...SMALL_RULES);
  if (enc.has.email) rules.push(emailRule);
  if (enc.has.city) rules.push(forenameCityRule);
  return rules;
}

/** Every rule, the bench-only ones too: a thread given rule names finds them here. */
export const ALL_BLOCKING_RULES: readonly BlockingRule[] = [...DEFAULT_BLOCKING_RULES, emailRule, forenameCityRule, addressRule];

export function blockingRuleByName(name: string): BlockingRule | undefined {
  return ALL_BLOCKING_RULES.find((r) => r.name === name);
}
