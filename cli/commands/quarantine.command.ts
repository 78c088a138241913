import type { Command } from 'commander';
import { listQuarantine } from '../../pipeline/ingest/quarantine.repository.js';
import { formatTable } from '../format-table.js';
import { withStore } from '../with-store.js';
import { UsageError } from '../usage.js';

export function registerQuarantine(program: Command): void {
  program
    .command('quarantine')
    .description('list quarantined rows: extract, file, line, column, reason')
    .option('--extract <id>', 'only this extract')
    .action(async (flags: { extract?: string }) => {
      const extractId = flags.extract === undefined ? null : Number(flags.extract);
      if (extractId !== null && !Number.isInteger(extractId)) throw new UsageError('--extract takes an extract id');
      const rows = await withStore((store) => listQuarantine(store.db, extractId));
      console.log(
        formatTable(
          ['extract', 'source', 'file', 'line', 'column', 'reason'],
          rows.map((r) => [r.extractId, r.source, r.file, r.line, r.column, r.reason]),
        ),
      );
      console.log(`${rows.length} quarantined row(s)`);
    });
}
