/**
 * Synthetic county for performance runs: households of adults and children, each person seen
 * by several agencies with realistic noise (typos, nicknames, swapped or slipped dates, missing
 * fields, name changes, moves), school carers without dob stated as MOTHER / FATHER of pupils,
 * and twins. Deterministic for a seed. All names are generated: no real person's data.
 */
import { matchMention, type MatchMention } from '../match-mention.js';
import { mulberry32 } from '../prng.js';
import { NICKNAME_GROUPS } from '../nickname.table.js';

const FIRST_F = ['olivia', 'amelia', 'isla', 'ava', 'mia', 'ivy', 'lily', 'isabella', 'rosie', 'sophia', 'grace', 'willow', 'freya', 'florence', 'emily', 'ella', 'poppy', 'evie', 'elsie', 'charlotte', 'evelyn', 'sienna', 'sofia', 'daisy', 'phoebe', 'sarah', 'emma', 'rebecca', 'katherine', 'elizabeth', 'margaret', 'jennifer', 'victoria', 'samantha', 'deborah', 'susan', 'abigail', 'zoe', 'hannah', 'jessica', 'lucy', 'laura', 'natalie', 'rachel', 'amy', 'chloe', 'megan', 'holly', 'katarzyna', 'aisha', 'fatima', 'zainab', 'maryam', 'agnieszka', 'alexandra', 'nicola', 'louise', 'claire', 'kelly', 'donna', 'leanne', 'gemma', 'kayleigh', 'jade', 'stacey', 'amber', 'paige', 'courtney', 'niamh', 'siobhan'];
const FIRST_M = ['muhammad', 'noah', 'oliver', 'george', 'leo', 'arthur', 'oscar', 'harry', 'theodore', 'henry', 'jack', 'charlie', 'freddie', 'alfie', 'jacob', 'thomas', 'william', 'james', 'joshua', 'samuel', 'daniel', 'benjamin', 'joseph', 'lewis', 'ryan', 'liam', 'robert', 'michael', 'richard', 'edward', 'christopher', 'jonathan', 'matthew', 'anthony', 'stephen', 'patrick', 'nicholas', 'frederick', 'alexander', 'aleksander', 'david', 'paul', 'mark', 'andrew', 'peter', 'craig', 'darren', 'wayne', 'jamie', 'kieran', 'connor', 'callum', 'tyler', 'kyle', 'dylan', 'ethan', 'mason', 'logan', 'riley', 'ahmed', 'ibrahim', 'omar', 'yusuf', 'hassan', 'ali', 'hussain', 'piotr', 'jakub', 'tomasz', 'krzysztof'];
const SURNAMES = ['smith', 'jones', 'taylor', 'brown', 'williams', 'wilson', 'johnson', 'davies', 'patel', 'robinson', 'wright', 'thompson', 'evans', 'walker', 'white', 'roberts', 'green', 'hall', 'thomas', 'clarke', 'jackson', 'wood', 'harris', 'edwards', 'turner', 'martin', 'cooper', 'hill', 'ward', 'hughes', 'moore', 'clark', 'king', 'harrison', 'lewis', 'baker', 'lee', 'allen', 'morris', 'khan', 'scott', 'watson', 'davis', 'parker', 'james', 'bennett', 'young', 'phillips', 'richardson', 'mitchell', 'bailey', 'carter', 'cook', 'singh', 'shaw', 'bell', 'collins', 'morgan', 'kelly', 'begum', 'miller', 'cox', 'hussain', 'marshall', 'simpson', 'price', 'anderson', 'adams', 'wilkinson', 'ali', 'ahmed', 'foster', 'ellis', 'murphy', 'chapman', 'mason', 'gray', 'richards', 'webb', 'griffiths', 'hunt', 'palmer', 'campbell', 'holmes', 'mills', 'rogers', 'barnes', 'knight', 'matthews', 'barker', 'powell', 'stevens', 'kaur', 'fisher', 'butler', 'dixon', 'russell', 'harvey', 'pearson', 'graham', 'nowak', 'kowalski', 'wisniewski'];
const SYL = ['ash', 'bar', 'ber', 'bright', 'brook', 'by', 'cal', 'car', 'ding', 'don', 'eld', 'fair', 'field', 'ford', 'gate', 'ham', 'har', 'hurst', 'ing', 'kin', 'lan', 'ley', 'low', 'mar', 'mere', 'mor', 'ney', 'ock', 'pen', 'rick', 'ridge', 'row', 'sel', 'shaw', 'stead', 'ston', 'thorn', 'ton', 'vale', 'wel', 'wick', 'win', 'worth', 'wyn'];
const AREAS = ['LE', 'NG', 'DE', 'CV', 'PE', 'NN', 'LN'];
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export interface SyntheticCounty {
  mentions: MatchMention[];
  truth: Map<string, string>;
}

interface Person {
  id: number;
  forename: string;
  middle: string | null;
  surname: string;
  previousSurname: string | null;
  dob: string;
  sex: 'M' | 'F';
  nhs: string;
  upn: string;
}

export function generateSyntheticCounty(targetMentions: number, seed: number): SyntheticCounty {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  // Zipf-ish: common names are common, and a long tail of generated surnames.
  const zipf = <T>(xs: readonly T[]): T => xs[Math.floor(xs.length * rnd() ** 1.3)] as T;
  const tailSurname = (): string => pick(SYL) + pick(SYL) + (rnd() < 0.3 ? pick(SYL) : '');
  const surname = (): string => (rnd() < 0.45 ? zipf(SURNAMES) : tailSurname());
  const nickOf = new Map<string, string[]>();
  for (const g of NICKNAME_GROUPS) for (const n of g) nickOf.set(n, [...(nickOf.get(n) ?? []), ...g.filter((x) => x !== n)]);
  const typo = (s: string): string => {
    if (s.length < 3) return s;
    const i = 1 + Math.floor(rnd() * (s.length - 1));
    const r = rnd();
    if (r < 0.33) return s.slice(0, i - 1) + (s[i] ?? '') + (s[i - 1] ?? '') + s.slice(i + 1);
    if (r < 0.66) return s.slice(0, i) + s.slice(i + 1);
    return s.slice(0, i) + String.fromCharCode(97 + Math.floor(rnd() * 26)) + s.slice(i + 1);
  };
  const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const dobIn = (y0: number, y1: number): [number, number, number] => [y0 + Math.floor(rnd() * (y1 - y0 + 1)), 1 + Math.floor(rnd() * 12), 1 + Math.floor(rnd() * 28)];
  const fmt = ([y, m, d]: [number, number, number]): string => `${y}-${pad(m)}-${pad(d)}`;
  const postcode = (): string => `${pick(AREAS)}${1 + Math.floor(rnd() * 20)} ${Math.floor(rnd() * 10)}${pick([...LETTERS])}${pick([...LETTERS])}`;

  const mentions: MatchMention[] = [];
  const truth = new Map<string, string>();
  let personSeq = 0;
  let keySeq = 0;
  const nextKey = (source: string, table: string): string => `${source}:${table}:${(keySeq++).toString(36)}`;

  const newPerson = (sex: 'M' | 'F', surnameValue: string, dob: [number, number, number]): Person => {
    const id = personSeq++;
    const fore = sex === 'F' ? zipf(FIRST_F) : zipf(FIRST_M);
    return {
      id,
      forename: fore,
      middle: rnd() < 0.5 ? (sex === 'F' ? pick(FIRST_F) : pick(FIRST_M)) : null,
      surname: surnameValue,
      previousSurname: null,
      dob: fmt(dob),
      sex,
      nhs: String(4_000_000_000 + id * 7),
      upn: `A${String(100_000_000_000 + id).slice(-12)}`,
    };
  };

  const emit = (p: Person, source: string, table: string, home: { postcodes: string[]; uprn: string; household: string }, opts: { dob?: boolean; nhs?: boolean; upn?: boolean; relatives?: { type: string; recordKey: string }[]; key?: string } = {}): string => {
    const recordKey = opts.key ?? nextKey(source, table);
    let fore: string | null = p.forename;
    const r = rnd();
    if (r < 0.05) fore = typo(fore);
    else if (r < 0.1) fore = pick(nickOf.get(fore) ?? [fore]);
    else if (r < 0.12) fore = null;
    let sur: string | null = p.surname;
    const s = rnd();
    if (s < 0.04) sur = typo(sur);
    else if (s < 0.05) sur = null;
    if (p.previousSurname && rnd() < 0.4) sur = p.previousSurname;
    let dob: string | null = opts.dob === false ? null : p.dob;
    if (dob !== null) {
      const d = rnd();
      const [y, m, dd] = dob.split('-').map(Number) as [number, number, number];
      if (d < 0.03) dob = null;
      else if (d < 0.04 && dd <= 12) dob = fmt([y, dd, m]);
      else if (d < 0.06) dob = fmt([y, m, dd === 28 ? 27 : dd + 1]);
    }
    const moved = rnd() < 0.15;
    const m = matchMention({
      recordKey,
      source,
      forename: fore === null ? null : cap(fore),
      surname: sur === null ? null : cap(sur),
      middleNames: p.middle && rnd() < 0.5 ? cap(p.middle) : null,
      previousNames: p.previousSurname && rnd() < 0.5 ? [cap(p.previousSurname)] : [],
      dob,
      sex: rnd() < 0.05 ? 'U' : p.sex,
      nhsNumber: opts.nhs ? p.nhs : null,
      upn: opts.upn ? p.upn : null,
      postcodes: moved ? [postcode(), ...home.postcodes] : rnd() < 0.1 ? [] : home.postcodes,
      uprns: moved || rnd() < 0.5 ? [] : [home.uprn],
      householdKeys: source === 'housing' ? [home.household] : [],
    });
    if (opts.relatives) m.statedRelatives = opts.relatives;
    mentions.push(m);
    truth.set(recordKey, `p${p.id}`);
    return recordKey;
  };

  let schoolSeq = 0;
  let hh = 0;
  while (mentions.length < targetMentions) {
    const home = { postcodes: [postcode()], uprn: String(10_000_000 + hh), household: `housing:tenancy:${hh}` };
    hh++;
    const family = surname();
    const mother = newPerson('F', family, dobIn(1965, 2003));
    const hasFather = rnd() < 0.6;
    const father = hasFather ? newPerson('M', rnd() < 0.8 ? family : surname(), dobIn(1960, 2001)) : null;
    const adults = father ? [mother, father] : [mother];
    const nKids = Math.floor(rnd() * 4);
    const kids: Person[] = [];
    for (let k = 0; k < nKids; k++) {
      const twin = k > 0 && rnd() < 0.03;
      const prev = kids[k - 1];
      const dob = twin && prev ? (prev.dob.split('-').map(Number) as [number, number, number]) : dobIn(2006, 2024);
      const kid = newPerson(rnd() < 0.5 ? 'F' : 'M', rnd() < 0.85 ? family : (father?.surname ?? family), dob);
      if (rnd() < 0.05) {
        kid.previousSurname = kid.surname;
        kid.surname = surname();
      }
      kids.push(kid);
    }
    const adultKeys = new Map<number, string[]>();
    for (const a of adults) {
      const keys: string[] = [];
      if (rnd() < 0.7) keys.push(emit(a, 'housing', 'tenants', home));
      if (rnd() < 0.5) keys.push(emit(a, 'health', 'patients', home, { nhs: true }));
      if (rnd() < 0.15) keys.push(emit(a, 'police', 'nominals', home, { nhs: false }));
      if (rnd() < 0.2) keys.push(emit(a, 'health', 'hospital', home, { nhs: true }));
      if (nKids > 0 && rnd() < 0.3) keys.push(emit(a, 'social_care', 'persons', home, { nhs: rnd() < 0.6 }));
      adultKeys.set(a.id, keys);
    }
    // Schools keep one contact record per parent; a parent has a different one at each school.
    const carerAt = new Map<string, string>();
    const carerKey = (a: Person, school: number): string => {
      const k = `${a.id}@${school}`;
      let key = carerAt.get(k);
      if (key === undefined) {
        key = emit(a, 'education', 'carers', rnd() < 0.5 ? home : { postcodes: [], uprn: '', household: '' }, { dob: false });
        carerAt.set(k, key);
      }
      return key;
    };
    const familySchools = [schoolSeq++, schoolSeq++];
    for (const kid of kids) {
      const year = Number(kid.dob.slice(0, 4));
      const schools = year <= 2020 ? (rnd() < 0.2 ? 2 : 1) : 0;
      for (let sc = 0; sc < schools; sc++) {
        const school = sc === 0 ? (familySchools[0] as number) : rnd() < 0.5 ? (familySchools[1] as number) : schoolSeq++;
        const relatives: { type: string; recordKey: string }[] = [];
        for (const a of adults) {
          if (rnd() < 0.85) relatives.push({ type: a.sex === 'F' ? 'MOTHER' : 'FATHER', recordKey: carerKey(a, school) });
        }
        emit(kid, 'education', 'pupils', home, { upn: rnd() < 0.95, relatives });
      }
      if (rnd() < 0.7) emit(kid, 'health', 'patients', home, { nhs: true });
      if (rnd() < 0.2) emit(kid, 'health', 'hospital', home, { nhs: true });
      if (rnd() < 0.25) {
        const rel: { type: string; recordKey: string }[] = [];
        for (const a of adults) {
          const k = adultKeys.get(a.id)?.find((x) => x.startsWith('social_care'));
          if (k) rel.push({ type: a.sex === 'F' ? 'MOTHER' : 'FATHER', recordKey: k });
        }
        emit(kid, 'social_care', 'persons', home, { relatives: rel, nhs: rnd() < 0.6 });
      }
      if (year <= 2010 && rnd() < 0.1) emit(kid, 'police', 'nominals', home);
    }
  }
  return { mentions, truth };
}
