import { sql } from 'kysely';
import { matchMentions, type MatchReport } from '../match/match-mentions.js';
import { trainModel } from '../match/model.training.js';
import type { Store } from '../store/store.js';
import { copyLine } from '../ingest/copy-csv.js';
import { loadMatchMentions } from './match-input.repository.js';
import { latestModel, saveModel } from './match-model.repository.js';
import { listDecisions } from './match-decision.repository.js';
import { assignPersonIds, formatPersonId } from './person-ids.js';
import { orderPair } from './pair-order.js';

const RETRAIN_GROWTH = 2;

export interface MatchRunOptions {
  /** Re-match everything even when nothing changed since the last run. */
  full: boolean;
  /** Train a new model version from the current mentions first. */
  retrain: boolean;
}

export interface MatchRunReport {
  runId: number | null;
  mode: 'full' | 'incremental';
  modelVersion: number;
  /** True when nothing changed since the last run and `full` was not asked for. */
  upToDate: boolean;
  mentions: number;
  persons: number;
  links: number;
  reviews: number;
  personsChanged: number;
  match: MatchReport | null;
}

/** A digest of what matching reads, so an incremental run with nothing new does nothing. */
async function inputDigest(store: Store): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    SELECT md5(coalesce((SELECT string_agg(t, ',' ORDER BY t) FROM (
      SELECT 'm' || max(id) || ':' || count(*) FILTER (WHERE is_current AND withdrawn_extract_id IS NULL) AS t FROM mention
      UNION ALL SELECT 'r' || max(id) || ':' || count(*) FILTER (WHERE is_current AND withdrawn_extract_id IS NULL) FROM residence
      UNION ALL SELECT 'l' || max(id) || ':' || count(*) FILTER (WHERE is_current AND withdrawn_extract_id IS NULL) FROM relationship
      UNION ALL SELECT 'd' || count(*) || ':' || coalesce(max(decided_at)::text, '') FROM match_decision
      UNION ALL SELECT 'v' || coalesce(max(version), 0) FROM match_model
    ) parts), '')) AS digest`.execute(store.db);
  return rows[0]!.digest;
}

async function lastRunDigest(store: Store): Promise<string | null> {
  const row = await store.db
    .selectFrom('match_run')
    .select('report')
    .where('finished_at', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const digest = row?.report['inputDigest'];
  return typeof digest === 'string' ? digest : null;
}

/**
 * Links every current mention into people. PostgreSQL holds the result: person_mention (one
 * row per mention), the links with their weights, and the open review queue. Human decisions
 * are read back in as hard constraints, so they survive every later run.
 */
export async function runMatch(store: Store, options: MatchRunOptions): Promise<MatchRunReport> {
  const mode = options.full ? 'full' : 'incremental';
  let stored = options.retrain ? null : await latestModel(store.db);
  const mentions = await loadMatchMentions(store.db);
  // A model trained on a small first delivery would be kept for good: retrain once the store
  // holds more than twice the mentions the model learnt from.
  if (stored !== null && mentions.length > RETRAIN_GROWTH * stored.trainedOn) stored = null;
  if (stored === null) {
    const model = trainModel(mentions);
    stored = { version: await saveModel(store.db, model, mentions.length), model, trainedOn: mentions.length };
  }
  const digest = await inputDigest(store);
  if (!options.full && digest === (await lastRunDigest(store))) {
    const counts = await sql<{ mentions: number; persons: number; links: number; reviews: number }>`
      SELECT (SELECT count(*)::int FROM person_mention) AS mentions,
             (SELECT count(DISTINCT person_id)::int FROM person_mention) AS persons,
             (SELECT count(*)::int FROM match_link) AS links,
             (SELECT count(*)::int FROM match_review) AS reviews`.execute(store.db);
    return { runId: null, mode, modelVersion: stored.version, upToDate: true, personsChanged: 0, match: null, ...counts.rows[0]! };
  }

  const decisions = await listDecisions(store.db);
  // The prior scales with the store's size, not the training set's (pipeline/match/index.ts).
  const result = matchMentions(mentions, stored.model, { decisions, populationSize: mentions.length });
  const modelVersion = stored.version;

  return store.transaction(async (tx) => {
    const { id: runId } = await tx.db
      .insertInto('match_run')
      .values({ mode, model_version: modelVersion })
      .returning('id')
      .executeTakeFirstOrThrow();
    const previous = new Map(
      (await tx.db.selectFrom('person_mention').select(['record_key', 'person_id']).execute()).map((r) => [r.record_key, r.person_id]),
    );
    let fresh = 0;
    const ids = assignPersonIds(result.persons, previous, () => `new:${fresh++}`);
    const { rows: counter } = await sql<{ first: number }>`
      INSERT INTO person_id_counter AS c (one, issued) VALUES (true, ${fresh})
      ON CONFLICT (one) DO UPDATE SET issued = c.issued + ${fresh}
      RETURNING c.issued - ${fresh} + 1 AS first`.execute(tx.db);
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id.startsWith('new:')) ids[i] = formatPersonId(counter[0]!.first + Number(id.slice(4)));
    }

    const personMentions: string[] = [];
    let changed = 0;
    result.persons.forEach((members, i) => {
      const id = ids[i]!;
      if (members.some((k) => previous.get(k) !== id) || members.length === 0) changed++;
      for (const key of members) personMentions.push(copyLine([key, id, runId]));
    });
    await sql`DELETE FROM person_mention`.execute(tx.db);
    if (personMentions.length > 0) await tx.copyCsv('person_mention', ['record_key', 'person_id', 'run_id'], personMentions.join(''));

    const pairColumns = ['a', 'b', 'weight', 'probability', 'reason', 'run_id'];
    for (const [table, pairs] of [['match_link', result.links], ['match_review', result.reviews]] as const) {
      await sql`DELETE FROM ${sql.table(table)}`.execute(tx.db);
      const csv = pairs.map((p) => copyLine([...orderPair(p.a, p.b), p.weight, p.probability, p.reason, runId])).join('');
      if (csv) await tx.copyCsv(table, pairColumns, csv);
    }

    const report = { ...result.report, inputDigest: digest, newPersons: fresh };
    await tx.db
      .updateTable('match_run')
      .set({ finished_at: sql<string>`now()`, report: JSON.stringify(report) })
      .where('id', '=', runId)
      .execute();
    return {
      runId,
      mode,
      modelVersion,
      upToDate: false,
      mentions: mentions.length,
      persons: result.persons.length,
      links: result.links.length,
      reviews: result.reviews.length,
      personsChanged: changed,
      match: result.report,
    };
  });
}
