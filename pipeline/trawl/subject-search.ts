/**
 * Finding the subject by name and date of birth (and postcode): scores each candidate person
 * with the matcher's comparisons (normalised names, nickname variants, Jaro-Winkler, previous
 * names and aliases, day/month swaps) and says which candidates fit. More than one fit is
 * ambiguous: the caller lists the candidates rather than guessing.
 */
import { jaroWinkler } from '../match/jaro-winkler.js';
import { normaliseName } from '../match/name.normalise.js';
import { areNameVariants } from '../match/nickname.index.js';

export interface SearchTerms {
  forename: string;
  surname: string;
  dob: string;
  postcode: string | null;
}

export interface CandidateMention {
  personId: string;
  recordKey: string;
  forename: string | null;
  surname: string | null;
  previousNames: string[];
  aliases: string[];
  dob: string | null;
  postcode: string | null;
}

export interface Candidate {
  personId: string;
  /** 0-100: forename 30, surname 30, date of birth 30, postcode 10. */
  score: number;
  fits: boolean;
  recordKeys: string[];
  /** Comparison levels that gave the score, e.g. `forename:exact surname:previous dob:swapped`. */
  reasons: string[];
  name: string;
  dob: string | null;
}

const NEAR = 0.88;

type Level = { points: number; level: string };

function compareForename(term: string, value: string | null): Level {
  const v = normaliseName(value);
  if (v === null) return { points: 0, level: 'missing' };
  if (v === term) return { points: 30, level: 'exact' };
  const [first] = v.split(' ');
  const [termFirst] = term.split(' ');
  if (first !== undefined && termFirst !== undefined && (first === termFirst || areNameVariants(first, termFirst))) {
    return { points: 22, level: first === termFirst ? 'first-name' : 'variant' };
  }
  if (jaroWinkler(v, term) >= NEAR) return { points: 20, level: 'near' };
  return { points: 0, level: 'different' };
}

function compareSurname(term: string, value: string | null): Level {
  const v = normaliseName(value);
  if (v === null) return { points: 0, level: 'missing' };
  if (v === term) return { points: 30, level: 'exact' };
  if (v.split(' ').includes(term) || term.split(' ').includes(v)) return { points: 22, level: 'part' };
  if (jaroWinkler(v, term) >= NEAR) return { points: 20, level: 'near' };
  return { points: 0, level: 'different' };
}

function compareDob(term: string, value: string | null): Level {
  if (value === null) return { points: 0, level: 'missing' };
  if (value === term) return { points: 30, level: 'exact' };
  const [ty, tm, td] = term.split('-');
  const [vy, vm, vd] = value.split('-');
  if (ty === vy && tm === vd && td === vm && tm !== td) return { points: 20, level: 'swapped' };
  return { points: 0, level: 'different' };
}

function outward(postcode: string): string {
  const p = postcode.toUpperCase().replace(/\s+/g, '');
  return p.length > 3 ? p.slice(0, -3) : p;
}

function comparePostcode(term: string | null, value: string | null): Level {
  if (term === null || value === null) return { points: 0, level: 'missing' };
  const a = term.toUpperCase().replace(/\s+/g, '');
  const b = value.toUpperCase().replace(/\s+/g, '');
  if (a === b) return { points: 10, level: 'exact' };
  if (outward(a) === outward(b)) return { points: 5, level: 'district' };
  return { points: 0, level: 'different' };
}

/** "Kayla Whitworth" -> forename "Kayla", surname "Whitworth" (last word is the surname). */
function splitName(name: string): { forename: string | null; surname: string | null } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { forename: null, surname: parts[0] ?? null };
  return { forename: parts.slice(0, -1).join(' '), surname: parts.at(-1) ?? null };
}

interface MentionScore {
  score: number;
  fits: boolean;
  reasons: string[];
}

function scoreMention(terms: SearchTerms, m: CandidateMention): MentionScore {
  const fn = normaliseName(terms.forename) ?? '';
  const sn = normaliseName(terms.surname) ?? '';
  const variants: { forename: string | null; surname: string | null; kind: string }[] = [
    { forename: m.forename, surname: m.surname, kind: 'current' },
    ...[...m.previousNames, ...m.aliases].map((n) => ({ ...splitName(n), kind: 'previous' })),
  ];
  let bestName = { points: -1, reasons: [] as string[], forename: 0, surname: 0 };
  for (const v of variants) {
    const f = compareForename(fn, v.forename);
    const s = compareSurname(sn, v.surname);
    const points = f.points + s.points;
    if (points > bestName.points) {
      const suffix = v.kind === 'previous' ? '(previous name)' : '';
      bestName = { points, reasons: [`forename:${f.level}${suffix}`, `surname:${s.level}${suffix}`], forename: f.points, surname: s.points };
    }
  }
  const d = compareDob(terms.dob, m.dob);
  const p = comparePostcode(terms.postcode, m.postcode);
  const reasons = [...bestName.reasons, `dob:${d.level}`];
  if (terms.postcode !== null) reasons.push(`postcode:${p.level}`);
  return {
    score: Math.max(0, bestName.points) + d.points + p.points,
    fits: d.points > 0 && bestName.forename >= 20 && bestName.surname >= 20,
    reasons,
  };
}

/** Candidates best first; each person scored by their best mention. */
export function scoreCandidates(
  terms: SearchTerms,
  mentions: readonly CandidateMention[],
  describe: (personId: string) => { name: string; dob: string | null },
): Candidate[] {
  const byPerson = new Map<string, { best: MentionScore; keys: Set<string> }>();
  for (const m of mentions) {
    const s = scoreMention(terms, m);
    const entry = byPerson.get(m.personId);
    if (!entry) byPerson.set(m.personId, { best: s, keys: new Set([m.recordKey]) });
    else {
      entry.keys.add(m.recordKey);
      if (s.score > entry.best.score || (s.fits && !entry.best.fits)) entry.best = s;
    }
  }
  return [...byPerson]
    .map(([personId, { best, keys }]) => ({
      personId,
      score: best.score,
      fits: best.fits,
      recordKeys: [...keys].sort(),
      reasons: best.reasons,
      ...describe(personId),
    }))
    .filter((c) => c.score >= 40)
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.score - a.score || a.personId.localeCompare(b.personId));
}

/** The dates of birth to look up: the one given and its day/month swap. */
export function dobsToSearch(dob: string): string[] {
  const [y, m, d] = dob.split('-');
  const out = [dob];
  if (y !== undefined && m !== undefined && d !== undefined && m !== d && Number(d) <= 12) out.push(`${y}-${d}-${m}`);
  return out;
}
