import type { StoreTx } from '../store/store.js';
import { copyLine, type CopyValue } from './copy-csv.js';

const FLUSH_BYTES = 4 << 20;

/**
 * Collects COPY lines per table and writes them in batches. One batch may be in flight while
 * the next is built, so PostgreSQL works on one batch while Node parses the next.
 */
export class StageBuffer {
  // Lines are joined once per batch: appending to one long string builds ropes that keep the
  // garbage collector busy for most of the run.
  private readonly pending = new Map<string, { columns: readonly string[]; lines: string[]; size: number }>();
  private inFlight: Promise<void> = Promise.resolve();
  /** True once some table's batch is large enough to write; call `flushFull()`. */
  needsFlush = false;

  constructor(private readonly tx: StoreTx) {}

  add(table: string, columns: readonly string[], values: readonly CopyValue[]): void {
    let batch = this.pending.get(table);
    if (!batch) {
      batch = { columns, lines: [], size: 0 };
      this.pending.set(table, batch);
    }
    const line = copyLine(values);
    batch.lines.push(line);
    batch.size += line.length;
    if (batch.size >= FLUSH_BYTES) this.needsFlush = true;
  }

  private async flushTable(table: string): Promise<void> {
    const batch = this.pending.get(table);
    if (!batch || batch.lines.length === 0) return;
    this.pending.delete(table);
    await this.inFlight;
    this.inFlight = this.tx.copyCsv(table, batch.columns, batch.lines.join(''));
    // Awaited at the next flush; this only keeps an early failure from counting as unhandled.
    this.inFlight.catch(() => undefined);
  }

  async flushFull(): Promise<void> {
    this.needsFlush = false;
    for (const [table, batch] of [...this.pending]) {
      if (batch.size >= FLUSH_BYTES) await this.flushTable(table);
    }
  }

  async flush(): Promise<void> {
    for (const table of [...this.pending.keys()]) await this.flushTable(table);
    await this.inFlight;
  }
}
