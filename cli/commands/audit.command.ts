import type { Command } from 'commander';
import { listAudit } from '../../pipeline/audit/audit.repository.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage.js';
import { withStore } from '../with-store.js';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('list audit entries: who, role, purpose, lawful basis, consent, subject, sources, when')
    .option('--limit <n>', 'the newest N entries', '100')
    .option('--user <name>', 'only this user')
    .option('--json', 'one JSON object per line')
    .action(async (flags: { limit: string; user?: string; json?: boolean }) => {
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a positive whole number');
      const entries = await withStore((store) => listAudit(store.db, { limit, ...(flags.user === undefined ? {} : { actor: flags.user }) }));
      if (flags.json === true) {
        for (const e of entries) console.log(JSON.stringify(e));
        return;
      }
      console.log(
        formatTable(
          ['id', 'when', 'action', 'outcome', 'user', 'role', 'purpose', 'consent', 'lawful basis', 'subject', 'members', 'sources', 'reason'],
          entries.map((e) => [
            e.id, e.at.replace('T', ' ').slice(0, 19), e.action, e.outcome, e.actor, e.actorRole ?? '', e.purpose ?? '', e.consent ?? '',
            e.lawfulBasis ?? '', e.subjectPersonId ?? '', e.memberPersonIds.length === 0 ? '' : String(e.memberPersonIds.length),
            e.sourcesIncluded.join(','), e.reason ?? '',
          ]),
        ),
      );
      console.log(`${entries.length} audit entr${entries.length === 1 ? 'y' : 'ies'}`);
    });
}
