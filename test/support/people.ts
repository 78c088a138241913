import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';

/** Who is linked to whom: each person as its sorted record keys, persons sorted (ids left out). */
export async function peoplePartition(db: Kysely<Database>): Promise<string[][]> {
  const rows = await db.selectFrom('person_mention').select(['record_key', 'person_id']).execute();
  const byPerson = new Map<string, string[]>();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.record_key]);
  return [...byPerson.values()].map((keys) => keys.sort()).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** person_mention as `record_key person_id` lines, sorted: identical people with identical ids. */
export async function personMentionRows(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`SELECT record_key || ' ' || person_id AS line FROM person_mention ORDER BY record_key`.execute(db);
  return rows.map((r) => r.line);
}

/** Links and review pairs as sorted lines (weights rounded to avoid float noise). */
export async function linkRows(db: Kysely<Database>): Promise<{ links: string[]; reviews: string[] }> {
  const links = await sql<{ line: string }>`SELECT a || ' ' || b || ' ' || round(weight::numeric, 6) AS line FROM match_link ORDER BY 1`.execute(db);
  const reviews = await sql<{ line: string }>`SELECT a || ' ' || b || ' ' || round(weight::numeric, 6) AS line FROM match_review ORDER BY 1`.execute(db);
  return { links: links.rows.map((r) => r.line), reviews: reviews.rows.map((r) => r.line) };
}

/** Booked families' summaries as `subject_key version content_hash` lines (generation times left out). */
export async function familySummaryRows(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ line: string }>`
    SELECT f.subject_key || ' v' || s.version || ' ' || s.content_hash AS line
    FROM family_summary s JOIN meeting_family f ON f.id = s.meeting_family_id ORDER BY 1`.execute(db);
  return rows.map((r) => r.line);
}
