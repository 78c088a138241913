/**
 * The family tree's model: who is drawn, in which generation, which couples and children hang
 * together, and the ties the relationships cannot place. Pure: no drawing here.
 */
import type { FamilySummary, SummaryMember } from '../../schemas/summary.schema.js';
import { RELATIONSHIP_LABELS, ageOn, label } from './labels.js';

type Gender = 'M' | 'F' | 'U';

export interface TreePerson {
  id: string;
  nodeId: string;
  generation: number;
  gender: Gender;
  member: SummaryMember | null;
  /** For a placeholder: the words in its box. */
  placeholderLabel: string | null;
  dob: string | null;
}

export interface Couple {
  key: string;
  a: string;
  b: string;
  status: 'partner' | 'ex' | 'coparent';
  unionId: string;
  children: string[];
}

/** Generation of a member relative to the subject, from `relationshipToSubject` alone. */
const GENERATION_BY_RELATIONSHIP: Readonly<Record<string, number>> = {
  SUBJECT: 0,
  SIBLING: 0,
  HALF_SIBLING: 0,
  STEP_SIBLING: 0,
  MOTHER: -1,
  FATHER: -1,
  STEP_PARENT: -1,
  PARENT_PARTNER: -1,
  PARENT_EX_PARTNER: -1,
  CARER: -1,
  AUNT_UNCLE: -1,
  GRANDPARENT: -2,
  GRANDMOTHER: -2,
  GRANDFATHER: -2,
};

const PARENT_TYPES = new Set(['MOTHER', 'FATHER']);
const COUPLE_TYPES = new Set(['PARTNER', 'EX_PARTNER']);
/** Generation of `to` minus generation of `from`, for relationship types that say it. */
const GENERATION_STEP: Readonly<Record<string, number>> = {
  MOTHER: -1,
  FATHER: -1,
  STEP_PARENT: -1,
  CARER: -1,
  GRANDPARENT: -2,
  SIBLING: 0,
  HALF_SIBLING: 0,
  PARTNER: 0,
  EX_PARTNER: 0,
};

function genderOf(sex: string): Gender {
  return sex === 'M' || sex === 'F' ? sex : 'U';
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The at-date for ages: the day the summary was generated. */
export function summaryDay(summary: FamilySummary): string {
  return summary.generatedAt.slice(0, 10);
}

function assignGenerations(summary: FamilySummary): Map<string, number> {
  const generation = new Map<string, number>();
  const memberIds = new Set(summary.members.map((m) => m.personId));
  generation.set(summary.subject.personId, 0);
  // Breadth-first over stated relationships from the subject; the first placement wins.
  const queue = [summary.subject.personId];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const g = generation.get(id) ?? 0;
    for (const r of summary.relationships) {
      const step = GENERATION_STEP[r.type];
      if (step === undefined || !memberIds.has(r.from) || !memberIds.has(r.to)) continue;
      if (r.from === id && !generation.has(r.to)) {
        generation.set(r.to, g + step);
        queue.push(r.to);
      } else if (r.to === id && !generation.has(r.from)) {
        generation.set(r.from, g - step);
        queue.push(r.from);
      }
    }
  }
  const day = summaryDay(summary);
  const subjectAge = ageOn(summary.subject.dob, day);
  for (const m of summary.members) {
    if (generation.has(m.personId)) continue;
    const byRelationship = GENERATION_BY_RELATIONSHIP[m.relationshipToSubject];
    if (byRelationship !== undefined) {
      generation.set(m.personId, byRelationship);
      continue;
    }
    const age = ageOn(m.dob, day);
    const gap = age !== null && subjectAge !== null ? age - subjectAge : null;
    generation.set(m.personId, gap === null ? -1 : gap >= 40 ? -2 : gap >= 16 ? -1 : 0);
  }
  return generation;
}

/** The tree's people, couples and loose ties, before any drawing. */
export interface FamilyTreeModel {
  people: TreePerson[];
  couples: Couple[];
  /** Parent -> child lines with no union (a single known parent with no partner). */
  singleParentLinks: { parent: string; child: string }[];
  /** Dashed lines to the subject for members no relationship places. */
  looseLinks: { person: string; text: string }[];
  household: Set<string>;
}

export function buildFamilyTreeModel(summary: FamilySummary): FamilyTreeModel {
  const memberById = new Map(summary.members.map((m) => [m.personId, m] as const));
  const generation = assignGenerations(summary);
  const people = new Map<string, TreePerson>();
  summary.members.forEach((m, i) => {
    people.set(m.personId, {
      id: m.personId,
      nodeId: `m${i}`,
      generation: generation.get(m.personId) ?? 0,
      gender: genderOf(m.sex),
      member: m,
      placeholderLabel: null,
      dob: m.dob,
    });
  });

  // Parents of each member: stated MOTHER/FATHER, then the subject's from relationshipToSubject.
  const parents = new Map<string, Set<string>>();
  const addParent = (child: string, parent: string): void => {
    if (!people.has(child) || !people.has(parent) || child === parent) return;
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  };
  for (const r of summary.relationships) if (PARENT_TYPES.has(r.type)) addParent(r.from, r.to);
  const subjectId = summary.subject.personId;
  for (const m of summary.members) {
    if (m.relationshipToSubject !== 'MOTHER' && m.relationshipToSubject !== 'FATHER') continue;
    const known = parents.get(subjectId);
    const sameRole = [...(known ?? [])].some((p) => memberById.get(p)?.relationshipToSubject === m.relationshipToSubject);
    if (!sameRole) addParent(subjectId, m.personId);
  }
  // Full siblings with no stated parents share the subject's.
  for (const m of summary.members) {
    if (m.relationshipToSubject !== 'SIBLING' || parents.has(m.personId)) continue;
    for (const p of parents.get(subjectId) ?? []) addParent(m.personId, p);
  }

  // Couples: stated partners first, then co-parents.
  const couples = new Map<string, Couple>();
  const coupleOf = (a: string, b: string, status: Couple['status']): Couple => {
    const key = pairKey(a, b);
    let couple = couples.get(key);
    if (!couple) {
      couple = { key, a, b, status, unionId: `u${couples.size}`, children: [] };
      couples.set(key, couple);
    } else if (couple.status === 'coparent' && status !== 'coparent') {
      couple.status = status;
    }
    return couple;
  };
  for (const r of summary.relationships) {
    if (!COUPLE_TYPES.has(r.type) || !people.has(r.from) || !people.has(r.to) || r.from === r.to) continue;
    coupleOf(r.from, r.to, r.type === 'EX_PARTNER' ? 'ex' : 'partner');
  }
  const singleParent: { parent: string; child: string }[] = [];
  const twoParentChildren: [string, string, string][] = [];
  for (const [child, set] of parents) {
    const list = [...set].slice(0, 2);
    const [p1, p2] = list;
    if (p1 !== undefined && p2 !== undefined) twoParentChildren.push([child, p1, p2]);
    else if (p1 !== undefined) singleParent.push({ parent: p1, child });
  }
  for (const [child, p1, p2] of twoParentChildren) coupleOf(p1, p2, 'coparent').children.push(child);

  // A single known parent who has a partner: the other parent is drawn as "not recorded", so a
  // half-sibling hangs from their own union.
  const singleParentLinks: { parent: string; child: string }[] = [];
  const placeholderFor = new Map<string, string>();
  let placeholders = 0;
  for (const link of singleParent) {
    const hasPartner = [...couples.values()].some((c) => c.a === link.parent || c.b === link.parent);
    if (!hasPartner) {
      singleParentLinks.push(link);
      continue;
    }
    let placeholderId = placeholderFor.get(link.parent);
    if (placeholderId === undefined) {
      const parent = people.get(link.parent) as TreePerson;
      const gender: Gender = parent.gender === 'F' ? 'M' : parent.gender === 'M' ? 'F' : 'U';
      placeholderId = `placeholder:${placeholders}`;
      people.set(placeholderId, {
        id: placeholderId,
        nodeId: `p${placeholders}`,
        generation: parent.generation,
        gender,
        member: null,
        placeholderLabel: gender === 'M' ? 'Father not recorded' : gender === 'F' ? 'Mother not recorded' : 'Parent not recorded',
        dob: null,
      });
      placeholders += 1;
      placeholderFor.set(link.parent, placeholderId);
    }
    coupleOf(link.parent, placeholderId, 'coparent').children.push(link.child);
  }

  // Anyone not tied to the drawing is tied to the subject by a labelled dashed line.
  const tied = new Set<string>([subjectId]);
  for (const c of couples.values()) {
    tied.add(c.a);
    tied.add(c.b);
    c.children.forEach((x) => tied.add(x));
  }
  for (const l of singleParentLinks) {
    tied.add(l.parent);
    tied.add(l.child);
  }
  // Tied people reach the subject only if their component does; grow from the subject.
  const reach = new Set<string>([subjectId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of couples.values()) {
      const group = [c.a, c.b, ...c.children];
      if (group.some((x) => reach.has(x)) && group.some((x) => !reach.has(x))) {
        group.forEach((x) => reach.add(x));
        grew = true;
      }
    }
    for (const l of singleParentLinks) {
      if (reach.has(l.parent) !== reach.has(l.child)) {
        reach.add(l.parent);
        reach.add(l.child);
        grew = true;
      }
    }
  }
  const looseLinks: { person: string; text: string }[] = [];
  for (const m of summary.members) {
    if (reach.has(m.personId)) continue;
    // Only the first member of an unreached group needs the line; others hang from it.
    const groupReached = looseLinks.some((l) => {
      const group = [...couples.values()].find((c) => [c.a, c.b, ...c.children].includes(l.person));
      return group !== undefined && [group.a, group.b, ...group.children].includes(m.personId);
    });
    if (groupReached) continue;
    looseLinks.push({ person: m.personId, text: label(RELATIONSHIP_LABELS, m.relationshipToSubject) });
  }

  const household = new Set<string>([subjectId]);
  for (const m of summary.members) if (m.household === true) household.add(m.personId);

  // Children oldest first (unknown dates last).
  for (const c of couples.values()) {
    c.children.sort((x, y) => (people.get(x)?.dob ?? '9999').localeCompare(people.get(y)?.dob ?? '9999'));
  }
  return { people: [...people.values()], couples: [...couples.values()], singleParentLinks, looseLinks, household };
}
