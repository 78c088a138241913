/**
 * Writes a run's result as a difference from what the tables hold: rows that did not change
 * stay (with the run that last set them), so a delta run writes about as much as it changed.
 * When most rows changed, the table's rows are replaced in whole (store/replace-rows.ts), which is cheaper.
 */
import { sql } from 'kysely';
import type { StoreTx } from '../store/store.js';
import { copyLine } from '../ingest/copy-csv.js';
import type { LinkOutcome, ReviewOutcome } from '../match/match-mentions.js';
import { orderPair } from './pair-order.js';
import { replaceRows } from '../store/replace-rows.js';

/** person_mention as record key -> person id. */
export async function readPersonMentions(db: StoreTx['db']): Promise<Map<string, string>> {
  const rows = await db.selectFrom('person_mention').select(['record_key', 'person_id']).execute();
  return new Map(rows.map((r) => [r.record_key, r.person_id]));
}

/** Above this share of changed rows, replace the whole table. */
const REWRITE_SHARE = 0.5;

/** person_mention := `next` (record key -> person id). Returns rows written. */
export async function writePersonMentions(
  tx: StoreTx,
  previous: ReadonlyMap<string, string>,
  next: ReadonlyMap<string, string>,
  runId: number,
): Promise<number> {
  const columns = ['record_key', 'person_id', 'run_id'];
  const replaceAll = async (): Promise<number> => {
    const all: string[] = [];
    for (const [key, id] of next) all.push(copyLine([key, id, runId]));
    await replaceRows(tx, 'person_mention', columns, all.join(''));
    return all.length;
  };
  // Nothing stored (a first run): every row is new, and there is nothing to compare.
  if (previous.size === 0) return next.size === 0 ? 0 : replaceAll();
  const removed: string[] = [];
  for (const key of previous.keys()) if (!next.has(key)) removed.push(key);
  const written: string[] = [];
  const changedKeys: string[] = [];
  for (const [key, id] of next) {
    const before = previous.get(key);
    if (before === id) continue;
    if (before !== undefined) changedKeys.push(key);
    written.push(key);
  }
  if (removed.length + changedKeys.length + written.length > REWRITE_SHARE * previous.size)
    return replaceAll();
  const lines = written.map((key) => copyLine([key, next.get(key) as string, runId]));
  const gone = [...removed, ...changedKeys];
  if (gone.length > 0)
    await sql`DELETE FROM person_mention WHERE record_key = ANY(${gone}::text[])`.execute(tx.db);
  if (lines.length > 0) await tx.copyCsv('person_mention', columns, lines.join(''));
  return lines.length;
}

type PairTable = 'match_link' | 'match_review';

/** match_link or match_review := `pairs`. Returns rows written. */
export async function writePairs(
  tx: StoreTx,
  table: PairTable,
  pairs: readonly (LinkOutcome | ReviewOutcome)[],
  runId: number,
): Promise<number> {
  const stored = await tx.db
    .selectFrom(table)
    .select(['a', 'b', 'weight', 'probability', 'reason'])
    .execute();
  const columns = ['a', 'b', 'weight', 'probability', 'reason', 'run_id'];
  const line = (p: LinkOutcome | ReviewOutcome): string =>
    copyLine([...orderPair(p.a, p.b), p.weight, p.probability, p.reason, runId]);
  // Nothing stored (a first run): every pair is new, and there is nothing to compare.
  if (stored.length === 0) {
    if (pairs.length === 0) return 0;
    await replaceRows(tx, table, columns, pairs.map(line).join(''));
    return pairs.length;
  }
  const before = new Map<string, string>();
  for (const r of stored) before.set(`${r.a}\n${r.b}`, `${r.weight}|${r.probability}|${r.reason}`);
  const changed: (LinkOutcome | ReviewOutcome)[] = [];
  const goneA: string[] = [];
  const goneB: string[] = [];
  const kept = new Set<string>();
  for (const p of pairs) {
    const [a, b] = orderPair(p.a, p.b);
    const key = `${a}\n${b}`;
    kept.add(key);
    const old = before.get(key);
    if (old === `${p.weight}|${p.probability}|${p.reason}`) continue;
    if (old !== undefined) {
      goneA.push(a);
      goneB.push(b);
    }
    changed.push(p);
  }
  for (const key of before.keys()) {
    if (kept.has(key)) continue;
    const [a, b] = key.split('\n') as [string, string];
    goneA.push(a);
    goneB.push(b);
  }
  if (goneA.length + changed.length > REWRITE_SHARE * before.size) {
    await replaceRows(tx, table, columns, pairs.map(line).join(''));
    return pairs.length;
  }
  if (goneA.length > 0) {
    await sql`DELETE FROM ${sql.table(table)} t USING unnest(${goneA}::text[], ${goneB}::text[]) AS g(a, b) WHERE t.a = g.a AND t.b = g.b`.execute(
      tx.db,
    );
  }
  if (changed.length > 0) await tx.copyCsv(table, columns, changed.map(line).join(''));
  return changed.length;
}
