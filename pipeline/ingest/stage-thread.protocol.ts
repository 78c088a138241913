import type { Source } from '../../schemas/canonical.js';
import type { CopyBatch } from './copy-batcher.js';
import type { ExtractEncoding } from './csv-rows.js';
import type { StagedFile } from './stage-file.js';

/** One file for the staging thread: ids, names and a path only. */
export interface StageThreadInput {
  extractId: number;
  source: Source;
  name: string;
  path: string;
  encoding: ExtractEncoding;
}

/** Given to the thread when it starts. */
export interface StageThreadOptions {
  batchBytes: number;
}

/** Thread -> main. Error codes only: a failure never carries a cell's value. */
export type StageThreadMessage =
  | { kind: 'batch'; batch: CopyBatch }
  | { kind: 'rows'; rows: number }
  | { kind: 'done'; result: StagedFile }
  | { kind: 'failed'; code: string };

/**
 * Main -> thread: stage this file; or: one batch was written, the thread may send another (and
 * have the written batch's buffer back to fill again).
 */
export type StageThreadRequest = { kind: 'file'; input: StageThreadInput } | { kind: 'credit'; buffer: ArrayBuffer };

/** Batches the thread may have sent and not yet seen written. */
export const STAGE_THREAD_CREDITS = 3;
