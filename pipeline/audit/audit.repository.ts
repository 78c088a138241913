/** The audit log: insert and list only; the database refuses UPDATE and DELETE (migration 0003). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { AuditEntry, AuditRecord } from './audit-entry.js';

const AUDIT_COLUMNS = `action text, outcome text, reason text, actor text, actor_role text, purpose text, lawful_basis text,
  consent text, query text, subject_person_id text, member_person_ids jsonb, sources_included jsonb, sources_withheld jsonb,
  detail jsonb, n int`;

/**
 * Appends entries in one statement and returns their ids in the order given. The rows go in
 * ordered by position, so their serial ids ascend in that order whatever order RETURNING uses.
 */
export async function appendAudits(db: Kysely<Database>, records: readonly AuditRecord[]): Promise<number[]> {
  if (records.length === 0) return [];
  const input = records.map((r, n) => ({
    action: r.action, outcome: r.outcome, reason: r.reason ?? null, actor: r.actor, actor_role: r.actorRole ?? null,
    purpose: r.purpose ?? null, lawful_basis: r.lawfulBasis ?? null, consent: r.consent ?? null, query: r.query ?? null,
    subject_person_id: r.subjectPersonId ?? null, member_person_ids: r.memberPersonIds ?? [], sources_included: r.sourcesIncluded ?? [],
    sources_withheld: r.sourcesWithheld ?? [], detail: r.detail ?? {}, n,
  }));
  // Arrays go over the wire inside JSON and become text[] in SQL: the same in pg and PGlite.
  const { rows } = await sql<{ id: number | string }>`
    INSERT INTO audit_entry (
      action, outcome, reason, actor, actor_role, purpose, lawful_basis, consent, query, subject_person_id,
      member_person_ids, sources_included, sources_withheld, detail
    )
    SELECT r.action, r.outcome, r.reason, r.actor, r.actor_role, r.purpose, r.lawful_basis, r.consent, r.query, r.subject_person_id,
           ARRAY(SELECT jsonb_array_elements_text(r.member_person_ids)), ARRAY(SELECT jsonb_array_elements_text(r.sources_included)),
           ARRAY(SELECT jsonb_array_elements_text(r.sources_withheld)), r.detail
    FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS r(${sql.raw(AUDIT_COLUMNS)})
    ORDER BY r.n
    RETURNING id`.execute(db);
  if (rows.length !== records.length) throw new Error('AUDIT_INSERT_FAILED');
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

export async function appendAudit(db: Kysely<Database>, record: AuditRecord): Promise<number> {
  const [id] = await appendAudits(db, [record]);
  return id!;
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
