/**
 * Runs inside a worker thread (started by stage-file-thread.ts through stage-thread.bootstrap.mjs):
 * for each file it is sent, reads, parses, validates and COPY-encodes the rows and posts the
 * COPY batches to the main thread, which writes them into the open transaction. Parsing thus
 * runs on a second core while the database loads the previous batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connectorFor } from '../../connectors/index.js';
import { CopyBatcher, type CopyBatch } from './copy-batcher.js';
import type { CopyValue } from './copy-csv.js';
import type { StageSink } from './stage-buffer.js';
import { stageFile } from './stage-file.js';
import {
  STAGE_THREAD_CREDITS,
  type StageThreadInput,
  type StageThreadMessage,
  type StageThreadOptions,
  type StageThreadRequest,
} from './stage-thread.protocol.js';

const port = parentPort!;

function post(message: StageThreadMessage): void {
  if (message.kind === 'batch') port.postMessage(message, [message.batch.data.buffer]);
  else port.postMessage(message);
}

/** Posts full batches to the main thread; waits for a credit when too many are unwritten. */
class ThreadSink implements StageSink {
  private readonly batcher = new CopyBatcher((workerData as StageThreadOptions).batchBytes);
  private credits = STAGE_THREAD_CREDITS;
  private waiting: (() => void) | null = null;

  credit(buffer: ArrayBuffer): void {
    this.batcher.recycle(buffer);
    this.credits++;
    this.waiting?.();
    this.waiting = null;
  }

  add(table: string, columns: readonly string[], values: readonly CopyValue[]): void {
    this.batcher.add(table, columns, values);
  }

  get needsFlush(): boolean {
    return this.batcher.hasFull;
  }

  async flushFull(): Promise<void> {
    for (const batch of this.batcher.takeFull()) await this.send(batch);
  }

  async flush(): Promise<void> {
    for (const batch of this.batcher.takeAll()) await this.send(batch);
  }

  private async send(batch: CopyBatch): Promise<void> {
    while (this.credits === 0) await new Promise<void>((resolve) => (this.waiting = resolve));
    this.credits--;
    post({ kind: 'batch', batch });
  }
}

const sink = new ThreadSink();

async function stage(input: StageThreadInput): Promise<void> {
  const spec = connectorFor(input.source).files.find((f) => f.name === input.name);
  if (!spec) {
    post({ kind: 'failed', code: 'STAGE_THREAD_UNKNOWN_FILE' });
    return;
  }
  try {
    const result = await stageFile({ ...input, spec, buffer: sink, onRows: (rows) => post({ kind: 'rows', rows }) });
    await sink.flush();
    post({ kind: 'done', result });
  } catch (error) {
    const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'STAGE_THREAD_FAILED';
    post({ kind: 'failed', code });
  }
}

port.on('message', (request: StageThreadRequest) => {
  if (request.kind === 'credit') sink.credit(request.buffer);
  else void stage(request.input);
});
