/**
 * A comparison (Splink's word): an ordered list of levels; the first level whose predicate
 * holds for a pair is the level hit. `compare` returns that level's index, or `NULL_LEVEL`
 * when either side lacks the data (the null level: Bayes factor 1, weight 0).
 */
import type { EncodedMentions } from './mention.encoding.js';

export const NULL_LEVEL = 255;

export interface ComparisonLevelSpec {
  label: string;
  /** Starting m for EM. */
  mPrior: number;
}

/** Which term-frequency table adjusts the first (exact) level. */
export type TfColumn = 'forename' | 'surname' | 'city';

export interface Comparison {
  readonly name: string;
  readonly levels: readonly ComparisonLevelSpec[];
  readonly tf?: TfColumn;
  /** Whether the data has this field at all (generic bench fields). */
  applies(enc: EncodedMentions): boolean;
  compare(enc: EncodedMentions, i: number, j: number): number;
}
