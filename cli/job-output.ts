import type { Submitted } from '../jobs/submit-job.js';
import type { JobProgress } from '../jobs/processor.js';

/** One progress line: phase, file and rows (never data). */
export function describeProgress(progress: JobProgress | { phase: 'queued' }): string {
  if (progress.phase === 'queued') return 'queued: waiting for a worker (`mash worker`)';
  if ('file' in progress && progress.file !== undefined) return `${progress.file}: ${(progress.rows ?? 0).toLocaleString('en-GB')} rows`;
  return `${progress.phase}…`;
}

/** A job the command did not wait for, or one that failed: its id and code. */
export class JobOutcomeError extends Error {
  override name = 'JobOutcomeError';
}

/**
 * The finished request's result for the command to print. `null` when the command did not wait
 * (the job id is printed instead). A failed request throws its code (exit code 1).
 */
export function finishedResult(submitted: Submitted): Record<string, unknown> | null {
  const { request } = submitted;
  if (request.status === 'pending' || request.status === 'running') {
    console.log(`job ${submitted.requestId} queued (${request.kind}); \`mash jobs\` shows its progress`);
    return null;
  }
  if (request.status === 'failed') throw new JobOutcomeError(`job ${submitted.requestId} (${request.kind}) failed: ${request.lastErrorCode ?? 'UNKNOWN_ERROR'}`);
  return request.result ?? {};
}

/** The overnight run's report (a batch request's result) as plain lines: counts and codes. */
export function formatBatchReport(result: Record<string, unknown>): string {
  const n = (key: string): number => {
    const value = result[key];
    return typeof value === 'number' ? value : 0;
  };
  const lines = [`${n('deliveries')} deliveries: ${n('loaded')} loaded, ${n('unchanged')} unchanged, ${n('rejected')} rejected, ${n('failed')} failed`];
  const skipped = Array.isArray(result['skipped']) ? (result['skipped'] as { folder?: unknown; reason?: unknown }[]) : [];
  if (skipped.length > 0) lines.push(`skipped: ${skipped.map((s) => `${String(s.folder)} (${String(s.reason)})`).join(', ')}`);
  const failures = Array.isArray(result['failures']) ? (result['failures'] as { requestId?: unknown; kind?: unknown; code?: unknown }[]) : [];
  for (const f of failures) lines.push(`failed: request ${String(f.requestId)} (${String(f.kind)}) ${String(f.code)}`);
  const match = result['match'] as Record<string, unknown> | null | undefined;
  if (match) {
    lines.push(
      match['upToDate'] === true
        ? `match: up to date; ${String(match['persons'])} people from ${String(match['mentions'])} mentions`
        : `match: ${String(match['mentions'])} mentions -> ${String(match['persons'])} people, ${String(match['personsChanged'])} new or changed`,
    );
  } else lines.push('match: did not run');
  const summaries = result['summaries'] as Record<string, unknown> | null | undefined;
  if (summaries) {
    const c = (key: string) => (typeof summaries[key] === 'number' ? summaries[key] : 0);
    lines.push(
      `summaries: ${c('families')} booked families changed: ${c('built')} rebuilt, ${c('unchanged')} unchanged, ` +
        `${c('notFound')} not found, ${c('refused')} refused, ${c('ambiguous')} ambiguous`,
    );
  } else lines.push('summaries: did not run');
  const packs = result['packs'] as Record<string, unknown> | null | undefined;
  if (packs) {
    const files = Array.isArray(packs['files']) ? (packs['files'] as unknown[]).map(String) : [];
    lines.push(`packs: ${String(packs['packs'])} printed for ${String(packs['meetings'])} meetings${files.length > 0 ? `:\n${files.map((f) => `  ${f}`).join('\n')}` : ''}`);
  } else lines.push('packs: did not run');
  return lines.join('\n');
}
