/**
 * Columnar, integer-coded form of a set of mentions: what blocking, comparisons and clustering
 * read in their hot loops. Mentions are sorted by record key first, so every index, every
 * tie-break and therefore every result is independent of input order.
 */
import type { MatchMention } from './match-mention.js';
import { mentionFingerprints } from './mention.fingerprint.js';
import { isPlaceholderName, nameParts, normaliseName } from './name.normalise.js';
import { nicknameGroups } from './nickname.index.js';
import { phoneticCodes } from './phonetic.js';
import { parseDob } from './dob.js';
import { postcodeParts } from './postcode.js';
import { buildCsr, CsrBuilder, StringDictionary, type Csr } from './string-dictionary.js';
import { JaroWinklerTable } from './jaro-winkler.js';

export const NO_DOB = -2_147_483_648;

/** 0 unknown, 1 M, 2 F, 3 X. */
const SEX_CODE: Readonly<Record<string, number>> = { U: 0, M: 1, F: 2, X: 3 };

/** Term-frequency table as the model stores it: value → share of mentions holding it. */
export interface TfTable {
  total: number;
  values: Record<string, number>;
}

export interface EncodedMentions {
  n: number;
  /** Sorted ascending; index i everywhere refers to `recordKeys[i]`. */
  recordKeys: string[];
  /** Per mention: a fingerprint of everything the matcher reads about it (mention.fingerprint.ts). */
  fingerprints: Float64Array;
  /** The relationships the mentions' sources state, in mention order (the mentions themselves are not kept). */
  stated: StatedRelatives;
  /** Record keys seen more than once: the first (in input order) was kept. */
  duplicateKeys: number;
  /** Normalised names (forenames, surnames, their parts, middle and former names). */
  names: StringDictionary;
  forename: Int32Array;
  surname: Int32Array;
  /** Per mention: middle names and second and later forename parts (name ids). */
  otherGiven: Csr;
  /** Per mention: previous names and aliases, whole and per part (name ids). */
  altSurnames: Csr;
  /** Per name id (filled by `finishNames`). */
  namePhonetic1: Int32Array;
  namePhonetic2: Int32Array;
  nameFirstChar: Int32Array;
  nameGroups: Csr;
  nameParts: Csr;
  /** Jaro-Winkler over the name and text dictionaries. */
  nameJw: JaroWinklerTable;
  textJw: JaroWinklerTable;
  dobDay: Int32Array;
  dobYear: Int16Array;
  dobMonth: Uint8Array;
  dobDayOfMonth: Uint8Array;
  sex: Uint8Array;
  identifiers: StringDictionary;
  nhs: Int32Array;
  upn: Int32Array;
  postcodes: StringDictionary;
  postcodeFull: Csr;
  /** Aligned with `postcodeFull`; -1 where the postcode is not UK-shaped. */
  postcodeSector: Csr;
  postcodeDistrict: Csr;
  places: StringDictionary;
  /** Per mention: uprns and household keys (place ids). */
  placeIds: Csr;
  texts: StringDictionary;
  email: Int32Array;
  emailUser: Int32Array;
  city: Int32Array;
  address: Int32Array;
  has: { email: boolean; city: boolean; address: boolean };
  /** Counts per name id as forename / surname, per text id as city. */
  forenameCount: Int32Array;
  surnameCount: Int32Array;
  cityCount: Int32Array;
}

export interface StatedRelatives {
  /** The stating mention. */
  from: Int32Array;
  /** The related mention, or -1 when it is not among these mentions. */
  to: Int32Array;
  /** The relationship type as the source gave it. */
  type: string[];
}

/** Raw → normalised, memoised: names and postcodes repeat a great deal across mentions. */
function memo<T>(f: (raw: string) => T): (raw: string | null | undefined) => T | null {
  const cache = new Map<string, T>();
  return (raw) => {
    if (raw == null) return null;
    let v = cache.get(raw);
    if (v === undefined && !cache.has(raw)) {
      v = f(raw);
      cache.set(raw, v);
    }
    return v as T;
  };
}

function textId(texts: StringDictionary, value: string | null | undefined): number {
  if (value == null) return -1;
  const t = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return t.length > 0 ? texts.intern(t) : -1;
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function encodeMentions(input: readonly MatchMention[]): EncodedMentions {
  const seen = new Set<string>();
  const kept: MatchMention[] = [];
  for (const m of input) {
    if (seen.has(m.recordKey)) continue;
    seen.add(m.recordKey);
    kept.push(m);
  }
  kept.sort((a, b) => compareKeys(a.recordKey, b.recordKey));
  const n = kept.length;
  const names = new StringDictionary();
  const identifiers = new StringDictionary();
  const postcodes = new StringDictionary();
  const places = new StringDictionary();
  const texts = new StringDictionary();

  const forename = new Int32Array(n);
  const surname = new Int32Array(n);
  const dobDay = new Int32Array(n);
  const dobYear = new Int16Array(n);
  const dobMonth = new Uint8Array(n);
  const dobDayOfMonth = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const nhs = new Int32Array(n);
  const upn = new Int32Array(n);
  const email = new Int32Array(n);
  const emailUser = new Int32Array(n);
  const city = new Int32Array(n);
  const address = new Int32Array(n);
  const otherGiven = new CsrBuilder(n);
  const altSurnames = new CsrBuilder(n);
  const pcFull = new CsrBuilder(n);
  const pcSector = new CsrBuilder(n);
  const pcDistrict = new CsrBuilder(n);
  const placeRows = new CsrBuilder(n);
  const has = { email: false, city: false, address: false };
  const norm = memo(normaliseName);
  const evidence = memo((raw) => {
    const v = normaliseName(raw);
    return v !== null && !isPlaceholderName(v) ? v : null;
  });
  const partsOf = memo(nameParts);
  const pcParts = memo(postcodeParts);
  // Raw value → name id in one lookup.
  const nameIdOf = memo((raw) => {
    const v = evidence(raw);
    return v === null ? -1 : names.intern(v);
  });
  const nameId = (raw: string | null | undefined): number => nameIdOf(raw) ?? -1;
  const identifierId = (prefix: string, value: string): number => identifiers.intern(prefix + value);
  // A household's members share an address: normalised and interned once.
  const addressIdOf = memo((raw) => {
    const ad = normaliseName(raw);
    return ad === null ? -1 : texts.intern(`addr:${ad}`);
  });

  for (let i = 0; i < n; i++) {
    const m = kept[i] as MatchMention;
    // Forename: the whole normalised forename; its later parts count as other given names.
    const f = nameId(m.forename);
    forename[i] = f;
    if (f >= 0) {
      const parts = partsOf(names.values[f]) ?? [];
      for (let p = 1; p < parts.length; p++) otherGiven.push(names.intern(parts[p] as string));
    }
    if (m.middleNames) {
      const mid = evidence(m.middleNames);
      if (mid !== null) for (const p of partsOf(mid) ?? []) otherGiven.push(names.intern(p));
    }
    otherGiven.endRow();
    surname[i] = nameId(m.surname);
    for (const list of [m.previousNames, m.aliases]) {
      for (const v of list) {
        const a = nameId(v);
        if (a < 0) continue;
        altSurnames.push(a);
        const parts = partsOf(names.values[a]) ?? [];
        if (parts.length > 1) for (const p of parts) altSurnames.push(names.intern(p));
      }
    }
    altSurnames.endRow();

    const dob = parseDob(m.dob);
    if (dob === null) dobDay[i] = NO_DOB;
    else {
      dobDay[i] = dob.dayNumber;
      dobYear[i] = dob.year;
      dobMonth[i] = dob.month;
      dobDayOfMonth[i] = dob.day;
    }
    sex[i] = SEX_CODE[m.sex] ?? 0;
    nhs[i] = m.nhsNumber ? identifierId('nhs:', m.nhsNumber.replace(/\s+/g, '')) : -1;
    upn[i] = m.upn ? identifierId('upn:', m.upn.trim().toUpperCase()) : -1;

    for (const pc of m.postcodes) {
      const parts = pcParts(pc);
      if (parts === null) continue;
      const pf = postcodes.intern(parts.full);
      if (pcFull.rowHas(pf)) continue;
      pcFull.push(pf);
      pcSector.push(parts.sector === null ? -1 : postcodes.intern(`s:${parts.sector}`));
      pcDistrict.push(parts.district === null ? -1 : postcodes.intern(`d:${parts.district}`));
    }
    pcFull.endRow();
    pcSector.endRow();
    pcDistrict.endRow();
    for (const u of m.uprns) {
      const t = u.trim();
      if (!t) continue;
      const id = places.intern(`u:${t}`);
      if (!placeRows.rowHas(id)) placeRows.push(id);
    }
    for (const h of m.householdKeys) {
      const t = h.trim();
      if (!t) continue;
      const id = places.intern(`h:${t}`);
      if (!placeRows.rowHas(id)) placeRows.push(id);
    }
    placeRows.endRow();

    email[i] = textId(texts, m.email);
    if (email[i]! >= 0) {
      has.email = true;
      const e = texts.values[email[i]!] as string;
      const at = e.indexOf('@');
      emailUser[i] = at > 0 ? texts.intern(`user:${e.slice(0, at)}`) : -1;
    } else emailUser[i] = -1;
    const c = norm(m.city);
    city[i] = c === null ? -1 : texts.intern(`city:${c}`);
    if (city[i]! >= 0) has.city = true;
    address[i] = addressIdOf(m.address) ?? -1;
    if (address[i]! >= 0) has.address = true;
  }

  const recordKeys = kept.map((m) => m.recordKey);
  const enc: EncodedMentions = {
    n,
    recordKeys,
    fingerprints: mentionFingerprints(kept),
    stated: statedRelatives(kept, recordKeys),
    duplicateKeys: input.length - n,
    names,
    forename,
    surname,
    otherGiven: otherGiven.build(),
    altSurnames: altSurnames.build(),
    namePhonetic1: new Int32Array(0),
    namePhonetic2: new Int32Array(0),
    nameFirstChar: new Int32Array(0),
    nameGroups: buildCsr([]),
    nameParts: buildCsr([]),
    nameJw: new JaroWinklerTable([]),
    textJw: new JaroWinklerTable([]),
    dobDay,
    dobYear,
    dobMonth,
    dobDayOfMonth,
    sex,
    identifiers,
    nhs,
    upn,
    postcodes,
    postcodeFull: pcFull.build(),
    postcodeSector: pcSector.build(),
    postcodeDistrict: pcDistrict.build(),
    places,
    placeIds: placeRows.build(),
    texts,
    email,
    emailUser,
    city,
    address,
    has,
    forenameCount: new Int32Array(0),
    surnameCount: new Int32Array(0),
    cityCount: new Int32Array(0),
  };
  finishNames(enc);
  return enc;
}

/** Per-name derived data: phonetic codes, nickname groups, hyphen parts, counts. */
function finishNames(enc: EncodedMentions): void {
  const { names } = enc;
  // Parts first: interning parts may add names, so loop until the dictionary stops growing.
  const partRows: number[][] = [];
  for (let id = 0; id < names.size; id++) {
    const parts = nameParts(names.values[id] as string);
    partRows.push(parts.length > 1 ? parts.map((p) => names.intern(p)) : []);
  }
  const size = names.size;
  const phon = new StringDictionary();
  const p1 = new Int32Array(size);
  const p2 = new Int32Array(size);
  const first = new Int32Array(size);
  const groups: number[][] = [];
  for (let id = 0; id < size; id++) {
    const v = names.values[id] as string;
    const [a, b] = phoneticCodes(v);
    p1[id] = a.length > 0 ? phon.intern(a) : -1 - id;
    p2[id] = b.length > 0 ? phon.intern(b) : -1 - id;
    first[id] = v.charCodeAt(0);
    groups.push([...nicknameGroups(v)]);
  }
  enc.namePhonetic1 = p1;
  enc.namePhonetic2 = p2;
  enc.nameFirstChar = first;
  enc.nameGroups = buildCsr(groups);
  while (partRows.length < size) partRows.push([]);
  enc.nameParts = buildCsr(partRows);
  const fc = new Int32Array(size);
  const sc = new Int32Array(size);
  for (let i = 0; i < enc.n; i++) {
    const f = enc.forename[i] as number;
    const s = enc.surname[i] as number;
    if (f >= 0) fc[f]!++;
    if (s >= 0) sc[s]!++;
  }
  enc.forenameCount = fc;
  enc.surnameCount = sc;
  const cc = new Int32Array(enc.texts.size);
  for (let i = 0; i < enc.n; i++) {
    const c = enc.city[i] as number;
    if (c >= 0) cc[c]!++;
  }
  enc.cityCount = cc;
  enc.nameJw = new JaroWinklerTable(names.values);
  enc.textJw = new JaroWinklerTable(enc.texts.values);
}

function statedRelatives(sorted: readonly MatchMention[], recordKeys: readonly string[]): StatedRelatives {
  const from: number[] = [];
  const to: number[] = [];
  const type: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    for (const r of sorted[i]?.statedRelatives ?? []) {
      from.push(i);
      to.push(indexOfSortedKey(recordKeys, r.recordKey));
      type.push(r.type);
    }
  }
  return { from: Int32Array.from(from), to: Int32Array.from(to), type };
}

/** Index of a record key, or -1 (binary search over the sorted keys). */
export function indexOfKey(enc: EncodedMentions, key: string): number {
  return indexOfSortedKey(enc.recordKeys, key);
}

function indexOfSortedKey(recordKeys: readonly string[], key: string): number {
  let lo = 0;
  let hi = recordKeys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = recordKeys[mid] as string;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
