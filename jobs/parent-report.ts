import type { JobRequest } from './job-request.repository.js';

/** Counts of a summary refresh's outcomes (see rebuild-family.service.ts). */
export interface RefreshReport {
  families: number;
  built: number;
  unchanged: number;
  skipped: number;
  refused: number;
  notFound: number;
  ambiguous: number;
  failedJobs: number;
}

/** The overnight run's report, kept as the batch request's result (counts and codes only). */
export interface BatchReport {
  deliveries: number;
  loaded: number;
  unchanged: number;
  rejected: number;
  failed: number;
  failures: { requestId: number; kind: string; code: string | null }[];
  skipped: unknown[];
  match: { mentions: unknown; persons: unknown; personsChanged: unknown; upToDate: unknown } | null;
  summaries: RefreshReport | null;
  packs: { meetings: number; packs: number; families: number; files: string[] } | null;
}

const REFRESH_COUNTS = ['built', 'unchanged', 'skipped', 'refused', 'notFound', 'ambiguous'] as const;

function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function refreshReport(children: JobRequest[]): RefreshReport {
  const report: RefreshReport = { families: 0, built: 0, unchanged: 0, skipped: 0, refused: 0, notFound: 0, ambiguous: 0, failedJobs: 0 };
  for (const child of children) {
    if (child.status === 'failed') report.failedJobs++;
    const result = child.status === 'done' ? child.result : null;
    report.families += Array.isArray(child.payload['meetingFamilyIds']) ? child.payload['meetingFamilyIds'].length : 0;
    for (const key of REFRESH_COUNTS) report[key] += num(result?.[key]);
  }
  return report;
}

export function batchReport(children: JobRequest[], planned: Record<string, unknown> | null): BatchReport {
  const ingests = children.filter((c) => c.kind === 'ingest');
  const statusOf = (c: JobRequest) => (c.status === 'done' ? c.result?.['status'] : null);
  const resultOf = (kind: string) => children.find((c) => c.kind === kind && c.status === 'done')?.result ?? null;
  const match = resultOf('match');
  const failed = children.filter((c) => c.status === 'failed');
  return {
    deliveries: ingests.length,
    loaded: ingests.filter((c) => statusOf(c) === 'loaded').length,
    unchanged: ingests.filter((c) => statusOf(c) === 'unchanged').length,
    rejected: ingests.filter((c) => statusOf(c) === 'rejected').length,
    failed: failed.length,
    failures: failed.map((c) => ({ requestId: c.id, kind: c.kind, code: c.lastErrorCode })),
    skipped: Array.isArray(planned?.['skipped']) ? planned['skipped'] : [],
    match: match && { mentions: match['mentions'], persons: match['persons'], personsChanged: match['personsChanged'], upToDate: match['upToDate'] },
    summaries: (resultOf('refresh') as RefreshReport | null) ?? null,
    packs: (resultOf('pack') as BatchReport['packs']) ?? null,
  };
}

/** A parent's result once all its children have finished. */
export function parentReport(kind: string, children: JobRequest[], planned: Record<string, unknown> | null): object {
  return kind === 'refresh' ? refreshReport(children) : batchReport(children, planned);
}
