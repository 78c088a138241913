/**
 * The family summary as one printable HTML file: A4, print CSS, no external assets, no script.
 * Every value goes through the `html` template tag, which escapes it; only the Graphviz SVG and
 * fragments built by the tag itself are inserted as markup.
 */
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { renderFamilyTreeSvg } from './family-tree.render.js';
import {
  PROTECTIVE_MARKING,
  SECTION_HEADINGS,
  TREE_LEGEND,
  buildSummaryView,
  type RenderOptions,
  type SummaryView,
} from './summary-view.js';

/** Markup that is already safe. Only `html` and `trustedSvg` make one. */
class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function interpolate(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number' || value === true) return escapeHtml(String(value));
  throw new TypeError('HTML_TEMPLATE_VALUE: only strings, numbers, arrays and SafeHtml can be interpolated');
}

/** Template tag: every interpolated value is escaped unless it is SafeHtml. */
function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += interpolate(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Graphviz output: strip anything active, make it scale to the page width. */
function trustedSvg(svg: string): SafeHtml {
  const cleaned = svg
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/<svg\b/, '<svg class="tree" role="img" aria-label="Family tree"');
  return new SafeHtml(cleaned);
}

const CSS = `
@page {
  size: A4;
  margin: 18mm 14mm 18mm 14mm;
  @top-center { content: "${PROTECTIVE_MARKING}"; font: bold 9pt Arial, Helvetica, sans-serif; color: #a3001b; }
  @bottom-center { content: "${PROTECTIVE_MARKING}"; font: bold 9pt Arial, Helvetica, sans-serif; color: #a3001b; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Arial, Helvetica, sans-serif; color: #444; }
}
* { box-sizing: border-box; }
html { font: 10pt/1.35 Arial, Helvetica, "Liberation Sans", sans-serif; color: #111; background: #fff; }
body { margin: 0 auto; max-width: 182mm; padding: 6mm 0; }
.marking { text-align: center; font-weight: bold; letter-spacing: 0.08em; color: #a3001b; border: 1.5px solid #a3001b; padding: 1.5mm; margin: 0 0 4mm; }
.marking.bottom { margin: 6mm 0 0; }
header h1 { font-size: 17pt; margin: 0 0 1mm; }
header .subject { font-size: 13pt; margin: 0 0 3mm; }
header .subject strong { font-size: 14pt; }
dl.meta { display: grid; grid-template-columns: 33mm 1fr; gap: 1mm 4mm; margin: 0 0 3mm; }
dl.meta dt { font-weight: bold; color: #333; }
dl.meta dd { margin: 0; }
.lead { border-left: 3px solid #1f5fa8; background: #eef4fb; padding: 2mm 3mm; margin: 0 0 4mm; }
h2 { font-size: 13pt; border-bottom: 1.5px solid #1f5fa8; color: #1f5fa8; margin: 7mm 0 2mm; padding-bottom: 0.5mm; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 0 0 2mm; font-size: 9pt; }
thead { display: table-header-group; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 1.5mm; border-bottom: 0.5px solid #c8c8c8; }
th { background: #eceff3; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.subject td { background: #fff7d6; }
tr.past td { color: #555; }
.flag { display: inline-block; color: #a3001b; font-weight: bold; }
.key, .keys { font-family: "Courier New", Courier, monospace; font-size: 7.5pt; color: #444; word-break: break-all; }
.muted { color: #555; }
.status-withheld { color: #a3001b; font-weight: bold; }
.status-stale { color: #9a5b00; font-weight: bold; }
.status-none { color: #333; font-weight: bold; }
figure.tree-figure { margin: 0; break-inside: avoid; page-break-inside: avoid; }
svg.tree { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 8pt; color: #444; margin-top: 1mm; }
section { break-inside: auto; }
@media print {
  body { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
`;

function header(view: SummaryView): SafeHtml {
  const lead = view.lead;
  return html`<header>
  <h1>${view.title}</h1>
  <p class="subject"><strong>${view.subjectName}</strong>, born ${view.subjectDob}</p>
  <dl class="meta">
    <dt>Purpose</dt><dd>${view.purpose}</dd>
    <dt>Lawful basis</dt><dd>${view.lawfulBasis}</dd>
    <dt>Consent</dt><dd>${view.consent}</dd>
    <dt>Requested by</dt><dd>${view.requester}</dd>
    <dt>Generated</dt><dd>${view.generated}</dd>
    <dt>Period covered</dt><dd>${view.window}</dd>
    <dt>Sources searched</dt><dd>${view.sourcesLine}</dd>
    <dt>Not searched</dt><dd>${view.withheldLine}</dd>
  </dl>
  ${
    lead
      ? html`<p class="lead"><strong>Lead practitioner:</strong> ${lead.name}, ${lead.role}${lead.team ? `, ${lead.team}` : ''} (${lead.agency})${lead.phone ? ` · ${lead.phone}` : ''}${lead.email ? ` · ${lead.email}` : ''} · last involved ${lead.lastInvolvement}</p>`
      : html`<p class="lead"><strong>Lead practitioner:</strong> none current in the sources searched</p>`
  }
</header>`;
}

function membersSection(view: SummaryView): SafeHtml {
  return html`<section id="members">
  <h2>${SECTION_HEADINGS.members}</h2>
  <table>
    <thead><tr><th>Name</th><th>Relationship to subject</th><th>Date of birth</th><th>Sex</th><th>Household</th><th>Flags</th><th>Known to</th></tr></thead>
    <tbody>${view.members.map(
      (m) => html`<tr class="${m.isSubject ? 'subject' : ''}">
      <td><strong>${m.deceased ? '† ' : ''}${m.name}</strong>${m.otherNames ? html`<br><span class="muted">Also known as ${m.otherNames}</span>` : ''}${m.deceased ? html`<br><span class="muted">Deceased</span>` : ''}</td>
      <td>${m.relationship}</td><td>${m.dob}</td><td>${m.sex}</td><td>${m.household}</td>
      <td>${m.flags.length === 0 ? html`<span class="muted">None</span>` : m.flags.map((f, i) => html`${i > 0 ? html`<br>` : ''}<span class="flag">${f}</span>`)}</td>
      <td>${m.sources}<br><span class="keys">${m.recordKeys.join(' ')}</span></td>
    </tr>`,
    )}</tbody>
  </table>
</section>`;
}

function treeSection(treeSvg: string | null): SafeHtml {
  return html`<section id="family-tree">
  <h2>${SECTION_HEADINGS.tree}</h2>
  ${
    treeSvg === null
      ? html`<p class="muted">The family tree could not be drawn; the members and relationships are listed above.</p>`
      : html`<figure class="tree-figure">${trustedSvg(treeSvg)}<figcaption>${TREE_LEGEND}</figcaption></figure>`
  }
</section>`;
}

function practitionersSection(view: SummaryView): SafeHtml {
  return html`<section id="practitioners">
  <h2>${SECTION_HEADINGS.practitioners}</h2>
  ${
    view.practitioners.length === 0
      ? html`<p class="muted">No practitioner involvement in the sources searched.</p>`
      : html`<table>
    <thead><tr><th>Name</th><th>Role</th><th>Agency</th><th>Contact</th><th>Status</th><th>Last involved</th><th>Works with</th></tr></thead>
    <tbody>${view.practitioners.map(
      (p) => html`<tr class="${p.current ? '' : 'past'}">
      <td><strong>${p.name}</strong>${p.lead ? html`<br><span class="flag">Lead practitioner</span>` : ''}</td>
      <td>${p.role}${p.team ? html`<br><span class="muted">${p.team}</span>` : ''}</td>
      <td>${p.agency}</td>
      <td>${p.phone || html`<span class="muted">No phone recorded</span>`}${p.email ? html`<br>${p.email}` : ''}</td>
      <td>${p.status}</td><td>${p.lastInvolvement}</td><td>${p.worksWith}</td>
    </tr>`,
    )}</tbody>
  </table>`
  }
</section>`;
}

function flagsSection(view: SummaryView): SafeHtml {
  return html`<section id="flags">
  <h2>${SECTION_HEADINGS.flags}</h2>
  <p class="muted">Flags are transparent rules with their evidence, not a risk score. Thresholds are set locally.</p>
  ${
    view.flags.length === 0
      ? html`<p>No flag rule fired for any member.</p>`
      : html`<table>
    <thead><tr><th>Flag</th><th>Person</th><th>What the rule found</th><th>Evidence</th></tr></thead>
    <tbody>${view.flags.map(
      (f) => html`<tr>
      <td><span class="flag">${f.flag}</span></td><td>${f.person}</td><td>${f.description}</td>
      <td>${f.evidence.map((e, i) => html`${i > 0 ? html`<br>` : ''}<span class="key">${e.recordKey}</span>${e.event ? html` <span class="muted">(${e.event})</span>` : ''}`)}</td>
    </tr>`,
    )}</tbody>
  </table>`
  }
</section>`;
}

function timelineSection(view: SummaryView): SafeHtml {
  return html`<section id="timeline">
  <h2>${SECTION_HEADINGS.timeline}</h2>
  <p class="muted">${view.timelineCount} entr${view.timelineCount === 1 ? 'y' : 'ies'} from ${view.window}, newest first.</p>
  ${view.timeline.length === 0 ? html`<p>No events in the period covered.</p>` : ''}
  ${view.timeline.map(
    (year) => html`<h3>${year.year}</h3>
  <table>
    <thead><tr><th style="width:24mm">Date</th><th style="width:27mm">Person</th><th style="width:24mm">Source</th><th style="width:30mm">Event</th><th>Summary and record</th></tr></thead>
    <tbody>${year.entries.map(
      (t) => html`<tr><td>${t.date}</td><td>${t.person}</td><td>${t.source}</td><td>${t.event}</td><td>${t.summary}<br><span class="key">${t.recordKey}</span></td></tr>`,
    )}</tbody>
  </table>`,
  )}
</section>`;
}

function sourcesSection(view: SummaryView): SafeHtml {
  return html`<section id="sources">
  <h2>${SECTION_HEADINGS.sources}</h2>
  <p class="muted">“Not searched” means the source was outside this trawl’s purpose, consent or agreement: it says nothing about the family. “Searched, no record” means the source was searched and holds nothing on any member.</p>
  <table>
    <thead><tr><th>Source</th><th>Status</th><th>Latest extract</th><th>Found</th></tr></thead>
    <tbody>${view.sources.map(
      (s) => html`<tr>
      <td><strong>${s.name}</strong></td>
      <td class="${s.state === 'withheld' || s.state === 'not-searched' ? 'status-withheld' : s.stale ? 'status-stale' : s.state === 'searched-no-record' ? 'status-none' : ''}">${s.status}</td>
      <td>${s.latestExtract || html`<span class="muted">—</span>`}</td>
      <td>${s.found || html`<span class="muted">—</span>`}</td>
    </tr>`,
    )}</tbody>
  </table>
</section>`;
}

/** The whole document, given the tree's SVG (or null when it could not be drawn). */
export function summaryHtml(summary: FamilySummary, treeSvg: string | null, options: RenderOptions = {}): string {
  const view = buildSummaryView(summary, options);
  const doc = html`<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PROTECTIVE_MARKING} — ${view.title}: ${view.subjectName}</title>
<style>${new SafeHtml(CSS)}</style>
</head>
<body>
<div class="marking top" role="note">${PROTECTIVE_MARKING}</div>
${header(view)}
${membersSection(view)}
${treeSection(treeSvg)}
${practitionersSection(view)}
${flagsSection(view)}
${timelineSection(view)}
${sourcesSection(view)}
<div class="marking bottom" role="note">${PROTECTIVE_MARKING}</div>
</body>
</html>
`;
  return doc.value;
}

/** Renders the family tree, then the document. A tree that fails to draw leaves a note instead. */
export async function renderSummaryHtml(summary: FamilySummary, options: RenderOptions = {}): Promise<string> {
  let treeSvg: string | null;
  try {
    treeSvg = await renderFamilyTreeSvg(summary);
  } catch {
    treeSvg = null;
  }
  return summaryHtml(summary, treeSvg, options);
}
