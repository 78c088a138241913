/**
 * A hub meeting's pack: a cover listing the families on the agenda, then for each family a
 * "what changed since the last pack" page followed by its full summary, in one PDF.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import type { SummaryChanges } from '../meetings/summary-changes.js';
import { EVENT_TYPE_LABELS, FLAG_LABELS, ROLE_LABELS, SOURCE_LABELS, formatDate, label } from './labels.js';
import { muted, pdfFooter, pdfPageLayout, printPdf, summaryPdfContent, table, treeSvgOrNull } from './summary-pdf.render.js';
import { PROTECTIVE_MARKING, formatDateTime } from './summary-view.js';

export interface PackFamily {
  /** Present when the family's summary could be built. */
  summary: FamilySummary | null;
  /** Why there is no summary (a code's words), when there is none. */
  missingReason: string | null;
  changes: SummaryChanges | null;
}

export interface PackInput {
  hub: string;
  meetingDate: string;
  generatedAt: string;
  families: PackFamily[];
}

function subjectLine(family: PackFamily, index: number): string {
  const s = family.summary?.subject;
  return s ? `Family ${index + 1}: ${s.name}${s.dob ? ` (born ${formatDate(s.dob)})` : ''}` : `Family ${index + 1}`;
}

function changeCount(changes: SummaryChanges | null): string {
  if (changes === null) return '';
  if (changes.since === null) return 'First pack';
  const n = changes.newMembers.length + changes.formerMembers.length + changes.newEvents.length + changes.practitioners.length + changes.newFlags.length;
  return n === 0 ? 'No changes' : `${n} change${n === 1 ? '' : 's'}`;
}

function cover(input: PackInput): Content[] {
  return [
    { text: `Hub meeting pack: ${input.hub}`, style: 'h1' },
    muted(`Meeting on ${formatDate(input.meetingDate)} · printed ${formatDateTime(input.generatedAt)} · ${input.families.length} families`),
    table(
      [24, '*', 120, 90],
      ['#', 'Subject', 'Summary', 'Since last pack'],
      input.families.map((f, i) => [
        String(i + 1),
        f.summary ? subjectLine(f, i).replace(/^Family \d+: /, '') : 'No summary',
        f.summary ? `Generated ${formatDateTime(f.summary.generatedAt)}` : (f.missingReason ?? ''),
        changeCount(f.changes),
      ]),
    ),
  ];
}

function nameOf(summary: FamilySummary, personId: string): string {
  return summary.members.find((m) => m.personId === personId)?.name ?? 'Not a listed member';
}

function bullets(title: string, items: string[]): Content[] {
  if (items.length === 0) return [];
  return [{ text: title, style: 'h3' }, { ul: items, margin: [0, 0, 0, 6] }];
}

function changesBlock(summary: FamilySummary, changes: SummaryChanges): Content[] {
  const heading: Content = { text: 'What changed since the last pack', style: 'h2' };
  if (changes.since === null) return [heading, muted('This is the family’s first pack: there is nothing earlier to compare with.')];
  const lines = [
    ...bullets('New members', changes.newMembers.map((m) => `${m.name} (${label({}, m.relationshipToSubject)})`)),
    ...bullets('No longer listed', changes.formerMembers.map((m) => `${m.name} (${label({}, m.relationshipToSubject)})`)),
    ...bullets(
      'New events',
      changes.newEvents.map((e) => `${formatDate(e.date)} · ${nameOf(summary, e.personId)} · ${SOURCE_LABELS[e.source]} · ${label(EVENT_TYPE_LABELS, e.type)}: ${e.summary}`),
    ),
    ...bullets(
      'Practitioners',
      changes.practitioners.map(({ practitioner: p, change }) => {
        const what = change === 'new' ? 'new' : change === 'now-current' ? 'involved again' : 'no longer involved';
        return `${p.name}, ${label(ROLE_LABELS, p.role)} (${SOURCE_LABELS[p.agency]}): ${what}`;
      }),
    ),
    ...bullets('New flags', changes.newFlags.map((f) => `${label(FLAG_LABELS, f.code)}: ${nameOf(summary, f.personId)}`)),
  ];
  return [
    heading,
    muted(`Compared with the summary in the last pack, generated ${formatDateTime(changes.since)}.`),
    ...(lines.length > 0 ? lines : [muted('Nothing new: no new members, events, practitioners or flags.')]),
  ];
}

async function familySection(family: PackFamily, index: number): Promise<Content[]> {
  const title: Content = { text: subjectLine(family, index), style: 'h1', pageBreak: 'before' };
  if (family.summary === null) return [title, muted(`No summary for this family: ${family.missingReason ?? 'not built'}.`)];
  const svg = await treeSvgOrNull(family.summary);
  const body = summaryPdfContent(family.summary, svg);
  return [title, ...(family.changes ? changesBlock(family.summary, family.changes) : []), ...body];
}

export async function renderPackPdf(input: PackInput): Promise<Buffer> {
  const sections: Content[] = [];
  for (const [i, family] of input.families.entries()) sections.push(...(await familySection(family, i)));
  const definition: TDocumentDefinitions = {
    ...pdfPageLayout(),
    info: { title: `${PROTECTIVE_MARKING} — Hub meeting pack: ${input.hub}, ${input.meetingDate}`, subject: 'Hub meeting pack', creator: 'mash', producer: 'mash (pdfmake)' },
    footer: pdfFooter(`Hub meeting pack · ${input.hub} · ${formatDate(input.meetingDate)}`),
    content: [...cover(input), ...sections],
  };
  return printPdf(definition);
}
