/**
 * One audit entry: who did what, for which purpose and on what basis, to whom (person ids only),
 * with what outcome. Append-only in the database. Holds ids and codes, never names or dates of
 * birth: a trawl by name records that it was by name, not the name.
 */
export const AUDIT_ACTIONS = ['trawl', 'summary', 'file', 'user_add'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  action: AuditAction;
  /** `granted`, `refused`, `ambiguous`, `not_found`, `produced`, `written`, `added`. */
  outcome: string;
  /** A code (`UNKNOWN_USER`, `ROLE_NOT_PERMITTED`, ...) or null. */
  reason?: string | null;
  actor: string;
  actorRole?: string | null;
  purpose?: string | null;
  lawfulBasis?: string | null;
  consent?: string | null;
  /** How the subject was sought: `record:<record key>` or `name`. */
  query?: string | null;
  subjectPersonId?: string | null;
  memberPersonIds?: readonly string[];
  sourcesIncluded?: readonly string[];
  sourcesWithheld?: readonly string[];
  /** Format, file path, candidate person ids: ids and codes only. */
  detail?: Record<string, unknown>;
}

export interface AuditEntry {
  id: number;
  at: string;
  action: AuditAction;
  outcome: string;
  reason: string | null;
  actor: string;
  actorRole: string | null;
  purpose: string | null;
  lawfulBasis: string | null;
  consent: string | null;
  query: string | null;
  subjectPersonId: string | null;
  memberPersonIds: string[];
  sourcesIncluded: string[];
  sourcesWithheld: string[];
  detail: Record<string, unknown>;
}
