/**
 * Blocking recall: how many candidate pairs the blocking rules produce and what share of the
 * true pairs (same truth label) they keep. Only blocking runs (no scoring): a true pair missed
 * here can never be linked by a comparison, only by an identifier, a human or a relational link.
 */
import { CandidatePairs, type BlockingOptions } from './candidate-pairs.js';
import { blockingRulesFor, type BlockingRule } from './blocking.rules.js';
import type { EncodedMentions } from './mention.encoding.js';
import { truthLabels } from './pair.scoring.js';
import { truePairCount } from './pairwise.evaluation.js';

export interface BlockingRecall {
  candidatePairs: number;
  truePairs: number;
  truePairsInCandidates: number;
  /** truePairsInCandidates / truePairs (1 when there are no true pairs). */
  recall: number;
}

export function blockingRecall(
  enc: EncodedMentions,
  truth: ReadonlyMap<string, string | number>,
  options: BlockingOptions & { rules?: readonly BlockingRule[] } = {},
): BlockingRecall {
  const labels = truthLabels(enc, truth);
  const candidates = new CandidatePairs(enc, options.rules ?? blockingRulesFor(enc), options);
  let found = 0;
  const report = candidates.forEach((i, j) => {
    const li = labels[i] as number;
    if (li >= 0 && li === labels[j]) found++;
  });
  const truePairs = truePairCount(Array.from(labels).filter((l) => l >= 0));
  return {
    candidatePairs: report.candidatePairs,
    truePairs,
    truePairsInCandidates: found,
    recall: truePairs === 0 ? 1 : found / truePairs,
  };
}
