import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { connectorFor } from '../../connectors/index.js';
import type { Source } from '../../schemas/canonical.js';
import type { Store, StoreMode } from '../store/store.js';
import { dropIndexesForBulkLoad, relationBytes, worthBulkLoad, type BulkLoadOption } from './bulk-load.repository.js';
import { CANONICAL_TABLE_LIST } from './canonical-tables.js';
import type { ExtractEncoding } from './csv-rows.js';
import { countDuplicateRows, findLoadedExtract, loadedExtractReport } from './extract.repository.js';
import { readExtractFolder } from './extract-folder.js';
import type { FileReport, IngestReport } from './ingest-report.js';
import { BatchWriter, StageBuffer, stageBatchBytes, stageThreadYoungMb } from './stage-buffer.js';
import { stageFile, type StagedFile } from './stage-file.js';
import { StageThread } from './stage-file-thread.js';
import {
  createStageTable,
  mergeStagedVersions,
  refreshCurrentVersions,
  stageTableName,
  withdrawUnsent,
} from './version.repository.js';

export interface IngestOptions {
  source: Source;
  folder: string;
  extractDate: string;
  mode: 'full' | 'delta';
  encoding: ExtractEncoding;
  onProgress?: (file: string, rows: number) => void;
  /**
   * Parse files on a worker thread (a second core) while this thread writes to the store:
   * `auto` does so for files of at least STAGE_THREAD_MIN_BYTES (a thread costs a start-up).
   */
  stageThread?: 'auto' | 'always' | 'never';
  /**
   * Drop a table's indexes for the load and build them again after it (see bulk-load.repository.ts):
   * `auto` does so when the extract adds at least BULK_LOAD_MIN_BYTES and the table holds at most
   * twice what it adds. The stored result is the same either way.
   */
  bulkLoad?: BulkLoadOption;
}

/** Files smaller than this are parsed on the calling thread under `stageThread: 'auto'`. */
export const STAGE_THREAD_MIN_BYTES = 8 << 20;

function fileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}

function useThread(option: IngestOptions['stageThread'], file: string): boolean {
  if (option === 'always') return true;
  if (option === 'never') return false;
  return fileSize(file) >= STAGE_THREAD_MIN_BYTES;
}

/** Starts the staging thread up front (its start-up then overlaps the checksum) when some file will use it. */
function startStageThread(option: IngestOptions['stageThread'], folder: string, mode: StoreMode): StageThread | null {
  if (option === 'never') return null;
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return null;
  }
  if (!entries.some((entry) => useThread(option, path.join(folder, entry)))) return null;
  const youngGenerationMb = stageThreadYoungMb(mode);
  return new StageThread({ batchBytes: stageBatchBytes(mode) }, youngGenerationMb === undefined ? {} : { youngGenerationMb });
}

/** With MASH_DEBUG_TIMINGS set, prints how long each phase took and the resident memory after it. */
function phaseTimer(): (name: string) => void {
  if (!process.env['MASH_DEBUG_TIMINGS']) return () => undefined;
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    const memory = process.memoryUsage();
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    process.stderr.write(
      `ingest phase ${name}: ${((now - last) / 1000).toFixed(2)} s, ` +
        `rss ${mib(memory.rss)} MiB (js heap ${mib(memory.heapTotal)}, external ${mib(memory.external)})\n`,
    );
    last = now;
  };
}

export class IngestError extends Error {
  constructor(readonly code: 'INVALID_EXTRACT_DATE', detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'IngestError';
  }
}

/**
 * Loads one agency extract in one transaction: a crash leaves nothing half-loaded, and the
 * same bytes loaded again change nothing. Every data row ends up loaded, duplicate or quarantined.
 */
export async function ingestExtract(store: Store, options: IngestOptions): Promise<IngestReport> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.extractDate) || Number.isNaN(Date.parse(options.extractDate))) {
    throw new IngestError('INVALID_EXTRACT_DATE', 'expected YYYY-MM-DD');
  }
  const thread = startStageThread(options.stageThread, options.folder, store.mode);
  try {
    return await loadExtract(store, options, thread);
  } finally {
    await thread?.close();
  }
}

async function loadExtract(store: Store, options: IngestOptions, thread: StageThread | null): Promise<IngestReport> {
  const connector = connectorFor(options.source);
  const folder = await readExtractFolder(connector, options.folder);

  const previous = await findLoadedExtract(store.db, {
    source: options.source,
    checksum: folder.checksum,
    extractDate: options.extractDate,
    mode: options.mode,
  });
  if (previous !== null) {
    return { ...(await loadedExtractReport(store.db, previous)), status: 'unchanged', ignoredFiles: folder.ignored };
  }

  const phase = phaseTimer();
  const bulkLoad = options.bulkLoad ?? 'auto';
  return store.transaction(async (tx) => {
    const { id: extractId } = await tx.db
      .insertInto('extract')
      .values({
        source: options.source,
        mode: options.mode,
        extract_date: options.extractDate,
        checksum: folder.checksum,
        encoding: options.encoding,
        status: 'loaded',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Sorting and hashing a whole extract at once; the default 4 MB spills to disk. PGlite's
    // memory only grows (WebAssembly), so it sorts in smaller pieces.
    await sql.raw(`SET LOCAL work_mem = '${store.mode === 'pglite' ? '16MB' : '256MB'}'`).execute(tx.db);
    // Building indexes again after a bulk load sorts them; as for work_mem, PGlite's memory only grows.
    await sql.raw(`SET LOCAL maintenance_work_mem = '${store.mode === 'pglite' ? '16MB' : '256MB'}'`).execute(tx.db);
    // Compiling the few large statements costs more than it saves at these sizes.
    await sql`SET LOCAL jit = off`.execute(tx.db);
    for (const spec of CANONICAL_TABLE_LIST) await createStageTable(tx.db, spec);

    // Raw rows take about as many bytes as the files hold.
    const fileBytes = folder.files.reduce((n, f) => n + fileSize(f.path), 0);
    const rebuildRawRow = worthBulkLoad(bulkLoad, await relationBytes(tx.db, 'raw_row'), fileBytes)
      ? await dropIndexesForBulkLoad(tx.db, 'raw_row')
      : null;

    const writer = new BatchWriter(tx);
    const buffer = new StageBuffer(writer, stageBatchBytes(store.mode));
    const staged: (StagedFile & { name: string })[] = [];
    for (const file of folder.files) {
      const onRows = (rows: number) => options.onProgress?.(file.name, rows);
      const input = { extractId, source: options.source, name: file.name, path: file.path, encoding: options.encoding };
      const result =
        thread && useThread(options.stageThread, file.path)
          ? await thread.stage(input, writer, onRows)
          : await stageFile({ ...input, buffer, spec: file.spec, onRows });
      staged.push({ name: file.name, ...result });
    }
    // Its heap would otherwise stay resident through the merges.
    await thread?.close();
    await buffer.flush();
    phase('staged');
    if (rebuildRawRow) {
      await rebuildRawRow();
      phase('raw_row indexes built');
    }

    const duplicates = await countDuplicateRows(tx.db, extractId);
    phase('duplicates counted');
    const ctx = { extractId, source: options.source, extractDate: options.extractDate };
    const loadedFiles = staged.filter((f) => f.status === 'loaded').map((f) => f.name);
    let withdrawn = 0;
    for (const spec of CANONICAL_TABLE_LIST) {
      const bulk = worthBulkLoad(bulkLoad, await relationBytes(tx.db, spec.table), await relationBytes(tx.db, stageTableName(spec)));
      // A table that holds rows keeps the unique key its upsert's ON CONFLICT names; an empty one
      // cannot conflict, and the key is built again with the others.
      const rebuild = bulk
        ? await dropIndexesForBulkLoad(tx.db, spec.table, (index) => index.unique && index.columns.join() === 'natural_key,content_hash')
        : null;
      await mergeStagedVersions(tx.db, spec, ctx, { indexed: !bulk });
      phase(`${spec.table} merged`);
      await refreshCurrentVersions(tx.db, spec);
      phase(`${spec.table} current`);
      if (options.mode === 'full') withdrawn += await withdrawUnsent(tx.db, spec, { ...ctx, files: loadedFiles });
      phase(`${spec.table} withdrawn`);
      if (rebuild) {
        await rebuild();
        phase(`${spec.table} indexes built`);
      }
    }

    const files: FileReport[] = staged.map((f) => {
      const duplicate = duplicates.get(f.name) ?? 0;
      return {
        file: f.name,
        status: f.status,
        rowsRead: f.rowsRead,
        loaded: f.rowsRead - f.quarantined - duplicate,
        duplicate,
        quarantined: f.quarantined,
        warnings: f.warnings,
        rejectColumn: f.rejectColumn,
        rejectReason: f.rejectReason,
      };
    });
    await tx.db
      .insertInto('extract_file')
      .values(
        files.map((f, i) => ({
          extract_id: extractId,
          file: f.file,
          status: f.status,
          header: staged[i]!.header,
          rows_read: f.rowsRead,
          loaded: f.loaded,
          duplicate: f.duplicate,
          quarantined: f.quarantined,
          warnings: f.warnings,
          reject_reason: f.rejectReason,
          reject_column: f.rejectColumn,
        })),
      )
      .execute();
    const status = files.every((f) => f.status === 'rejected') ? 'rejected' : 'loaded';
    if (status === 'rejected') {
      await sql`UPDATE extract SET status = 'rejected' WHERE id = ${extractId}`.execute(tx.db);
    }
    return {
      extractId,
      source: options.source,
      mode: options.mode,
      extractDate: options.extractDate,
      status,
      files,
      ignoredFiles: folder.ignored,
      withdrawn,
    };
  });
}
