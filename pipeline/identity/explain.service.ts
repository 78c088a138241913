import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import { explainPair, type PairExplanation } from '../match/explain-pair.js';
import { loadMatchMentions } from './match-input.repository.js';
import { latestModel } from './match-model.repository.js';
import { orderPair } from './pair-order.js';

export class ExplainError extends Error {
  constructor(readonly code: 'NO_MODEL' | 'UNKNOWN_RECORD', detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'ExplainError';
  }
}

export interface LinkExplanation {
  a: string;
  b: string;
  modelVersion: number;
  /** Each mention's person after the last run (null before any run). */
  personA: string | null;
  personB: string | null;
  /** How the last run decided the pair: a link, a review, a human decision, or nothing. */
  outcome: { kind: 'link' | 'review' | 'decision' | 'none'; reason: string | null };
  explanation: PairExplanation;
}

/** Why two mentions are (not) linked: every comparison, its level and weight, and the outcome. */
export async function explainLink(db: Kysely<Database>, keyA: string, keyB: string): Promise<LinkExplanation> {
  const stored = await latestModel(db);
  if (!stored) throw new ExplainError('NO_MODEL', 'run `mash match` first');
  const mentions = await loadMatchMentions(db, [keyA, keyB]);
  const a = mentions.find((m) => m.recordKey === keyA);
  const b = mentions.find((m) => m.recordKey === keyB);
  if (!a) throw new ExplainError('UNKNOWN_RECORD', keyA);
  if (!b) throw new ExplainError('UNKNOWN_RECORD', keyB);
  const [x, y] = orderPair(keyA, keyB);
  const persons = await db.selectFrom('person_mention').select(['record_key', 'person_id']).where('record_key', 'in', [keyA, keyB]).execute();
  const personOf = (k: string) => persons.find((p) => p.record_key === k)?.person_id ?? null;
  const decision = await db.selectFrom('match_decision').select('decision').where('a', '=', x).where('b', '=', y).executeTakeFirst();
  const link = await db.selectFrom('match_link').select('reason').where('a', '=', x).where('b', '=', y).executeTakeFirst();
  const review = await db.selectFrom('match_review').select('reason').where('a', '=', x).where('b', '=', y).executeTakeFirst();
  const outcome: LinkExplanation['outcome'] = decision
    ? { kind: 'decision', reason: decision.decision }
    : link
      ? { kind: 'link', reason: link.reason }
      : review
        ? { kind: 'review', reason: review.reason }
        : { kind: 'none', reason: null };
  return {
    a: keyA,
    b: keyB,
    modelVersion: stored.version,
    personA: personOf(keyA),
    personB: personOf(keyB),
    outcome,
    explanation: explainPair(a, b, stored.model),
  };
}
