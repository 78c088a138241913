/**
 * Scoring candidate pairs on several cores: the candidate pairs are split by blocking key
 * (every `count`-th key, see `CandidatePairs.forEach`), this thread scores one share while
 * worker threads score the others on a copy of the encoding, and the shares are joined in shard
 * order. The pairs kept are exactly those one thread keeps; only their order differs, and
 * nothing downstream depends on it (clustering sorts edges, reviews break ties by pair).
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { blockingRuleByName } from './blocking.rules.js';
import { largestSkipped, type BlockingOptions, type BlockingReport, type CandidatePairs } from './candidate-pairs.js';
import { toWire } from './encoding.wire.js';
import type { MatchModel } from './match.model.js';
import { scoreCandidates, type ScoredPairs, type ScoreOptions } from './pair.scoring.js';
import type { ShardRequest, ShardResult } from './score-shard.thread.js';

/** Below this many mentions one thread scores everything (a thread costs a copy of the encoding). */
export const SHARD_MIN_MENTIONS = 50_000;
const MAX_SCORE_THREADS = 4;

const THREAD_ENTRY = new URL('./score-shard.bootstrap.mjs', import.meta.url);

export interface ShardedScoreOptions extends ScoreOptions {
  /** Threads to score on, this one included (default: the cores, from SHARD_MIN_MENTIONS mentions on). */
  threads?: number;
}

/** A delta marking fewer than this share of the mentions is scored on one thread. */
const SHARD_MIN_INVOLVED_SHARE = 0.25;

function threadCount(candidates: CandidatePairs, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  const { n } = candidates.enc;
  if (n < SHARD_MIN_MENTIONS) return 1;
  // A thread takes a copy of the whole store's encoding and blocking index (its memory, and
  // rebuilding the dictionaries); a small delta scores fewer pairs than that costs.
  const involving = candidates.involving;
  if (involving !== undefined) {
    let involved = 0;
    for (let i = 0; i < n; i++) involved += involving[i] as number;
    if (involved < SHARD_MIN_INVOLVED_SHARE * n) return 1;
  }
  return Math.min(MAX_SCORE_THREADS, os.availableParallelism());
}

function scoreOnThread(request: ShardRequest): Promise<ShardResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(THREAD_ENTRY, { workerData: request });
    let settled = false;
    worker.once('message', (result: ShardResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`SCORE_THREAD_EXIT_${code}`));
      settled = true;
    });
  });
}

function concat<T extends Int32Array | Float64Array | Uint8Array>(parts: readonly T[], make: (n: number) => T): T {
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function mergeReports(reports: readonly BlockingReport[]): BlockingReport {
  const first = reports[0] as BlockingReport;
  const rules = first.rules.map((rule, r) => ({
    ...rule,
    skippedKeys: reports.reduce((n, rep) => n + (rep.rules[r]?.skippedKeys ?? 0), 0),
    pairs: reports.reduce((n, rep) => n + (rep.rules[r]?.pairs ?? 0), 0),
  }));
  return {
    candidatePairs: reports.reduce((n, rep) => n + rep.candidatePairs, 0),
    rules,
    skipped: largestSkipped(reports.flatMap((rep) => rep.skipped)),
    maxBlockSize: first.maxBlockSize,
  };
}

/** `scoreCandidates` over all cores: the same pairs kept, in shard order. */
export async function scoreInShards(candidates: CandidatePairs, model: MatchModel, options: ShardedScoreOptions = {}): Promise<ScoredPairs> {
  const threads = threadCount(candidates, options.threads);
  const ruleNames = candidates.rules.map((r) => r.name);
  const knownRules = candidates.rules.every((r) => blockingRuleByName(r.name) === r);
  if (threads <= 1 || options.truth !== undefined || !knownRules) return scoreCandidates(candidates, model, options);

  const wire = toWire(candidates.enc);
  const scoreOptions: ShardRequest['options'] = {};
  if (options.minProbability !== undefined) scoreOptions.minProbability = options.minProbability;
  if (options.dropCannotLinks !== undefined) scoreOptions.dropCannotLinks = options.dropCannotLinks;
  if (options.marginBits !== undefined) scoreOptions.marginBits = options.marginBits;
  if (options.populationSize !== undefined) scoreOptions.populationSize = options.populationSize;
  const blocking: BlockingOptions = { maxBlockSize: candidates.maxBlockSize, filterAbove: candidates.filterAbove };
  if (candidates.involving !== undefined) blocking.involving = candidates.involving;
  const indexes = candidates.wireIndexes();
  const others: Promise<ShardResult>[] = [];
  for (let index = 1; index < threads; index++) {
    others.push(scoreOnThread({ wire, model, ruleNames, indexes, blocking, options: scoreOptions, shard: { index, count: threads } }));
  }
  // Scores its own share meanwhile; a thread that failed to start surfaces on the await.
  const own = scoreCandidates(candidates, model, { ...options, shard: { index: 0, count: threads } });
  const shards: Omit<ScoredPairs, 'enc'>[] = [own, ...(await Promise.all(others))];
  return {
    ...own,
    count: shards.reduce((n, s) => n + s.count, 0),
    a: concat(shards.map((s) => s.a), (n) => new Int32Array(n)),
    b: concat(shards.map((s) => s.b), (n) => new Int32Array(n)),
    weight: concat(shards.map((s) => s.weight), (n) => new Float64Array(n)),
    evidence: concat(shards.map((s) => s.evidence), (n) => new Float64Array(n)),
    probability: concat(shards.map((s) => s.probability), (n) => new Float64Array(n)),
    kind: concat(shards.map((s) => s.kind), (n) => new Uint8Array(n)),
    blocking: mergeReports(shards.map((s) => s.blocking)),
    scored: shards.reduce((n, s) => n + s.scored, 0),
    identifierCannotLinks: shards.reduce((n, s) => n + s.identifierCannotLinks, 0),
  };
}
