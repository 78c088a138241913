/** One line in words for a timeline entry: labels for codes, no addresses or postcodes. */
import {
  CP_CATEGORY_LABELS, EVENT_TYPE_LABELS, NEED_CODE_LABELS, NOMINAL_ROLE_LABELS, REFERRAL_OUTCOME_LABELS, REFERRAL_SOURCE_LABELS,
  RISK_LABELS, formatDate, humanise, label, wordsForCodes,
} from '../render/labels.js';
import type { EventFact } from './family-records.js';

const EPISODE_TYPES = new Set(['EARLY_HELP', 'ASSESSMENT', 'CIN_PLAN', 'CP_PLAN', 'LOOKED_AFTER', 'YOUTH_JUSTICE']);

export interface NamedRole {
  name: string;
  role: string;
}

function text(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export function eventSummary(event: EventFact, parties: readonly NamedRole[] = []): string {
  const base = label(EVENT_TYPE_LABELS, event.type);
  const d = event.detail;
  const parts: string[] = [];
  const note = text(event.summary);
  if (event.type === 'REFERRAL') {
    const from = text(d['referralSource']);
    const need = text(d['needCode']);
    const outcome = text(d['outcome']);
    parts.push(from === null ? base : `${base} from ${label(REFERRAL_SOURCE_LABELS, from).toLowerCase()}`);
    if (need !== null) parts.push(`need: ${NEED_CODE_LABELS[need] ?? humanise(need)}`);
    if (outcome !== null) parts.push(`outcome: ${label(REFERRAL_OUTCOME_LABELS, outcome).toLowerCase()}`);
  } else if (EPISODE_TYPES.has(event.type)) {
    const detail = text(d['detail']);
    const category = detail !== null && Object.hasOwn(CP_CATEGORY_LABELS, detail) ? label(CP_CATEGORY_LABELS, detail) : detail;
    parts.push(category === null ? base : `${base} (${category.toLowerCase()})`);
    parts.push(event.endDate === null ? 'open' : `ended ${formatDate(event.endDate)}`);
  } else if (event.type === 'SCHOOL_ENROLMENT') {
    const school = text(d['schoolName']);
    parts.push(school === null ? 'Joined a school' : `Joined ${school}`);
    const sen = text(d['sen']);
    if (sen === 'K') parts.push('SEN support');
    if (sen === 'E') parts.push('education, health and care plan');
    if (event.endDate !== null) parts.push(`left ${formatDate(event.endDate)}`);
  } else if (event.type === 'ATTENDANCE') {
    const percent = d['attendancePercent'];
    parts.push(
      typeof percent === 'number'
        ? `School attendance ${percent}% of possible sessions`
        : 'School attendance (percentage not known)',
    );
    if (event.endDate !== null) parts.push(`term ${formatDate(event.date)} to ${formatDate(event.endDate)}`);
  } else if (event.type === 'SUSPENSION' || event.type === 'PERMANENT_EXCLUSION') {
    const sessions = d['sessions'];
    parts.push(typeof sessions === 'number' ? `${base} (${sessions} session${sessions === 1 ? '' : 's'})` : base);
    if (note !== null) parts.push(note);
  } else if (event.type === 'TENANCY_ENDED') {
    const reason = text(d['endReason']);
    parts.push(reason === null ? base : `${base} (${humanise(reason).toLowerCase()})`);
  } else if (event.source === 'police') {
    const risk = text(d['risk']);
    parts.push(risk === null ? base : `${base} (${label(RISK_LABELS, risk).toLowerCase()})`);
    if (parties.length > 0) parts.push(parties.map((p) => `${p.name}: ${label(NOMINAL_ROLE_LABELS, p.role).toLowerCase()}`).join(', '));
    if (note !== null) parts.push(note);
  } else {
    parts.push(base);
    if (note !== null) parts.push(note);
  }
  return wordsForCodes(oneLine(parts.join('; ')));
}
