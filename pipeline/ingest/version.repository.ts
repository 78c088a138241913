import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { STAGE_PROVENANCE_COLUMNS, type CanonicalTable } from './canonical-tables.js';

/**
 * Versioned canonical tables. A natural key has one row per distinct content (history);
 * `is_current` marks the newest, `withdrawn_extract_id` a key a later full extract no longer sent.
 * Writes are set-based from a per-transaction staging table, never row by row.
 */

export function stageTableName(spec: CanonicalTable): string {
  return `stage_${spec.table}`;
}

export function stageColumns(spec: CanonicalTable): string[] {
  return [...STAGE_PROVENANCE_COLUMNS, ...spec.columns];
}

export class StageTableError extends Error {
  constructor(readonly table: string, readonly column: string) {
    super(`STAGE_COLUMN_MISSING: ${table}.${column}`);
    this.name = 'StageTableError';
  }
}

/**
 * The staging table has the canonical table's column types, read from the catalog rather than
 * from a query on the table: the extract's transaction then holds no lock on the canonical table
 * until it merges into it (a bulk load can take its exclusive lock without upgrading one).
 */
export async function createStageTable(db: Kysely<Database>, spec: CanonicalTable): Promise<void> {
  const { rows } = await sql<{ name: string; type: string; collation: string | null }>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
           CASE WHEN a.attcollation <> t.typcollation
                THEN (SELECT quote_ident(n.nspname) || '.' || quote_ident(c.collname)
                      FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
                      WHERE c.oid = a.attcollation) END AS collation
    FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
    WHERE a.attrelid = to_regclass(${spec.table}) AND a.attnum > 0 AND NOT a.attisdropped`.execute(db);
  const types = new Map(rows.map((r) => [r.name, r.collation === null ? r.type : `${r.type} COLLATE ${r.collation}`]));
  const columns = stageColumns(spec).map((column) => {
    const type = types.get(column);
    if (type === undefined) throw new StageTableError(spec.table, column);
    return `${column} ${type}`;
  });
  await sql.raw(`CREATE TEMP TABLE ${stageTableName(spec)} (${columns.join(', ')}) ON COMMIT DROP`).execute(db);
}

interface MergeContext {
  extractId: number;
  source: string;
  extractDate: string;
}

async function exists(db: Kysely<Database>, query: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`SELECT EXISTS (${sql.raw(query)}) AS found`.execute(db);
  return rows[0]?.found === true;
}

/**
 * Inserts new content versions; a version already stored is marked as seen by this extract.
 * A key the table did not hold yet gets its current version here; keys it already held are
 * kept in `<stage>_known` so `refreshCurrentVersions` re-points only those.
 *
 * When every staged natural key appears once (the usual extract), each staged row is its own
 * newest version and the sort and window that pick versions are skipped; when no staged key is
 * stored yet, no row can conflict and the upsert becomes a plain insert.
 */
export async function mergeStagedVersions(
  db: Kysely<Database>,
  spec: CanonicalTable,
  ctx: MergeContext,
  options: { indexed: boolean } = { indexed: true },
): Promise<void> {
  const t = spec.table;
  const stage = stageTableName(spec);
  const content = spec.columns.join(', ');
  const tableEmpty = !(await exists(db, `SELECT 1 FROM ${t}`));
  // Matching staged keys against stored ones needs the stage's statistics; into an empty table,
  // the plans are a scan and a sort whichever the estimates, and sampling costs more than it picks.
  if (!tableEmpty) await sql.raw(`ANALYZE ${stage}`).execute(db);
  await sql
    .raw(
      `CREATE TEMP TABLE ${stage}_known ON COMMIT DROP AS
       SELECT DISTINCT s.natural_key FROM ${stage} s
       WHERE ${tableEmpty ? 'false' : `EXISTS (SELECT 1 FROM ${t} v WHERE v.natural_key = s.natural_key)`}`,
    )
    .execute(db);
  const anyKnown = !tableEmpty && (await exists(db, `SELECT 1 FROM ${stage}_known`));
  const repeatedKeys = await exists(db, `SELECT 1 FROM ${stage} GROUP BY natural_key HAVING count(*) > 1`);
  // The newest row of a key is the first of its version's rows in the same order, so the version
  // DISTINCT ON keeps is the newest exactly when it holds the key's newest row (row_number is
  // cheap; first_value(h) re-read the partition's head for every row).
  const versions = repeatedKeys
    ? `SELECT DISTINCT ON (natural_key, h) *,
              row_number() OVER (PARTITION BY natural_key ORDER BY as_of DESC NULLS LAST, line DESC) = 1 AS newest
       FROM (SELECT s.*, md5(ROW(${content})::text) AS h FROM ${stage} s) staged
       ORDER BY natural_key, h, as_of DESC NULLS LAST, line DESC`
    : // In key order, so the key indexes grow at their right edge instead of all over (pointless
      // while a bulk load has dropped them).
      `SELECT s.*, md5(ROW(${content})::text) AS h, true AS newest FROM ${stage} s${options.indexed ? ' ORDER BY natural_key' : ''}`;
  const current = anyKnown
    ? `newest AND NOT EXISTS (SELECT 1 FROM ${stage}_known k WHERE k.natural_key = versions.natural_key)`
    : 'newest';
  const onConflict = anyKnown
    ? `ON CONFLICT (natural_key, content_hash) DO UPDATE SET
         last_seen_extract_id = CASE WHEN excluded.last_seen_date >= ${t}.last_seen_date
                                     THEN excluded.last_seen_extract_id ELSE ${t}.last_seen_extract_id END,
         withdrawn_extract_id = CASE WHEN excluded.last_seen_date >= ${t}.last_seen_date
                                     THEN NULL ELSE ${t}.withdrawn_extract_id END,
         last_seen_date = GREATEST(${t}.last_seen_date, excluded.last_seen_date)`
    : '';
  await sql
    .raw(
      `INSERT INTO ${t} (natural_key, content_hash, source, file, extract_id, line, as_of,
                         last_seen_extract_id, last_seen_date, is_current, ${content})
       SELECT natural_key, h, '${ctx.source}', file, ${ctx.extractId}, line, as_of,
              ${ctx.extractId}, DATE '${ctx.extractDate}', ${current}, ${content}
       FROM (${versions}) versions
       ${onConflict}`,
    )
    .execute(db);
}

/** Re-points `is_current` for keys stored before this extract: newest sighting, then latest as-of. */
export async function refreshCurrentVersions(db: Kysely<Database>, spec: CanonicalTable): Promise<void> {
  const t = spec.table;
  await sql
    .raw(
      `WITH winner AS (
         SELECT DISTINCT ON (natural_key) natural_key, id FROM ${t}
         WHERE natural_key IN (SELECT natural_key FROM ${stageTableName(spec)}_known)
         ORDER BY natural_key, last_seen_date DESC, last_seen_extract_id DESC, as_of DESC NULLS LAST, line DESC, id DESC
       )
       UPDATE ${t} SET is_current = (${t}.id = winner.id)
       FROM winner
       WHERE ${t}.natural_key = winner.natural_key AND ${t}.is_current <> (${t}.id = winner.id)`,
    )
    .execute(db);
}

/**
 * A full extract is the agency's whole picture for the files it holds: current keys from those
 * files that it did not send are marked withdrawn (kept, never deleted). Only the newest extract
 * of a source may withdraw; a late-arriving older one changes nothing here.
 */
export async function withdrawUnsent(
  db: Kysely<Database>,
  spec: CanonicalTable,
  ctx: MergeContext & { files: readonly string[] },
): Promise<number> {
  if (ctx.files.length === 0) return 0;
  const t = spec.table;
  const result = await sql`
    UPDATE ${sql.table(t)} AS v SET withdrawn_extract_id = ${ctx.extractId}
    WHERE v.source = ${ctx.source} AND v.file = ANY(${sql.val([...ctx.files])}::text[])
      AND v.is_current AND v.withdrawn_extract_id IS NULL
      AND v.last_seen_date <= ${ctx.extractDate}::date
      AND v.last_seen_extract_id <> ${ctx.extractId}
      AND NOT EXISTS (SELECT 1 FROM ${sql.table(t)} seen
                      WHERE seen.natural_key = v.natural_key AND seen.last_seen_extract_id = ${ctx.extractId})
      AND NOT EXISTS (SELECT 1 FROM extract e
                      WHERE e.source = ${ctx.source} AND e.status = 'loaded'
                        AND (e.extract_date > ${ctx.extractDate}::date))`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
