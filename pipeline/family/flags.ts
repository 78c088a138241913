/**
 * Flags: transparent rules over the family's records, never a score. Each flag names one
 * member, says what fired with its figures, and lists the record keys it read. Thresholds come
 * from `flag-thresholds.json`.
 */
import type { SummaryFlag } from '../../schemas/summary.schema.js';
import { formatDate } from '../render/labels.js';
import type { EventAttribution } from './event-attribution.js';
import type { FamilyFacts } from './family-facts.js';
import type { EventFact } from './family-records.js';
import type { FlagThresholds, Lookback } from './flag-thresholds.js';
import { sameDwelling, toDwelling, type Dwelling } from './household.js';
import { fullName, nameKey } from './person-profile.js';
import { isInWindow } from './timeline.js';

const RISK_ORDER = ['STANDARD', 'MEDIUM', 'HIGH'];

/** A detail value as text ('' when absent or not a scalar). */
function detailText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function uniqueSorted(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort();
}

interface PersonEvents {
  /** Events attributed to the person (their record, their tenancy). */
  own: EventFact[];
  /** Police incidents they take part in, with their roles. */
  incidents: { event: EventFact; roles: Set<string> }[];
}

function eventsByPerson(attributions: readonly EventAttribution[]): Map<string, PersonEvents> {
  const byPerson = new Map<string, PersonEvents>();
  const entry = (id: string): PersonEvents => {
    let e = byPerson.get(id);
    if (!e) {
      e = { own: [], incidents: [] };
      byPerson.set(id, e);
    }
    return e;
  };
  for (const a of attributions) {
    if (a.roles.length === 0) {
      entry(a.personId).own.push(a.event);
      continue;
    }
    const rolesByPerson = new Map<string, Set<string>>();
    for (const r of a.roles) rolesByPerson.set(r.personId, (rolesByPerson.get(r.personId) ?? new Set()).add(r.role));
    for (const [personId, roles] of rolesByPerson) entry(personId).incidents.push({ event: a.event, roles });
  }
  return byPerson;
}

export function buildFlags(facts: FamilyFacts, attributions: readonly EventAttribution[], t: FlagThresholds): SummaryFlag[] {
  const flags: SummaryFlag[] = [];
  const byPerson = eventsByPerson(attributions);
  const inScope = (lookback: Lookback) => (e: EventFact): boolean => lookback === 'all' || isInWindow(e, facts.window);
  const childMembers = new Set(
    facts.members.filter((m) => m.dob !== null && m.dob > `${Number(facts.today.slice(0, 4)) - 18}${facts.today.slice(4)}`).map((m) => m.personId),
  );
  childMembers.add(facts.subject);

  for (const member of facts.members) {
    const personId = member.personId;
    const events = byPerson.get(personId) ?? { own: [], incidents: [] };
    const add = (code: string, description: string, evidence: Iterable<string>): void => {
      const keys = uniqueSorted(evidence);
      if (keys.length > 0) flags.push({ code, personId, description, evidence: keys });
    };
    const ownOf = (types: readonly string[], lookback: Lookback): EventFact[] =>
      events.own.filter((e) => types.includes(e.type)).filter(inScope(lookback));

    // Frequent school moves: a different school than the one before, after the first enrolment.
    {
      const rule = t.FREQUENT_SCHOOL_MOVES;
      const enrolments = events.own.filter((e) => e.type === 'SCHOOL_ENROLMENT').sort((a, b) => a.date.localeCompare(b.date));
      const moves: EventFact[] = [];
      enrolments.forEach((e, i) => {
        if (i === 0) return;
        const previous = enrolments[i - 1];
        if (previous !== undefined && detailText(previous.detail['schoolUrn']) === detailText(e.detail['schoolUrn'])) return;
        if (rule.lookback === 'all' || (e.date >= facts.window.from && e.date <= facts.window.to)) moves.push(e);
      });
      if (moves.length >= rule.minMoves && moves.length > 0) {
        add(
          'FREQUENT_SCHOOL_MOVES',
          `${plural(moves.length, 'school move')} between ${formatDate(moves[0]?.date)} and ${formatDate(moves.at(-1)?.date)} (${plural(enrolments.length, 'enrolment')} in all; rule: ${rule.minMoves} or more)`,
          moves.map((e) => e.key),
        );
      }
    }

    // Frequent address moves: a new address (tenancy, UPRN or normalised address), after the first.
    {
      const rule = t.FREQUENT_ADDRESS_MOVES;
      const keys = new Set(member.recordKeys);
      const dwellings = facts.residences
        .filter((r) => keys.has(r.recordKey))
        .map((r) => toDwelling(r, facts.places))
        .filter((d): d is Dwelling & { from: string } => d.from !== null)
        .sort((a, b) => a.from.localeCompare(b.from));
      const distinct: (Dwelling & { from: string; keys: string[] })[] = [];
      for (const d of dwellings) {
        const same = distinct.find((x) => sameDwelling(x, d));
        if (same) same.keys.push(d.key);
        else distinct.push({ ...d, keys: [d.key] });
      }
      const moves = distinct.slice(1).filter((d) => rule.lookback === 'all' || (d.from >= facts.window.from && d.from <= facts.window.to));
      if (moves.length >= rule.minMoves && moves.length > 0) {
        add(
          'FREQUENT_ADDRESS_MOVES',
          `${plural(moves.length, 'move')} to a different address between ${formatDate(moves[0]?.from)} and ${formatDate(moves.at(-1)?.from)} (rule: ${rule.minMoves} or more)`,
          moves.flatMap((d) => d.keys),
        );
      }
    }

    // Name changes: distinct names across the member's records.
    {
      const rule = t.NAME_CHANGES;
      const keys = new Set(member.recordKeys);
      const names = new Map<string, Set<string>>();
      for (const m of facts.mentions) {
        if (!keys.has(m.recordKey)) continue;
        for (const n of [fullName(m.forename, m.surname), ...m.previousNames, ...m.aliases]) {
          if (n === null) continue;
          const k = nameKey(n);
          if (k === '') continue;
          names.set(k, (names.get(k) ?? new Set()).add(m.recordKey));
        }
      }
      const changes = names.size - 1;
      if (changes >= rule.minChanges && changes > 0) {
        const evidence = [...names.values()].flatMap((s) => [...s]);
        add(
          'NAME_CHANGES',
          `${plural(names.size, 'different name')} recorded across ${plural(new Set(evidence).size, 'record')} (rule: ${rule.minChanges} or more changes)`,
          evidence,
        );
      }
    }

    // Domestic abuse: a member named in a domestic abuse incident.
    {
      const rule = t.DOMESTIC_ABUSE;
      const incidents = events.incidents
        .filter((i) => i.event.type === 'DOMESTIC_ABUSE' && [...i.roles].some((r) => rule.roles.includes(r)))
        .filter((i) => inScope(rule.lookback)(i.event));
      if (incidents.length >= rule.minIncidents && incidents.length > 0) {
        const roleCounts = new Map<string, number>();
        for (const i of incidents) for (const r of i.roles) if (rule.roles.includes(r)) roleCounts.set(r, (roleCounts.get(r) ?? 0) + 1);
        const risk = incidents
          .map((i) => detailText(i.event.detail['risk']))
          .filter((r) => RISK_ORDER.includes(r))
          .sort((a, b) => RISK_ORDER.indexOf(b) - RISK_ORDER.indexOf(a))[0];
        const childPresent = incidents.filter((i) =>
          facts.parties.some((p) => {
            const who = facts.personOfKey.get(p.recordKey);
            return p.eventKey === i.event.key && p.role === 'CHILD_PRESENT' && who !== undefined && childMembers.has(who);
          }),
        ).length;
        const roles = [...roleCounts].map(([r, n]) => `${r.toLowerCase().replace(/_/g, ' ')} in ${n}`).join(', ');
        add(
          'DOMESTIC_ABUSE',
          `${plural(incidents.length, 'domestic abuse incident')} (${roles})${risk ? `; highest risk ${risk.toLowerCase()}` : ''}${childPresent > 0 ? `; a child of the family present at ${childPresent}` : ''}`,
          incidents.map((i) => i.event.key),
        );
      }
    }

    // Persistent absence: terms below the attendance threshold.
    {
      const rule = t.PERSISTENT_ABSENCE;
      const terms = ownOf(['ATTENDANCE'], rule.lookback).filter((e) => {
        const p = e.detail['attendancePercent'];
        return typeof p === 'number' && p < rule.belowPercent;
      });
      if (terms.length >= rule.minTerms && terms.length > 0) {
        const lowest = Math.min(...terms.map((e) => Number(e.detail['attendancePercent'])));
        add('PERSISTENT_ABSENCE', `${plural(terms.length, 'term')} below ${rule.belowPercent}% attendance (lowest ${lowest}%)`, terms.map((e) => e.key));
      }
    }

    const countRule = (code: string, types: readonly string[], rule: { minEvents: number; lookback: Lookback }, what: (n: number) => string): void => {
      const found = ownOf(types, rule.lookback);
      if (found.length >= rule.minEvents && found.length > 0) add(code, what(found.length), found.map((e) => e.key));
    };
    countRule('SUSPENSIONS', ['SUSPENSION'], t.SUSPENSIONS, (n) => plural(n, 'suspension'));
    countRule('PERMANENT_EXCLUSION', ['PERMANENT_EXCLUSION'], t.PERMANENT_EXCLUSION, (n) => plural(n, 'permanent exclusion'));
    countRule('WAS_NOT_BROUGHT', t.WAS_NOT_BROUGHT.eventTypes, t.WAS_NOT_BROUGHT, (n) => `${plural(n, 'health appointment')} not brought to or immunisations missed`);

    // Eviction risk: arrears, notices, evictions, a tenancy ended by eviction.
    {
      const rule = t.EVICTION_RISK;
      const found = events.own
        .filter((e) => rule.eventTypes.includes(e.type) || (e.type === 'TENANCY_ENDED' && e.detail['endReason'] === 'EVICTION'))
        .filter(inScope(rule.lookback));
      if (found.length >= rule.minEvents && found.length > 0) {
        const counts = new Map<string, number>();
        for (const e of found) {
          const k = e.type === 'TENANCY_ENDED' ? 'tenancy ended by eviction' : e.type.toLowerCase().replace(/_/g, ' ');
          counts.set(k, (counts.get(k) ?? 0) + 1);
        }
        add('EVICTION_RISK', [...counts].map(([k, n]) => `${k}: ${n}`).join(', '), found.map((e) => e.key));
      }
    }

    // Missing episodes: reported missing to police.
    {
      const rule = t.MISSING_EPISODES;
      const found = events.incidents
        .filter((i) => i.event.type === 'MISSING_PERSON' && i.roles.has('MISSING'))
        .map((i) => i.event)
        .filter(inScope(rule.lookback));
      if (found.length >= rule.minEvents && found.length > 0) add('MISSING_EPISODES', `Reported missing ${plural(found.length, 'time')}`, found.map((e) => e.key));
    }

    // Child protection plan and looked after: current or past.
    for (const [code, type, rule, words] of [
      ['CHILD_PROTECTION_PLAN', 'CP_PLAN', t.CHILD_PROTECTION_PLAN, 'Child protection plan'],
      ['LOOKED_AFTER', 'LOOKED_AFTER', t.LOOKED_AFTER, 'Looked after'],
    ] as const) {
      const found = ownOf([type], rule.lookback).sort((a, b) => a.date.localeCompare(b.date));
      if (found.length < rule.minEvents || found.length === 0) continue;
      const spells = found.map((e) =>
        e.endDate === null || e.endDate >= facts.today
          ? `current since ${formatDate(e.date)}`
          : `${formatDate(e.date)} to ${formatDate(e.endDate)}`,
      );
      add(code, `${words}: ${spells.join('; ')}`, found.map((e) => e.key));
    }

    // Known to police for weapons, drugs, sexual offences (as suspect or perpetrator).
    for (const [code, type, rule, words] of [
      ['POLICE_WEAPONS', 'WEAPONS', t.POLICE_WEAPONS, 'weapons'],
      ['POLICE_DRUGS', 'DRUGS', t.POLICE_DRUGS, 'drugs'],
      ['POLICE_SEXUAL_OFFENCES', 'SEXUAL_OFFENCE', t.POLICE_SEXUAL_OFFENCES, 'sexual offence'],
    ] as const) {
      const found = events.incidents
        .filter((i) => i.event.type === type && (i.roles.has('SUSPECT') || i.roles.has('PERPETRATOR')))
        .map((i) => i.event)
        .filter(inScope(rule.lookback));
      if (found.length >= rule.minIncidents && found.length > 0) {
        add(code, `Suspect or perpetrator in ${plural(found.length, `${words} incident`)}`, found.map((e) => e.key));
      }
    }
  }
  return flags;
}
