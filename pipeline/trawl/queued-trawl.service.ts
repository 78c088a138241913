import type { Store } from '../store/store.js';
import { keepTrawlSummary } from '../summaries/family-summary.repository.js';
import { getTrawlRequest, recordTrawlOutcome, type StoredTrawlOutcome } from './trawl-request.repository.js';
import { runTrawl, type TrawlDependencies } from './trawl.service.js';

export class UnknownTrawlRequestError extends Error {
  constructor(readonly id: number) {
    super(`UNKNOWN_TRAWL_REQUEST: ${id}`);
    this.name = 'UnknownTrawlRequestError';
  }
}

/**
 * Runs a trawl request kept in PostgreSQL and keeps its outcome (and summary) there, in one
 * transaction with the trawl's audit entries: a request already answered is not run again.
 */
export async function runStoredTrawl(store: Store, id: number, deps: TrawlDependencies = {}): Promise<StoredTrawlOutcome> {
  return store.transaction(async (tx) => {
    await tx.db.selectFrom('trawl_request').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    const stored = await getTrawlRequest(tx.db, id);
    if (stored === null) throw new UnknownTrawlRequestError(id);
    if (stored.outcome !== null) return stored.outcome;
    const result = await runTrawl(tx.db, stored.request, deps);
    let outcome: StoredTrawlOutcome;
    switch (result.kind) {
      case 'summary':
        outcome = { kind: 'summary', auditId: result.auditId, summaryId: await keepTrawlSummary(tx.db, id, result.summary) };
        break;
      case 'ambiguous':
        outcome = { kind: 'ambiguous', auditId: result.auditId, candidates: result.candidates };
        break;
      case 'refused':
      case 'not_found':
        outcome = { kind: result.kind, auditId: result.auditId, reason: result.reason };
    }
    await recordTrawlOutcome(tx.db, id, outcome);
    return outcome;
  });
}
