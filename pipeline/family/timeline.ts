/**
 * The timeline: every event of every member from the searched sources inside the window, one
 * line each in words, oldest first. Spells (episodes, enrolments) count when they overlap the
 * window; other events when their date falls inside it.
 */
import type { Source } from '../../schemas/canonical.js';
import type { TimelineEntry } from '../../schemas/summary.schema.js';
import type { EventAttribution } from './event-attribution.js';
import { eventSummary } from './event-summary.js';
import type { EventFact } from './family-records.js';
import { periodsOverlap, type Window } from './household.js';

/** Event types whose blank end date means "still open" (not "a single day"). */
export const SPELL_TYPES: ReadonlySet<string> = new Set([
  'EARLY_HELP', 'ASSESSMENT', 'CIN_PLAN', 'CP_PLAN', 'LOOKED_AFTER', 'YOUTH_JUSTICE', 'SCHOOL_ENROLMENT',
]);

export function isInWindow(event: EventFact, window: Window): boolean {
  if (SPELL_TYPES.has(event.type) || event.endDate !== null) {
    const end = event.endDate ?? (SPELL_TYPES.has(event.type) ? null : event.date);
    return periodsOverlap(event.date, end, window.from, window.to);
  }
  return event.date >= window.from && event.date <= window.to;
}

export function buildTimeline(
  attributions: readonly EventAttribution[],
  window: Window,
  nameOf: (personId: string) => string,
): TimelineEntry[] {
  return attributions
    .filter((a) => isInWindow(a.event, window))
    .map((a) => {
      const entry: TimelineEntry = {
        date: a.event.date,
        personId: a.personId,
        source: a.event.source as Source,
        type: a.event.type,
        summary: eventSummary(a.event, a.roles.map((r) => ({ name: nameOf(r.personId), role: r.role }))),
        recordKey: a.event.key,
      };
      if (SPELL_TYPES.has(a.event.type) || a.event.endDate !== null) entry.endDate = a.event.endDate;
      return entry;
    })
    .sort((x, y) => x.date.localeCompare(y.date) || x.recordKey.localeCompare(y.recordKey));
}
