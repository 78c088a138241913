/**
 * Which member an event belongs to on the timeline: the person it is about; for a police
 * incident, the member in the weightiest role; for a tenancy event, the member who held the
 * tenancy (lead tenant first).
 */
import type { EventFact } from './family-records.js';
import type { FamilyFacts } from './family-facts.js';

const PARTY_ORDER = ['PERPETRATOR', 'SUSPECT', 'VICTIM', 'MISSING', 'CHILD_PRESENT', 'WITNESS', 'INVOLVED'];
const OCCUPANT_ORDER = ['LEAD', 'JOINT', 'PARTNER', 'OTHER', 'CHILD'];

function order(list: readonly string[], value: string | null): number {
  const i = value === null ? -1 : list.indexOf(value);
  return i === -1 ? list.length : i;
}

export interface MemberRole {
  personId: string;
  role: string;
}

export interface EventAttribution {
  event: EventFact;
  personId: string;
  /** Members taking part and their roles (police incidents). */
  roles: MemberRole[];
}

export function attributeEvents(facts: FamilyFacts): EventAttribution[] {
  const partiesByEvent = new Map<string, MemberRole[]>();
  for (const p of facts.parties) {
    const personId = facts.personOfKey.get(p.recordKey);
    if (personId === undefined) continue;
    const list = partiesByEvent.get(p.eventKey) ?? [];
    if (!list.some((r) => r.personId === personId && r.role === p.role)) list.push({ personId, role: p.role });
    partiesByEvent.set(p.eventKey, list);
  }
  const tenantsByPlace = new Map<string, { personId: string; role: string | null }[]>();
  for (const r of facts.residences) {
    const personId = facts.personOfKey.get(r.recordKey);
    if (r.placeKey === null || personId === undefined) continue;
    const list = tenantsByPlace.get(r.placeKey) ?? [];
    list.push({ personId, role: r.role });
    tenantsByPlace.set(r.placeKey, list);
  }
  const out: EventAttribution[] = [];
  const seen = new Set<string>();
  for (const event of facts.events) {
    if (seen.has(event.key)) continue;
    const roles = (partiesByEvent.get(event.key) ?? []).sort(
      (a, b) => order(PARTY_ORDER, a.role) - order(PARTY_ORDER, b.role) || a.personId.localeCompare(b.personId),
    );
    let personId = event.recordKey === null ? undefined : facts.personOfKey.get(event.recordKey);
    if (personId === undefined) personId = roles[0]?.personId;
    if (personId === undefined && event.placeKey !== null) {
      const tenants = [...(tenantsByPlace.get(event.placeKey) ?? [])].sort(
        (a, b) => order(OCCUPANT_ORDER, a.role) - order(OCCUPANT_ORDER, b.role) || a.personId.localeCompare(b.personId),
      );
      personId = tenants[0]?.personId;
    }
    if (personId === undefined) continue;
    seen.add(event.key);
    out.push({ event, personId, roles });
  }
  return out;
}
