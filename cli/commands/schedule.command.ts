import path from 'node:path';
import type { Command } from 'commander';
import { readConfig } from '../../pipeline/config.js';
import { closeQueues, openQueues } from '../../jobs/bullmq.runner.js';
import { jobMode } from '../../jobs/job-mode.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { NIGHTLY_SCHEDULER_ID } from '../../jobs/queue-names.js';
import { openRedis } from '../../jobs/redis-connection.js';
import { DEFAULT_NIGHTLY_CRON, listSchedules, removeSchedule, SCHEDULE_TIME_ZONE, upsertNightlyBatch } from '../../jobs/scheduler.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage.js';
import type { Queues } from '../../jobs/bullmq.runner.js';

async function withQueues<T>(work: (queues: Queues) => Promise<T>): Promise<T> {
  const config = readConfig();
  if (jobMode(config) !== 'bullmq') {
    throw new UsageError('schedules live on the queue and need REDIS_URL (and DATABASE_URL); without them, run `mash batch` from cron');
  }
  const redis = await openRedis(config.redisUrl!);
  const queues = openQueues(redis, readJobSettings().queuePrefix);
  try {
    return await work(queues);
  } finally {
    await closeQueues(queues);
    redis.disconnect();
  }
}

export function registerSchedule(program: Command): void {
  const schedule = program.command('schedule').description(`set up, list or remove the overnight batch (cron, ${SCHEDULE_TIME_ZONE})`);
  schedule
    .command('add')
    .description('create or update the nightly batch')
    .option('--cron <pattern>', `cron pattern, ${SCHEDULE_TIME_ZONE} time`, DEFAULT_NIGHTLY_CRON)
    .option('--inbox <dir>', 'the inbox (default MASH_INBOX)')
    .option('--id <id>', 'scheduler id', NIGHTLY_SCHEDULER_ID)
    .action(async (flags: { cron: string; inbox?: string; id: string }) => {
      const settings = readJobSettings();
      const inbox = flags.inbox ? path.resolve(flags.inbox) : settings.inbox;
      if (!inbox) throw new UsageError('schedule add needs an inbox: --inbox DIR or MASH_INBOX');
      if (flags.cron.trim().split(/\s+/).length < 5) throw new UsageError('--cron needs five (or six) fields, e.g. "0 2 * * *"');
      const s = await withQueues((queues) => upsertNightlyBatch(queues.batch, settings, { cron: flags.cron, inbox, id: flags.id }));
      console.log(`schedule ${s.id}: ${s.cron} (${s.timeZone}); inbox ${s.inbox}; next run ${s.next ?? '-'}`);
    });
  schedule
    .command('list', { isDefault: true })
    .description('list the schedules')
    .action(async () => {
      const schedules = await withQueues((queues) => listSchedules(queues.batch));
      console.log(formatTable(['id', 'cron', 'time zone', 'inbox', 'next run'], schedules.map((s) => [s.id, s.cron ?? '', s.timeZone ?? '', s.inbox ?? '', s.next ?? ''])));
    });
  schedule
    .command('remove')
    .description('remove a schedule')
    .option('--id <id>', 'scheduler id', NIGHTLY_SCHEDULER_ID)
    .action(async (flags: { id: string }) => {
      const removed = await withQueues((queues) => removeSchedule(queues.batch, flags.id));
      console.log(removed ? `schedule ${flags.id} removed` : `no schedule ${flags.id}`);
    });
}
