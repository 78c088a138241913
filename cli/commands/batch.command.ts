import path from 'node:path';
import type { Command } from 'commander';
import { readJobSettings } from '../../jobs/job-settings.js';
import { submitJob } from '../../jobs/submit-job.js';
import { describeProgress, finishedResult, formatBatchReport } from '../job-output.js';
import { progressLine } from '../progress.js';
import { withStore } from '../with-store.js';
import { UsageError } from '../usage.js';

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('run the overnight batch now: ingest every delivery in the inbox (oldest first), then match incrementally')
    .option('--inbox <dir>', 'the inbox: <inbox>/<source>/<YYYY-MM-DD[-full]>/*.csv (default MASH_INBOX)')
    .option('--no-wait', 'with REDIS_URL: print the job id once it is queued and return')
    .action(async (flags: { inbox?: string; wait: boolean }) => {
      const settings = readJobSettings();
      const inbox = flags.inbox ? path.resolve(flags.inbox) : settings.inbox;
      if (!inbox) throw new UsageError('batch needs an inbox: --inbox DIR or MASH_INBOX');
      const progress = progressLine();
      const submitted = await withStore((store, config) =>
        submitJob(store, config, settings, 'batch', { inbox }, { wait: flags.wait, onProgress: (p) => progress.update(describeProgress(p)) }),
      );
      progress.done();
      if (submitted.request.status === 'failed' && submitted.request.result) console.log(formatBatchReport(submitted.request.result));
      const result = finishedResult(submitted);
      if (result !== null) console.log(`batch ${submitted.requestId} done\n${formatBatchReport(result)}`);
    });
}
