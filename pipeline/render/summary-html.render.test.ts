import { renderSummaryHtml, summaryHtml, escapeHtml } from './summary-html.render.js';
import { PROTECTIVE_MARKING, SECTION_HEADINGS } from './summary-view.js';
import { DEAN, makeTestSummary } from './test-summary.fixture.js';

describe('summary HTML', () => {
  let page = '';
  beforeAll(async () => {
    page = await renderSummaryHtml(makeTestSummary());
  });

  it('has every section heading, in order', () => {
    const positions = Object.values(SECTION_HEADINGS).map((h) => page.indexOf(`<h2>${h}</h2>`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('is marked OFFICIAL-SENSITIVE at the top and the bottom, and numbers printed pages', () => {
    const body = page.slice(page.indexOf('<body>'));
    expect(body.indexOf(PROTECTIVE_MARKING)).toBeLessThan(body.indexOf('<header>'));
    expect(body.lastIndexOf(PROTECTIVE_MARKING)).toBeGreaterThan(body.indexOf(`<h2>${SECTION_HEADINGS.sources}</h2>`));
    expect(page).toMatch(/@page \{\s*size: A4;\s*margin:/);
    expect(page).toContain('counter(page)');
    expect(page).toContain('counter(pages)');
    expect(page).toContain(`@top-center { content: "${PROTECTIVE_MARKING}"`);
  });

  it('prints the header: subject, purpose, lawful basis, consent, requester, time, sources', () => {
    expect(page).toContain('<strong>Ruby Marsh</strong>, born 14 Aug 2025 (1 year)');
    expect(page).toContain('Safeguarding (MASH)');
    expect(page).toContain('Children Act 1989 section 47');
    expect(page).toContain('No consent');
    expect(page).toContain('Amira Okafor, MASH analyst');
    expect(page).toContain('22 Nov 2026, 09:14 (UK time)');
    expect(page).toContain('Health — extract 7 Nov 2026 (15 days old), stale');
    expect(page).toContain('Lead practitioner:</strong> Priya Shah, Social worker');
  });

  it('tells "not searched" from "searched, no record" and marks a stale source', () => {
    expect(page).toContain('Not searched — The local data sharing agreement does not cover the housing provider for MASH trawls');
    expect(page).toMatch(/<strong>Education<\/strong><\/td>\s*<td class="status-none">Searched, no record<\/td>/);
    expect(page).toMatch(/<strong>Health<\/strong><\/td>\s*<td class="status-stale">Searched — source stale<\/td>/);
  });

  it('prints code words as words', () => {
    expect(page).toContain('need: Abuse or neglect');
    expect(page).toContain('need code: Family in acute stress');
    expect(page).toContain('>Child protection plan<');
    expect(page).toContain('>Was not brought<');
    expect(page).toContain('>Domestic abuse incident<');
    expect(page).toContain('>Half-sibling<');
    expect(page).not.toMatch(/>(CP_PLAN|WAS_NOT_BROUGHT|HALF_SIBLING|DOMESTIC_ABUSE)</);
  });

  it('groups the timeline by year, newest first', () => {
    const years = [...page.matchAll(/<h3>(\d{4})<\/h3>/g)].map((m) => m[1]);
    expect(years).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(page.indexOf('5 Nov 2026')).toBeLessThan(page.indexOf('28 Sep 2026'));
  });

  it('embeds the family tree inline and loads nothing from outside', () => {
    expect(page).toContain('<svg class="tree"');
    expect(page).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\/(?!www\.w3\.org)/);
    expect(page).toContain("default-src 'none'");
  });

  it('escapes every value, a <script> in a name included', () => {
    const summary = makeTestSummary();
    const dean = summary.members.find((m) => m.personId === DEAN)!;
    dean.name = '<script>alert(1)</script>';
    summary.practitioners[0]!.name = '<img src=x onerror=alert(2)>';
    summary.timeline[0]!.summary = '"><b>bold</b>';
    const out = summaryHtml(summary, null);
    expect(out).not.toContain('<script>alert(1)</script>');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<b>bold</b>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(out).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('says so when the tree could not be drawn', () => {
    expect(summaryHtml(makeTestSummary(), null)).toContain('The family tree could not be drawn');
  });
});
