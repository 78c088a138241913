/**
 * Who is in the subject child's family, and how each is related to the child, from stated
 * relationships (social care, school carers), shared parents, co-residence and domestic-abuse
 * incidents the child was present at. Pure: the caller resolves record keys to people.
 *
 * Link convention (as in the extracts): `to` is the `type` of `from`.
 */
import type { Sex } from '../../schemas/canonical.js';
import type { PersonLink } from './family-records.js';

const PARENT_TYPES = new Set(['MOTHER', 'FATHER']);
const PARENT_FIGURE_TYPES = new Set(['MOTHER', 'FATHER', 'STEP_PARENT', 'CARER']);
const PARTNER_TYPES = new Set(['PARTNER', 'EX_PARTNER']);

/** How close a relationship is: when two rules name the same person, the closer one wins. */
const PRECEDENCE = [
  'SUBJECT', 'MOTHER', 'FATHER', 'STEP_PARENT', 'CARER', 'SIBLING', 'HALF_SIBLING', 'STEP_SIBLING', 'PARENT_PARTNER',
  'PARENT_EX_PARTNER', 'GRANDMOTHER', 'GRANDFATHER', 'GRANDPARENT', 'AUNT_UNCLE', 'PARTNER', 'EX_PARTNER', 'CHILD', 'GRANDCHILD',
  'HOUSEHOLD_MEMBER', 'OTHER',
];

function rank(code: string): number {
  const i = PRECEDENCE.indexOf(code);
  return i === -1 ? PRECEDENCE.length : i;
}

/** What `to` is to the subject when a row says "`to` is the `type` of the subject". */
function directRelationship(type: string, sex: Sex): string {
  switch (type) {
    case 'MOTHER':
    case 'FATHER':
    case 'STEP_PARENT':
    case 'CARER':
    case 'SIBLING':
    case 'HALF_SIBLING':
    case 'PARTNER':
    case 'EX_PARTNER':
      return type;
    case 'GRANDPARENT':
      return sex === 'F' ? 'GRANDMOTHER' : sex === 'M' ? 'GRANDFATHER' : 'GRANDPARENT';
    default:
      return 'OTHER';
  }
}

/** What `from` is to the subject when a row says "the subject is the `type` of `from`". */
function inverseRelationship(type: string): string {
  switch (type) {
    case 'SIBLING':
    case 'HALF_SIBLING':
    case 'PARTNER':
    case 'EX_PARTNER':
      return type;
    case 'MOTHER':
    case 'FATHER':
    case 'STEP_PARENT':
    case 'CARER':
      return 'CHILD';
    case 'GRANDPARENT':
      return 'GRANDCHILD';
    default:
      return 'OTHER';
  }
}

export interface IncidentParty {
  eventKey: string;
  personId: string;
  role: string;
}

export interface AssemblyInput {
  subject: string;
  /** Stated relationships touching the subject, its parents and carers. */
  links: readonly PersonLink[];
  /** People who lived with the subject (inside the window), by person id. */
  coResidents: ReadonlySet<string>;
  /** Parties of domestic-abuse incidents at which the subject was present (all roles). */
  abuseIncidentParties: readonly IncidentParty[];
  sexOf: (personId: string) => Sex;
}

export interface FamilyMembership {
  personId: string;
  relationshipToSubject: string;
  household: boolean;
}

/** The parents and carers of the subject a first pass finds; the caller then reads their links. */
export function parentFigures(subject: string, links: readonly PersonLink[]): string[] {
  const found = new Set<string>();
  for (const l of links) if (l.from === subject && l.to !== subject && PARENT_FIGURE_TYPES.has(l.type)) found.add(l.to);
  return [...found].sort();
}

export function assembleFamily(input: AssemblyInput): FamilyMembership[] {
  const { subject, links } = input;
  const relation = new Map<string, string>([[subject, 'SUBJECT']]);
  const propose = (personId: string, code: string): void => {
    if (personId === subject) return;
    const current = relation.get(personId);
    if (current === undefined || rank(code) < rank(current)) relation.set(personId, code);
  };

  // 1. The subject's own stated relationships.
  for (const l of links) {
    if (l.from === subject && l.to !== subject) propose(l.to, directRelationship(l.type, input.sexOf(l.to)));
    else if (l.to === subject && l.from !== subject) propose(l.from, inverseRelationship(l.type));
  }

  // Parents of each person, by type (MOTHER/FATHER) as the links state them.
  const parentsOf = new Map<string, Map<string, Set<string>>>();
  for (const l of links) {
    if (!PARENT_TYPES.has(l.type) || l.from === l.to) continue;
    const byType = parentsOf.get(l.from) ?? new Map<string, Set<string>>();
    const set = byType.get(l.type) ?? new Set<string>();
    set.add(l.to);
    byType.set(l.type, set);
    parentsOf.set(l.from, byType);
  }
  const subjectParents = parentsOf.get(subject) ?? new Map<string, Set<string>>();
  const parents = new Set([...subjectParents.values()].flatMap((s) => [...s]));
  const figures = new Set(parentFigures(subject, links));

  // 2. Siblings and half-siblings: other children of the subject's parents.
  for (const [child, byType] of parentsOf) {
    if (child === subject) continue;
    const shared = [...byType.values()].some((set) => [...set].some((p) => parents.has(p)));
    if (!shared) continue;
    const differs = [...byType].some(([type, set]) => {
      const mine = subjectParents.get(type);
      return mine !== undefined && mine.size > 0 && [...set].every((p) => !mine.has(p));
    });
    propose(child, differs ? 'HALF_SIBLING' : 'SIBLING');
  }

  // 3. Grandparents (parents of parents), parents' partners and ex-partners.
  for (const l of links) {
    if (parents.has(l.from) && l.to !== subject && !parents.has(l.to)) {
      if (PARENT_TYPES.has(l.type)) propose(l.to, l.type === 'MOTHER' ? 'GRANDMOTHER' : 'GRANDFATHER');
      if (l.type === 'SIBLING' || l.type === 'HALF_SIBLING') propose(l.to, 'AUNT_UNCLE');
    }
    if (PARTNER_TYPES.has(l.type)) {
      const [a, b] = [l.from, l.to];
      const code = l.type === 'PARTNER' ? 'PARENT_PARTNER' : 'PARENT_EX_PARTNER';
      if (figures.has(a) && !parents.has(b) && b !== subject) propose(b, code);
      if (figures.has(b) && !parents.has(a) && a !== subject) propose(a, code);
    }
  }

  // 4. Domestic abuse with the subject present: the perpetrator and the victim are family.
  const present = new Set(
    input.abuseIncidentParties.filter((p) => p.personId === subject && p.role === 'CHILD_PRESENT').map((p) => p.eventKey),
  );
  for (const eventKey of present) {
    const parties = input.abuseIncidentParties.filter((p) => p.eventKey === eventKey && p.personId !== subject);
    const parentInvolved = parties.some((p) => relation.get(p.personId) === 'MOTHER' || relation.get(p.personId) === 'FATHER');
    for (const p of parties) {
      if (p.role !== 'PERPETRATOR' && p.role !== 'VICTIM') continue;
      propose(p.personId, parentInvolved ? 'PARENT_PARTNER' : 'OTHER');
    }
  }

  // 5. Everyone who lived at the subject's address.
  for (const personId of input.coResidents) propose(personId, 'HOUSEHOLD_MEMBER');

  return [...relation]
    .map(([personId, relationshipToSubject]) => ({
      personId,
      relationshipToSubject,
      household: personId === subject || input.coResidents.has(personId),
    }))
    .sort((a, b) => rank(a.relationshipToSubject) - rank(b.relationshipToSubject) || a.personId.localeCompare(b.personId));
}
