/**
 * Expectation maximisation of m probabilities (and the in-sample match rate) over aggregated
 * comparison vectors, u held fixed (Splink's approach). Pairs are aggregated into distinct
 * level patterns with counts, so an iteration costs O(patterns), not O(pairs).
 */
import { NULL_LEVEL } from './comparison.js';

export interface PatternSet {
  /** Row-major: patterns × comparisons levels (NULL_LEVEL for null). */
  levels: Uint8Array;
  counts: Float64Array;
  comparisons: number;
}

/** Collects pattern counts; `add` takes the levels of one pair. */
export class PatternCounter {
  private readonly map = new Map<number, number>();
  private readonly radix: number[];
  constructor(readonly levelCounts: readonly number[]) {
    this.radix = levelCounts.map((l) => l + 1);
  }
  add(gamma: Uint8Array, weight = 1): void {
    let key = 0;
    for (let k = gamma.length - 1; k >= 0; k--) {
      const l = gamma[k] as number;
      key = key * (this.radix[k] as number) + (l === NULL_LEVEL ? (this.levelCounts[k] as number) : l);
    }
    this.map.set(key, (this.map.get(key) ?? 0) + weight);
  }
  get total(): number {
    let t = 0;
    for (const v of this.map.values()) t += v;
    return t;
  }
  toSet(): PatternSet {
    const c = this.levelCounts.length;
    const keys = [...this.map.keys()].sort((x, y) => x - y);
    const levels = new Uint8Array(keys.length * c);
    const counts = new Float64Array(keys.length);
    keys.forEach((key, p) => {
      counts[p] = this.map.get(key) ?? 0;
      let rest = key;
      for (let k = 0; k < c; k++) {
        const r = this.radix[k] as number;
        const l = rest % r;
        rest = Math.floor(rest / r);
        levels[p * c + k] = l === this.levelCounts[k] ? NULL_LEVEL : l;
      }
    });
    return { levels, counts, comparisons: c };
  }
}

/** Patterns whose level in comparison k satisfies `keep`. */
export function filterPatterns(set: PatternSet, keep: (levels: Uint8Array, row: number) => boolean): PatternSet {
  const c = set.comparisons;
  const rows: number[] = [];
  for (let p = 0; p < set.counts.length; p++) if (keep(set.levels, p * c)) rows.push(p);
  const levels = new Uint8Array(rows.length * c);
  const counts = new Float64Array(rows.length);
  rows.forEach((p, r) => {
    levels.set(set.levels.subarray(p * c, p * c + c), r * c);
    counts[r] = set.counts[p] as number;
  });
  return { levels, counts, comparisons: c };
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
}

/**
 * EM with u fixed. Only comparisons with `estimate[k]` enter the likelihood and are updated
 * (those a training blocking rule forces to agree would be biased). m is smoothed with one
 * pseudo-pair spread by the starting m.
 */
export function expectationMaximisation(
  set: PatternSet,
  mStart: readonly (readonly number[])[],
  u: readonly (readonly number[])[],
  estimate: readonly boolean[],
  lambdaStart: number,
  maxIterations = 100,
  tolerance = 1e-6,
): EmResult {
  const c = set.comparisons;
  const m = mStart.map((l) => [...l]);
  const prior = mStart.map((l) => [...l]);
  let lambda = lambdaStart;
  const P = set.counts.length;
  let iterations = 0;
  for (let it = 0; it < maxIterations; it++) {
    iterations = it + 1;
    const num = m.map((l) => new Float64Array(l.length));
    let matchTotal = 0;
    let total = 0;
    for (let p = 0; p < P; p++) {
      const count = set.counts[p] as number;
      let lm = Math.log(lambda);
      let lu = Math.log(1 - lambda);
      for (let k = 0; k < c; k++) {
        if (!estimate[k]) continue;
        const l = set.levels[p * c + k] as number;
        if (l === NULL_LEVEL) continue;
        lm += Math.log((m[k] as number[])[l] as number);
        lu += Math.log((u[k] as readonly number[])[l] as number);
      }
      const post = 1 / (1 + Math.exp(lu - lm));
      const w = count * post;
      matchTotal += w;
      total += count;
      for (let k = 0; k < c; k++) {
        if (!estimate[k]) continue;
        const l = set.levels[p * c + k] as number;
        if (l !== NULL_LEVEL) (num[k] as Float64Array)[l]! += w;
      }
    }
    let change = 0;
    for (let k = 0; k < c; k++) {
      if (!estimate[k]) continue;
      const row = num[k] as Float64Array;
      let sum = 0;
      for (const v of row) sum += v;
      if (sum <= 0) continue;
      const pri = prior[k] as number[];
      const mk = m[k] as number[];
      for (let l = 0; l < row.length; l++) {
        const next = ((row[l] as number) + (pri[l] as number)) / (sum + 1);
        change = Math.max(change, Math.abs(next - (mk[l] as number)));
        mk[l] = Math.max(next, 1e-9);
      }
    }
    const nextLambda = Math.min(1 - 1e-9, Math.max(1e-9, total > 0 ? matchTotal / total : lambda));
    change = Math.max(change, Math.abs(nextLambda - lambda));
    lambda = nextLambda;
    if (change < tolerance) break;
  }
  return { m, lambda, iterations };
}
