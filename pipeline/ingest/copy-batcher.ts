import { copyLine, type CopyValue } from './copy-csv.js';

/** COPY CSV text for one table, ready to load. */
export interface CopyBatch {
  table: string;
  columns: readonly string[];
  data: Uint8Array<ArrayBuffer>;
}

const INITIAL_BYTES = 1 << 16;
/** Spare buffers kept: one per batch a thread may have in flight is enough. */
const MAX_SPARE = 4;

class TableBytes {
  buffer = Buffer.allocUnsafe(INITIAL_BYTES);
  size = 0;

  constructor(
    readonly columns: readonly string[],
    private readonly batchBytes: number,
  ) {}

  append(text: string): void {
    // A UTF-8 character takes at most three bytes per UTF-16 code unit.
    const worst = text.length * 3;
    if (this.size + worst > this.buffer.length) {
      // Doubling, but not far past one batch: a batch is taken once it reaches batchBytes.
      const target = Math.min(this.buffer.length * 2, this.batchBytes + INITIAL_BYTES);
      const grown = Buffer.allocUnsafe(Math.max(target, this.size + worst));
      this.buffer.copy(grown, 0, 0, this.size);
      this.buffer = grown;
    }
    this.size += this.buffer.write(text, this.size);
  }
}

/**
 * Encodes rows as COPY CSV straight into one growing byte buffer per table: no string per line
 * is kept, so the garbage collector has little to do. A table's batch is ready at `batchBytes`.
 */
export class CopyBatcher {
  private readonly tables = new Map<string, TableBytes>();
  /** True once some table's batch has reached `batchBytes`; take it with `takeFull()`. */
  hasFull = false;

  /** Buffers of written batches, filled again instead of allocating (a thread hands them back). */
  private readonly spare: ArrayBuffer[] = [];

  constructor(private readonly batchBytes: number) {}

  /** Takes back a written batch's buffer for a later batch. */
  recycle(buffer: ArrayBuffer): void {
    if (this.spare.length < MAX_SPARE) this.spare.push(buffer);
  }

  add(table: string, columns: readonly string[], values: readonly CopyValue[]): void {
    let bytes = this.tables.get(table);
    if (!bytes) {
      bytes = new TableBytes(columns, this.batchBytes);
      this.tables.set(table, bytes);
    }
    bytes.append(copyLine(values));
    if (bytes.size >= this.batchBytes) this.hasFull = true;
  }

  /** Batches of the tables that reached `batchBytes` (each copied out into a buffer of its own). */
  takeFull(): CopyBatch[] {
    this.hasFull = false;
    return this.take((bytes) => bytes.size >= this.batchBytes);
  }

  /** Everything still held. */
  takeAll(): CopyBatch[] {
    this.hasFull = false;
    return this.take((bytes) => bytes.size > 0);
  }

  private take(ready: (bytes: TableBytes) => boolean): CopyBatch[] {
    const batches: CopyBatch[] = [];
    for (const [table, bytes] of this.tables) {
      if (!ready(bytes)) continue;
      // A copy of its own: it can be transferred to another thread, and the table keeps its
      // (large) buffer for the next batch.
      const data = new Uint8Array(this.bufferFor(bytes.size), 0, bytes.size);
      data.set(bytes.buffer.subarray(0, bytes.size));
      bytes.size = 0;
      batches.push({ table, columns: bytes.columns, data });
    }
    return batches;
  }

  private bufferFor(size: number): ArrayBuffer {
    const i = this.spare.findIndex((buffer) => buffer.byteLength >= size);
    if (i !== -1) return this.spare.splice(i, 1)[0]!;
    // A full batch ends a line past batchBytes: room for the next one, so the buffer can be reused.
    return new ArrayBuffer(size < this.batchBytes ? size : Math.max(size, this.batchBytes + (this.batchBytes >> 3)));
  }
}
