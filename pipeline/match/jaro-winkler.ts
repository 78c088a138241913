/**
 * Jaro-Winkler similarity (Winkler 1990): prefix scale 0.1 over at most 4 characters, applied
 * when the Jaro similarity exceeds 0.7. No allocation per call: scratch flags are reused.
 */
const scratch = { a: new Uint8Array(64), b: new Uint8Array(64) };

export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  if (a === b) return 1;
  if (scratch.a.length < la) scratch.a = new Uint8Array(la * 2);
  if (scratch.b.length < lb) scratch.b = new Uint8Array(lb * 2);
  const flagsA = scratch.a;
  const flagsB = scratch.b;
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = i > window ? i - window : 0;
    const hi = Math.min(i + window + 1, lb);
    const c = a.charCodeAt(i);
    for (let j = lo; j < hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= 0.7) return j;
  const max = Math.min(4, a.length, b.length);
  let prefix = 0;
  while (prefix < max && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + prefix * 0.1 * (1 - j);
}

/**
 * An upper bound of `jaroWinkler(a, b)` from the lengths alone (all of the shorter string
 * matching, no transpositions, full prefix): lets a comparison skip strings that cannot reach
 * its threshold.
 */
export function jaroWinklerUpperBound(la: number, lb: number): number {
  if (la === 0 || lb === 0) return la === lb ? 1 : 0;
  const m = Math.min(la, lb);
  const j = (m / la + m / lb + 1) / 3;
  return j <= 0.7 ? j : j + Math.min(4, m) * 0.1 * (1 - j);
}

/**
 * Jaro-Winkler over a fixed table of strings (name or text dictionary), for hot loops: code
 * units in one flat array, letter counts per string, stamped scratch buffers owned by the
 * table (no clearing, no allocation). `similarity` first bounds the value by the multiset of
 * letters the two strings share, so most unrelated pairs cost a few dozen integer operations.
 */
const BINS = 32;

export class JaroWinklerTable {
  private readonly codes: Uint16Array;
  private readonly offsets: Int32Array;
  /** Per string: BINS letter counts (code & 31), saturating at 255. */
  private readonly counts: Uint8Array;
  private flagA = new Int32Array(64);
  private flagB = new Int32Array(64);
  private stamp = 0;

  constructor(values: readonly string[]) {
    let total = 0;
    for (const v of values) total += v.length;
    this.codes = new Uint16Array(total);
    this.offsets = new Int32Array(values.length + 1);
    this.counts = new Uint8Array(values.length * BINS);
    let k = 0;
    values.forEach((v, id) => {
      for (let x = 0; x < v.length; x++) {
        const c = v.charCodeAt(x);
        this.codes[k++] = c;
        const bin = id * BINS + (c & 31);
        if ((this.counts[bin] as number) < 255) this.counts[bin]!++;
      }
      this.offsets[id + 1] = k;
    });
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** Jaro-Winkler similarity of strings a and b (ids); may return 0 when it is below `floor`. */
  similarity(a: number, b: number, floor: number): number {
    const codes = this.codes;
    const offsets = this.offsets;
    const a0 = offsets[a] as number;
    const la = (offsets[a + 1] as number) - a0;
    const b0 = offsets[b] as number;
    const lb = (offsets[b + 1] as number) - b0;
    if (la === 0 || lb === 0) return la === lb ? 1 : 0;
    const maxPrefix = la < lb ? (la < 4 ? la : 4) : lb < 4 ? lb : 4;
    let prefix = 0;
    while (prefix < maxPrefix && codes[a0 + prefix] === codes[b0 + prefix]) prefix++;
    if (floor > 0) {
      // Bound: matches ≤ shared letters (multiset); no transpositions; the actual prefix.
      const counts = this.counts;
      const ca = a * BINS;
      const cb = b * BINS;
      let shared = 0;
      for (let x = 0; x < BINS; x++) {
        const u = counts[ca + x] as number;
        const v = counts[cb + x] as number;
        shared += u < v ? u : v;
      }
      if (shared === 0) return 0;
      const jb = (shared / la + shared / lb + 1) / 3;
      const jwb = jb > 0.7 ? jb + prefix * 0.1 * (1 - jb) : jb;
      if (jwb < floor) return 0;
    }
    if (this.flagA.length < la) this.flagA = new Int32Array(la * 2);
    if (this.flagB.length < lb) this.flagB = new Int32Array(lb * 2);
    const fa = this.flagA;
    const fb = this.flagB;
    const stamp = ++this.stamp;
    if (stamp === 0x7fffffff) {
      this.stamp = 0;
      fa.fill(0);
      fb.fill(0);
    }
    const window = Math.max(0, (Math.max(la, lb) >> 1) - 1);
    let matches = 0;
    for (let i = 0; i < la; i++) {
      const lo = i > window ? i - window : 0;
      const hi = i + window + 1 < lb ? i + window + 1 : lb;
      const c = codes[a0 + i];
      for (let j = lo; j < hi; j++) {
        if (fb[j] !== stamp && codes[b0 + j] === c) {
          fa[i] = stamp;
          fb[j] = stamp;
          matches++;
          break;
        }
      }
    }
    if (matches === 0) return 0;
    let transpositions = 0;
    let k = 0;
    for (let i = 0; i < la; i++) {
      if (fa[i] !== stamp) continue;
      while (fb[k] !== stamp) k++;
      if (codes[a0 + i] !== codes[b0 + k]) transpositions++;
      k++;
    }
    const j = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
    return j <= 0.7 ? j : j + prefix * 0.1 * (1 - j);
  }
}
