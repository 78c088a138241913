import type { Source } from '../../schemas/canonical.js';

export interface FileReport {
  file: string;
  status: 'loaded' | 'rejected';
  /** Data rows in the file (header excluded): rowsRead = loaded + duplicate + quarantined. */
  rowsRead: number;
  loaded: number;
  /** Rows identical to one already stored (an earlier extract or an earlier line): unchanged. */
  duplicate: number;
  quarantined: number;
  /** Rows that loaded with a flagged value (invalid postcode, NHS number or UPN). */
  warnings: number;
  rejectColumn: string | null;
  rejectReason: string | null;
}

export interface IngestReport {
  extractId: number;
  source: Source;
  mode: 'full' | 'delta';
  extractDate: string;
  /** `unchanged`: this exact extract was loaded before (same bytes); nothing was written. */
  status: 'loaded' | 'unchanged' | 'rejected';
  files: FileReport[];
  ignoredFiles: string[];
  /** Versions marked withdrawn by a full extract. */
  withdrawn: number;
}

export function hasRejectedFile(report: IngestReport): boolean {
  return report.files.some((f) => f.status === 'rejected');
}
