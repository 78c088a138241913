/** The audit log: insert and list only; the database refuses UPDATE and DELETE (migration 0003). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';

function textArray(values: readonly string[] | undefined): ReturnType<typeof sql<string[]>> {
  // Arrays go over the wire as JSON and become text[] in SQL: the same in pg and PGlite.
  return sql<string[]>`ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(values ?? [])}::jsonb))`;
}

export async function appendAudit(db: Kysely<Database>, record: AuditRecord): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    INSERT INTO audit_entry (
      action, outcome, reason, actor, actor_role, purpose, lawful_basis, consent, query, subject_person_id,
      member_person_ids, sources_included, sources_withheld, detail
    ) VALUES (
      ${record.action}, ${record.outcome}, ${record.reason ?? null}, ${record.actor}, ${record.actorRole ?? null},
      ${record.purpose ?? null}, ${record.lawfulBasis ?? null}, ${record.consent ?? null}, ${record.query ?? null},
      ${record.subjectPersonId ?? null}, ${textArray(record.memberPersonIds)}, ${textArray(record.sourcesIncluded)},
      ${textArray(record.sourcesWithheld)}, ${JSON.stringify(record.detail ?? {})}::jsonb
    ) RETURNING id`.execute(db);
  const id = rows[0]?.id;
  if (id === undefined) throw new Error('AUDIT_INSERT_FAILED');
  return Number(id);
}

export interface AuditQuery {
  limit?: number;
  actor?: string;
}

export async function listAudit(db: Kysely<Database>, query: AuditQuery = {}): Promise<AuditEntry[]> {
  let q = db
    .selectFrom('audit_entry')
    .select([
      'id', 'at', 'action', 'outcome', 'reason', 'actor', 'actor_role', 'purpose', 'lawful_basis', 'consent', 'query',
      'subject_person_id', 'member_person_ids', 'sources_included', 'sources_withheld', 'detail',
    ])
    .orderBy('id', 'desc')
    .limit(query.limit ?? 100);
  if (query.actor !== undefined) q = q.where('actor', '=', query.actor);
  const rows = await q.execute();
  return rows.reverse().map((r) => ({
    id: Number(r.id), at: r.at, action: r.action, outcome: r.outcome, reason: r.reason, actor: r.actor, actorRole: r.actor_role,
    purpose: r.purpose, lawfulBasis: r.lawful_basis, consent: r.consent, query: r.query, subjectPersonId: r.subject_person_id,
    memberPersonIds: r.member_person_ids, sourcesIncluded: r.sources_included, sourcesWithheld: r.sources_withheld, detail: r.detail,
  }));
}
