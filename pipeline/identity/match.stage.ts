import { sql } from 'kysely';
import { matchScored, type MatchReport, type MatchResult } from '../match/match-mentions.js';
import { encodeMentions, type EncodedMentions } from '../match/mention.encoding.js';
import { CandidatePairs } from '../match/candidate-pairs.js';
import { blockingRulesFor } from '../match/blocking.rules.js';
import { scoreForRun, type DeltaReport, type PairState } from '../match/delta.scoring.js';
import { narrowPairs } from '../match/pair.scoring.js';
import { weightFromProbability } from '../match/pair.scorer.js';
import { DEFAULT_THRESHOLDS } from '../match/match.decisions.js';
import { loadMatchState, saveMatchState } from './match-state.repository.js';
import { trainModel } from '../match/model.training.js';
import { modelFitsComparisons } from '../match/comparison.registry.js';
import type { Store } from '../store/store.js';
import { loadMatchMentions } from './match-input.repository.js';
import { latestModel, saveModel } from './match-model.repository.js';
import { listDecisions } from './match-decision.repository.js';
import { assignPersonIds, formatPersonId } from './person-ids.js';
import { readPersonMentions, writePairs, writePersonMentions } from './match-write.repository.js';

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
  /** How pairs were scored: a delta against the last run's stored pairs, or all candidate pairs. */
  scoring: { path: 'delta' | 'all pairs'; delta: DeltaReport | null; fullBecause: string | null } | null;
  timingsMs: Record<string, number>;
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

/** The current mentions, encoded; the mentions themselves are let go here (a county's worth of objects every collection would walk). */
async function loadEncoded(store: Store): Promise<{ enc: EncodedMentions; tLoaded: number }> {
  const mentions = await loadMatchMentions(store.db);
  const tLoaded = performance.now();
  return { enc: encodeMentions(mentions), tLoaded };
}

/** What a run computed, before it is written: the clusters, the pair state, figures. */
interface RunOutcome {
  mode: MatchRunReport['mode'];
  modelVersion: number;
  mentionCount: number;
  digest: string;
  result: MatchResult;
  state: PairState;
  scoring: NonNullable<MatchRunReport['scoring']>;
  timingsMs: Record<string, number>;
}

/**
 * Links every current mention into people. PostgreSQL holds the result: person_mention (one
 * row per mention), the links with their weights, and the open review queue. Human decisions
 * are read back in as hard constraints, so they survive every later run.
 */
export async function runMatch(store: Store, options: MatchRunOptions): Promise<MatchRunReport> {
  const outcome = await computeRun(store, options);
  // The encoding and the scored pairs are out of reach here: a county's worth of them is let
  // go before the write builds its own rows.
  return 'upToDate' in outcome ? outcome : writeRun(store, outcome);
}

async function computeRun(store: Store, options: MatchRunOptions): Promise<RunOutcome | MatchRunReport> {
  const t0 = performance.now();
  const mode = options.full ? 'full' : 'incremental';
  let stored = options.retrain ? null : await latestModel(store.db);
  const { enc, tLoaded } = await loadEncoded(store);
  const tEncoded = performance.now();
  // Mentions loaded (a record key loaded twice counts twice, as before encoding).
  const mentionCount = enc.n + enc.duplicateKeys;
  // A model trained on a small first delivery would be kept for good: retrain once the store
  // holds more than twice the mentions the model learnt from.
  if (stored !== null && mentionCount > RETRAIN_GROWTH * stored.trainedOn) stored = null;
  // A model from before a comparison's levels changed cannot score today's pairs.
  if (stored !== null && !modelFitsComparisons(stored.model)) stored = null;
  // One blocking index for training and scoring (building it is seconds at a county's size).
  let built: CandidatePairs | null = null;
  const candidates = (): CandidatePairs => (built ??= new CandidatePairs(enc, blockingRulesFor(enc)));
  if (stored === null) {
    const model = trainModel(enc, { candidates: candidates() });
    stored = { version: await saveModel(store.db, model, mentionCount), model, trainedOn: mentionCount };
  }
  const tTrained = performance.now();
  const digest = await inputDigest(store);
  if (!options.full && digest === (await lastRunDigest(store))) {
    const counts = await sql<{ mentions: number; persons: number; links: number; reviews: number }>`
      SELECT (SELECT count(*)::int FROM person_mention) AS mentions,
             (SELECT count(DISTINCT person_id)::int FROM person_mention) AS persons,
             (SELECT count(*)::int FROM match_link) AS links,
             (SELECT count(*)::int FROM match_review) AS reviews`.execute(store.db);
    return { runId: null, mode, modelVersion: stored.version, upToDate: true, personsChanged: 0, match: null, scoring: null, timingsMs: {}, ...counts.rows[0]! };
  }

  const decisions = await listDecisions(store.db);
  const modelVersion = stored.version;
  const previous = options.full ? null : await loadMatchState(store.db);
  const t2 = performance.now();
  // The prior scales with the store's size, not the training set's (pipeline/match/index.ts).
  const review = DEFAULT_THRESHOLDS.review;
  const scoring = await scoreForRun(enc, stored.model, modelVersion, previous, { populationSize: enc.n, minProbability: review, candidates: candidates() });
  // The blocking index is not needed past scoring: let it go before clustering allocates.
  built = null;
  const t3 = performance.now();
  const result = matchScored(narrowPairs(scoring.scored, weightFromProbability(review)), stored.model, { decisions, populationSize: enc.n }, t3 - t2);
  const t4 = performance.now();
  const timingsMs = { load: tLoaded - t0, encode: tEncoded - tLoaded, train: tTrained - tEncoded, state: t2 - tTrained, score: t3 - t2, cluster: t4 - t3 };
  const scoringReport = { path: scoring.delta === null ? ('all pairs' as const) : ('delta' as const), delta: scoring.delta, fullBecause: scoring.fullBecause };
  return { mode, modelVersion, mentionCount, digest, result, state: scoring.state, scoring: scoringReport, timingsMs };
}

async function writeRun(store: Store, run: RunOutcome): Promise<MatchRunReport> {
  const { mode, modelVersion, result } = run;
  const t4 = performance.now();
  return store.transaction(async (tx) => {
    const { id: runId } = await tx.db
      .insertInto('match_run')
      .values({ mode, model_version: modelVersion })
      .returning('id')
      .executeTakeFirstOrThrow();
    const previous = await readPersonMentions(tx.db);
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

    let changed = 0;
    result.persons.forEach((members, i) => {
      const id = ids[i]!;
      if (members.some((k) => previous.get(k) !== id) || members.length === 0) changed++;
    });
    const tWrite = performance.now();
    const personMentions = await writePersonMentions(tx, previous, result.persons, ids, runId);
    const tPersonsWritten = performance.now();
    const written = {
      personMentions,
      links: await writePairs(tx, 'match_link', result.links, runId),
      reviews: await writePairs(tx, 'match_review', result.reviews, runId),
    };
    const tPairsWritten = performance.now();
    await saveMatchState(tx, runId, run.state);
    const timingsMs = {
      ...run.timingsMs,
      ids: tWrite - t4,
      write: tPairsWritten - tWrite,
      writePersons: tPersonsWritten - tWrite,
      writeState: performance.now() - tPairsWritten,
    };
    const report = { ...result.report, inputDigest: run.digest, newPersons: fresh, written, scoring: run.scoring, timingsMs };
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
      mentions: run.mentionCount,
      persons: result.persons.length,
      links: result.links.length,
      reviews: result.reviews.length,
      personsChanged: changed,
      match: result.report,
      scoring: run.scoring,
      timingsMs,
    };
  });
}
