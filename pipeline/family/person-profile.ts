/**
 * One person's name, date of birth, sex and other names, from the mentions the trawl may see:
 * the value most sources agree on (a source counts once per value, so one agency's many rows,
 * e.g. a school's carer contact at every enrolment, do not outvote the others), the most
 * recently recorded breaking ties.
 */
import type { Sex } from '../../schemas/canonical.js';
import type { MentionFact } from './family-records.js';

export interface PersonProfile {
  name: string;
  dob: string | null;
  sex: Sex;
  previousNames: string[];
}

export const UNKNOWN_NAME = 'Name not recorded';

/** Compares names ignoring case, accents, punctuation and spacing ("Kayleigh Mae" = "Kayleigh-Mae"). */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

export function fullName(forename: string | null, surname: string | null): string | null {
  const parts = [forename, surname].filter((p): p is string => p !== null && p.trim() !== '');
  return parts.length === 0 ? null : parts.join(' ');
}

function recency(m: MentionFact): string {
  return `${m.asOf ?? ''}|${m.lastSeenDate}`;
}

/** The most common value; among equals, the one from the most recent mention. */
function mostCommon<T>(items: { value: T; key: string; recency: string; source?: string }[]): T | null {
  const counts = new Map<string, { value: T; count: number; recency: string }>();
  const counted = new Set<string>();
  for (const item of items) {
    const vote = `${item.source ?? ''}\u0000${item.key}`;
    if (item.source !== undefined && counted.has(vote)) {
      const entry = counts.get(item.key);
      if (entry && item.recency > entry.recency) entry.recency = item.recency;
      continue;
    }
    counted.add(vote);
    const entry = counts.get(item.key);
    if (entry) {
      entry.count += 1;
      if (item.recency > entry.recency) entry.recency = item.recency;
    } else {
      counts.set(item.key, { value: item.value, count: 1, recency: item.recency });
    }
  }
  let best: { value: T; count: number; recency: string } | null = null;
  for (const entry of counts.values()) {
    if (best === null || entry.count > best.count || (entry.count === best.count && entry.recency > best.recency)) best = entry;
  }
  return best === null ? null : best.value;
}

export function personProfile(mentions: readonly MentionFact[]): PersonProfile {
  const names = mentions.flatMap((m) => {
    const name = fullName(m.forename, m.surname);
    return name === null ? [] : [{ value: name, key: nameKey(name), recency: recency(m), source: m.source }];
  });
  const name = mostCommon(names) ?? UNKNOWN_NAME;
  const dob = mostCommon(mentions.flatMap((m) => (m.dob === null ? [] : [{ value: m.dob, key: m.dob, recency: recency(m), source: m.source }])));
  const sex =
    mostCommon(mentions.flatMap((m) => (m.sex === 'U' ? [] : [{ value: m.sex, key: m.sex, recency: recency(m) }]))) ?? 'U';
  const seen = new Set([nameKey(name)]);
  const previousNames: string[] = [];
  const add = (n: string | null): void => {
    if (n === null || n.trim() === '') return;
    const k = nameKey(n);
    if (k === '' || seen.has(k)) return;
    seen.add(k);
    previousNames.push(n.trim());
  };
  for (const n of names) add(n.value);
  for (const m of mentions) for (const n of [...m.previousNames, ...m.aliases]) add(n);
  return { name, dob, sex, previousNames };
}
