import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

export interface QuarantinedRow {
  extractId: number;
  source: string;
  file: string;
  line: number;
  column: string;
  reason: string;
}

export async function listQuarantine(db: Kysely<Database>, extractId: number | null): Promise<QuarantinedRow[]> {
  let query = db
    .selectFrom('quarantine as q')
    .innerJoin('extract as e', 'e.id', 'q.extract_id')
    .select(['q.extract_id', 'e.source', 'q.file', 'q.line', 'q.column_name', 'q.reason'])
    .orderBy('q.extract_id')
    .orderBy('q.file')
    .orderBy('q.line');
  if (extractId !== null) query = query.where('q.extract_id', '=', extractId);
  const rows = await query.execute();
  return rows.map((r) => ({
    extractId: r.extract_id,
    source: r.source,
    file: r.file,
    line: r.line,
    column: r.column_name,
    reason: r.reason,
  }));
}
