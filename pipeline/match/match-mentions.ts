/**
 * The whole pure matching run: score candidate pairs, cluster with guards, add relational
 * evidence, cluster again, and list what a human should review. No database: the wiring layer
 * passes mentions, the stored model and the stored decisions in, and stores what comes out.
 */
import type { MatchMention } from './match-mention.js';
import type { MatchModel } from './match.model.js';
import { DEFAULT_THRESHOLDS, type HumanDecision, type MatchThresholds } from './match.decisions.js';
import { asEncoded, scorePairs, type ScoredPairs, type ScoreOptions } from './pair.scoring.js';
import { indexOfKey, type EncodedMentions } from './mention.encoding.js';
import { PAIR_KIND } from './identifier.rules.js';
import { EDGE_RANK, GuardedClusterer, type ClustererState, type EdgeList, type GuardOptions } from './guarded.clustering.js';
import { RelationalPass, statedRelations, type RelationalBoost, type RelationalResult } from './relational.pass.js';

/** Relational passes at most (each re-clusters from scratch with what the last one found). */
const MAX_RELATIONAL_ROUNDS = 5;
/** A link refused by a guard is reviewed when within this many bits of the links that won. */
const GUARD_REVIEW_MARGIN = 3;
import { probabilityFromWeight } from './pair.scorer.js';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from './growable.js';
import type { BlockingReport } from './candidate-pairs.js';
import { householdCannotLinks, type ConflictReason } from './cluster.guards.js';

export type LinkReason = 'human' | 'identifier' | 'probabilistic' | 'relational';
export type ReviewReason = 'between thresholds' | 'identifier conflict' | `guard: ${ConflictReason}`;

export interface PairOutcome {
  a: string;
  b: string;
  weight: number;
  probability: number;
}

export interface LinkOutcome extends PairOutcome {
  reason: LinkReason;
}

export interface ReviewOutcome extends PairOutcome {
  reason: ReviewReason;
}

export interface MatchReport {
  mentions: number;
  duplicateKeys: number;
  blocking: BlockingReport;
  scoredPairs: number;
  keptPairs: number;
  links: number;
  reviews: number;
  cannotLinkPairs: number;
  refusedEdges: Record<ConflictReason, number>;
  relationalBoosts: number;
  /** Clustering rounds run (one, plus one per relational pass that found something new). */
  clusterRounds: number;
  decisionsApplied: number;
  decisionsUnknown: number;
  persons: number;
  timingsMs: { score: number; cluster: number; relational: number; total: number };
  truePairsInCandidates?: number;
}

export interface MatchResult {
  /** Each person's record keys, sorted; persons sorted by their first key. */
  persons: string[][];
  /** Per mention (sorted record keys): index into `persons`. */
  personOf: Int32Array;
  recordKeys: string[];
  links: LinkOutcome[];
  reviews: ReviewOutcome[];
  report: MatchReport;
}

export interface MatchOptions extends ScoreOptions {
  thresholds?: MatchThresholds;
  decisions?: readonly HumanDecision[];
  /** Skip the relational pass (to measure what it adds). */
  relational?: boolean;
  guards?: GuardOptions;
}

interface DecisionIndex {
  accept: [number, number][];
  reject: [number, number][];
  unknown: number;
}

function indexDecisions(enc: EncodedMentions, decisions: readonly HumanDecision[]): DecisionIndex {
  const accept: [number, number][] = [];
  const reject: [number, number][] = [];
  let unknown = 0;
  // Later decisions on the same pair win.
  const last = new Map<number, 'accept' | 'reject'>();
  for (const d of decisions) {
    const i = indexOfKey(enc, d.a);
    const j = indexOfKey(enc, d.b);
    if (i < 0 || j < 0 || i === j) {
      unknown++;
      continue;
    }
    last.set(Math.min(i, j) * enc.n + Math.max(i, j), d.decision);
  }
  for (const key of [...last.keys()].sort((x, y) => x - y)) {
    const pair: [number, number] = [Math.floor(key / enc.n), key % enc.n];
    (last.get(key) === 'accept' ? accept : reject).push(pair);
  }
  return { accept, reject, unknown };
}

/** Different valid NHS numbers or UPNs and neither equal: the identifier rules' cannot-link. */
function identifiersDiffer(enc: EncodedMentions, i: number, j: number): boolean {
  const ni = enc.nhs[i] as number;
  const nj = enc.nhs[j] as number;
  const ui = enc.upn[i] as number;
  const uj = enc.upn[j] as number;
  if ((ni >= 0 && ni === nj) || (ui >= 0 && ui === uj)) return false;
  return (ni >= 0 && nj >= 0 && ni !== nj) || (ui >= 0 && uj >= 0 && ui !== uj);
}

function buildEdges(
  scored: ScoredPairs | null,
  decisions: DecisionIndex,
  boosts: RelationalResult['boosts'],
  autoLink: number,
): { edges: EdgeList; reasons: LinkReason[] } {
  const a = new GrowableInt32();
  const b = new GrowableInt32();
  const w = new GrowableFloat64();
  const rank = new GrowableUint8();
  const reasons: LinkReason[] = [];
  const push = (i: number, j: number, weight: number, r: number, reason: LinkReason): void => {
    a.push(i);
    b.push(j);
    w.push(weight);
    rank.push(r);
    reasons.push(reason);
  };
  for (const [i, j] of decisions.accept) push(i, j, Infinity, EDGE_RANK.humanAccept, 'human');
  for (let e = 0; scored !== null && e < scored.count; e++) {
    const kind = scored.kind[e];
    const p = scored.probability[e] as number;
    if (kind === PAIR_KIND.identifierLink) push(scored.a[e] as number, scored.b[e] as number, scored.weight[e] as number, EDGE_RANK.identifier, 'identifier');
    else if (kind === PAIR_KIND.probabilistic && p >= autoLink) push(scored.a[e] as number, scored.b[e] as number, scored.weight[e] as number, EDGE_RANK.probabilistic, 'probabilistic');
  }
  for (const bst of boosts) if (bst.probability >= autoLink) push(bst.a, bst.b, bst.weight, EDGE_RANK.relational, 'relational');
  return { edges: { a: a.toArray(), b: b.toArray(), weight: w.toArray(), rank: rank.toArray(), count: a.length }, reasons };
}

export function matchMentions(
  input: readonly MatchMention[] | EncodedMentions,
  model: MatchModel,
  options: MatchOptions = {},
): MatchResult {
  const t0 = performance.now();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const enc = asEncoded(input);
  const scored = scorePairs(enc, model, { ...options, minProbability: options.minProbability ?? thresholds.review });
  return matchScored(scored, model, options, performance.now() - t0);
}

/**
 * The run after scoring: cluster with guards, relational evidence, reviews. `scored` holds the
 * pairs at or above the review threshold (and every identifier-decided pair), however they were
 * scored: all candidate pairs, or a delta merged with stored pairs (delta.scoring.ts).
 */
export function matchScored(scored: ScoredPairs, model: MatchModel, options: MatchOptions = {}, scoreMs = 0): MatchResult {
  const t1 = performance.now();
  const t0 = t1 - scoreMs;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const enc = scored.enc;
  const decisions = indexDecisions(enc, options.decisions ?? []);
  // Hard constraints known before clustering: rejections, different identifiers, stated
  // relatives, two people listed in one household.
  const useRelational = options.relational !== false;
  const stated = useRelational ? statedRelations(enc) : null;
  const allCannot: [number, number][] = [...decisions.reject, ...(stated?.cannotLink ?? []), ...householdCannotLinks(enc)];
  // Pairs with different identifiers are not listed: the clusterer's identifier guard refuses
  // them already (a cluster holds one NHS number and one UPN at most), and reviews skip them.
  const identifierCannot = scored.identifierCannotLinks;
  const first = buildEdges(scored, decisions, [], thresholds.autoLink);

  // First pass; relational evidence over its clusters; relational edges added last (rank 3),
  // which gives the same clusters as one run over all edges. Relational evidence found over
  // those clusters can find more (a parent linked across schools meets her housing record), and
  // cluster-level role conflicts add cannot-links: repeat from scratch, with everything found so
  // far, until nothing new turns up.
  const boostByPair = new Map<number, RelationalBoost>();
  const extraCannot = new Set<number>();
  const relationalCannot: [number, number][] = [];

  // Set by round 0, which always clusters the first edges.
  let firstResult!: ReturnType<GuardedClusterer['add']>;
  let second: ReturnType<typeof buildEdges>;
  let secondResult: ReturnType<GuardedClusterer['add']>;
  let relationalMs = 0;
  let rounds = 0;
  // One clusterer for every round: a round starts from single mentions with the cannot-links
  // found so far (the same clusters as a new clusterer over all of them).
  const clusterer = new GuardedClusterer(enc, allCannot, options.guards, stated?.ageBounds);
  const pass = stated === null ? null : new RelationalPass(enc, scored, model, stated);
  // The first edges cluster the same way again unless the last round added cannot-links: a round
  // after one that did not starts from the clusters they gave, kept, instead of clustering again.
  let afterFirst: ClustererState | null = null;
  for (let round = 0; ; round++) {
    rounds = round + 1;
    if (afterFirst !== null) clusterer.restore(afterFirst);
    else {
      if (round > 0) clusterer.reset();
      firstResult = clusterer.add(first.edges);
      afterFirst = clusterer.snapshot();
    }
    const boosts = [...boostByPair.values()].sort((p, q) => p.a - q.a || p.b - q.b);
    second = buildEdges(null, { accept: [], reject: [], unknown: 0 }, boosts, thresholds.autoLink);
    secondResult = clusterer.add(second.edges);
    if (pass === null || round >= MAX_RELATIONAL_ROUNDS) break;
    const tr = performance.now();
    const found = pass.run(clusterer.labels());
    relationalMs += performance.now() - tr;
    let changed = false;
    for (const bst of found.boosts) {
      const k = bst.a * enc.n + bst.b;
      const prev = boostByPair.get(k);
      if (prev === undefined || prev.weight < bst.weight) {
        boostByPair.set(k, bst);
        changed = true;
      }
    }
    for (const [a, b] of found.cannotLink) {
      const k = a * enc.n + b;
      if (extraCannot.has(k)) continue;
      extraCannot.add(k);
      relationalCannot.push([a, b]);
      clusterer.addCannotLink(a, b);
      afterFirst = null;
      changed = true;
    }
    if (!changed) break;
  }
  const relational: RelationalResult = { boosts: [...boostByPair.values()].sort((p, q) => p.a - q.a || p.b - q.b), cannotLink: relationalCannot, parentLinks: stated?.parents.length ?? 0 };
  // Not push(...): a county-sized array overflows the call stack.
  for (const pair of relationalCannot) allCannot.push(pair);
  const clusterOf = clusterer.labels();
  const t2 = performance.now();

  const key = (i: number): string => enc.recordKeys[i] as string;
  const links: LinkOutcome[] = [];
  const refusedAll: { i: number; j: number; weight: number; reason: LinkReason; conflict: ConflictReason }[] = [];
  for (const [batch, res] of [[first, firstResult], [second, secondResult]] as const) {
    for (const e of res.applied) {
      const w = batch.edges.weight[e] as number;
      const reason = batch.reasons[e] as LinkReason;
      const probability = reason === 'human' || reason === 'identifier' ? 1 : probabilityFromWeight(w);
      links.push({ a: key(batch.edges.a[e] as number), b: key(batch.edges.b[e] as number), weight: w, probability, reason });
    }
    for (const r of res.refused) {
      refusedAll.push({ i: batch.edges.a[r.edge] as number, j: batch.edges.b[r.edge] as number, weight: batch.edges.weight[r.edge] as number, reason: batch.reasons[r.edge] as LinkReason, conflict: r.reason });
    }
  }

  // Reviews: only what a human can usefully decide. Never a cannot-link pair (rejected,
  // different identifiers, stated relatives) nor a pair already in one person; a pair between
  // thresholds only when its two people could be merged (no guard stands between them); a link
  // refused by a guard only when it was about as strong as the links that won (a mention that
  // fits two people equally), for twins, or when an identifier said link; one pair per two people.
  const accepted = new Set(decisions.accept.map(([i, j]) => i * enc.n + j));
  const strongest = new Float64Array(enc.n).fill(-Infinity);
  for (const [batch, res] of [[first, firstResult], [second, secondResult]] as const) {
    for (const e of res.applied) {
      const w = batch.edges.weight[e] as number;
      const a = batch.edges.a[e] as number;
      const b = batch.edges.b[e] as number;
      if (w > (strongest[a] as number)) strongest[a] = w;
      if (w > (strongest[b] as number)) strongest[b] = w;
    }
  }
  // Pairs that could be reviewed, in the order they are considered; which of them are cannot-link
  // is found by one walk over the cannot-link pairs (millions at a county's size) afterwards.
  const asked: { i: number; j: number; weight: number; probability: number; reason: ReviewReason }[] = [];
  const consider = (i: number, j: number, weight: number, probability: number, reason: ReviewReason): void => {
    if (clusterOf[i] !== clusterOf[j]) asked.push({ i, j, weight, probability, reason });
  };
  const refusedCount: Record<ConflictReason, number> = { nhs: 0, upn: 0, twins: 0, 'cannot-link': 0, 'parent-age': 0 };
  for (const r of refusedAll) {
    refusedCount[r.conflict]++;
    if (r.reason === 'human') continue;
    const close = r.weight >= Math.min(strongest[r.i] as number, strongest[r.j] as number) - GUARD_REVIEW_MARGIN;
    if (r.reason !== 'identifier' && r.conflict !== 'twins' && !close) continue;
    consider(r.i, r.j, r.weight, r.reason === 'identifier' ? 1 : probabilityFromWeight(r.weight), `guard: ${r.conflict}`);
  }
  const mergeable = (i: number, j: number): boolean => clusterer.conflictBetween(i, j) === null;
  for (let e = 0; e < scored.count; e++) {
    const kind = scored.kind[e];
    const p = scored.probability[e] as number;
    const i = scored.a[e] as number;
    const j = scored.b[e] as number;
    if (kind === PAIR_KIND.identifierReview) consider(i, j, scored.weight[e] as number, p, 'identifier conflict');
    else if (kind === PAIR_KIND.probabilistic && p >= thresholds.review && p < thresholds.autoLink && mergeable(i, j)) consider(i, j, scored.weight[e] as number, p, 'between thresholds');
  }
  for (const bst of relational.boosts) {
    if (bst.probability >= thresholds.review && bst.probability < thresholds.autoLink && mergeable(bst.a, bst.b)) consider(bst.a, bst.b, bst.weight, bst.probability, 'between thresholds');
  }
  const askedKeys = new Set(asked.map(({ i, j }) => i * enc.n + j));
  const rejected = new Set<number>();
  for (const [i, j] of allCannot) {
    const k = i * enc.n + j;
    if (askedKeys.has(k)) rejected.add(k);
  }
  const best = new Map<number, { review: ReviewOutcome; k: number }>();
  for (const { i, j, weight, probability, reason } of asked) {
    const k = i * enc.n + j;
    if (rejected.has(k) || accepted.has(k) || identifiersDiffer(enc, i, j)) continue;
    const ci = clusterOf[i] as number;
    const cj = clusterOf[j] as number;
    const personPair = Math.min(ci, cj) * enc.n + Math.max(ci, cj);
    const prev = best.get(personPair);
    if (prev !== undefined && (prev.review.probability > probability || (prev.review.probability === probability && prev.k <= k))) continue;
    best.set(personPair, { review: { a: key(i), b: key(j), weight, probability, reason }, k });
  }
  const reviews: ReviewOutcome[] = [...best.values()].map((v) => v.review);
  reviews.sort((x, y) => y.probability - x.probability || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));

  // Persons in record-key order.
  const personOfLabel = new Map<number, number>();
  const persons: string[][] = [];
  const personOf = new Int32Array(enc.n);
  for (let i = 0; i < enc.n; i++) {
    const label = clusterOf[i] as number;
    let p = personOfLabel.get(label);
    if (p === undefined) {
      p = persons.length;
      personOfLabel.set(label, p);
      persons.push([]);
    }
    (persons[p] as string[]).push(key(i));
    personOf[i] = p;
  }
  const t5 = performance.now();
  const report: MatchReport = {
    mentions: enc.n,
    duplicateKeys: enc.duplicateKeys,
    blocking: scored.blocking,
    scoredPairs: scored.scored,
    keptPairs: scored.count,
    links: links.length,
    reviews: reviews.length,
    cannotLinkPairs: allCannot.length + identifierCannot,
    refusedEdges: refusedCount,
    relationalBoosts: relational.boosts.length,
    clusterRounds: rounds,
    decisionsApplied: decisions.accept.length + decisions.reject.length,
    decisionsUnknown: decisions.unknown,
    persons: persons.length,
    timingsMs: { score: t1 - t0, cluster: t2 - t1 - relationalMs, relational: relationalMs, total: t5 - t0 },
  };
  if (scored.truePairsInCandidates !== undefined) report.truePairsInCandidates = scored.truePairsInCandidates;
  return { persons, personOf, recordKeys: enc.recordKeys, links, reviews, report };
}
