import type { Kysely } from 'kysely';
import type { Database } from '../../schemas/database.js';
import type { HumanDecision } from '../match/match.decisions.js';
import { orderPair } from './pair-order.js';

export async function listDecisions(db: Kysely<Database>): Promise<HumanDecision[]> {
  const rows = await db.selectFrom('match_decision').select(['a', 'b', 'decision']).orderBy('decided_at').orderBy('a').orderBy('b').execute();
  return rows.map((r) => ({ a: r.a, b: r.b, decision: r.decision }));
}

/** Records a reviewer's decision (the latest decision on a pair wins) and takes the pair off the queue. */
export async function recordDecision(
  db: Kysely<Database>,
  pair: { a: string; b: string },
  decision: 'accept' | 'reject',
  decidedBy: string,
): Promise<void> {
  const [a, b] = orderPair(pair.a, pair.b);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('match_decision')
      .values({ a, b, decision, decided_by: decidedBy })
      .onConflict((oc) => oc.columns(['a', 'b']).doUpdateSet({ decision, decided_by: decidedBy, decided_at: new Date().toISOString() }))
      .execute();
    await trx.deleteFrom('match_review').where('a', '=', a).where('b', '=', b).execute();
  });
}
