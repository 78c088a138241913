/**
 * Runs inside a worker thread (started by shard-scoring.ts through score-shard.bootstrap.mjs):
 * rebuilds the encoding, takes the caller's blocking index, scores its shard, posts the kept pairs back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { blockingRuleByName, type BlockingRule } from './blocking.rules.js';
import { CandidatePairs, type BlockingOptions, type BlockingShard, type WireRuleIndex } from './candidate-pairs.js';
import { fromWire, type WireEncoding } from './encoding.wire.js';
import type { MatchModel } from './match.model.js';
import { scoreCandidates, type ScoredPairs, type ScoreOptions } from './pair.scoring.js';

export interface ShardRequest {
  wire: WireEncoding;
  model: MatchModel;
  ruleNames: string[];
  /** The caller's blocking index (copied): rebuilding it here took seconds at a county's size. */
  indexes: WireRuleIndex[];
  blocking: BlockingOptions;
  options: Pick<ScoreOptions, 'minProbability' | 'dropCannotLinks' | 'marginBits' | 'populationSize'>;
  shard: BlockingShard;
}

export type ShardResult = Omit<ScoredPairs, 'enc'>;

function score(request: ShardRequest): ShardResult {
  const enc = fromWire(request.wire);
  const rules = request.ruleNames.map((name) => blockingRuleByName(name) as BlockingRule);
  const candidates = CandidatePairs.fromWire(enc, rules, request.blocking, request.indexes);
  const scored: Partial<ScoredPairs> = scoreCandidates(candidates, request.model, {
    ...request.options,
    shard: request.shard,
  });
  // The encoding stays here: the caller has its own.
  delete scored.enc;
  return scored as ShardResult;
}

if (parentPort !== null) {
  const result = score(workerData as ShardRequest);
  const columns = [result.a, result.b, result.weight, result.evidence, result.probability, result.kind];
  parentPort.postMessage(result, columns.map((column) => column.buffer as ArrayBuffer));
}
