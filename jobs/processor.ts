import type { Config } from '../pipeline/config.js';
import type { Store } from '../pipeline/store/store.js';
import type { JobPayloads } from './job-payloads.js';
import type { JobName } from './queue-names.js';

/** Progress a job reports: a phase, and for loading, the file and rows so far (no data). */
export interface JobProgress {
  phase: string;
  file?: string;
  rows?: number;
}

/** What a processor runs with, whichever runner calls it. */
export interface JobContext {
  readonly store: Store;
  readonly config: Config;
  /**
   * True on BullMQ workers: CPU-heavy stages (matching) run in a worker thread so the queue's
   * lock renewal on this thread is never starved. In-process runs have no lock to renew.
   */
  readonly offloadCpu: boolean;
  progress(progress: JobProgress): Promise<void>;
}

/**
 * `done`: the request's result (counts, ids, codes; no personal data) is recorded.
 * `children`: the processor planned child requests; the request finishes with its last child.
 */
export type ProcessorOutcome = { kind: 'done'; result: object } | { kind: 'children' };

export type Processor<K extends JobName> = (ctx: JobContext, payload: JobPayloads[K], requestId: number) => Promise<ProcessorOutcome>;

export type ProcessorRegistry = { [K in JobName]: Processor<K> };
