import type { Command } from 'commander';
import { jobStatus } from '../../jobs/job-status.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { formatTable } from '../format-table.js';
import { formatBatchReport } from '../job-output.js';
import { withStore } from '../with-store.js';

export function registerJobs(program: Command): void {
  program
    .command('jobs')
    .description('queue counts, failed jobs with reason codes, the last overnight run')
    .option('--json', 'print the status as JSON')
    .action(async (flags: { json?: boolean }) => {
      const settings = readJobSettings();
      const status = await withStore((store, config) => jobStatus(store, config, settings));
      if (flags.json === true) {
        console.log(JSON.stringify(status, null, 2));
        return;
      }
      if (status.queues) {
        const kinds = ['waiting', 'active', 'delayed', 'completed', 'failed'];
        console.log(`queues (Redis, prefix ${settings.queuePrefix}):`);
        console.log(formatTable(['queue', ...kinds], status.queues.map((q) => [q.queue, ...kinds.map((k) => q.counts[k] ?? 0)])));
        const failed = status.queues.flatMap((q) => q.failed.map((f) => [q.queue, f.jobId, f.reason, f.attempts, f.finishedAt ?? '']));
        if (failed.length > 0) console.log(`\nfailed jobs:\n${formatTable(['queue', 'job', 'reason', 'attempts', 'at'], failed)}`);
      } else {
        console.log('queues: none (no REDIS_URL: commands run their jobs in-process)');
      }
      console.log(`\nrequests (PostgreSQL):`);
      console.log(formatTable(['kind', 'status', 'count'], status.requests.map((r) => [r.kind, r.status, r.n])));
      if (status.failedRequests.length > 0) {
        console.log(`\nfailed requests:\n${formatTable(
          ['request', 'kind', 'code', 'attempts', 'at'],
          status.failedRequests.map((r) => [r.id, r.kind, r.lastErrorCode ?? '', r.attempts, r.finishedAt ?? '']),
        )}`);
      }
      const batch = status.lastBatch;
      if (batch === null) {
        console.log('\nlast overnight run: none yet');
      } else {
        console.log(`\nlast overnight run: request ${batch.id}, ${batch.status}, started ${batch.startedAt ?? '-'}, finished ${batch.finishedAt ?? '-'}`);
        if (batch.result && batch.finishedAt) console.log(formatBatchReport(batch.result));
      }
    });
}
