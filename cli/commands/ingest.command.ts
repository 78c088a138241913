import path from 'node:path';
import type { Command } from 'commander';
import { SOURCES, type Source } from '../../schemas/canonical.js';
import { ENCODINGS, type ExtractEncoding } from '../../pipeline/ingest/csv-rows.js';
import { hasRejectedFile, type IngestReport } from '../../pipeline/ingest/ingest-report.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { submitJob } from '../../jobs/submit-job.js';
import { describeProgress, finishedResult } from '../job-output.js';
import { formatTable } from '../format-table.js';
import { progressLine } from '../progress.js';
import { withStore } from '../with-store.js';
import { UsageError, todayIso } from '../usage.js';

export function formatIngestReport(report: IngestReport): string {
  const lines = [
    `extract ${report.extractId}: ${report.source} ${report.mode} ${report.extractDate} — ${report.status}`,
    formatTable(
      ['file', 'status', 'rows', 'loaded', 'duplicate', 'quarantined', 'warnings', 'rejected for'],
      report.files.map((f) => [
        f.file, f.status, f.rowsRead, f.loaded, f.duplicate, f.quarantined, f.warnings,
        f.rejectReason ? `${f.rejectReason}${f.rejectColumn ? ` (${f.rejectColumn})` : ''}` : '',
      ]),
    ),
  ];
  if (report.withdrawn > 0) lines.push(`withdrawn (no longer sent, kept): ${report.withdrawn}`);
  if (report.ignoredFiles.length > 0) lines.push(`ignored (not in the specification): ${report.ignoredFiles.join(', ')}`);
  return lines.join('\n');
}

interface IngestFlags {
  extractDate?: string;
  mode: string;
  encoding: string;
  wait: boolean;
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('load one agency extract (a folder of CSV files) into the staging store')
    .argument('<source>', SOURCES.join('|'))
    .argument('<folder>', 'the extract folder')
    .option('--extract-date <date>', 'the date the agency took the extract (YYYY-MM-DD); default today')
    .option('--mode <mode>', 'full (the whole picture: unsent rows are marked withdrawn) or delta', 'delta')
    .option('--encoding <encoding>', ENCODINGS.join('|'), 'utf-8')
    .option('--no-wait', 'with REDIS_URL: print the job id once it is queued and return')
    .action(async (source: string, folder: string, flags: IngestFlags) => {
      if (!SOURCES.includes(source as Source)) throw new UsageError(`unknown source: expected ${SOURCES.join(', ')}`);
      if (flags.mode !== 'full' && flags.mode !== 'delta') throw new UsageError('--mode must be full or delta');
      if (!ENCODINGS.includes(flags.encoding as ExtractEncoding)) throw new UsageError(`--encoding must be ${ENCODINGS.join(' or ')}`);
      const progress = progressLine();
      const settings = readJobSettings();
      const submitted = await withStore((store, config) =>
        submitJob(
          store,
          config,
          settings,
          'ingest',
          {
            source: source as Source,
            folder: path.resolve(folder),
            extractDate: flags.extractDate ?? todayIso(),
            mode: flags.mode as 'full' | 'delta',
            encoding: flags.encoding as ExtractEncoding,
          },
          { wait: flags.wait, onProgress: (p) => progress.update(describeProgress(p)) },
        ),
      );
      progress.done();
      const result = finishedResult(submitted);
      if (result === null) return;
      const report = result as unknown as IngestReport;
      console.log(formatIngestReport(report));
      if (hasRejectedFile(report)) process.exitCode = 1;
    });
}
