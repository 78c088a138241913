import fs from 'node:fs';
import path from 'node:path';
import { addDays, format, parseISO } from 'date-fns';
import type { Store } from '../store/store.js';
import { renderPackPdf, type PackFamily } from '../render/pack-pdf.render.js';
import { latestFamilySummary, type StoredSummary } from '../summaries/family-summary.repository.js';
import { auditFileWritten } from '../trawl/trawl.service.js';
import { familiesOfMeeting, meetingsBetween, type Meeting, type MeetingFamily } from './meeting.repository.js';
import { lastPackedSummary, packOfRun, recordPack } from './packed-summary.repository.js';
import { summaryChanges } from './summary-changes.js';

export interface PackReport {
  meetings: number;
  packs: number;
  families: number;
  /** Paths of the packs printed (no names in them). */
  files: string[];
}

export interface PackOptions {
  today: string;
  days: number;
  requestId: number;
  outboxDir: string;
  now?: Date;
}

/** Words for why a booked family has no summary (the code from its last build). */
function missingReason(family: MeetingFamily): string {
  const outcome = family.lastOutcome;
  if (outcome === null) return 'not built yet (the overnight run builds it)';
  if (outcome === 'ambiguous') return 'the record key fits several people';
  if (outcome.startsWith('refused:')) return `the booking’s terms were refused (${outcome.slice('refused:'.length)})`;
  if (outcome.startsWith('not_found:')) return `the subject was not found (${outcome.slice('not_found:'.length)})`;
  return outcome;
}

function packFileName(meeting: Meeting, requestId: number): string {
  const hub = meeting.hub.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'hub';
  return `pack-${meeting.date}-${hub}-run${requestId}.pdf`;
}

function writeAtomically(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.part`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, file);
}

/**
 * Prints one PDF pack per hub meeting from `today` to `days` ahead, each family's latest summary
 * with what changed since the summary in its last pack. One pack per meeting and run: a run
 * delivered twice prints nothing twice. Every summary printed is audited as a file written.
 */
export async function buildPacks(store: Store, options: PackOptions): Promise<PackReport> {
  const until = format(addDays(parseISO(options.today), options.days), 'yyyy-MM-dd');
  const meetings = (await meetingsBetween(store.db, options.today, until)).filter((m) => m.families > 0);
  const report: PackReport = { meetings: meetings.length, packs: 0, families: 0, files: [] };
  for (const meeting of meetings) {
    const done = await packOfRun(store.db, meeting.id, options.requestId);
    if (done) {
      report.files.push(done.file);
      continue;
    }
    const families = await familiesOfMeeting(store.db, meeting.id);
    const printed: { family: MeetingFamily; summary: StoredSummary | null }[] = [];
    const sections: PackFamily[] = [];
    for (const family of families) {
      const summary = await latestFamilySummary(store.db, family.id);
      const previous = summary ? await lastPackedSummary(store.db, family.subjectKey, options.requestId) : null;
      printed.push({ family, summary });
      sections.push({
        summary: summary?.summary ?? null,
        missingReason: summary ? null : missingReason(family),
        changes: summary ? summaryChanges(previous?.summary ?? null, summary.summary) : null,
      });
    }
    const file = path.join(options.outboxDir, packFileName(meeting, options.requestId));
    const generatedAt = (options.now ?? new Date()).toISOString();
    writeAtomically(file, await renderPackPdf({ hub: meeting.hub, meetingDate: meeting.date, generatedAt, families: sections }));
    await store.transaction(async (tx) => {
      await recordPack(tx.db, {
        meetingId: meeting.id,
        requestId: options.requestId,
        file,
        families: printed.map((p) => ({ meetingFamilyId: p.family.id, subjectKey: p.family.subjectKey, summaryId: p.summary?.id ?? null })),
      });
      for (const p of printed) if (p.summary) await auditFileWritten(tx.db, p.summary.summary, { path: file, format: 'pdf' });
    });
    report.packs++;
    report.families += families.length;
    report.files.push(file);
  }
  return report;
}
