/**
 * Blocking rules: each gives a mention zero or more integer keys; mentions sharing a key are
 * compared. Candidate pairs are the union over the rules (see candidate-pairs.ts).
 */
import { NO_DOB, type EncodedMentions } from './mention.encoding.js';

export interface BlockingRule {
  readonly name: string;
  /** Pushes this mention's keys (integers below 2^53) onto `out`. */
  keys(enc: EncodedMentions, i: number, out: number[]): void;
}

const P21 = 2 ** 21;
const P24 = 2 ** 24;

export const dobRule: BlockingRule = {
  name: 'dob',
  keys(enc, i, out) {
    const d = enc.dobDay[i] as number;
    if (d !== NO_DOB) out.push(d + 1_000_000);
  },
};

export const surnamePhoneticYearRule: BlockingRule = {
  name: 'surname phonetic + birth year',
  keys(enc, i, out) {
    const s = enc.surname[i] as number;
    if (s < 0 || enc.dobDay[i] === NO_DOB) return;
    const p = enc.namePhonetic1[s] as number;
    if (p >= 0) out.push(p * 4096 + ((enc.dobYear[i] as number) & 4095));
  },
};

export const forenameSectorRule: BlockingRule = {
  name: 'forename + postcode sector',
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

export const householdRule: BlockingRule = {
  name: 'shared uprn/household key',
  keys(enc, i, out) {
    const { offsets, data } = enc.placeIds;
    for (let k = offsets[i] as number; k < (offsets[i + 1] as number); k++) out.push(data[k] as number);
  },
};

export const surnameInitialRule: BlockingRule = {
  name: 'surname + forename initial',
  keys(enc, i, out) {
    const s = enc.surname[i] as number;
    if (s < 0) return;
    const f = enc.forename[i] as number;
    out.push(s * 128 + (f >= 0 ? (enc.nameFirstChar[f] as number) & 127 : 0));
  },
};

/** Forename and surname as an unordered pair: catches names recorded the wrong way round. */
export const namesEitherOrderRule: BlockingRule = {
  name: 'forename + surname either order',
  keys(enc, i, out) {
    const f = enc.forename[i] as number;
    const s = enc.surname[i] as number;
    if (f < 0 || s < 0) return;
    out.push(Math.min(f, s) * P24 + Math.max(f, s));
  },
};

/** Surname + postcode sector: catches forename changes and typos within a locality. */
export const surnameSectorRule: BlockingRule = {
  name: 'surname + postcode sector',
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

/** Bench-only: same street address line. */
export const addressRule: BlockingRule = {
  name: 'address',
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

export const DEFAULT_BLOCKING_RULES: readonly BlockingRule[] = [
  dobRule,
  surnamePhoneticYearRule,
  forenameSectorRule,
  forenamePhoneticDobRule,
  nhsRule,
  upnRule,
  householdRule,
  surnameInitialRule,
  namesEitherOrderRule,
  surnameSectorRule,
];

/** The default rules plus the generic ones the data supports. */
export function blockingRulesFor(enc: EncodedMentions): BlockingRule[] {
  const rules = [...DEFAULT_BLOCKING_RULES];
  if (enc.has.email) rules.push(emailRule);
  if (enc.has.city) rules.push(forenameCityRule);
  if (enc.has.address) rules.push(addressRule);
  return rules;
}
