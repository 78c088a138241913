import { sql } from 'kysely';
import { connectorFor } from '../../connectors/index.js';
import type { Source } from '../../schemas/canonical.js';
import type { Store } from '../store/store.js';
import { CANONICAL_TABLE_LIST } from './canonical-tables.js';
import type { ExtractEncoding } from './csv-rows.js';
import { countDuplicateRows, findLoadedExtract, loadedExtractReport } from './extract.repository.js';
import { readExtractFolder } from './extract-folder.js';
import type { FileReport, IngestReport } from './ingest-report.js';
import { StageBuffer } from './stage-buffer.js';
import { stageFile, type StagedFile } from './stage-file.js';
import { createStageTable, mergeStagedVersions, refreshCurrentVersions, withdrawUnsent } from './version.repository.js';

export interface IngestOptions {
  source: Source;
  folder: string;
  extractDate: string;
  mode: 'full' | 'delta';
  encoding: ExtractEncoding;
  onProgress?: (file: string, rows: number) => void;
}

/** With MASH_DEBUG_TIMINGS set, prints how long each phase took (names and seconds only). */
function phaseTimer(): (name: string) => void {
  if (!process.env['MASH_DEBUG_TIMINGS']) return () => undefined;
  let last = performance.now();
  return (name) => {
    const now = performance.now();
    process.stderr.write(`ingest phase ${name}: ${((now - last) / 1000).toFixed(2)} s\n`);
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
    // Sorting and hashing a whole extract at once; the default 4 MB spills to disk.
    await sql`SET LOCAL work_mem = '256MB'`.execute(tx.db);
    for (const spec of CANONICAL_TABLE_LIST) await createStageTable(tx.db, spec);

    const buffer = new StageBuffer(tx);
    const staged: (StagedFile & { name: string })[] = [];
    for (const file of folder.files) {
      const result = await stageFile({
        buffer,
        extractId,
        source: options.source,
        name: file.name,
        path: file.path,
        spec: file.spec,
        encoding: options.encoding,
        onRows: (rows) => options.onProgress?.(file.name, rows),
      });
      staged.push({ name: file.name, ...result });
    }
    await buffer.flush();
    phase('staged');

    const duplicates = await countDuplicateRows(tx.db, extractId);
    phase('duplicates counted');
    const ctx = { extractId, source: options.source, extractDate: options.extractDate };
    const loadedFiles = staged.filter((f) => f.status === 'loaded').map((f) => f.name);
    let withdrawn = 0;
    for (const spec of CANONICAL_TABLE_LIST) {
      await sql.raw(`ANALYZE stage_${spec.table}`).execute(tx.db);
      await mergeStagedVersions(tx.db, spec, ctx);
      phase(`${spec.table} merged`);
      await refreshCurrentVersions(tx.db, spec);
      phase(`${spec.table} current`);
      if (options.mode === 'full') withdrawn += await withdrawUnsent(tx.db, spec, { ...ctx, files: loadedFiles });
      phase(`${spec.table} withdrawn`);
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
