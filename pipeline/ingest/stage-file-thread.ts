import { Worker } from 'node:worker_threads';
import type { BatchWriter } from './stage-buffer.js';
import type { StagedFile } from './stage-file.js';
import type { StageThreadInput, StageThreadMessage, StageThreadOptions, StageThreadRequest } from './stage-thread.protocol.js';

const THREAD_ENTRY = new URL('./stage-thread.bootstrap.mjs', import.meta.url);
const STAGE_THREAD_HEAP_MB = 160;

export class StageThreadError extends Error {
  constructor(readonly code: string) {
    super(`STAGE_THREAD_FAILED: ${code}`);
    this.name = 'StageThreadError';
  }
}

interface Job {
  writer: BatchWriter;
  onRows: ((rows: number) => void) | undefined;
  written: Promise<void>;
  resolve(result: StagedFile): void;
  reject(error: unknown): void;
}

/**
 * A worker thread that stages files one at a time: it parses and encodes, this thread writes
 * its COPY batches into the transaction in order and hands back a credit (and the buffer) for
 * each one written.
 * Started before it is needed, so its start-up overlaps the extract's checksum and setup.
 */
export class StageThread {
  // The thread's live data is a few batches and the parser's chunks; a small old generation
  // makes V8 collect its garbage early instead of letting the heap grow into hundreds of MiB.
  private readonly worker: Worker;
  private job: Job | null = null;
  private broken: StageThreadError | null = null;

  /** `youngGenerationMb` caps the young generation (V8's default is 48 MiB), for memory over speed. */
  constructor(options: StageThreadOptions, limits: { youngGenerationMb?: number } = {}) {
    const young = limits.youngGenerationMb === undefined ? {} : { maxYoungGenerationSizeMb: limits.youngGenerationMb };
    this.worker = new Worker(THREAD_ENTRY, {
      workerData: options,
      resourceLimits: { maxOldGenerationSizeMb: STAGE_THREAD_HEAP_MB, ...young },
    });
    this.worker.on('message', (message: StageThreadMessage) => this.receive(message));
    this.worker.once('error', () => this.fail(new StageThreadError('THREAD_ERROR')));
    this.worker.once('exit', (code) => this.fail(new StageThreadError(`THREAD_EXIT_${code}`)));
  }

  stage(input: StageThreadInput, writer: BatchWriter, onRows?: (rows: number) => void): Promise<StagedFile> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.job) return Promise.reject(new StageThreadError('BUSY'));
    return new Promise((resolve, reject) => {
      this.job = { writer, onRows, written: Promise.resolve(), resolve, reject };
      this.worker.postMessage({ kind: 'file', input } satisfies StageThreadRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners();
    this.worker.on('error', () => undefined);
    await this.worker.terminate();
  }

  private receive(message: StageThreadMessage): void {
    const job = this.job;
    if (!job) return;
    switch (message.kind) {
      case 'batch': {
        const { batch } = message;
        const started = job.written.then(() => job.writer.write(batch));
        job.written = started.then(() => undefined);
        job.written.catch((error: unknown) => this.fail(error));
        // Once written, the batch's buffer goes back to be filled again (a failure surfaces
        // through the next write or the final drain).
        void started
          .then(({ written }) => written)
          .then(() => {
            const buffer = batch.data.buffer;
            this.worker.postMessage({ kind: 'credit', buffer } satisfies StageThreadRequest, [buffer]);
          })
          .catch(() => undefined);
        break;
      }
      case 'rows':
        job.onRows?.(message.rows);
        break;
      case 'done':
        job.written.then(() => {
          if (this.job !== job) return;
          this.job = null;
          job.resolve(message.result);
        }, () => undefined);
        break;
      case 'failed':
        this.fail(new StageThreadError(message.code));
        break;
    }
  }

  private fail(error: unknown): void {
    this.broken ??= error instanceof StageThreadError ? error : new StageThreadError('WRITE_FAILED');
    const job = this.job;
    this.job = null;
    job?.reject(error);
  }
}
