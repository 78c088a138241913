import type { Command } from 'commander';
import { CONSENTS, PURPOSES, type Consent, type Purpose } from '../../schemas/summary.schema.js';
import { BookingError, bookMeeting } from '../../pipeline/meetings/booking.service.js';
import { meetingsBetween } from '../../pipeline/meetings/meeting.repository.js';
import { londonDay } from '../../pipeline/trawl/trawl-window.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage.js';
import { withStore } from '../with-store.js';
import { requester } from './trawl.command.js';

interface AddFlags {
  hub: string;
  date: string;
  subject: string[];
  purpose: string;
  consent: string;
  lawfulBasis?: string;
  as?: string;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

export function registerMeetings(program: Command): void {
  const meetings = program.command('meetings').description('meetings add --hub NAME --date D --subject RECORD_KEY…; meetings list');
  meetings
    .command('add')
    .description('book families onto a hub meeting; the overnight run keeps their summaries and prints the pack')
    .requiredOption('--hub <name>', 'the locality hub')
    .requiredOption('--date <date>', 'the meeting date, YYYY-MM-DD')
    .requiredOption('--subject <keys...>', 'record key of each family’s subject child')
    .option('--purpose <purpose>', PURPOSES.join(' | '), 'early-help')
    .option('--consent <consent>', `the family's consent: ${CONSENTS.join(' | ')}`, 'none')
    .option('--lawful-basis <text>', 'the lawful basis (needed for purpose mash)')
    .option('--as <user>', 'the coordinator or analyst booking (default: MASH_USER or the OS user)')
    .action(async (flags: AddFlags) => {
      const purpose = oneOf<Purpose>(flags.purpose, PURPOSES, '--purpose');
      const consent = oneOf<Consent>(flags.consent, CONSENTS, '--consent');
      await withStore(async (store) => {
        try {
          const booked = await bookMeeting(store.db, {
            hub: flags.hub,
            date: flags.date,
            subjectKeys: [...new Set(flags.subject)],
            purpose,
            consent,
            lawfulBasis: flags.lawfulBasis?.trim() || null,
            bookedBy: requester(flags.as),
          });
          console.log(`meeting ${booked.meetingId} (${flags.hub.trim()}, ${flags.date}): ${booked.added} families booked`);
        } catch (error) {
          if (error instanceof BookingError) throw new UsageError(error.message);
          throw error;
        }
      });
    });
  meetings
    .command('list')
    .description('hub meetings from a date on, with families booked and packs printed')
    .option('--from <date>', 'first meeting date to list (default: today)')
    .action(async (flags: { from?: string }) => {
      const rows = await withStore((store) => meetingsBetween(store.db, flags.from ?? londonDay(new Date()), null));
      console.log(formatTable(['meeting', 'hub', 'date', 'families', 'packs'], rows.map((m) => [m.id, m.hub, m.date, m.families, m.packs])));
    });
}
