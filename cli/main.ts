import { Command, CommanderError } from 'commander';
import { registerDemo } from './commands/demo.command.js';
import { registerIngest } from './commands/ingest.command.js';
import { registerQuarantine } from './commands/quarantine.command.js';
import { registerMatch } from './commands/match.command.js';
import { registerMeetings } from './commands/meetings.command.js';
import { registerTrawl } from './commands/trawl.command.js';
import { registerUsers } from './commands/users.command.js';
import { registerAudit } from './commands/audit.command.js';
import { registerWorker } from './commands/worker.command.js';
import { registerJobs } from './commands/jobs.command.js';
import { registerSchedule } from './commands/schedule.command.js';
import { registerBatch } from './commands/batch.command.js';
import { UsageError } from './usage.js';

// A reader that closes early (`mash jobs | head`) fails our writes with EPIPE. The stream is then
// destroyed and later writes are dropped, so the command runs on and still closes its store.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

const program = new Command()
  .name('mash')
  .description('Family summaries for children’s services: load agency extracts, link people, trawl families.')
  .exitOverride();

registerDemo(program);
registerIngest(program);
registerQuarantine(program);
registerMatch(program);
registerTrawl(program);
registerUsers(program);
registerAudit(program);
registerBatch(program);
registerJobs(program);
registerWorker(program);
registerSchedule(program);
registerMeetings(program);

function errorCode(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
  } else if (error instanceof UsageError) {
    console.error(`mash: ${error.message}`);
    process.exitCode = 2;
  } else {
    // Messages carry codes and ids only (never personal data), so they are safe to print.
    console.error(`mash: ${errorCode(error)}`);
    process.exitCode = 1;
  }
}
