/**
 * Identity matching, pure core (no database). The wiring layer calls:
 *
 *   const model = trainModel(mentions, options)            // MatchModel (JSON-serialisable)
 *   store(serialiseModel(model)); model = parseModel(json)
 *   const result = matchMentions(mentions, model, { decisions, thresholds })
 *     // result.persons, result.links, result.reviews, result.report
 *   explainPair(a, b, model) / renderWaterfall(explanation)
 *   pairwiseMetrics(predictedLabels, truthLabels)
 *
 * Lower-level steps (scorePairs, relationalPass, clusterWithGuards) are exported for
 * incremental paths and tests.
 */
export type { MatchMention, StatedRelative } from './match-mention.js';
export { matchMention } from './match-mention.js';
export { encodeMentions, indexOfKey, type EncodedMentions } from './mention.encoding.js';
export { trainModel, type TrainOptions } from './model.training.js';
export { parseModel, serialiseModel, ModelFormatError, MODEL_FORMAT_VERSION, type MatchModel } from './match.model.js';
export { priorModel } from './prior.model.js';
export { scorePairs, type ScoredPairs, type ScoreOptions } from './pair.scoring.js';
export { probabilityFromWeight, weightFromProbability } from './pair.scorer.js';
export { relationalPass, type RelationalResult } from './relational.pass.js';
export { clusterWithGuards, type ClusterResult, type EdgeList, type GuardOptions } from './guarded.clustering.js';
export {
  matchMentions,
  type MatchOptions,
  type MatchResult,
  type MatchReport,
  type LinkOutcome,
  type ReviewOutcome,
} from './match-mentions.js';
export { DEFAULT_THRESHOLDS, type HumanDecision, type MatchThresholds } from './match.decisions.js';
export { explainPair, explainEncodedPair, renderWaterfall, type PairExplanation } from './explain-pair.js';
export { pairwiseMetrics, truePairCount, type PairwiseMetrics } from './pairwise.evaluation.js';
export { DEFAULT_BLOCKING_RULES, blockingRulesFor, type BlockingRule } from './blocking.rules.js';
export { ALL_COMPARISONS, comparisonsFor } from './comparison.registry.js';
