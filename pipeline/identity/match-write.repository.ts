/**
 * Writes a run's result as a difference from what the tables hold: rows that did not change stay
 * (with the run that last set them), so a delta run writes about as much as it changed. Person
 * rows are compared here (the run reads them anyway, for stable ids); links and reviews by the
 * database (store/merge-rows.ts).
 */
import { sql } from 'kysely';
import type { StoreTx } from '../store/store.js';
import { copyLine } from '../ingest/copy-csv.js';
import type { LinkOutcome, ReviewOutcome } from '../match/match-mentions.js';
import { orderPair } from './pair-order.js';
import { mergeRows } from '../store/merge-rows.js';
import { replaceRows } from '../store/replace-rows.js';

/** person_mention as record key -> person id. */
export async function readPersonMentions(db: StoreTx['db']): Promise<Map<string, string>> {
  const rows = await db.selectFrom('person_mention').select(['record_key', 'person_id']).execute();
  return new Map(rows.map((r) => [r.record_key, r.person_id]));
}

/** Above this share of changed rows, person_mention is replaced whole. */
const REWRITE_SHARE = 0.5;

/**
 * person_mention := each person's record keys with its id (`ids[p]` for `persons[p]`), as a
 * difference from `previous` (what the table holds, read already to keep ids stable). Returns
 * rows written.
 */
export async function writePersonMentions(
  tx: StoreTx,
  previous: ReadonlyMap<string, string>,
  persons: readonly (readonly string[])[],
  ids: readonly string[],
  runId: number,
): Promise<number> {
  const columns = ['record_key', 'person_id', 'run_id'];
  const lines: string[] = [];
  const changedKeys: string[] = [];
  let kept = 0;
  persons.forEach((members, p) => {
    const id = ids[p] as string;
    for (const key of members) {
      const before = previous.get(key);
      if (before === undefined) lines.push(copyLine([key, id, runId]));
      else {
        kept++;
        if (before === id) continue;
        changedKeys.push(key);
        lines.push(copyLine([key, id, runId]));
      }
    }
  });
  const removed: string[] = [];
  if (kept < previous.size) {
    const present = new Set(persons.flat());
    for (const key of previous.keys()) if (!present.has(key)) removed.push(key);
  }
  // Nothing stored (a first run), or most rows changed: replace the table.
  if (
    previous.size === 0 ||
    removed.length + changedKeys.length + lines.length > REWRITE_SHARE * previous.size
  ) {
    const all: string[] = [];
    persons.forEach((members, p) => {
      for (const key of members) all.push(copyLine([key, ids[p] as string, runId]));
    });
    if (all.length > 0 || previous.size > 0)
      await replaceRows(tx, 'person_mention', columns, all.join(''));
    return all.length;
  }
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
  const line = (p: LinkOutcome | ReviewOutcome): string =>
    copyLine([...orderPair(p.a, p.b), p.weight, p.probability, p.reason, runId]);
  const columns = {
    key: ['a', 'b'],
    values: ['weight', 'probability', 'reason'],
    stamp: ['run_id'],
  };
  return mergeRows(tx, table, columns, pairs.map(line).join(''), pairs.length);
}
