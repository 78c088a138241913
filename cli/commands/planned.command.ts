import type { Command } from 'commander';

/** Commands of the outside interface that later issues build; listed so `--help` shows them all. */
const PLANNED: { name: string; description: string; issue: number }[] = [
  { name: 'trawl', description: 'find the subject, assemble the family and write its summary', issue: 4 },
  { name: 'users', description: 'users add NAME --role analyst|coordinator|admin', issue: 4 },
  { name: 'audit', description: 'list audit entries', issue: 4 },
  { name: 'meetings', description: 'meetings add --hub NAME --date D --subject RECORD_KEY…', issue: 5 },
  { name: 'jobs', description: 'queue counts, failed jobs, the last overnight run', issue: 5 },
  { name: 'worker', description: 'run queue workers (needs REDIS_URL)', issue: 5 },
  { name: 'schedule', description: 'set up, list or remove the overnight batch', issue: 5 },
];

export function registerPlanned(program: Command): void {
  for (const planned of PLANNED) {
    program
      .command(planned.name)
      .description(`${planned.description} [not built yet: issue ${planned.issue}]`)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => {
        console.error(`mash ${planned.name}: not built yet (issue ${planned.issue})`);
        process.exitCode = 3;
      });
  }
}
