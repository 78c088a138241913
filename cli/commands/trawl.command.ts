import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { CONSENTS, PURPOSES, type Consent, type Purpose } from '../../schemas/summary.schema.js';
import { renderSummary, summaryFileName } from '../../pipeline/trawl/summary-output.js';
import { OUTPUT_FORMATS, TrawlInputError, type OutputFormat, type SubjectQuery, type TrawlRequest, type TrawlResult } from '../../pipeline/trawl/trawl-request.js';
import { auditFileWritten, checkTrawlRequest } from '../../pipeline/trawl/trawl.service.js';
import { createTrawlRequest, getTrawlRequest } from '../../pipeline/trawl/trawl-request.repository.js';
import { familySummaryById } from '../../pipeline/summaries/family-summary.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { submitJob } from '../../jobs/submit-job.js';
import { describeProgress, finishedResult, JobOutcomeError } from '../job-output.js';
import { progressLine } from '../progress.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../usage.js';
import { withStore } from '../with-store.js';

/** Exit codes of `mash trawl` besides 0 (done), 1 (error) and 2 (usage). */
export const TRAWL_EXIT = { ambiguous: 4, notFound: 5, refused: 6 } as const;

interface TrawlFlags {
  record?: string;
  forename?: string;
  surname?: string;
  dob?: string;
  postcode?: string;
  purpose?: string;
  consent?: string;
  lawfulBasis?: string;
  as?: string;
  format: string;
  out?: string;
  from?: string;
  to?: string;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T {
  if (value === undefined || !(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function subjectQuery(flags: TrawlFlags): SubjectQuery {
  const byName = flags.forename !== undefined || flags.surname !== undefined || flags.dob !== undefined;
  if (flags.record !== undefined && byName) throw new UsageError('give --record or --forename/--surname/--dob, not both');
  if (flags.record !== undefined) return { recordKey: flags.record };
  if (flags.forename === undefined || flags.surname === undefined || flags.dob === undefined) {
    throw new UsageError('give --record KEY, or --forename F --surname S --dob YYYY-MM-DD [--postcode P]');
  }
  return { forename: flags.forename, surname: flags.surname, dob: flags.dob, postcode: flags.postcode ?? null };
}

/** The user a trawl runs as: `--as`, else MASH_USER, else the operating system user. */
export function requester(flag: string | undefined): string {
  return flag ?? process.env['MASH_USER'] ?? os.userInfo().username;
}

function reportUnfinished(result: Exclude<TrawlResult, { kind: 'summary' }>): void {
  switch (result.kind) {
    case 'refused':
      console.error(`mash trawl: refused (${result.reason}); recorded as audit entry ${result.auditId}`);
      process.exitCode = TRAWL_EXIT.refused;
      return;
    case 'not_found':
      console.error(`mash trawl: no subject found (${result.reason}); recorded as audit entry ${result.auditId}`);
      process.exitCode = TRAWL_EXIT.notFound;
      return;
    case 'ambiguous':
      console.log(`${result.candidates.length} people fit; choose one and trawl again with --record KEY:`);
      console.log(
        formatTable(
          ['person', 'score', 'name', 'dob', 'record keys', 'comparisons'],
          result.candidates.map((c) => [c.personId, c.score, c.name, c.dob ?? '', c.recordKeys.join(' '), c.reasons.join(' ')]),
        ),
      );
      console.error(`mash trawl: several candidates (recorded as audit entry ${result.auditId})`);
      process.exitCode = TRAWL_EXIT.ambiguous;
      return;
  }
}

export function registerTrawl(program: Command): void {
  program
    .command('trawl')
    .description('find the subject, assemble the family and write its summary (recorded in the audit log)')
    .option('--record <key>', 'the subject by record key, e.g. education:pupils:A123456789012')
    .option('--forename <name>', 'the subject by name and date of birth: forename')
    .option('--surname <name>', 'surname')
    .option('--dob <date>', 'date of birth, YYYY-MM-DD')
    .option('--postcode <postcode>', 'postcode (helps tell candidates apart)')
    .option('--purpose <purpose>', `why: ${PURPOSES.join(' | ')}`)
    .option('--consent <consent>', `the family's consent: ${CONSENTS.join(' | ')}`)
    .option('--lawful-basis <text>', 'the lawful basis (needed for a mash trawl)')
    .option('--as <user>', 'the registered user running the trawl (default: MASH_USER or the OS user)')
    .option('--format <format>', `output: ${OUTPUT_FORMATS.join(' | ')}`, 'json')
    .option('--out <file>', 'write the summary to FILE (a PDF without --out goes to MASH_DATA_DIR/out)')
    .option('--from <date>', 'start of the window (default: five years before --to)')
    .option('--to <date>', 'end of the window (default: today)')
    .action(async (flags: TrawlFlags) => {
      const purpose = oneOf<Purpose>(flags.purpose, PURPOSES, '--purpose');
      const consent = oneOf<Consent>(flags.consent, CONSENTS, '--consent');
      const format = oneOf<OutputFormat>(flags.format, OUTPUT_FORMATS, '--format');
      const subject = subjectQuery(flags);
      const request: TrawlRequest = {
        actor: requester(flags.as),
        purpose,
        consent,
        lawfulBasis: flags.lawfulBasis ?? null,
        subject,
        format,
        ...(flags.from === undefined ? {} : { from: flags.from }),
        ...(flags.to === undefined ? {} : { to: flags.to }),
      };
      try {
        checkTrawlRequest(request);
      } catch (error) {
        if (error instanceof TrawlInputError) throw new UsageError(error.message);
        throw error;
      }
      await withStore(async (store, config) => {
        // The query (it may hold a name) stays in PostgreSQL; the job carries the request's id.
        const trawlRequestId = await createTrawlRequest(store.db, request);
        const progress = progressLine();
        const submitted = await submitJob(store, config, readJobSettings(), 'summary', { trawlRequestId }, {
          wait: true,
          onProgress: (p) => progress.update(describeProgress(p)),
        });
        progress.done();
        finishedResult(submitted);
        const outcome = (await getTrawlRequest(store.db, trawlRequestId))?.outcome ?? null;
        if (outcome === null) throw new JobOutcomeError(`job ${submitted.requestId} (summary) finished without an outcome`);
        if (outcome.kind !== 'summary') {
          reportUnfinished(outcome as Exclude<TrawlResult, { kind: 'summary' }>);
          return;
        }
        const stored = await familySummaryById(store.db, outcome.summaryId);
        if (stored === null) throw new JobOutcomeError(`job ${submitted.requestId} (summary) kept no summary`);
        const result = { summary: stored.summary };
        const output = await renderSummary(result.summary, format);
        const out = flags.out ?? (format === 'pdf' ? path.join(config.dataDir, 'out', summaryFileName(result.summary, format)) : undefined);
        if (out === undefined) {
          process.stdout.write(output);
          return;
        }
        fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
        fs.writeFileSync(out, output);
        await auditFileWritten(store.db, result.summary, { path: path.resolve(out), format });
        console.log(`summary (${format}) for person ${result.summary.subject.personId}: ${path.resolve(out)}`);
      });
    });
}
