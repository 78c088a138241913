import type { Command } from 'commander';
import { readConfig } from '../../pipeline/config.js';
import { openStore } from '../../pipeline/store/open-store.js';
import { startWorkers } from '../../jobs/bullmq.runner.js';
import { jobMode } from '../../jobs/job-mode.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { openRedis } from '../../jobs/redis-connection.js';
import { startSweeper } from '../../jobs/sweeper.js';
import { UsageError } from '../usage.js';

/** Resolves on the first SIGTERM/SIGINT; a second one ends the process at once. */
function shutdownSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('SIGINT', onSignal);
      process.once('SIGTERM', () => process.exit(1));
      process.once('SIGINT', () => process.exit(1));
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run queue workers (needs REDIS_URL and DATABASE_URL) until SIGTERM; then finish the jobs in hand and exit')
    .option('--concurrency <n>', 'ingest and summary jobs at once in this process (matching and batch planning run one at a time)', '1')
    .action(async (flags: { concurrency: string }) => {
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a whole number ≥ 1');
      const config = readConfig();
      if (jobMode(config) !== 'bullmq') throw new UsageError('mash worker needs REDIS_URL (and DATABASE_URL); without REDIS_URL, commands run their jobs themselves');
      const settings = readJobSettings();
      const signal = shutdownSignal();
      const store = await openStore(config);
      const redis = await openRedis(config.redisUrl!).catch(async (error: unknown) => {
        await store.close();
        throw error;
      });
      const log = (line: string) => console.error(`${new Date().toISOString()} ${line}`);
      const handle = startWorkers({
        store,
        config,
        settings,
        connection: redis,
        concurrency,
        onEvent: (e) => log(`${e.type} ${e.queue}${e.jobId ? ` ${e.jobId}` : ''}${e.code ? ` ${e.code}` : ''}`),
      });
      const sweeper = startSweeper(store, handle.queues, settings, handle.enqueue, (r) => {
        if ('error' in r) log(`sweep failed ${r.error}`);
        else if (r.reenqueued > 0) log(`sweep re-enqueued ${r.reenqueued}`);
      });
      log(`worker ready: queues ${Object.keys(handle.queues).join(', ')}; ingest and summary concurrency ${concurrency}; prefix ${settings.queuePrefix}`);
      const received = await signal;
      log(`${received}: finishing the jobs in hand`);
      await sweeper.stop();
      await handle.close();
      redis.disconnect();
      await store.close();
      log('worker stopped');
    });
}
