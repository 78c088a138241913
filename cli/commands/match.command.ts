import fs from 'node:fs';
import os from 'node:os';
import type { Command } from 'commander';
import { explainLink } from '../../pipeline/identity/explain.service.js';
import { exportLinks, listReviews } from '../../pipeline/identity/links.repository.js';
import { recordDecision } from '../../pipeline/identity/match-decision.repository.js';
import type { MatchRunReport } from '../../pipeline/identity/match.stage.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { submitJob } from '../../jobs/submit-job.js';
import { describeProgress, finishedResult } from '../job-output.js';
import { progressLine } from '../progress.js';
import { renderWaterfall } from '../../pipeline/match/explain-pair.js';
import { formatTable } from '../format-table.js';
import { withStore } from '../with-store.js';
import { UsageError } from '../usage.js';

export function formatMatchReport(r: MatchRunReport): string {
  if (r.upToDate) return `match: up to date (nothing changed since the last run); ${r.persons} people from ${r.mentions} mentions, ${r.reviews} to review`;
  const lines = [
    `match run ${r.runId} (${r.mode}, model v${r.modelVersion}): ${r.mentions} mentions -> ${r.persons} people; ` +
      `${r.links} links, ${r.reviews} pairs to review, ${r.personsChanged} people new or changed`,
  ];
  if (r.match) {
    lines.push(
      `candidate pairs ${r.match.scoredPairs}, kept ${r.match.keptPairs}; relational boosts ${r.match.relationalBoosts}; ` +
        `refused by guards: ${Object.entries(r.match.refusedEdges).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
        `${(r.match.timingsMs.total / 1000).toFixed(1)} s`,
    );
  }
  return lines.join('\n');
}

function decidedBy(flag: string | undefined): string {
  return flag ?? os.userInfo().username;
}

export function registerMatch(program: Command): void {
  program
    .command('match')
    .description('link person mentions into people (incremental by default)')
    .option('--full', 're-match everything, even when nothing changed')
    .option('--retrain', 'train a new model version from the current mentions first')
    .option('--no-wait', 'with REDIS_URL: print the job id once it is queued and return')
    .action(async (flags: { full?: boolean; retrain?: boolean; wait: boolean }) => {
      const progress = progressLine();
      const settings = readJobSettings();
      const submitted = await withStore((store, config) =>
        submitJob(store, config, settings, 'match', { full: flags.full === true, retrain: flags.retrain === true }, {
          wait: flags.wait,
          onProgress: (p) => progress.update(describeProgress(p)),
        }),
      );
      progress.done();
      const result = finishedResult(submitted);
      if (result !== null) console.log(formatMatchReport(result as unknown as MatchRunReport));
    });

  program
    .command('links')
    .description('links export [--out FILE]: CSV record_key,person_id, one row per mention')
    .argument('<action>', 'export')
    .option('--out <file>', 'write to FILE instead of standard output')
    .action(async (action: string, flags: { out?: string }) => {
      if (action !== 'export') throw new UsageError('links: the only action is export');
      const rows = await withStore((store) => exportLinks(store.db));
      const csv = `record_key,person_id\n${rows.map((r) => `${r.recordKey},${r.personId ?? ''}`).join('\n')}\n`;
      if (flags.out) {
        fs.writeFileSync(flags.out, csv);
        console.log(`${rows.length} links written to ${flags.out}`);
      } else process.stdout.write(csv);
    });

  const review = program.command('review').description('list uncertain matches; accept, reject or unlink a pair');
  review
    .command('list', { isDefault: true })
    .description('pairs waiting for a decision, most likely first')
    .option('--limit <n>', 'how many', '50')
    .action(async (flags: { limit: string }) => {
      const rows = await withStore((store) => listReviews(store.db, Number(flags.limit)));
      console.log(formatTable(['a', 'b', 'probability', 'weight', 'reason'], rows.map((r) => [r.a, r.b, r.probability.toFixed(3), r.weight.toFixed(2), r.reason])));
      console.log(`${rows.length} pair(s) shown; \`mash explain A B\` shows why`);
    });
  for (const [name, decision, text] of [
    ['accept', 'accept', 'these two mentions are the same person'],
    ['reject', 'reject', 'these two mentions are different people (never linked again, even through others)'],
    ['unlink', 'reject', 'undo a link: the same as reject'],
  ] as const) {
    review
      .command(name)
      .description(text)
      .argument('<a>', 'record key')
      .argument('<b>', 'record key')
      .option('--as <user>', 'who decides')
      .action(async (a: string, b: string, flags: { as?: string }) => {
        if (a === b) throw new UsageError('a pair needs two different record keys');
        await withStore((store) => recordDecision(store.db, { a, b }, decision, decidedBy(flags.as)));
        console.log(`recorded: ${decision} ${a} ${b}; it applies from the next \`mash match\``);
      });
  }

  program
    .command('explain')
    .description('why two mentions are (not) linked: each comparison, its level and its weight')
    .argument('<a>', 'record key')
    .argument('<b>', 'record key')
    .option('--json', 'print the explanation as JSON')
    .action(async (a: string, b: string, flags: { json?: boolean }) => {
      const result = await withStore((store) => explainLink(store.db, a, b));
      if (flags.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      console.log(`${result.a} (person ${result.personA ?? '-'})  vs  ${result.b} (person ${result.personB ?? '-'})`);
      console.log(`last run: ${result.outcome.kind}${result.outcome.reason ? ` (${result.outcome.reason})` : ''}; model v${result.modelVersion}`);
      console.log(renderWaterfall(result.explanation));
    });
}
