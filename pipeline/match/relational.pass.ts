/**
 * Relational evidence, as passes over the clusters found so far (match-mentions.ts repeats
 * them until nothing new is found).
 *
 * Parents stated for the same child: a school carer C stated as MOTHER of pupil P, and a
 * mention X stated (by another school, or another source) as MOTHER of Y, where P and Y are the
 * same mention or in the same cluster (the same child) → for (C, X) the prior (lambda: two
 * random mentions) is replaced by `model.relationalPrior` (two mentions stated as the same
 * parent of one child), when their names fit (forename exact/variant/near/phonetic/middle,
 * surname fitting or missing), their sexes and dates of birth do not contradict, and neither
 * forename is a placeholder (placeholders are encoded as missing, so they never fit). A pupil
 * keeps its UPN from school to school, so the same parent listed by two schools (a different
 * contact id at each) is stated for the same pupil mention. Two GRANDPARENTs of one child
 * (up to four people) get `CO_RESIDENT_PRIOR` instead.
 *
 * A parent living with the child: C stated as MOTHER of a child whose cluster lives at a place
 * (UPRN, tenancy, full postcode) where an adult X lives too (X at least `MIN_PARENT_AGE_DAYS`
 * older than the child when both dobs are known, X's sex fitting the role) → for (C, X) the
 * prior becomes `CO_RESIDENT_PRIOR`, under the same name conditions. This is how a school
 * carer (no dob, often an old address) meets the mother's housing, health or police record.
 *
 * Own parent: every stated relation between two mentions makes them different people, so the
 * pair becomes cannot-link (clustering enforces it transitively: nobody becomes their own
 * parent through a chain of links). Conflicting roles for one child (its MOTHER and its
 * FATHER, a parent and a GRANDPARENT) are different people too: stated for the same child
 * mention they are cannot-link from the start; stated for two mentions of one child cluster
 * (MOTHER and FATHER only), they become cannot-link once that cluster is known.
 *
 * Parent age: a stated parent is born at least `MIN_PARENT_AGE_DAYS` before the child
 * (`ageBounds`, enforced by the clusterer), so a father is never merged with his namesake son.
 */
import { NULL_LEVEL, type Comparison } from './comparison.js';
import { FORENAME_LEVEL } from './forename.comparison.js';
import { SURNAME_LEVEL } from './surname.comparison.js';
import { dobLevelDiffers } from './dob.comparison.js';
import { NO_DOB, type EncodedMentions } from './mention.encoding.js';
import type { MatchModel } from './match.model.js';
import type { ScoredPairs } from './pair.scoring.js';
import { PairScorer, probabilityFromWeight } from './pair.scorer.js';
import { GrowableFloat64, GrowableInt32 } from './growable.js';

/** M mother, F father, P parent (unspecified), S step-parent, G grandparent. */
export type ParentRole = 'M' | 'F' | 'P' | 'S' | 'G';

/** Parent role of the related mention, from the child's side. */
const PARENT_ROLE: Readonly<Record<string, ParentRole>> = {
  MOTHER: 'M', MUM: 'M', BIRTH_MOTHER: 'M',
  FATHER: 'F', DAD: 'F', BIRTH_FATHER: 'F',
  PARENT: 'P',
  STEP_PARENT: 'S', STEPPARENT: 'S',
  GRANDPARENT: 'G',
};
/** Child types: the related mention is this mention's child, so this mention is a parent. */
const CHILD_TYPES = new Set(['CHILD', 'SON', 'DAUGHTER']);
/** Stated relations that never hold between a person and themselves. */
const SELF_TYPES = new Set(['SELF', 'SAME', 'ALIAS', 'DUPLICATE']);

/** Youngest age at which anyone is stated as a parent (12 years, in days). */
export const MIN_PARENT_AGE_DAYS = 4383;
/**
 * Prior that C, stated as a parent of a child, and an adult X living where that child lives
 * are the same person, before names: a household holds one or two adults of each sex.
 */
export const CO_RESIDENT_PRIOR = 0.5;

const FORENAME_FITS = new Set<number>([
  FORENAME_LEVEL.exact, FORENAME_LEVEL.variant, FORENAME_LEVEL.jw92, FORENAME_LEVEL.jw85,
  FORENAME_LEVEL.phonetic, FORENAME_LEVEL.middle,
]);
const SURNAME_FITS = new Set<number>([
  SURNAME_LEVEL.exact, SURNAME_LEVEL.part, SURNAME_LEVEL.former, SURNAME_LEVEL.jw92,
  SURNAME_LEVEL.jw85, SURNAME_LEVEL.phonetic, NULL_LEVEL,
]);
/** Sex code (mention.encoding.ts) a role implies: 2 F, 1 M, 0 none. */
const ROLE_SEX: Readonly<Record<ParentRole, number>> = { M: 2, F: 1, P: 0, S: 0, G: 0 };

export interface RelationalBoost {
  a: number;
  b: number;
  /** Weight before and after the relational Bayes factor. */
  baseWeight: number;
  weight: number;
  probability: number;
}

export interface RelationalResult {
  boosts: RelationalBoost[];
  /** Pairs found different by conflicting parent roles over a cluster (not the stated ones). */
  cannotLink: [number, number][];
  /** Parent statements resolved to mentions present in the data. */
  parentLinks: number;
}

export interface ParentOf {
  parent: number;
  child: number;
  role: ParentRole;
}

/** Per mention, in day numbers: NO_DOB when unbounded. */
export interface AgeBounds {
  /** Born on or before this day: a stated parent of a child born 12 years later. */
  latestBirth: Int32Array;
  /** Born on or after this day: a stated child of a parent born 12 years earlier. */
  earliestBirth: Int32Array;
}

/** Both may be the same person's role for one child (one of them unspecified, or equal). */
function rolesCompatible(x: ParentRole, y: ParentRole): boolean {
  if (x === 'G' || y === 'G') return false;
  return x === y || x === 'P' || y === 'P';
}

/** One person cannot hold both roles for one child. */
function rolesConflict(x: ParentRole, y: ParentRole): boolean {
  return x !== y && isDefiniteRole(x) && isDefiniteRole(y);
}

function isDefiniteRole(r: ParentRole): boolean {
  return r === 'M' || r === 'F' || r === 'G';
}

/**
 * What stated relationships say before any matching: the cannot-link pairs (no one is their own
 * relative; one child's MOTHER is not its FATHER), the parent statements resolved to mention
 * indices, and the birth bounds they imply.
 */
export function statedRelations(enc: EncodedMentions): { cannotLink: [number, number][]; parents: ParentOf[]; ageBounds: AgeBounds } {
  // Pairs as i * n + j (i < j): a county's million are sorted as numbers, then made pairs.
  const cannotKeys = new GrowableFloat64();
  const n = enc.n;
  const parents: ParentOf[] = [];
  const { from, to, type: types } = enc.stated;
  const normalisedType = new Map<string, string>();
  for (let x = 0; x < from.length; x++) {
    const i = from[x] as number;
    const j = to[x] as number;
    if (j < 0 || j === i) continue;
    const raw = types[x] as string;
    let type = normalisedType.get(raw);
    if (type === undefined) {
      type = raw.trim().toUpperCase();
      normalisedType.set(raw, type);
    }
    if (SELF_TYPES.has(type)) continue;
    cannotKeys.push(i < j ? i * n + j : j * n + i);
    const role = PARENT_ROLE[type];
    if (role !== undefined) parents.push({ parent: j, child: i, role });
    else if (CHILD_TYPES.has(type)) parents.push({ parent: i, child: j, role: 'P' });
  }
  // Conflicting roles stated for one child mention.
  const byChild = new Map<number, ParentOf[]>();
  for (const p of parents) {
    const list = byChild.get(p.child);
    if (list === undefined) byChild.set(p.child, [p]);
    else list.push(p);
  }
  for (const list of byChild.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const px = list[x] as ParentOf;
        const py = list[y] as ParentOf;
        if (px.parent !== py.parent && rolesConflict(px.role, py.role)) {
          cannotKeys.push(px.parent < py.parent ? px.parent * n + py.parent : py.parent * n + px.parent);
        }
      }
    }
  }
  const sortedKeys = cannotKeys.toArray().sort();
  const cannotLink: [number, number][] = [];
  for (const key of sortedKeys) {
    const i = Math.floor(key / n);
    cannotLink.push([i, key - i * n]);
  }
  const latestBirth = new Int32Array(enc.n).fill(NO_DOB);
  const earliestBirth = new Int32Array(enc.n).fill(NO_DOB);
  for (const p of parents) {
    if (p.role === 'G') continue;
    const childDob = enc.dobDay[p.child] as number;
    if (childDob !== NO_DOB) {
      const bound = childDob - MIN_PARENT_AGE_DAYS;
      const cur = latestBirth[p.parent] as number;
      if (cur === NO_DOB || bound < cur) latestBirth[p.parent] = bound;
    }
    const parentDob = enc.dobDay[p.parent] as number;
    if (parentDob !== NO_DOB) {
      const bound = parentDob + MIN_PARENT_AGE_DAYS;
      const cur = earliestBirth[p.child] as number;
      if (cur === NO_DOB || bound > cur) earliestBirth[p.child] = bound;
    }
  }
  return { cannotLink, parents, ageBounds: { latestBirth, earliestBirth } };
}

/** Members of each cluster label (label = smallest member index), as CSR. */
function clusterMembers(labels: Int32Array): { offsets: Int32Array; data: Int32Array } {
  const n = labels.length;
  const counts = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) counts[(labels[i] as number) + 1]!++;
  for (let i = 0; i < n; i++) counts[i + 1]! += counts[i] as number;
  const fill = counts.slice(0, n);
  const data = new Int32Array(n);
  for (let i = 0; i < n; i++) data[fill[labels[i] as number]!++] = i;
  return { offsets: counts, data };
}

/** Place tokens of a mention: UPRN / tenancy ids (even) and full postcodes (odd). */
function placeTokens(enc: EncodedMentions, i: number, out: number[]): void {
  const p = enc.placeIds;
  for (let k = p.offsets[i] as number; k < (p.offsets[i + 1] as number); k++) out.push((p.data[k] as number) * 2);
  const c = enc.postcodeFull;
  for (let k = c.offsets[i] as number; k < (c.offsets[i + 1] as number); k++) out.push((c.data[k] as number) * 2 + 1);
}

/** Mentions per place token (UPRN / tenancy ids and full postcodes). */
function placeIndex(enc: EncodedMentions): Map<number, number[]> {
  const tokens: number[] = [];
  const byPlace = new Map<number, number[]>();
  for (let i = 0; i < enc.n; i++) {
    tokens.length = 0;
    placeTokens(enc, i, tokens);
    for (const t of tokens) {
      const list = byPlace.get(t);
      if (list === undefined) byPlace.set(t, [i]);
      else list.push(i);
    }
  }
  return byPlace;
}

/** `fit` of a pair whose names, sexes or dobs rule it out. */
const NO_FIT = Number.NaN;

/**
 * The relational pass over one encoding, run once per round of clustering: the scorer and the
 * place index are built once and reused by later rounds.
 */
export class RelationalPass {
  private readonly scorer: PairScorer;
  private readonly byPlace: Map<number, number[]>;

  constructor(
    private readonly enc: EncodedMentions,
    pairs: ScoredPairs,
    private readonly model: MatchModel,
    private readonly stated: ReturnType<typeof statedRelations> = statedRelations(enc),
  ) {
    if (pairs.enc !== enc) throw new RangeError('relationalPass: pairs were scored on another encoding');
    this.scorer = new PairScorer(enc, model, pairs.lambda);
    this.byPlace = placeIndex(enc);
    this.tokenEpoch = new Int32Array(2 * Math.max(enc.places.size, enc.postcodes.size) + 2);
    this.mentionEpoch = new Int32Array(enc.n);
  }

  /** Scratch for gathering a child cluster's co-residents: a stamp per place token and per mention. */
  private epoch = 0;
  private readonly tokenEpoch: Int32Array;
  private readonly mentionEpoch: Int32Array;
  private readonly found = new GrowableInt32();

  /** Level of comparison `k` for (a, b), or -1 when the model lacks the comparison. */
  private level(k: number, a: number, b: number): number {
    return k < 0 ? -1 : (this.scorer.comparisons[k] as Comparison).compare(this.enc, a, b);
  }

  /**
   * Weight of (a, b) when their names fit one person and their sexes and dobs do not contradict
   * it; NaN otherwise. The gates are checked one comparison at a time before the pair is scored:
   * most pairs a pass considers (every adult at the child's postcode) fail the forename alone.
   */
  private fit(a: number, b: number): number {
    const idx = this.scorer.idx;
    if (idx.forename < 0 || !FORENAME_FITS.has(this.level(idx.forename, a, b))) return NO_FIT;
    if (idx.surname >= 0 && !SURNAME_FITS.has(this.level(idx.surname, a, b))) return NO_FIT;
    if (this.level(idx.sex, a, b) === 1) return NO_FIT;
    if (dobLevelDiffers(this.level(idx.dob, a, b))) return NO_FIT;
    return this.scorer.weight(a, b);
  }

  run(clusters: Int32Array): RelationalResult {
    const enc = this.enc;
    const scorer = this.scorer;
    const relationalPriorWeight = Math.log2(this.model.relationalPrior / (1 - this.model.relationalPrior));
    const coResidentPriorWeight = Math.log2(CO_RESIDENT_PRIOR / (1 - CO_RESIDENT_PRIOR));
    const { parents } = this.stated;
    // Group parent statements by the child's cluster.
    const byChild = new Map<number, ParentOf[]>();
    for (const p of parents) {
      const k = clusters[p.child] as number;
      const list = byChild.get(k);
      if (list === undefined) byChild.set(k, [p]);
      else list.push(p);
    }
    const best = new Map<number, RelationalBoost>();
    const cannot = new Set<number>();
    const cannotLink: [number, number][] = [];
    /** Keeps the boost of (x, y) when the names fit; `priorWeight` replaces lambda's. */
    const consider = (x: number, y: number, priorWeight: number): void => {
      if (x === y || clusters[x] === clusters[y]) return;
      const a = Math.min(x, y);
      const b = Math.max(x, y);
      const w = this.fit(a, b);
      if (Number.isNaN(w)) return;
      const pairKey = a * enc.n + b;
      const boosted = w - scorer.priorWeight + priorWeight;
      const prev = best.get(pairKey);
      if (prev !== undefined && prev.weight >= boosted) return;
      best.set(pairKey, { a, b, baseWeight: w, weight: boosted, probability: probabilityFromWeight(boosted) });
    };
    const tokens: number[] = [];
    const members = clusterMembers(clusters);

    const clusterKeys = [...byChild.keys()].sort((x, y) => x - y);
    for (const key of clusterKeys) {
      const list = byChild.get(key) as ParentOf[];
      // Same parent stated twice for one child.
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const px = list[x] as ParentOf;
          const py = list[y] as ParentOf;
          if (px.parent === py.parent || clusters[px.parent] === clusters[py.parent]) continue;
          if ((px.role === 'M' && py.role === 'F') || (px.role === 'F' && py.role === 'M')) {
            const a = Math.min(px.parent, py.parent);
            const b = Math.max(px.parent, py.parent);
            if (!cannot.has(a * enc.n + b)) {
              cannot.add(a * enc.n + b);
              cannotLink.push([a, b]);
            }
            continue;
          }
          if (px.role === 'G' && py.role === 'G') consider(px.parent, py.parent, coResidentPriorWeight);
          else if (rolesCompatible(px.role, py.role)) consider(px.parent, py.parent, relationalPriorWeight);
        }
      }
      // Adults living where the child lives: the other mentions at the cluster's places, each
      // once (marked with this cluster's epoch), in index order.
      const epoch = ++this.epoch;
      let childDob = NO_DOB;
      let anyPlace = false;
      const found = this.found;
      found.length = 0;
      for (let k = members.offsets[key] as number; k < (members.offsets[key + 1] as number); k++) {
        const m = members.data[k] as number;
        const d = enc.dobDay[m] as number;
        if (d !== NO_DOB && (childDob === NO_DOB || d < childDob)) childDob = d;
        placeTokens(enc, m, tokens);
        for (const t of tokens) {
          anyPlace = true;
          if (this.tokenEpoch[t] === epoch) continue;
          this.tokenEpoch[t] = epoch;
          const atPlace = this.byPlace.get(t);
          if (atPlace === undefined) continue;
          for (const x of atPlace) {
            if (clusters[x] === key || this.mentionEpoch[x] === epoch) continue;
            this.mentionEpoch[x] = epoch;
            found.push(x);
          }
        }
        tokens.length = 0;
      }
      if (!anyPlace) continue;
      const sortedCandidates = found.data.subarray(0, found.length).sort();
      for (const p of list) {
        const roleSex = ROLE_SEX[p.role];
        for (const x of sortedCandidates) {
          if (clusters[x] === clusters[p.parent]) continue;
          const sx = enc.sex[x] as number;
          if (roleSex !== 0 && sx !== 0 && sx !== roleSex) continue;
          const dx = enc.dobDay[x] as number;
          if (dx !== NO_DOB && (childDob === NO_DOB || dx > childDob - MIN_PARENT_AGE_DAYS)) continue;
          consider(p.parent, x, coResidentPriorWeight);
        }
      }
    }
    const boosts = [...best.values()].sort((p, q) => p.a - q.a || p.b - q.b);
    cannotLink.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
    return { boosts, cannotLink, parentLinks: parents.length };
  }
}

export function relationalPass(
  enc: EncodedMentions,
  clusters: Int32Array,
  pairs: ScoredPairs,
  model: MatchModel,
  stated: ReturnType<typeof statedRelations> = statedRelations(enc),
): RelationalResult {
  return new RelationalPass(enc, pairs, model, stated).run(clusters);
}
