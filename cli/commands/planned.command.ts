import type { Command } from 'commander';

/** Commands of the outside interface that later issues build; listed so `--help` shows them all. */
const PLANNED: { name: string; description: string; issue: number }[] = [
  { name: 'meetings', description: 'meetings add --hub NAME --date D --subject RECORD_KEY…', issue: 5 },
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
