/**
 * Clustering into people: connected components over accepted links, built greedily. Edges are
 * taken by rank (human accept, identifier link, probabilistic) then descending weight, ties by
 * mention index (= record key order), so the result does not depend on input order. An edge
 * that would join two clusters holding a conflict (cluster.guards.ts) is refused and reported,
 * so constraints hold transitively.
 */
import type { EncodedMentions } from './mention.encoding.js';
import { areTwins, twinCandidates, twinKey, type ConflictReason } from './cluster.guards.js';

export const EDGE_RANK = { humanAccept: 0, identifier: 1, probabilistic: 2, relational: 3 } as const;

export interface EdgeList {
  a: Int32Array;
  b: Int32Array;
  weight: Float64Array;
  rank: Uint8Array;
  count: number;
}

export interface RefusedEdge {
  edge: number;
  reason: ConflictReason;
}

export interface ClusterResult {
  /** Per mention: cluster label = smallest member index. */
  clusterOf: Int32Array;
  /** Edges applied (joined two clusters) by edge index. */
  applied: Int32Array;
  refused: RefusedEdge[];
}

export interface GuardOptions {
  /** Refuse to merge twins (default true). Off only for data known to hold no twins. */
  twins?: boolean;
}

export function clusterWithGuards(
  enc: EncodedMentions,
  edges: EdgeList,
  cannotLink: readonly (readonly [number, number])[],
  guards: GuardOptions = {},
): ClusterResult {
  const n = enc.n;
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  const next = new Int32Array(n).fill(-1);
  const tail = new Int32Array(n);
  const rootNhs = new Int32Array(n);
  const rootUpn = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    parent[i] = i;
    tail[i] = i;
    rootNhs[i] = enc.nhs[i] as number;
    rootUpn[i] = enc.upn[i] as number;
  }
  const find = (x: number): number => {
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const p = parent[x] as number;
      parent[x] = r;
      x = p;
    }
    return r;
  };
  const cannot = new Map<number, number[]>();
  for (const [x, y] of cannotLink) {
    if (x === y) continue;
    (cannot.get(x) ?? cannot.set(x, []).get(x)!).push(y);
    (cannot.get(y) ?? cannot.set(y, []).get(y)!).push(x);
  }
  const twins = guards.twins === false ? new Map<number, number[]>() : twinCandidates(enc);

  const conflict = (ra: number, rb: number): ConflictReason | null => {
    const na = rootNhs[ra] as number;
    const nb = rootNhs[rb] as number;
    if (na >= 0 && nb >= 0 && na !== nb) return 'nhs';
    const ua = rootUpn[ra] as number;
    const ub = rootUpn[rb] as number;
    if (ua >= 0 && ub >= 0 && ua !== ub) return 'upn';
    const [small, other] = (size[ra] as number) <= (size[rb] as number) ? [ra, rb] : [rb, ra];
    for (let x = small; x >= 0; x = next[x] as number) {
      const c = cannot.get(x);
      if (c !== undefined) for (const y of c) if (find(y) === other) return 'cannot-link';
      const g = twins.get(twinKey(enc, x));
      if (g !== undefined) for (const y of g) if (y !== x && find(y) === other && areTwins(enc, x, y)) return 'twins';
    }
    return null;
  };

  const order = new Int32Array(edges.count);
  for (let e = 0; e < edges.count; e++) order[e] = e;
  order.sort((x, y) => {
    const r = (edges.rank[x] as number) - (edges.rank[y] as number);
    if (r !== 0) return r;
    const w = (edges.weight[y] as number) - (edges.weight[x] as number);
    if (w !== 0) return w;
    const a = (edges.a[x] as number) - (edges.a[y] as number);
    return a !== 0 ? a : (edges.b[x] as number) - (edges.b[y] as number);
  });

  const applied: number[] = [];
  const refused: RefusedEdge[] = [];
  for (const e of order) {
    let ra = find(edges.a[e] as number);
    let rb = find(edges.b[e] as number);
    if (ra === rb) continue;
    const reason = conflict(ra, rb);
    if (reason !== null) {
      refused.push({ edge: e, reason });
      continue;
    }
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra]! += size[rb] as number;
    next[tail[ra] as number] = rb;
    tail[ra] = tail[rb] as number;
    if ((rootNhs[ra] as number) < 0) rootNhs[ra] = rootNhs[rb] as number;
    if ((rootUpn[ra] as number) < 0) rootUpn[ra] = rootUpn[rb] as number;
    applied.push(e);
  }

  const minOf = new Int32Array(n).fill(-1);
  const clusterOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (minOf[r] === -1) minOf[r] = i;
    clusterOf[i] = minOf[r] as number;
  }
  return { clusterOf, applied: Int32Array.from(applied), refused };
}
