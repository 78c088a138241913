/**
 * Pairwise precision, recall and F1 of predicted clusters against truth clusters, counted by
 * cluster-size combinatorics (Σ C(n, 2) over predicted clusters, truth clusters, and their
 * intersections), never by enumerating pairs.
 */
export interface PairwiseMetrics {
  truePositives: number;
  predictedPairs: number;
  truePairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const pairsOf = (n: number): number => (n * (n - 1)) / 2;

function countBy<T>(values: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** `predicted` and `truth`: a label per mention, same order. */
export function pairwiseMetrics(
  predicted: ArrayLike<number | string>,
  truth: ArrayLike<number | string>,
): PairwiseMetrics {
  if (predicted.length !== truth.length) throw new RangeError('predicted and truth differ in length');
  const both: string[] = [];
  const p: (number | string)[] = [];
  const t: (number | string)[] = [];
  for (let i = 0; i < predicted.length; i++) {
    const pi = predicted[i] as number | string;
    const ti = truth[i] as number | string;
    p.push(pi);
    t.push(ti);
    both.push(`${String(pi)}\u0000${String(ti)}`);
  }
  let tp = 0;
  for (const c of countBy(both).values()) tp += pairsOf(c);
  let predictedPairs = 0;
  for (const c of countBy(p).values()) predictedPairs += pairsOf(c);
  let truePairs = 0;
  for (const c of countBy(t).values()) truePairs += pairsOf(c);
  const precision = predictedPairs === 0 ? 1 : tp / predictedPairs;
  const recall = truePairs === 0 ? 1 : tp / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives: tp, predictedPairs, truePairs, precision, recall, f1 };
}

/** Number of true pairs implied by a truth labelling. */
export function truePairCount(truth: Iterable<number | string>): number {
  let total = 0;
  for (const c of countBy(truth).values()) total += pairsOf(c);
  return total;
}
