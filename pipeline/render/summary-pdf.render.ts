/**
 * The family summary as a PDF, with pdfmake (pure JavaScript: no browser, no download). It lays
 * out the same view as the HTML: A4, OFFICIAL-SENSITIVE in the header and footer of every page,
 * "Page N of M", the same section headings, the family tree embedded as SVG.
 *
 * Fonts are the Roboto files pdfmake ships (Latin with accents, e.g. "Nguyễn"); pdfmake may read
 * only those files and may fetch nothing from the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfMake from 'pdfmake';
import type { Content, ContentStack, ContentTable, ContentText, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
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

const FONT_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const FONTS = {
  Roboto: {
    normal: path.join(FONT_DIR, 'Roboto-Regular.ttf'),
    bold: path.join(FONT_DIR, 'Roboto-Medium.ttf'),
    italics: path.join(FONT_DIR, 'Roboto-Italic.ttf'),
    bolditalics: path.join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
  },
};
const ALLOWED_FILES = new Set(Object.values(FONTS.Roboto).map((f) => path.resolve(f)));

const RED = '#a3001b';
const BLUE = '#1f5fa8';
const GREY = '#555555';
/** A4 width (595.28pt) less the side margins. */
const CONTENT_WIDTH = 595.28 - 2 * 40;

let configured = false;
export function configurePdfMake(): void {
  if (configured) return;
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((file) => ALLOWED_FILES.has(path.resolve(file)));
  configured = true;
}

function headerRow(labels: string[]): TableCell[] {
  return labels.map((text) => ({ text, style: 'th' }));
}

export function table(widths: (string | number)[], head: string[], rows: TableCell[][]): ContentTable {
  return {
    table: { headerRows: 1, dontBreakRows: true, widths, body: [headerRow(head), ...rows] },
    layout: {
      hLineWidth: (i) => (i === 0 ? 0 : 0.5),
      vLineWidth: () => 0,
      hLineColor: () => '#c8c8c8',
      fillColor: (row) => (row === 0 ? '#eceff3' : null),
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    style: 'table',
  };
}

function heading(text: string): Content {
  return { text, style: 'h2', headlineLevel: 1 };
}

export function muted(text: string): Content {
  return { text, color: GREY, fontSize: 8.5, margin: [0, 0, 0, 4] };
}

function headerBlock(view: SummaryView): Content[] {
  const meta: [string, string][] = [
    ['Purpose', view.purpose],
    ['Lawful basis', view.lawfulBasis],
    ['Consent', view.consent],
    ['Requested by', view.requester],
    ['Generated', view.generated],
    ['Period covered', view.window],
    ['Sources searched', view.sourcesLine],
    ['Not searched', view.withheldLine],
  ];
  const lead = view.lead;
  const leadText = lead
    ? [
        `${lead.name}, ${lead.role}${lead.team ? `, ${lead.team}` : ''} (${lead.agency})`,
        lead.phone ? ` · ${lead.phone}` : '',
        lead.email ? ` · ${lead.email}` : '',
        ` · last involved ${lead.lastInvolvement}`,
      ].join('')
    : 'none current in the sources searched';
  return [
    { text: view.title, style: 'h1' },
    { text: [{ text: view.subjectName, bold: true, fontSize: 14 }, { text: `, born ${view.subjectDob}`, fontSize: 12 }], margin: [0, 0, 0, 8] },
    {
      table: { widths: [92, '*'], body: meta.map(([k, v]) => [{ text: k, bold: true, color: '#333333' }, { text: v }]) },
      layout: 'noBorders',
      fontSize: 9.5,
      margin: [0, 0, 0, 8],
    },
    {
      table: { widths: ['*'], body: [[{ text: [{ text: 'Lead practitioner: ', bold: true }, leadText] }]] },
      layout: {
        hLineWidth: () => 0,
        vLineWidth: (i) => (i === 0 ? 3 : 0),
        vLineColor: () => BLUE,
        fillColor: () => '#eef4fb',
        paddingLeft: () => 6,
        paddingTop: () => 4,
        paddingBottom: () => 4,
      },
      fontSize: 9.5,
      margin: [0, 0, 0, 4],
    },
  ];
}

function membersBlock(view: SummaryView): Content[] {
  const rows: TableCell[][] = view.members.map((m) => {
    const fill = m.isSubject ? '#fff7d6' : undefined;
    const cell = (content: ContentText | ContentStack): TableCell => (fill === undefined ? content : { ...content, fillColor: fill });
    const nameStack: Content[] = [{ text: `${m.deceased ? '† ' : ''}${m.name}`, bold: true }];
    if (m.otherNames) nameStack.push({ text: `Also known as ${m.otherNames}`, color: GREY, fontSize: 8 });
    if (m.deceased) nameStack.push({ text: 'Deceased', color: GREY, fontSize: 8 });
    return [
      cell({ stack: nameStack }),
      cell({ text: m.relationship }),
      cell({ text: m.dob }),
      cell({ text: m.sex }),
      cell({ text: m.household }),
      cell(m.flags.length === 0 ? { text: 'None', color: GREY } : { stack: m.flags.map((f) => ({ text: f, color: RED, bold: true })) }),
      cell({ stack: [{ text: m.sources }, { text: m.recordKeys.join(' '), style: 'key' }] }),
    ];
  });
  return [
    heading(SECTION_HEADINGS.members),
    table([78, 58, 62, 34, 44, 70, '*'], ['Name', 'Relationship to subject', 'Date of birth', 'Sex', 'Household', 'Flags', 'Known to'], rows),
  ];
}

function treeBlock(treeSvg: string | null): Content[] {
  if (treeSvg === null) {
    return [heading(SECTION_HEADINGS.tree), muted('The family tree could not be drawn; the members and relationships are listed above.')];
  }
  // One unbreakable block, so the heading never stays behind at the foot of a page.
  return [
    {
      stack: [
        // No headlineLevel here: a page break requested inside an unbreakable block loses the block.
        { text: SECTION_HEADINGS.tree, style: 'h2' },
        { svg: treeSvg, fit: [CONTENT_WIDTH, 480], alignment: 'center' },
        { text: TREE_LEGEND, fontSize: 7.5, color: '#444444', margin: [0, 4, 0, 0] },
      ],
      unbreakable: true,
    },
  ];
}

function practitionersBlock(view: SummaryView): Content[] {
  if (view.practitioners.length === 0) {
    return [heading(SECTION_HEADINGS.practitioners), muted('No practitioner involvement in the sources searched.')];
  }
  const rows: TableCell[][] = view.practitioners.map((p) => {
    const colour = p.current ? undefined : GREY;
    const withColour = (c: { text: string; bold?: boolean; fontSize?: number }): Content => (colour ? { ...c, color: colour } : c);
    const name: Content[] = [withColour({ text: p.name, bold: true })];
    if (p.lead) name.push({ text: 'Lead practitioner', color: RED, bold: true, fontSize: 8 });
    const role: Content[] = [withColour({ text: p.role })];
    if (p.team) role.push({ text: p.team, color: GREY, fontSize: 8 });
    const contact: Content[] = [p.phone ? withColour({ text: p.phone }) : { text: 'No phone recorded', color: GREY }];
    if (p.email) contact.push({ text: p.email, fontSize: 8 });
    return [
      { stack: name },
      { stack: role },
      withColour({ text: p.agency }),
      { stack: contact },
      withColour({ text: p.status }),
      withColour({ text: p.lastInvolvement }),
      withColour({ text: p.worksWith }),
    ];
  });
  return [
    heading(SECTION_HEADINGS.practitioners),
    table([74, 74, 52, 104, 34, 52, '*'], ['Name', 'Role', 'Agency', 'Contact', 'Status', 'Last involved', 'Works with'], rows),
  ];
}

function flagsBlock(view: SummaryView): Content[] {
  const intro = muted('Flags are transparent rules with their evidence, not a risk score. Thresholds are set locally.');
  if (view.flags.length === 0) return [heading(SECTION_HEADINGS.flags), intro, { text: 'No flag rule fired for any member.' }];
  const rows: TableCell[][] = view.flags.map((f) => [
    { text: f.flag, color: RED, bold: true },
    { text: f.person },
    { text: f.description },
    {
      stack: f.evidence.map((e) => ({
        text: [{ text: e.recordKey, style: 'key' }, ...(e.event ? [{ text: ` (${e.event})`, color: GREY, fontSize: 7.5 }] : [])],
      })),
    },
  ]);
  return [heading(SECTION_HEADINGS.flags), intro, table([82, 70, 130, '*'], ['Flag', 'Person', 'What the rule found', 'Evidence'], rows)];
}

function timelineBlock(view: SummaryView): Content[] {
  const blocks: Content[] = [
    heading(SECTION_HEADINGS.timeline),
    muted(`${view.timelineCount} entr${view.timelineCount === 1 ? 'y' : 'ies'} from ${view.window}, newest first.`),
  ];
  if (view.timeline.length === 0) blocks.push({ text: 'No events in the period covered.' });
  for (const year of view.timeline) {
    blocks.push({ text: year.year, style: 'h3', headlineLevel: 2 });
    blocks.push(
      table(
        [62, 70, 62, 80, '*'],
        ['Date', 'Person', 'Source', 'Event', 'Summary and record'],
        year.entries.map((t) => [
          { text: t.date },
          { text: t.person },
          { text: t.source },
          { text: t.event },
          { stack: [{ text: t.summary }, { text: t.recordKey, style: 'key' }] },
        ]),
      ),
    );
  }
  return blocks;
}

function sourcesBlock(view: SummaryView): Content[] {
  const rows: TableCell[][] = view.sources.map((s) => {
    const colour = s.state === 'withheld' || s.state === 'not-searched' ? RED : s.stale ? '#9a5b00' : undefined;
    const status: TableCell = colour ? { text: s.status, color: colour, bold: true } : { text: s.status, bold: s.state === 'searched-no-record' };
    return [{ text: s.name, bold: true }, status, { text: s.latestExtract || '—' }, { text: s.found || '—' }];
  });
  // A short section: kept whole on one page (no headlineLevel inside an unbreakable block).
  const block: Content[] = [
    { text: SECTION_HEADINGS.sources, style: 'h2' },
    muted(
      '“Not searched” means the source was outside this trawl’s purpose, consent or agreement: it says nothing about the family. ' +
        '“Searched, no record” means the source was searched and holds nothing on any member.',
    ),
    table([90, '*', 100, 110], ['Source', 'Status', 'Latest extract', 'Found'], rows),
  ];
  return [{ stack: block, unbreakable: true }];
}

/** Page, header, heading-keeping and styles shared by every mash PDF (summaries and packs). */
export function pdfPageLayout(): Omit<TDocumentDefinitions, 'content'> {
  return {
    pageSize: 'A4',
    pageMargins: [40, 48, 40, 48],
    header: () => ({
      text: PROTECTIVE_MARKING,
      alignment: 'center',
      bold: true,
      color: RED,
      fontSize: 9,
      characterSpacing: 0.8,
      margin: [40, 20, 40, 0],
    }),
    // Keep a heading with what follows it: a section heading low on a page starts a new page.
    pageBreakBefore: (node) =>
      (node.headlineLevel === 1 && node.startPosition.verticalRatio > 0.82) ||
      (node.headlineLevel === 2 && node.startPosition.verticalRatio > 0.9),
    defaultStyle: { font: 'Roboto', fontSize: 9, lineHeight: 1.15 },
    styles: {
      h1: { fontSize: 17, bold: true, margin: [0, 0, 0, 2] },
      h2: { fontSize: 13, bold: true, color: BLUE, margin: [0, 14, 0, 5] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 3] },
      th: { bold: true, fontSize: 8.5 },
      table: { fontSize: 8.5, margin: [0, 0, 0, 4] },
      key: { fontSize: 7, color: '#444444' },
    },
  };
}

/** A footer with a label, the protective marking and "Page N of M". */
export function pdfFooter(text: string): TDocumentDefinitions['footer'] {
  return (currentPage, pageCount) => ({
    columns: [
      { text, fontSize: 7.5, color: GREY, width: '*' },
      { text: PROTECTIVE_MARKING, alignment: 'center', bold: true, color: RED, fontSize: 9, characterSpacing: 0.8, width: 'auto' },
      { text: `Page ${currentPage} of ${pageCount}`, alignment: 'right', fontSize: 8, color: '#333333', width: '*' },
    ],
    margin: [40, 16, 40, 0],
  });
}

/** The body of a summary, section by section (a pack prints several in one document). */
export function summaryPdfContent(summary: FamilySummary, treeSvg: string | null, options: RenderOptions = {}): Content[] {
  const view = buildSummaryView(summary, options);
  return [
    ...headerBlock(view),
    ...membersBlock(view),
    ...treeBlock(treeSvg),
    ...practitionersBlock(view),
    ...flagsBlock(view),
    ...timelineBlock(view),
    ...sourcesBlock(view),
  ];
}

/** The pdfmake document definition for a summary (exported for inspection and tests). */
export function summaryPdfDefinition(summary: FamilySummary, treeSvg: string | null, options: RenderOptions = {}): TDocumentDefinitions {
  const view = buildSummaryView(summary, options);
  return {
    ...pdfPageLayout(),
    info: {
      title: `${PROTECTIVE_MARKING} — ${view.title}: ${view.subjectName}`,
      subject: 'Family summary',
      creator: 'mash',
      producer: 'mash (pdfmake)',
    },
    footer: pdfFooter(`${view.subjectName} · ${view.title}`),
    content: summaryPdfContent(summary, treeSvg, options),
  };
}

/** PDF bytes of a document definition, with the fonts pdfmake ships and no other file or URL. */
export function printPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configurePdfMake();
  pdfMake.setFonts(structuredClone(FONTS));
  return pdfMake.createPdf(definition).getBuffer();
}

/** The family tree as SVG, or null when it cannot be drawn (the summary prints the tree's note). */
export async function treeSvgOrNull(summary: FamilySummary): Promise<string | null> {
  try {
    return await renderFamilyTreeSvg(summary);
  } catch {
    return null;
  }
}

/** The PDF bytes of a summary's printable form. */
export async function renderSummaryPdf(summary: FamilySummary, options: RenderOptions = {}): Promise<Buffer> {
  const treeSvg = await treeSvgOrNull(summary);
  const print = (svg: string | null): Promise<Buffer> => printPdf(summaryPdfDefinition(summary, svg, options));
  if (treeSvg === null) return print(null);
  try {
    return await print(treeSvg);
  } catch {
    // An SVG pdfmake cannot draw must not cost the whole summary: print it with the tree's note.
    return print(null);
  }
}
