import type { FamilySummary, SummaryFlag, SummaryMember, SummaryPractitioner, TimelineEntry } from '../../schemas/summary.schema.js';

/** A practitioner who is new to the family, or whose involvement started or ended since. */
export interface PractitionerChange {
  practitioner: SummaryPractitioner;
  change: 'new' | 'now-current' | 'no-longer-current';
}

/** What a family's summary shows now that the one in its last pack did not. */
export interface SummaryChanges {
  /** When the summary in the last pack was generated; null when this is the family's first pack. */
  since: string | null;
  newMembers: SummaryMember[];
  formerMembers: SummaryMember[];
  newEvents: TimelineEntry[];
  practitioners: PractitionerChange[];
  newFlags: SummaryFlag[];
}

/**
 * People are compared by their record keys as well as their person id: re-matching may renumber
 * a person, which is not a new member.
 */
function samePerson(a: SummaryMember, b: SummaryMember): boolean {
  return a.personId === b.personId || a.recordKeys.some((k) => b.recordKeys.includes(k));
}

function eventKey(e: TimelineEntry): string {
  return `${e.recordKey}|${e.date}|${e.type}`;
}

function practitionerKey(p: SummaryPractitioner): string {
  return `${p.agency}|${p.name.toLowerCase()}|${p.role}`;
}

/** Flags by what they say and about whom (the person by their id or any of their record keys). */
function flagKey(flag: SummaryFlag, members: SummaryMember[]): string[] {
  const keys = members.find((m) => m.personId === flag.personId)?.recordKeys ?? [];
  return [flag.personId, ...keys].map((k) => `${flag.code}|${k}`);
}

export function summaryChanges(previous: FamilySummary | null, current: FamilySummary): SummaryChanges {
  if (previous === null) {
    return { since: null, newMembers: [], formerMembers: [], newEvents: [], practitioners: [], newFlags: [] };
  }
  const seenEvents = new Set(previous.timeline.map(eventKey));
  const before = new Map(previous.practitioners.map((p) => [practitionerKey(p), p]));
  const practitioners: PractitionerChange[] = [];
  for (const p of current.practitioners) {
    const old = before.get(practitionerKey(p));
    if (!old) practitioners.push({ practitioner: p, change: 'new' });
    else if (old.current !== p.current) practitioners.push({ practitioner: p, change: p.current ? 'now-current' : 'no-longer-current' });
  }
  const seenFlags = new Set(previous.flags.flatMap((f) => flagKey(f, previous.members)));
  return {
    since: previous.generatedAt,
    newMembers: current.members.filter((m) => !previous.members.some((p) => samePerson(m, p))),
    formerMembers: previous.members.filter((p) => !current.members.some((m) => samePerson(m, p))),
    newEvents: current.timeline.filter((e) => !seenEvents.has(eventKey(e))),
    practitioners,
    newFlags: current.flags.filter((f) => !flagKey(f, current.members).some((k) => seenFlags.has(k))),
  };
}

export function hasChanges(changes: SummaryChanges): boolean {
  return (
    changes.newMembers.length + changes.formerMembers.length + changes.newEvents.length + changes.practitioners.length + changes.newFlags.length >
    0
  );
}
