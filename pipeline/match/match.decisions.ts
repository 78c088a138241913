/** Thresholds and human decisions: the inputs that turn scores into links and reviews. */

export interface MatchThresholds {
  /** Probability at or above which a pair is linked without review. */
  autoLink: number;
  /** Probability at or above which a pair not linked goes to the review queue. */
  review: number;
}

/**
 * Chosen by measurement (bench/match-core.bench.ts): see the threshold sweep it prints. On
 * FEBRL and fake_1000 F1 is flat for autoLink between 0.5 and 0.99 and precision rises
 * towards it; 0.99 keeps precision first (a false link puts a stranger in a child's pack),
 * and pairs between 0.5 and 0.99 go to a human.
 */
export const DEFAULT_THRESHOLDS: Readonly<MatchThresholds> = Object.freeze({ autoLink: 0.99, review: 0.5 });

/** A reviewer's decision on a pair of mentions (record keys); hard constraints for every run. */
export interface HumanDecision {
  a: string;
  b: string;
  decision: 'accept' | 'reject';
}
