import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

export type StoreMode = 'pglite' | 'postgres';

/** One open transaction: typed queries plus bulk COPY on the same connection. */
export interface StoreTx {
  readonly db: Kysely<Database>;
  /** Loads CSV text or its UTF-8 bytes (PostgreSQL CSV format, no header) into `table (columns)`. */
  copyCsv(table: string, columns: readonly string[], csv: string | Uint8Array<ArrayBuffer>): Promise<void>;
}

/** The staging store: PGlite on disk or a PostgreSQL server, behind one interface. */
export interface Store {
  readonly mode: StoreMode;
  readonly db: Kysely<Database>;
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function copyStatement(table: string, columns: readonly string[], from: string): string {
  return `COPY ${table} (${columns.join(', ')}) FROM ${from} WITH (FORMAT csv)`;
}
