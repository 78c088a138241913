import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { Consent, Purpose } from '../../schemas/summary.schema.js';
import type { Candidate } from './subject-search.js';
import type { OutputFormat, SubjectQuery, TrawlRequest } from './trawl-request.js';

type Db = Kysely<Database>;

/** How a queued trawl ended, kept in PostgreSQL (candidates carry names: never on the queue). */
export type StoredTrawlOutcome =
  | { kind: 'summary'; auditId: number; summaryId: number }
  | { kind: 'refused' | 'not_found'; auditId: number; reason: string }
  | { kind: 'ambiguous'; auditId: number; candidates: Candidate[] };

export interface StoredTrawlRequest {
  id: number;
  request: TrawlRequest;
  outcome: StoredTrawlOutcome | null;
}

export async function createTrawlRequest(db: Db, request: Omit<TrawlRequest, 'now'>): Promise<number> {
  const { id } = await db
    .insertInto('trawl_request')
    .values({
      actor: request.actor,
      purpose: request.purpose,
      consent: request.consent,
      lawful_basis: request.lawfulBasis,
      subject: JSON.stringify(request.subject),
      window_from: request.from ?? null,
      window_to: request.to ?? null,
      format: request.format,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function getTrawlRequest(db: Db, id: number): Promise<StoredTrawlRequest | null> {
  const row = await db.selectFrom('trawl_request').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    request: {
      actor: row.actor,
      purpose: row.purpose as Purpose,
      consent: row.consent as Consent,
      lawfulBasis: row.lawful_basis,
      subject: row.subject as unknown as SubjectQuery,
      format: row.format as OutputFormat,
      ...(row.window_from === null ? {} : { from: row.window_from }),
      ...(row.window_to === null ? {} : { to: row.window_to }),
    },
    outcome: row.outcome as StoredTrawlOutcome | null,
  };
}

export async function recordTrawlOutcome(db: Db, id: number, outcome: StoredTrawlOutcome): Promise<void> {
  await db.updateTable('trawl_request').set({ outcome: JSON.stringify(outcome) }).where('id', '=', id).execute();
}
