/**
 * Candidate pairs: the union of the blocking rules' pairs without building the union. A pair
 * is emitted by the first rule (in rule order) and the first key (in key order) that puts its
 * two mentions together; later rules skip pairs an earlier rule already covers (Splink's
 * approach). Keys with more than `maxBlockSize` members are skipped and reported, so the pair
 * count stays bounded; rule filters (extra pair conditions) apply to blocks larger than
 * `filterAbove`, so small data sets compare whole blocks. No per-pair allocation: the callback gets two indices (i < j).
 */
import type { BlockingRule } from './blocking.rules.js';
import type { EncodedMentions } from './mention.encoding.js';
import type { Csr } from './string-dictionary.js';
import { GrowableInt32 } from './growable.js';

export interface SkippedBlock {
  rule: string;
  size: number;
}

/** The skipped blocks a report lists: the 20 largest, by size then rule. */
export function largestSkipped(skipped: SkippedBlock[]): SkippedBlock[] {
  skipped.sort((a, b) => b.size - a.size || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return skipped.slice(0, 20);
}

export interface RuleReport {
  rule: string;
  keys: number;
  skippedKeys: number;
  pairs: number;
}

export interface BlockingReport {
  candidatePairs: number;
  rules: RuleReport[];
  /** The largest skipped keys (sizes only: a key is personal data). */
  skipped: SkippedBlock[];
  maxBlockSize: number;
}

/** A rule's index as another thread receives it: typed arrays only (the rule is found again by name). */
export type WireRuleIndex = Omit<RuleIndex, 'rule'>;

interface RuleIndex {
  name: string;
  rule: BlockingRule;
  /** Per mention: its dense key ids, ascending. */
  keysOf: Csr;
  /** Per key: member mentions, ascending. */
  members: Csr;
  skipped: Uint8Array;
  /** Per mention: its one key, or -1 (null when some mention has more than one key). */
  single: Int32Array | null;
}

/** Which share of the keys a `forEach` visits (see there). */
export interface BlockingShard {
  index: number;
  count: number;
}

const WHOLE: BlockingShard = { index: 0, count: 1 };

export interface BlockingOptions {
  /** Keys with more members are skipped (default 500). */
  maxBlockSize?: number;
  /** Rule filters apply only to blocks with more members than this (default 30): small data sets compare whole blocks. */
  filterAbove?: number;
  /** Only pairs with at least one marked mention (incremental matching of a delta). */
  involving?: Uint8Array;
}

function indexRule(enc: EncodedMentions, rule: BlockingRule, maxBlockSize: number): RuleIndex {
  const dense = new Map<number, number>();
  const offsets = new Int32Array(enc.n + 1);
  const flat = new GrowableInt32(enc.n + 16);
  const tmp: number[] = [];
  for (let i = 0; i < enc.n; i++) {
    tmp.length = 0;
    rule.keys(enc, i, tmp);
    if (tmp.length > 1) tmp.sort((a, b) => a - b);
    let last = -1;
    for (const raw of tmp) {
      let id = dense.get(raw);
      if (id === undefined) {
        id = dense.size;
        dense.set(raw, id);
      }
      if (id !== last) flat.push(id);
      last = id;
    }
    offsets[i + 1] = flat.length;
  }
  const data = flat.toArray();
  // Keys of a mention sorted by dense id (dense ids follow first appearance, not raw order).
  for (let i = 0; i < enc.n; i++) {
    const a = offsets[i] as number;
    const b = offsets[i + 1] as number;
    if (b - a > 1) data.subarray(a, b).sort();
  }
  const k = dense.size;
  const counts = new Int32Array(k + 1);
  for (let x = 0; x < data.length; x++) counts[(data[x] as number) + 1]!++;
  for (let x = 0; x < k; x++) counts[x + 1]! += counts[x] as number;
  const memberData = new Int32Array(data.length);
  const fill = counts.slice(0, k);
  for (let i = 0; i < enc.n; i++) {
    for (let x = offsets[i] as number; x < (offsets[i + 1] as number); x++) {
      const key = data[x] as number;
      memberData[fill[key]!++] = i;
    }
  }
  const skipped = new Uint8Array(k);
  for (let key = 0; key < k; key++) if ((counts[key + 1] as number) - (counts[key] as number) > maxBlockSize) skipped[key] = 1;
  let single: Int32Array | null = new Int32Array(enc.n).fill(-1);
  for (let i = 0; i < enc.n && single !== null; i++) {
    const a = offsets[i] as number;
    const b = offsets[i + 1] as number;
    if (b - a > 1) single = null;
    else if (b > a) single[i] = data[a] as number;
  }
  return { name: rule.name, rule, keysOf: { offsets, data }, members: { offsets: counts, data: memberData }, skipped, single };
}

/**
 * True when rule r emits (i, j) from a key below `before`: they share a key that is not
 * skipped, and either the key's block is small or the pair passes the rule's filter.
 */
function covers(enc: EncodedMentions, r: RuleIndex, i: number, j: number, before: number, filterAbove: number): boolean {
  const single = r.single;
  if (single !== null) {
    // One key a mention (most rules): no list to walk.
    const k = single[i] as number;
    if (k < 0 || k !== single[j] || k >= before || r.skipped[k] === 1) return false;
    const filter = r.rule.filter;
    const sizes = r.members.offsets;
    return filter === undefined || (sizes[k + 1] as number) - (sizes[k] as number) <= filterAbove || filter(enc, i, j);
  }
  const off = r.keysOf.offsets;
  const data = r.keysOf.data;
  const sizes = r.members.offsets;
  const filter = r.rule.filter;
  const a1 = off[i + 1] as number;
  const b0 = off[j] as number;
  const b1 = off[j + 1] as number;
  let filtered = -1;
  for (let x = off[i] as number; x < a1; x++) {
    const k = data[x] as number;
    if (k >= before) return false;
    if (r.skipped[k] === 1) continue;
    for (let y = b0; y < b1; y++) {
      const v = data[y] as number;
      if (v > k) break;
      if (v !== k) continue;
      if (filter === undefined || (sizes[k + 1] as number) - (sizes[k] as number) <= filterAbove) return true;
      if (filtered < 0) filtered = filter(enc, i, j) ? 1 : 0;
      if (filtered === 1) return true;
    }
  }
  return false;
}

export class CandidatePairs {
  private readonly indexes: RuleIndex[];
  readonly maxBlockSize: number;
  readonly filterAbove: number;

  /** `indexes`: another instance's, built for the same mentions, rules and block size. */
  constructor(
    readonly enc: EncodedMentions,
    readonly rules: readonly BlockingRule[],
    options: BlockingOptions = {},
    indexes?: RuleIndex[],
  ) {
    this.maxBlockSize = options.maxBlockSize ?? 500;
    this.filterAbove = options.filterAbove ?? 30;
    this.indexes = indexes ?? rules.map((r) => indexRule(enc, r, this.maxBlockSize));
    this.involving = options.involving;
  }

  /** Mentions whose pairs alone are visited (a delta), or undefined for all. */
  readonly involving: Uint8Array | undefined;

  /** The blocking index, to build these candidate pairs in another thread without indexing again. */
  wireIndexes(): WireRuleIndex[] {
    return this.indexes.map(({ name, keysOf, members, skipped, single }) => ({ name, keysOf, members, skipped, single }));
  }

  /** Candidate pairs over an index built elsewhere (`wireIndexes`) for the same mentions and rules. */
  static fromWire(enc: EncodedMentions, rules: readonly BlockingRule[], options: BlockingOptions, wire: readonly WireRuleIndex[]): CandidatePairs {
    if (wire.length !== rules.length || wire.some((w, r) => w.name !== rules[r]?.name)) throw new RangeError('candidate pairs: index of other rules');
    return new CandidatePairs(enc, rules, options, wire.map((w, r) => ({ ...w, rule: rules[r] as BlockingRule })));
  }

  /** The same candidate pairs restricted to pairs with a marked mention, on this blocking index (no rebuild). */
  involvingOnly(involving: Uint8Array): CandidatePairs {
    return new CandidatePairs(this.enc, this.rules, { maxBlockSize: this.maxBlockSize, filterAbove: this.filterAbove, involving }, this.indexes);
  }

  /**
   * Pairs the rules' blocks hold, counted per rule before filters and before leaving out pairs
   * an earlier rule covers: never below `forEach`'s count, and cheap (block sizes only).
   */
  pairsUpperBound(): number {
    let total = 0;
    for (const idx of this.indexes) {
      const off = idx.members.offsets;
      for (let key = 0; key + 1 < off.length; key++) {
        const size = (off[key + 1] as number) - (off[key] as number);
        if (idx.skipped[key] !== 1) total += (size * (size - 1)) / 2;
      }
    }
    return total;
  }

  /** True when `forEach` (without `involving`) would visit (i, j), i < j: some rule emits it. */
  emits(i: number, j: number): boolean {
    for (const idx of this.indexes) if (covers(this.enc, idx, i, j, Infinity, this.filterAbove)) return true;
    return false;
  }

  /**
   * Calls `visit(i, j, rule)` once per candidate pair, i < j, in a deterministic order. With
   * `shard`, only the pairs of every `count`-th key from `index` on: the shards of one count
   * partition the candidate pairs (each pair is emitted by one key), to be scored in parallel.
   */
  forEach(visit: (i: number, j: number, rule: number) => void, shard: BlockingShard = WHOLE): BlockingReport {
    const reports: RuleReport[] = [];
    const skipped: SkippedBlock[] = [];
    const involving = this.involving;
    let total = 0;
    for (let r = 0; r < this.indexes.length; r++) {
      const idx = this.indexes[r] as RuleIndex;
      const earlier = this.indexes.slice(0, r);
      const ruleFilter = idx.rule.filter;
      const enc = this.enc;
      const filterAbove = this.filterAbove;
      const mOff = idx.members.offsets;
      const mData = idx.members.data;
      const keyCount = mOff.length - 1;
      let pairs = 0;
      let skippedKeys = 0;
      for (let key = 0; key < keyCount; key++) {
        if (key % shard.count !== shard.index) continue;
        const start = mOff[key] as number;
        const end = mOff[key + 1] as number;
        if (end - start < 2) continue;
        if (idx.skipped[key] === 1) {
          skippedKeys++;
          skipped.push({ rule: idx.name, size: end - start });
          continue;
        }
        if (involving !== undefined) {
          let any = false;
          for (let x = start; x < end && !any; x++) any = involving[mData[x] as number] === 1;
          if (!any) continue;
        }
        const filter = end - start > filterAbove ? ruleFilter : undefined;
        const emit = (i: number, j: number): void => {
          if (filter !== undefined && !filter(enc, i, j)) return;
          for (let e = 0; e < earlier.length; e++) if (covers(enc, earlier[e] as RuleIndex, i, j, Infinity, filterAbove)) return;
          // Multi-key rules: only the smallest key that emits the pair does.
          if (covers(enc, idx, i, j, key, filterAbove)) return;
          visit(i, j, r);
          pairs++;
        };
        if (involving === undefined) {
          for (let x = start; x < end; x++) {
            const i = mData[x] as number;
            for (let y = x + 1; y < end; y++) emit(i, mData[y] as number);
          }
        } else {
          // A delta: only pairs with a marked mention, so a big block holding one costs its size,
          // not its square. A pair of two marked mentions is taken from its first.
          for (let x = start; x < end; x++) {
            const i = mData[x] as number;
            if (involving[i] !== 1) continue;
            for (let y = start; y < end; y++) {
              if (y === x) continue;
              const j = mData[y] as number;
              if (y < x && involving[j] === 1) continue;
              if (y < x) emit(j, i);
              else emit(i, j);
            }
          }
        }
      }
      total += pairs;
      reports.push({ rule: idx.name, keys: keyCount, skippedKeys, pairs });
    }
    return { candidatePairs: total, rules: reports, skipped: largestSkipped(skipped), maxBlockSize: this.maxBlockSize };
  }
}
