/**
 * The family tree as Graphviz DOT: a genogram-like picture of the summary's members, drawn by Graphviz
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
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { FLAG_LABELS, RELATIONSHIP_LABELS, formatAge, formatDate, label } from './labels.js';
import { buildFamilyTreeModel, summaryDay, type Couple, type FamilyTreeModel, type TreePerson } from './family-tree.model.js';

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
