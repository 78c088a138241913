/** Thresholds and human decisions: the inputs that turn scores into links and reviews. */

export interface MatchThresholds {
  /** Probability at or above which a pair is linked without review. */
  autoLink: number;
  /** Probability at or above which a pair not linked goes to the review queue. */
  review: number;
}

/**
 * Chosen by measurement (`npx tsx bench/match-core.bench.ts --sweep --scale`).
 * On the public benchmarks precision is the same at autoLink 0.95 and 0.99 (FEBRL 1–4:
 * 1.000 / 1.000 / 0.998 / 1.000; fake_1000: 1.000) and recall a little higher at 0.95
 * (fake_1000 F1 0.948 vs 0.932); below 0.9 precision falls (FEBRL 3: 0.995 at 0.9, fake_1000:
 * 0.974 at 0.5). On the synthetic county (1M mentions, households, carers) precision is 0.985
 * at 0.99 but 0.968 at 0.95: a false link puts a stranger in a child's pack, so 0.99.
 * review 0.5: pairs from even odds up go to a human.
 */
export const DEFAULT_THRESHOLDS: Readonly<MatchThresholds> = Object.freeze({ autoLink: 0.99, review: 0.5 });

/** A reviewer's decision on a pair of mentions (record keys); hard constraints for every run. */
export interface HumanDecision {
  a: string;
  b: string;
  decision: 'accept' | 'reject';
}
