/**
 * Clustering into people: connected components over accepted links, built greedily. Edges are
 * taken by rank (human accept, identifier link, probabilistic) then descending weight, ties by
 * mention index (= record key order), so the result does not depend on input order. An edge
 * that would join two clusters holding a conflict (cluster.guards.ts) is refused and reported,
 * so constraints hold transitively.
 */
import type { EncodedMentions } from './mention.encoding.js';
import { areTwins, twinCandidates, type ConflictReason } from './cluster.guards.js';
import { buildCsr, symmetricCsr, type Csr } from './string-dictionary.js';
import { NO_DOB } from './mention.encoding.js';
import type { AgeBounds } from './relational.pass.js';

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

/** arr[ra] := the lower (`sign` -1) or higher (1) of arr[ra] and arr[rb], NO_DOB counting as none. */
function keepBound(arr: Int32Array, ra: number, rb: number, sign: -1 | 1): void {
  const v = arr[rb] as number;
  if (v === NO_DOB) return;
  const cur = arr[ra] as number;
  if (cur === NO_DOB || (v - cur) * sign > 0) arr[ra] = v;
}

/** Each edge list's order, sorted once: rounds of relational clustering add the same first edges again. */
const edgeOrders = new WeakMap<EdgeList, Int32Array>();

/** Edge indices by rank, then descending weight, then mention indices. */
function edgeOrder(edges: EdgeList): Int32Array {
  const cached = edgeOrders.get(edges);
  if (cached !== undefined) return cached;
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
  edgeOrders.set(edges, order);
  return order;
}

/** A clusterer's union-find state (`GuardedClusterer.snapshot`). */
export interface ClustererState {
  parent: Int32Array;
  size: Int32Array;
  next: Int32Array;
  tail: Int32Array;
  rootNhs: Int32Array;
  rootUpn: Int32Array;
  /** The dob and birth bounds per root (none without age bounds). */
  bounds: Int32Array[];
}

/**
 * Union-find with cluster-level guards. Edges can be added in several batches (first pass,
 * then relational edges): each batch is sorted as described above; a later batch of a
 * later rank gives the same clusters as one run over all edges.
 */
export class GuardedClusterer {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  private readonly next: Int32Array;
  private readonly tail: Int32Array;
  private readonly rootNhs: Int32Array;
  private readonly rootUpn: Int32Array;
  /** Cannot-links given at construction, per mention (CSR: a county's are counted in millions). */
  private readonly cannot: Csr;
  /** Cannot-links added since, per mention. */
  private readonly addedCannot = new Map<number, number[]>();
  /** Per mention: its twin candidate group (same dob and surname), or -1; the groups' members. */
  private readonly twinGroupOf: Int32Array;
  private readonly twinGroups: Csr;
  /** Per root, in day numbers (NO_DOB when none): dob range and the birth bounds of parents/children. */
  private readonly rootMinDob: Int32Array | null = null;
  private readonly rootMaxDob: Int32Array | null = null;
  private readonly rootLatestBirth: Int32Array | null = null;
  private readonly rootEarliestBirth: Int32Array | null = null;

  /** `ageBounds`: a cluster never holds a dob after a stated parent's latest birth (or before a stated child's earliest). */
  constructor(
    private readonly enc: EncodedMentions,
    cannotLink: readonly (readonly [number, number])[],
    guards: GuardOptions = {},
    ageBounds?: AgeBounds,
  ) {
    const n = enc.n;
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n);
    this.next = new Int32Array(n);
    this.tail = new Int32Array(n);
    this.rootNhs = new Int32Array(n);
    this.rootUpn = new Int32Array(n);
    this.cannot = symmetricCsr(n, cannotLink);
    const twins = guards.twins === false ? [] : [...twinCandidates(enc).values()];
    this.twinGroupOf = new Int32Array(n).fill(-1);
    twins.forEach((group, g) => {
      for (const x of group) this.twinGroupOf[x] = g;
    });
    this.twinGroups = buildCsr(twins);
    if (ageBounds !== undefined) {
      this.ageBounds = ageBounds;
      this.rootMinDob = new Int32Array(n);
      this.rootMaxDob = new Int32Array(n);
      this.rootLatestBirth = new Int32Array(n);
      this.rootEarliestBirth = new Int32Array(n);
    }
    this.reset();
  }

  private readonly ageBounds: AgeBounds | null = null;

  /** Back to one cluster per mention, keeping the cannot-links and guards (a new round of edges). */
  reset(): void {
    const enc = this.enc;
    for (let i = 0; i < enc.n; i++) {
      this.parent[i] = i;
      this.tail[i] = i;
    }
    this.size.fill(1);
    this.next.fill(-1);
    this.rootNhs.set(enc.nhs);
    this.rootUpn.set(enc.upn);
    if (this.ageBounds !== null) {
      (this.rootMinDob as Int32Array).set(enc.dobDay);
      (this.rootMaxDob as Int32Array).set(enc.dobDay);
      (this.rootLatestBirth as Int32Array).set(this.ageBounds.latestBirth);
      (this.rootEarliestBirth as Int32Array).set(this.ageBounds.earliestBirth);
    }
  }

  /** The clusters as they stand (cannot-links and guards aside, which only grow): `restore` returns to them. */
  snapshot(): ClustererState {
    return {
      parent: this.parent.slice(),
      size: this.size.slice(),
      next: this.next.slice(),
      tail: this.tail.slice(),
      rootNhs: this.rootNhs.slice(),
      rootUpn: this.rootUpn.slice(),
      bounds: this.boundArrays().map((b) => b.slice()),
    };
  }

  /** The four per-root bound arrays, or none when the clusterer has no age bounds. */
  private boundArrays(): Int32Array[] {
    const { rootMinDob, rootMaxDob, rootLatestBirth, rootEarliestBirth } = this;
    if (rootMinDob === null || rootMaxDob === null || rootLatestBirth === null || rootEarliestBirth === null) return [];
    return [rootMinDob, rootMaxDob, rootLatestBirth, rootEarliestBirth];
  }

  restore(state: ClustererState): void {
    this.parent.set(state.parent);
    this.size.set(state.size);
    this.next.set(state.next);
    this.tail.set(state.tail);
    this.rootNhs.set(state.rootNhs);
    this.rootUpn.set(state.rootUpn);
    const bounds = this.boundArrays();
    if (bounds.length !== state.bounds.length) throw new RangeError('clusterer: a snapshot of another clusterer');
    bounds.forEach((b, k) => b.set(state.bounds[k] as Int32Array));
  }

  addCannotLink(x: number, y: number): void {
    if (x === y) return;
    const cx = this.addedCannot.get(x);
    if (cx === undefined) this.addedCannot.set(x, [y]);
    else cx.push(y);
    const cy = this.addedCannot.get(y);
    if (cy === undefined) this.addedCannot.set(y, [x]);
    else cy.push(x);
  }

  find(x: number): number {
    const parent = this.parent;
    let r = x;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[x] !== r) {
      const p = parent[x] as number;
      parent[x] = r;
      x = p;
    }
    return r;
  }

  private conflict(ra: number, rb: number): ConflictReason | null {
    const na = this.rootNhs[ra] as number;
    const nb = this.rootNhs[rb] as number;
    if (na >= 0 && nb >= 0 && na !== nb) return 'nhs';
    const ua = this.rootUpn[ra] as number;
    const ub = this.rootUpn[rb] as number;
    if (ua >= 0 && ub >= 0 && ua !== ub) return 'upn';
    const aSmaller = (this.size[ra] as number) <= (this.size[rb] as number);
    const small = aSmaller ? ra : rb;
    const other = aSmaller ? rb : ra;
    const { cannot, twinGroups } = this;
    for (let x = small; x >= 0; x = this.next[x] as number) {
      for (let k = cannot.offsets[x] as number; k < (cannot.offsets[x + 1] as number); k++) if (this.find(cannot.data[k] as number) === other) return 'cannot-link';
      const added = this.addedCannot.size > 0 ? this.addedCannot.get(x) : undefined;
      if (added !== undefined) for (const y of added) if (this.find(y) === other) return 'cannot-link';
      const g = this.twinGroupOf[x] as number;
      if (g < 0) continue;
      for (let k = twinGroups.offsets[g] as number; k < (twinGroups.offsets[g + 1] as number); k++) {
        const y = twinGroups.data[k] as number;
        if (y !== x && this.find(y) === other && areTwins(this.enc, x, y)) return 'twins';
      }
    }
    if (this.rootMaxDob !== null && this.ageConflict(ra, rb)) return 'parent-age';
    return null;
  }

  /** Why the clusters of i and j could not be merged now, or null (also null when already one cluster). */
  conflictBetween(i: number, j: number): ConflictReason | null {
    const ra = this.find(i);
    const rb = this.find(j);
    return ra === rb ? null : this.conflict(ra, rb);
  }

  /** A parent in one cluster born after the latest birth its stated children allow, either way round. */
  private ageConflict(ra: number, rb: number): boolean {
    const minDob = this.rootMinDob as Int32Array;
    const maxDob = this.rootMaxDob as Int32Array;
    const latest = this.rootLatestBirth as Int32Array;
    const earliest = this.rootEarliestBirth as Int32Array;
    for (const [x, y] of [[ra, rb], [rb, ra]] as const) {
      const l = latest[x] as number;
      const hi = maxDob[y] as number;
      if (l !== NO_DOB && hi !== NO_DOB && hi > l) return true;
      const e = earliest[x] as number;
      const lo = minDob[y] as number;
      if (e !== NO_DOB && lo !== NO_DOB && lo < e) return true;
    }
    return false;
  }

  private mergeBounds(ra: number, rb: number): void {
    if (this.rootMaxDob === null) return;
    keepBound(this.rootMinDob as Int32Array, ra, rb, -1);
    keepBound(this.rootMaxDob, ra, rb, 1);
    keepBound(this.rootLatestBirth as Int32Array, ra, rb, -1);
    keepBound(this.rootEarliestBirth as Int32Array, ra, rb, 1);
  }

  /** Adds a batch of edges; returns the edges applied and refused (indices into the batch). */
  add(edges: EdgeList): { applied: Int32Array; refused: RefusedEdge[] } {
    const order = edgeOrder(edges);
    const applied: number[] = [];
    const refused: RefusedEdge[] = [];
    for (const e of order) {
      let ra = this.find(edges.a[e] as number);
      let rb = this.find(edges.b[e] as number);
      if (ra === rb) continue;
      const reason = this.conflict(ra, rb);
      if (reason !== null) {
        refused.push({ edge: e, reason });
        continue;
      }
      if ((this.size[ra] as number) < (this.size[rb] as number)) [ra, rb] = [rb, ra];
      this.parent[rb] = ra;
      this.size[ra]! += this.size[rb] as number;
      this.next[this.tail[ra] as number] = rb;
      this.tail[ra] = this.tail[rb] as number;
      if ((this.rootNhs[ra] as number) < 0) this.rootNhs[ra] = this.rootNhs[rb] as number;
      if ((this.rootUpn[ra] as number) < 0) this.rootUpn[ra] = this.rootUpn[rb] as number;
      this.mergeBounds(ra, rb);
      applied.push(e);
    }
    return { applied: Int32Array.from(applied), refused };
  }

  /** Per mention: cluster label = smallest member index. */
  labels(): Int32Array {
    const n = this.enc.n;
    const minOf = new Int32Array(n).fill(-1);
    const clusterOf = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const r = this.find(i);
      if (minOf[r] === -1) minOf[r] = i;
      clusterOf[i] = minOf[r] as number;
    }
    return clusterOf;
  }
}

export function clusterWithGuards(
  enc: EncodedMentions,
  edges: EdgeList,
  cannotLink: readonly (readonly [number, number])[],
  guards: GuardOptions = {},
): ClusterResult {
  const c = new GuardedClusterer(enc, cannotLink, guards);
  const { applied, refused } = c.add(edges);
  return { clusterOf: c.labels(), applied, refused };
}
