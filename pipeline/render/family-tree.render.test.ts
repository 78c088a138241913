import type { FamilySummary } from '../../schemas/summary.schema.js';
import { familyTreeDot, leftToRight } from './family-tree.dot.js';
import { buildFamilyTreeModel } from './family-tree.model.js';
import { renderFamilyTreeSvg } from './family-tree.render.js';
import { CHLOE, DEAN, MAUREEN, PATRICK, RUBY, TYLER, makeTestSummary } from './test-summary.fixture.js';

describe('family tree', () => {
  it('draws an SVG holding every member by name', async () => {
    const summary = makeTestSummary();
    const svg = await renderFamilyTreeSvg(summary);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).not.toMatch(/<\?xml|<!DOCTYPE|<!--/);
    for (const m of summary.members) expect(svg).toContain(m.name);
    expect(svg).toContain('Household at the subject&#39;s address');
    expect(svg).toContain('Father not recorded');
    expect(svg).toContain('Domestic abuse');
  });

  it('places grandparents, parents and children in generations', () => {
    const model = buildFamilyTreeModel(makeTestSummary());
    const generation = (id: string): number | undefined => model.people.find((p) => p.id === id)?.generation;
    expect([MAUREEN, PATRICK].map(generation)).toEqual([-2, -2]);
    expect([CHLOE, DEAN].map(generation)).toEqual([-1, -1]);
    expect([RUBY, TYLER].map(generation)).toEqual([0, 0]);
  });

  it('hangs the half-sibling from his own parent, with an unrecorded father', () => {
    const model = buildFamilyTreeModel(makeTestSummary());
    const unionOf = (child: string) => model.couples.find((c) => c.children.includes(child));
    const ruby = unionOf(RUBY);
    const tyler = unionOf(TYLER);
    expect([ruby?.a, ruby?.b].sort()).toEqual([CHLOE, DEAN].sort());
    expect(ruby?.status).toBe('ex');
    expect(tyler).toBeDefined();
    expect(tyler).not.toBe(ruby);
    expect([tyler?.a, tyler?.b]).toContain(CHLOE);
    const other = [tyler?.a, tyler?.b].find((id) => id !== CHLOE);
    expect(model.people.find((p) => p.id === other)?.placeholderLabel).toBe('Father not recorded');
    // The older half-sibling's father is declared left of Chloe, Ruby's father right of her.
    const order = leftToRight(model);
    expect(order.indexOf(other as string)).toBeLessThan(order.indexOf(CHLOE));
    expect(order.indexOf(CHLOE)).toBeLessThan(order.indexOf(DEAN));
  });

  it('boxes the household only, marks the subject, the deceased and same-rank couples', () => {
    const dot = familyTreeDot(makeTestSummary());
    const cluster = /subgraph cluster_household \{([\s\S]*?)\n {2}\}/.exec(dot)?.[1] ?? '';
    expect(cluster).toContain('Ruby Marsh');
    expect(cluster).toContain('Chloe Brennan');
    expect(cluster).toContain('Tyler Brennan');
    expect(cluster).not.toContain('Dean Marsh');
    expect(cluster).toContain('style="dashed');
    expect(dot).toMatch(/peripheries=2/);
    expect(dot).toContain('† Patrick Brennan');
    expect(dot).toMatch(/\{ rank=same; [^}]*"m1"[^}]*"m3"[^}]*\}|\{ rank=same; [^}]*"m3"[^}]*"m1"[^}]*\}/);
    expect(dot).toMatch(/shape=ellipse, label=<<TABLE[^\n]*Chloe Brennan/);
    expect(dot).toMatch(/shape=box, label=<<TABLE[^\n]*Dean Marsh/);
  });

  it('escapes names: no markup from the data reaches the SVG', async () => {
    const summary = makeTestSummary();
    summary.members[3]!.name = '<script>alert("x")</script> Dean & "Co"';
    const svg = await renderFamilyTreeSvg(summary);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;');
  });

  it('draws a lone subject, and ties an unplaced member to the subject', async () => {
    const summary = makeTestSummary();
    const lone: FamilySummary = { ...summary, members: summary.members.slice(0, 1), relationships: [], flags: [], timeline: [], practitioners: [] };
    lone.members[0]!.flags = [];
    expect(await renderFamilyTreeSvg(lone)).toContain('Ruby Marsh');

    const withLodger = makeTestSummary();
    withLodger.members.push({
      personId: 'person-50001', name: 'Kai Lodger', dob: null, sex: 'U', relationshipToSubject: 'HOUSEHOLD_MEMBER',
      recordKeys: [], flags: [], household: true,
    });
    const model = buildFamilyTreeModel(withLodger);
    expect(model.looseLinks).toEqual([{ person: 'person-50001', text: 'Household member' }]);
    const svg = await renderFamilyTreeSvg(withLodger);
    expect(svg).toContain('Kai Lodger');
    expect(svg).toContain('Date of birth not known');
    expect(familyTreeDot(withLodger)).toMatch(/shape=diamond, label=<<TABLE[^\n]*Kai Lodger/);
  });

  it('places the subject’s parents from relationshipToSubject when no relationship states them', () => {
    const summary = makeTestSummary();
    summary.relationships = [];
    const model = buildFamilyTreeModel(summary);
    const union = model.couples.find((c) => c.children.includes(RUBY));
    expect([union?.a, union?.b].sort()).toEqual([CHLOE, DEAN].sort());
    expect(model.people.find((p) => p.id === MAUREEN)?.generation).toBe(-2);
  });
});
