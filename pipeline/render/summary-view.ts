/**
 * What a printed family summary says, in words, independent of HTML or PDF: both renderers
 * lay out this view, so they print the same content.
 */
import { SOURCES, type Source } from '../../schemas/canonical.js';
import type { FamilySummary, SummaryPractitioner } from '../../schemas/summary.schema.js';
import {
  CONSENT_LABELS,
  EVENT_TYPE_LABELS,
  FLAG_LABELS,
  PURPOSE_LABELS,
  RELATIONSHIP_LABELS,
  ROLE_LABELS,
  SEX_LABELS,
  SOURCE_LABELS,
  USER_ROLE_LABELS,
  formatAge,
  formatDate,
  label,
  wordsForCodes,
} from './labels.js';

/** The section headings, in print order. Tests and readers rely on these exact words. */
export const SECTION_HEADINGS = {
  members: 'Family members',
  tree: 'Family tree',
  practitioners: 'Practitioners',
  flags: 'Flags',
  timeline: 'Timeline',
  sources: 'Sources',
} as const;

export const PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

export const TREE_LEGEND =
  'Squares: male. Circles: female. Diamonds: other or not known. Double outline: the subject. ' +
  'Dashed box: household at the subject’s address. Grey with †: deceased. Dashed outline: a parent not recorded. ' +
  'Dashed line between partners: ex-partners. Red ■: flags.';

export interface RenderOptions {
  /** An included source whose newest extract is older than this many days is marked stale. Default 7. */
  staleAfterDays?: number;
}

export type SourceState = 'searched' | 'searched-no-record' | 'withheld' | 'not-searched';

export interface SourceView {
  source: Source;
  name: string;
  state: SourceState;
  /** "Searched", "Searched, no record", "Not searched — <reason>". */
  status: string;
  latestExtract: string;
  stale: boolean;
  /** "3 people, 12 timeline entries" or "". */
  found: string;
  /** Why it was not searched; "" when it was. */
  reason: string;
}

export interface MemberView {
  personId: string;
  name: string;
  otherNames: string;
  relationship: string;
  dob: string;
  sex: string;
  household: string;
  deceased: boolean;
  isSubject: boolean;
  flags: string[];
  sources: string;
  recordKeys: string[];
}

export interface PractitionerView {
  name: string;
  role: string;
  team: string;
  agency: string;
  phone: string;
  email: string;
  status: string;
  current: boolean;
  lastInvolvement: string;
  worksWith: string;
  lead: boolean;
}

export interface FlagView {
  flag: string;
  code: string;
  person: string;
  description: string;
  evidence: { recordKey: string; event: string }[];
}

export interface TimelineEntryView {
  date: string;
  person: string;
  source: string;
  event: string;
  summary: string;
  recordKey: string;
}

export interface TimelineYearView {
  year: string;
  entries: TimelineEntryView[];
}

export interface SummaryView {
  title: string;
  subjectName: string;
  subjectDob: string;
  purpose: string;
  lawfulBasis: string;
  consent: string;
  requester: string;
  generated: string;
  window: string;
  sourcesLine: string;
  withheldLine: string;
  lead: PractitionerView | null;
  sources: SourceView[];
  members: MemberView[];
  practitioners: PractitionerView[];
  flags: FlagView[];
  timeline: TimelineYearView[];
  timelineCount: number;
}

const MEMBER_ORDER = [
  'SUBJECT', 'MOTHER', 'FATHER', 'STEP_PARENT', 'PARENT_PARTNER', 'PARENT_EX_PARTNER', 'CARER',
  'SIBLING', 'HALF_SIBLING', 'STEP_SIBLING', 'GRANDMOTHER', 'GRANDFATHER', 'GRANDPARENT', 'AUNT_UNCLE',
  'HOUSEHOLD_MEMBER', 'OTHER',
];
const LEAD_ROLES = new Set(['SOCIAL_WORKER', 'EARLY_HELP_PRACTITIONER', 'LEAD_PRACTITIONER']);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// Building a formatter is costly (ICU); one serves every call.
const UK_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});

/** 2026-11-22T09:14:00Z -> "22 Nov 2026, 09:14 (UK time)". */
export function formatDateTime(iso: string): string {
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return iso;
  return `${UK_DATE_TIME.format(when)} (UK time)`;
}

function recordSource(recordKey: string): string {
  return recordKey.split(':', 1)[0] ?? '';
}

function practitionerView(p: SummaryPractitioner, nameOf: (id: string) => string, lead: boolean): PractitionerView {
  return {
    name: p.name,
    role: label(ROLE_LABELS, p.role),
    team: p.team ?? '',
    agency: SOURCE_LABELS[p.agency] ?? p.agency,
    phone: p.phone ?? '',
    email: p.email ?? '',
    status: p.current ? 'Current' : 'Past',
    current: p.current,
    lastInvolvement: formatDate(p.lastInvolvement),
    worksWith: p.personIds.map(nameOf).join(', '),
    lead,
  };
}

export function buildSummaryView(summary: FamilySummary, options: RenderOptions = {}): SummaryView {
  const staleAfterDays = options.staleAfterDays ?? 7;
  const day = summary.generatedAt.slice(0, 10);
  const memberById = new Map(summary.members.map((m) => [m.personId, m] as const));
  const nameOf = (id: string): string => memberById.get(id)?.name ?? 'Not a listed member';

  // Sources: every known source, in a fixed order, with its state.
  const freshness = new Map((summary.sources.freshness ?? []).map((f) => [f.source, f.latestExtractDate] as const));
  const withheld = new Map(summary.sources.withheld.map((w) => [w.source, w.reason] as const));
  const listed = [...new Set<Source>([...SOURCES, ...summary.sources.included, ...withheld.keys()])];
  const sources: SourceView[] = listed.map((source) => {
    const name = SOURCE_LABELS[source] ?? source;
    const timelineCount = summary.timeline.filter((t) => t.source === source).length;
    const memberCount = summary.members.filter((m) => m.recordKeys.some((k) => recordSource(k) === source)).length;
    const practitionerCount = summary.practitioners.filter((p) => p.agency === source).length;
    const latest = freshness.get(source) ?? null;
    const reason = withheld.get(source);
    if (reason !== undefined) {
      return { source, name, state: 'withheld', status: `Not searched — ${reason}`, latestExtract: latest === null ? '' : formatDate(latest), stale: false, found: '', reason };
    }
    if (!summary.sources.included.includes(source)) {
      return { source, name, state: 'not-searched', status: 'Not searched — no reason recorded', latestExtract: '', stale: false, found: '', reason: 'no reason recorded' };
    }
    const declaredNone = summary.sources.searchedNoRecord?.includes(source) ?? false;
    const noRecord = declaredNone || (memberCount === 0 && timelineCount === 0 && practitionerCount === 0);
    const age = latest === null ? null : daysBetween(latest, day);
    const stale = age !== null && age > staleAfterDays;
    const latestExtract =
      latest === null ? 'Not known' : `${formatDate(latest)}${age !== null && age > 0 ? ` (${age} day${age === 1 ? '' : 's'} old)` : ''}`;
    const staleText = stale ? ' — source stale' : latest === null ? ' — extract date not known' : '';
    const found = noRecord
      ? ''
      : `${memberCount} ${memberCount === 1 ? 'person' : 'people'}, ${timelineCount} timeline entr${timelineCount === 1 ? 'y' : 'ies'}`;
    return {
      source, name, state: noRecord ? 'searched-no-record' : 'searched',
      status: `${noRecord ? 'Searched, no record' : 'Searched'}${staleText}`, latestExtract, stale, found, reason: '',
    };
  });

  const members: MemberView[] = summary.members
    .map((m, i) => ({ m, i }))
    .sort((x, y) => {
      const rank = (code: string): number => (MEMBER_ORDER.indexOf(code) + MEMBER_ORDER.length + 1) % (MEMBER_ORDER.length + 1);
      const subjectFirst = Number(y.m.personId === summary.subject.personId) - Number(x.m.personId === summary.subject.personId);
      return subjectFirst || rank(x.m.relationshipToSubject) - rank(y.m.relationshipToSubject) || x.i - y.i;
    })
    .map(({ m }) => {
      const isSubject = m.personId === summary.subject.personId;
      const sourceNames = [...new Set(m.recordKeys.map(recordSource))].map((s) => SOURCE_LABELS[s as Source] ?? s);
      return {
        personId: m.personId,
        name: m.name,
        otherNames: (m.previousNames ?? []).join(', '),
        relationship: isSubject ? 'Subject' : label(RELATIONSHIP_LABELS, m.relationshipToSubject),
        dob: m.dob === null ? 'Not known' : `${formatDate(m.dob)}${m.deceased === true ? '' : ` (${formatAge(m.dob, day)})`}`,
        sex: SEX_LABELS[m.sex] ?? m.sex,
        household: m.household === undefined ? 'Not known' : m.household ? 'Yes' : 'No',
        deceased: m.deceased === true,
        isSubject,
        flags: [...new Set(m.flags)].map((code) => label(FLAG_LABELS, code)),
        sources: sourceNames.join(', '),
        recordKeys: [...m.recordKeys],
      };
    });

  const leadSource = summary.practitioners
    .filter((p) => p.current && LEAD_ROLES.has(p.role))
    .sort((a, b) => (b.lastInvolvement ?? '').localeCompare(a.lastInvolvement ?? ''))[0];
  const practitioners = [...summary.practitioners]
    .sort((a, b) => Number(b.current) - Number(a.current) || (b.lastInvolvement ?? '').localeCompare(a.lastInvolvement ?? ''))
    .map((p) => practitionerView(p, nameOf, p === leadSource));

  const timelineByKey = new Map(summary.timeline.map((t) => [t.recordKey, t] as const));
  const flags: FlagView[] = summary.flags.map((f) => ({
    flag: label(FLAG_LABELS, f.code),
    code: f.code,
    person: nameOf(f.personId),
    description: wordsForCodes(f.description),
    evidence: f.evidence.map((recordKey) => {
      const t = timelineByKey.get(recordKey);
      return { recordKey, event: t ? `${formatDate(t.date)}, ${label(EVENT_TYPE_LABELS, t.type)}` : '' };
    }),
  }));

  const sorted = [...summary.timeline].sort((a, b) => b.date.localeCompare(a.date) || a.recordKey.localeCompare(b.recordKey));
  const timeline: TimelineYearView[] = [];
  for (const t of sorted) {
    const year = t.date.slice(0, 4);
    let group = timeline[timeline.length - 1];
    if (group?.year !== year) {
      group = { year, entries: [] };
      timeline.push(group);
    }
    const end = t.endDate === undefined ? '' : t.endDate === null ? ' – open' : ` – ${formatDate(t.endDate)}`;
    group.entries.push({
      date: `${formatDate(t.date)}${end}`,
      person: nameOf(t.personId),
      source: SOURCE_LABELS[t.source] ?? t.source,
      event: label(EVENT_TYPE_LABELS, t.type),
      summary: wordsForCodes(t.summary),
      recordKey: t.recordKey,
    });
  }

  const subject = summary.subject;
  const included = sources.filter((s) => s.state === 'searched' || s.state === 'searched-no-record');
  return {
    title: 'Family summary',
    subjectName: subject.name,
    subjectDob: subject.dob === null ? 'Date of birth not known' : `${formatDate(subject.dob)} (${formatAge(subject.dob, day)})`,
    purpose: PURPOSE_LABELS[summary.purpose] ?? summary.purpose,
    lawfulBasis: summary.lawfulBasis ?? 'Not recorded',
    consent: CONSENT_LABELS[summary.consent] ?? summary.consent,
    requester: summary.requester ? `${summary.requester.name}, ${USER_ROLE_LABELS[summary.requester.role] ?? summary.requester.role}` : 'Not recorded',
    generated: formatDateTime(summary.generatedAt),
    window: `${formatDate(summary.window.from)} to ${formatDate(summary.window.to)}`,
    sourcesLine: included.length === 0 ? 'None' : included.map((s) => `${s.name}${s.state === 'searched-no-record' ? ' (searched, no record)' : ''} — extract ${s.latestExtract}${s.stale ? ', stale' : ''}`).join('; '),
    withheldLine:
      sources.filter((s) => s.state === 'withheld' || s.state === 'not-searched').map((s) => `${s.name} — ${s.reason}`).join('; ') || 'None',
    lead: practitioners.find((p) => p.lead) ?? null,
    sources,
    members,
    practitioners,
    flags,
    timeline,
    timelineCount: summary.timeline.length,
  };
}
