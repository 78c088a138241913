import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

/** `record_key,person_id` for every current mention; mentions not yet matched have an empty person. */
export async function exportLinks(db: Kysely<Database>): Promise<{ recordKey: string; personId: string | null }[]> {
  const { rows } = await sql<{ record_key: string; person_id: string | null }>`
    SELECT m.natural_key AS record_key, pm.person_id
    FROM mention m LEFT JOIN person_mention pm ON pm.record_key = m.natural_key
    WHERE m.is_current AND m.withdrawn_extract_id IS NULL
    ORDER BY m.natural_key`.execute(db);
  return rows.map((r) => ({ recordKey: r.record_key, personId: r.person_id }));
}

export interface ReviewItem {
  a: string;
  b: string;
  probability: number;
  weight: number;
  reason: string;
}

export async function listReviews(db: Kysely<Database>, limit: number): Promise<ReviewItem[]> {
  const rows = await db
    .selectFrom('match_review')
    .select(['a', 'b', 'probability', 'weight', 'reason'])
    .orderBy('probability', 'desc')
    .orderBy('a')
    .orderBy('b')
    .limit(limit)
    .execute();
  return rows;
}
