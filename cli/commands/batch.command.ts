import path from 'node:path';
import type { Command } from 'commander';
import { readJobSettings } from '../../jobs/job-settings.js';
import { DEFAULT_PACK_DAYS } from '../../jobs/job-payloads.js';
import { submitJob } from '../../jobs/submit-job.js';
import { describeProgress, finishedResult, formatBatchReport } from '../job-output.js';
import { progressLine } from '../progress.js';
import { withStore } from '../with-store.js';
import { UsageError } from '../usage.js';

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('run the overnight batch now: ingest every delivery in the inbox (oldest first), match incrementally, rebuild changed booked families’ summaries, print the next days’ meeting packs')
    .option('--inbox <dir>', 'the inbox: <inbox>/<source>/<YYYY-MM-DD[-full]>/*.csv (default MASH_INBOX)')
    .option('--pack-days <n>', `print packs for meetings up to N days ahead`, String(DEFAULT_PACK_DAYS))
    .option('--no-wait', 'with REDIS_URL: print the job id once it is queued and return')
    .action(async (flags: { inbox?: string; packDays: string; wait: boolean }) => {
      const packDays = Number(flags.packDays);
      if (!Number.isInteger(packDays) || packDays < 0 || packDays > 366) throw new UsageError('--pack-days must be a whole number of days, 0 to 366');
      const settings = readJobSettings();
      const inbox = flags.inbox ? path.resolve(flags.inbox) : settings.inbox;
      if (!inbox) throw new UsageError('batch needs an inbox: --inbox DIR or MASH_INBOX');
      const progress = progressLine();
      const submitted = await withStore((store, config) =>
        submitJob(store, config, settings, 'batch', { inbox, packDays }, { wait: flags.wait, onProgress: (p) => progress.update(describeProgress(p)) }),
      );
      progress.done();
      if (submitted.request.status === 'failed' && submitted.request.result) console.log(formatBatchReport(submitted.request.result));
      const result = finishedResult(submitted);
      if (result !== null) console.log(`batch ${submitted.requestId} done\n${formatBatchReport(result)}`);
    });
}
