/**
 * The family tree: a genogram-like picture of the summary's members, drawn by Graphviz
 * (`@viz-js/viz`, WebAssembly, offline).
 *
 * - One rank per generation (grandparents, parents and partners, children), `newrank` so a rank
 *   may cross the household box.
 * - A couple is joined through a small union point on the partners' rank (`rank=same`); their
 *   children hang from that point, oldest on the left. A parent with children by more than one
 *   partner gets one union per partner, and a partner nobody recorded is drawn as a dashed
 *   "not recorded" placeholder, so half-siblings show through their own parent.
 * - Squares male, ellipses (circles) female, diamonds other or unknown; the subject has a double
 *   outline and a tint; deceased members are grey with a dagger; each member lists its flags.
 * - The household (members at the subject's address) sits in a dashed box.
 * - A member the relationships do not place is tied to the subject by a dashed, labelled line.
 */
import { instance, type Viz } from '@viz-js/viz';
import type { FamilySummary, SummaryMember } from '../../schemas/summary.schema.js';
import { FLAG_LABELS, RELATIONSHIP_LABELS, ageOn, formatAge, formatDate, label } from './labels.js';

type Gender = 'M' | 'F' | 'U';

interface TreePerson {
  id: string;
  nodeId: string;
  generation: number;
  gender: Gender;
  member: SummaryMember | null;
  /** For a placeholder: the words in its box. */
  placeholderLabel: string | null;
  dob: string | null;
}

interface Couple {
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

/** Escapes text for a Graphviz HTML-like label. */
function htmlText(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A DOT identifier: always quoted, quotes and backslashes escaped. */
function dotId(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The at-date for ages: the day the summary was generated. */
function summaryDay(summary: FamilySummary): string {
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

function nodeLabel(person: TreePerson, summary: FamilySummary): string {
  const rows: string[] = [];
  const row = (html: string): void => {
    rows.push(`<TR><TD>${html}</TD></TR>`);
  };
  if (person.member === null) {
    row(`<FONT COLOR="#666666">${htmlText(person.placeholderLabel ?? 'Not recorded')}</FONT>`);
  } else {
    const m = person.member;
    const isSubject = m.personId === summary.subject.personId;
    row(`<B>${m.deceased === true ? '† ' : ''}${htmlText(m.name)}</B>`);
    const dob = m.dob === null ? 'Date of birth not known' : `b. ${formatDate(m.dob)}`;
    const age = m.dob !== null && m.deceased !== true ? ` (${formatAge(m.dob, summaryDay(summary))})` : '';
    row(`<FONT POINT-SIZE="9">${htmlText(dob + age)}</FONT>`);
    const relation = isSubject ? 'SUBJECT' : label(RELATIONSHIP_LABELS, m.relationshipToSubject);
    row(`<FONT POINT-SIZE="9">${htmlText(relation)}${m.deceased === true ? ' · deceased' : ''}</FONT>`);
    for (const code of [...new Set(m.flags)]) {
      row(`<FONT POINT-SIZE="9" COLOR="#a3001b">■ ${htmlText(label(FLAG_LABELS, code))}</FONT>`);
    }
  }
  return `<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">${rows.join('')}</TABLE>>`;
}

function nodeAttributes(person: TreePerson, summary: FamilySummary): string {
  const shape = person.gender === 'M' ? 'box' : person.gender === 'F' ? 'ellipse' : 'diamond';
  const attrs: string[] = [`shape=${shape}`, `label=${nodeLabel(person, summary)}`, 'margin="0.12,0.06"'];
  const m = person.member;
  if (m === null) {
    attrs.push('style="dashed"', 'color="#888888"');
  } else if (m.personId === summary.subject.personId) {
    attrs.push('style="filled,bold"', 'fillcolor="#fff2b3"', 'peripheries=2', 'penwidth=1.6');
  } else if (m.deceased === true) {
    attrs.push('style="filled"', 'fillcolor="#dddddd"', 'color="#555555"');
  } else {
    attrs.push('style="filled"', 'fillcolor="#ffffff"');
  }
  if (m !== null) attrs.push(`tooltip=${dotId(m.name)}`);
  return attrs.join(', ');
}

/**
 * A left-to-right order of the people, generation by generation: a man left of his partner; a
 * person with several partners between them, the partner with the older children on the left,
 * so each set of children sits under its own parents, oldest on the left. Graphviz takes its
 * first ordering from the order nodes are declared, so declaring them in this order steers it.
 */
export function leftToRight(model: FamilyTreeModel): string[] {
  const byId = new Map(model.people.map((p) => [p.id, p] as const));
  const couplesOf = new Map<string, Couple[]>();
  for (const c of model.couples) {
    couplesOf.set(c.a, [...(couplesOf.get(c.a) ?? []), c]);
    couplesOf.set(c.b, [...(couplesOf.get(c.b) ?? []), c]);
  }
  const oldestChild = (c: Couple): string => c.children.map((x) => byId.get(x)?.dob ?? '9999').sort()[0] ?? '9999';
  const chains: string[][] = [];
  const chainOf = new Map<string, string[]>();
  const place = (chain: string[]): void => {
    chains.push(chain);
    chain.forEach((id) => chainOf.set(id, chain));
  };
  // People with several partners first: partners alternate left and right of them.
  const hubs = [...couplesOf.entries()].filter(([, cs]) => cs.length > 1).map(([id]) => id);
  for (const hub of hubs) {
    if (chainOf.has(hub)) continue;
    const chain = [hub];
    const sorted = [...(couplesOf.get(hub) ?? [])].sort((x, y) => oldestChild(x).localeCompare(oldestChild(y)));
    sorted.forEach((c, i) => {
      const partner = c.a === hub ? c.b : c.a;
      if (chainOf.has(partner) || chain.includes(partner)) return;
      if (i % 2 === 0) chain.unshift(partner);
      else chain.push(partner);
    });
    place(chain);
  }
  for (const c of model.couples) {
    const a = byId.get(c.a);
    const b = byId.get(c.b);
    if (!a || !b) continue;
    const [left, right] = a.gender === 'F' && b.gender !== 'F' ? [b, a] : [a, b];
    const leftChain = chainOf.get(left.id);
    const rightChain = chainOf.get(right.id);
    if (leftChain && rightChain) continue;
    if (leftChain) {
      leftChain.push(right.id);
      chainOf.set(right.id, leftChain);
    } else if (rightChain) {
      rightChain.unshift(left.id);
      chainOf.set(left.id, rightChain);
    } else {
      place([left.id, right.id]);
    }
  }
  // Everyone else on their own, oldest first; then generation by generation.
  const singles = model.people
    .filter((p) => !chainOf.has(p.id))
    .sort((x, y) => (x.dob ?? '9999').localeCompare(y.dob ?? '9999'))
    .map((p) => [p.id]);
  const all = [...chains, ...singles].flat();
  const generationOf = (id: string): number => byId.get(id)?.generation ?? 0;
  return all
    .map((id, i) => ({ id, i }))
    .sort((x, y) => generationOf(x.id) - generationOf(y.id) || x.i - y.i)
    .map(({ id }) => id);
}

/** The family tree as Graphviz DOT. */
export function familyTreeDot(summary: FamilySummary): string {
  const model = buildFamilyTreeModel(summary);
  const byId = new Map(model.people.map((p) => [p.id, p] as const));
  const node = (id: string): string => dotId(byId.get(id)?.nodeId ?? id);
  const lines: string[] = [
    'digraph family {',
    '  graph [newrank=true, rankdir=TB, nodesep=0.3, ranksep=0.3, splines=polyline, fontname="Helvetica", fontsize=10, bgcolor="white", pad=0.15];',
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [dir=none, color="#333333", penwidth=1.2];',
  ];

  // Couples: both partners on their generation's rank, joined by lines that meet in a union point
  // just below them; their children hang from that point. A union with a partner and a child in
  // the household sits inside the household box, so an absent partner's line crosses the box.
  const rankOf = new Map<string, number>();
  for (const p of model.people) rankOf.set(node(p.id), p.generation);
  const householdUnions: string[] = [];
  const otherUnions: string[] = [];
  const edges: string[] = [];
  for (const c of model.couples) {
    const a = byId.get(c.a);
    const b = byId.get(c.b);
    if (!a || !b) continue;
    const [left, right] = a.gender === 'F' && b.gender !== 'F' ? [b, a] : [a, b];
    const union = dotId(c.unionId);
    const partnersInHousehold = Number(model.household.has(c.a)) + Number(model.household.has(c.b));
    const inHousehold = partnersInHousehold === 2 || (partnersInHousehold === 1 && c.children.some((x) => model.household.has(x)));
    (inHousehold ? householdUnions : otherUnions).push(
      `${union} [shape=point, width=0.07, height=0.07, color="#333333", ordering=out];`,
    );
    const style = c.status === 'ex' ? ', style="dashed"' : '';
    edges.push(`  ${node(left.id)} -> ${union} [weight=8${style}];`);
    edges.push(`  ${node(right.id)} -> ${union} [weight=8${style}];`);
    for (const child of c.children) edges.push(`  ${union} -> ${node(child)} [weight=3];`);
  }
  for (const l of model.singleParentLinks) edges.push(`  ${node(l.parent)} -> ${node(l.child)} [weight=5];`);
  for (const l of model.looseLinks) {
    edges.push(
      `  ${node(summary.subject.personId)} -> ${node(l.person)} [style="dotted", constraint=false, color="#666666", label=${dotId(l.text)}, fontsize=8, fontname="Helvetica"];`,
    );
  }

  // Declare people in left-to-right order: those left of the household on their rank before the
  // household box, the rest after it.
  const order = leftToRight(model);
  const firstHouseholdIndex = new Map<number, number>();
  order.forEach((id, i) => {
    const p = byId.get(id);
    if (p && model.household.has(id) && !firstHouseholdIndex.has(p.generation)) firstHouseholdIndex.set(p.generation, i);
  });
  const declare = (p: TreePerson, indent: string): string => `${indent}${node(p.id)} [${nodeAttributes(p, summary)}];`;
  const before: string[] = [];
  const inside: string[] = [];
  const after: string[] = [];
  order.forEach((id, i) => {
    const p = byId.get(id);
    if (!p) return;
    if (model.household.has(id)) inside.push(declare(p, '    '));
    else if (i < (firstHouseholdIndex.get(p.generation) ?? -1)) before.push(declare(p, '  '));
    else after.push(declare(p, '  '));
  });
  lines.push(...before);
  lines.push('  subgraph cluster_household {');
  lines.push(
    '    graph [style="dashed,rounded", color="#1f5fa8", penwidth=1.2, fontcolor="#1f5fa8", fontsize=9, labeljust=l, label="Household at the subject\'s address", margin=10];',
  );
  lines.push(...inside);
  for (const u of householdUnions) lines.push(`    ${u}`);
  lines.push('  }');
  lines.push(...after);
  for (const u of otherUnions) lines.push(`  ${u}`);
  lines.push(...edges);

  // One rank per generation.
  const ranks = new Map<number, string[]>();
  for (const [id, g] of rankOf) ranks.set(g, [...(ranks.get(g) ?? []), id]);
  for (const g of [...ranks.keys()].sort((x, y) => x - y)) {
    lines.push(`  { rank=same; ${(ranks.get(g) ?? []).join('; ')}; }`);
  }
  lines.push('}');
  return lines.join('\n');
}

let vizPromise: Promise<Viz> | null = null;
function viz(): Promise<Viz> {
  vizPromise ??= instance();
  return vizPromise;
}

export class FamilyTreeRenderError extends Error {
  constructor(readonly reasons: string[]) {
    super(`FAMILY_TREE_RENDER_FAILED: ${reasons.join('; ')}`);
    this.name = 'FamilyTreeRenderError';
  }
}

/** The family tree as a standalone SVG document (no XML prolog, no DOCTYPE, no comments). */
export async function renderFamilyTreeSvg(summary: FamilySummary): Promise<string> {
  const instanceOfViz = await viz();
  const result = instanceOfViz.render(familyTreeDot(summary), { format: 'svg', engine: 'dot' });
  if (result.status !== 'success') {
    throw new FamilyTreeRenderError(result.errors.filter((e) => e.level === 'error').map((e) => e.message));
  }
  return result.output
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/g, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .trim();
}
