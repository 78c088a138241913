import { sql, type Kysely } from 'kysely';
import type { Source } from '../../schemas/canonical.js';
import type { Database } from '../../schemas/database.js';
import type { IngestReport } from './ingest-report.js';

/** The same bytes delivered again for the same date and mode are the same extract. */
export async function findLoadedExtract(
  db: Kysely<Database>,
  key: { source: Source; checksum: string; extractDate: string; mode: 'full' | 'delta' },
): Promise<number | null> {
  const row = await db
    .selectFrom('extract')
    .select('id')
    .where('source', '=', key.source)
    .where('checksum', '=', key.checksum)
    .where('extract_date', '=', key.extractDate)
    .where('mode', '=', key.mode)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The report of an extract loaded earlier, rebuilt from what the store recorded. */
export async function loadedExtractReport(db: Kysely<Database>, extractId: number): Promise<Omit<IngestReport, 'ignoredFiles'>> {
  const extract = await db
    .selectFrom('extract')
    .select(['id', 'source', 'mode', 'extract_date', 'status'])
    .where('id', '=', extractId)
    .executeTakeFirstOrThrow();
  const files = await db
    .selectFrom('extract_file')
    .select(['file', 'status', 'rows_read', 'loaded', 'duplicate', 'quarantined', 'warnings', 'reject_column', 'reject_reason'])
    .where('extract_id', '=', extractId)
    .orderBy('file')
    .execute();
  return {
    extractId,
    source: extract.source as Source,
    mode: extract.mode,
    extractDate: extract.extract_date,
    status: extract.status,
    withdrawn: 0,
    files: files.map((f) => ({
      file: f.file,
      status: f.status,
      rowsRead: f.rows_read,
      loaded: f.loaded,
      duplicate: f.duplicate,
      quarantined: f.quarantined,
      warnings: f.warnings,
      rejectColumn: f.reject_column,
      rejectReason: f.reject_reason,
    })),
  };
}

/**
 * Rows of this extract that were not quarantined and repeat a row already stored: the same
 * bytes in an earlier extract of the source, or an earlier line of the same file. Counted per
 * distinct row hash: all copies of a hash stored before are duplicates, else all but the first.
 * Row hashes cover the source, so only extracts of the same source can hold an earlier copy.
 */
export async function countDuplicateRows(db: Kysely<Database>, extractId: number): Promise<Map<string, number>> {
  const { rows: others } = await sql<{ found: boolean }>`
    SELECT EXISTS (SELECT 1 FROM extract o JOIN extract e ON e.source = o.source
                   WHERE e.id = ${extractId} AND o.id <> ${extractId}) AS found`.execute(db);
  const storedBefore = others[0]?.found
    ? sql`EXISTS (SELECT 1 FROM raw_row o WHERE o.row_hash = mine.row_hash AND o.extract_id <> ${extractId})`
    : sql`false`;
  const { rows } = await sql<{ file: string; n: number }>`
    WITH mine AS (
      SELECT r.file, r.row_hash, count(*)::int AS copies
      FROM raw_row r
      WHERE r.extract_id = ${extractId}
        AND NOT EXISTS (SELECT 1 FROM quarantine q
                        WHERE q.extract_id = r.extract_id AND q.file = r.file AND q.line = r.line)
      GROUP BY r.file, r.row_hash
    )
    SELECT file, sum(CASE WHEN ${storedBefore} THEN copies ELSE copies - 1 END)::int AS n FROM mine
    GROUP BY file`.execute(db);
  return new Map(rows.filter((r) => r.n > 0).map((r) => [r.file, r.n]));
}
