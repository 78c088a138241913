/**
 * The practitioners involved with the family: everyone with an involvement with a member, a
 * tenancy a member held or an event on a member's record, from the searched sources. One entry
 * per practitioner, role and agency: still open ("current") or not, the last involvement date,
 * and the members they work with.
 */
import type { Source } from '../../schemas/canonical.js';
import type { SummaryPractitioner } from '../../schemas/summary.schema.js';
import { ROLE_LABELS } from '../render/labels.js';
import type { EventAttribution } from './event-attribution.js';
import type { FamilyFacts } from './family-facts.js';
import type { InvolvementFact } from './family-records.js';

/** "Health Visitor" -> HEALTH_VISITOR when that is a known role code; other free text stays as given. */
export function normaliseRole(role: string): string {
  if (Object.hasOwn(ROLE_LABELS, role)) return role;
  const code = role.trim().toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  return Object.hasOwn(ROLE_LABELS, code) ? code : role.trim();
}

function isOpen(inv: InvolvementFact, today: string): boolean {
  return inv.toDate === null || inv.toDate >= today;
}

/** The last day the involvement is known to have been active, capped at today; null when undated. */
function lastActive(inv: InvolvementFact, today: string): string | null {
  if (inv.toDate !== null) return inv.toDate < today ? inv.toDate : today;
  if (inv.fromDate !== null) return today < inv.fromDate ? inv.fromDate : today;
  return null;
}

export function buildPractitioners(facts: FamilyFacts, attributions: readonly EventAttribution[]): SummaryPractitioner[] {
  const membersOfEvent = new Map<string, Set<string>>();
  for (const a of attributions) {
    membersOfEvent.set(a.event.key, new Set([a.personId, ...a.roles.map((r) => r.personId)]));
  }
  const membersOfPlace = new Map<string, Set<string>>();
  for (const r of facts.residences) {
    const personId = facts.personOfKey.get(r.recordKey);
    if (r.placeKey === null || personId === undefined) continue;
    const set = membersOfPlace.get(r.placeKey) ?? new Set<string>();
    set.add(personId);
    membersOfPlace.set(r.placeKey, set);
  }

  const groups = new Map<string, { agency: Source; name: string; role: string; involvements: InvolvementFact[]; personIds: Set<string> }>();
  for (const inv of facts.involvements) {
    if (inv.name === null || inv.name.trim() === '') continue;
    const people = new Set<string>();
    const direct = inv.recordKey === null ? undefined : facts.personOfKey.get(inv.recordKey);
    if (direct !== undefined) people.add(direct);
    if (inv.placeKey !== null) for (const p of membersOfPlace.get(inv.placeKey) ?? []) people.add(p);
    if (inv.eventKey !== null) for (const p of membersOfEvent.get(inv.eventKey) ?? []) people.add(p);
    if (people.size === 0) continue;
    const last = lastActive(inv, facts.today);
    if (!isOpen(inv, facts.today) && last !== null && last < facts.window.from) continue;
    const role = normaliseRole(inv.role);
    const name = inv.name.trim();
    const key = `${inv.agency}\u0000${name.toLowerCase()}\u0000${role}`;
    const group = groups.get(key) ?? { agency: inv.agency as Source, name, role, involvements: [], personIds: new Set<string>() };
    group.involvements.push(inv);
    for (const p of people) group.personIds.add(p);
    groups.set(key, group);
  }

  const memberOrder = new Map(facts.members.map((m, i) => [m.personId, i] as const));
  return [...groups.values()]
    .map((g) => {
      const newestFirst = [...g.involvements].sort((a, b) =>
        (lastActive(b, facts.today) ?? '').localeCompare(lastActive(a, facts.today) ?? ''),
      );
      const pick = (f: (i: InvolvementFact) => string | null): string | null => {
        for (const i of newestFirst) {
          const v = f(i);
          if (v !== null && v.trim() !== '') return v.trim();
        }
        return null;
      };
      const dates = g.involvements.map((i) => lastActive(i, facts.today)).filter((d): d is string => d !== null).sort();
      return {
        name: g.name,
        role: g.role,
        agency: g.agency,
        phone: pick((i) => i.phone),
        email: pick((i) => i.email),
        current: g.involvements.some((i) => isOpen(i, facts.today)),
        lastInvolvement: dates.at(-1) ?? null,
        personIds: [...g.personIds].sort((a, b) => (memberOrder.get(a) ?? 0) - (memberOrder.get(b) ?? 0)),
        team: pick((i) => i.team),
      };
    })
    .sort(
      (a, b) =>
        Number(b.current) - Number(a.current) ||
        (b.lastInvolvement ?? '').localeCompare(a.lastInvolvement ?? '') ||
        a.name.localeCompare(b.name),
    );
}
