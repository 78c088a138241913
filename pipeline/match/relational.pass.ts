/**
 * Relational evidence, as a second pass over the first-pass clusters.
 *
 * Parents stated for the same child: a school carer C stated as MOTHER of pupil P, and a
 * mention X stated by another source as MOTHER of Y, where P and Y are in the same first-pass
 * cluster (the same child) → for (C, X) the prior (lambda: two random mentions) is replaced
 * by `model.relationalPrior` (two mentions stated as the same parent of one child), when their
 * names fit
 * (forename exact/variant/near/phonetic/middle, surname fitting or missing), their sexes and
 * dates of birth do not contradict, and neither forename is a placeholder (placeholders are
 * encoded as missing, so they never fit).
 *
 * Own parent: every stated relation between two mentions makes them different people, so the
 * pair becomes cannot-link (clustering enforces it transitively: nobody becomes their own
 * parent through a chain of links).
 */
import { NULL_LEVEL } from './comparison.js';
import { FORENAME_LEVEL } from './forename.comparison.js';
import { SURNAME_LEVEL } from './surname.comparison.js';
import { DOB_LEVEL } from './dob.comparison.js';
import { indexOfKey, type EncodedMentions } from './mention.encoding.js';
import type { MatchModel } from './match.model.js';
import type { ScoredPairs } from './pair.scoring.js';
import { PairScorer, probabilityFromWeight } from './pair.scorer.js';

/** Parent role of the related mention, from the child's side. */
const PARENT_ROLE: Readonly<Record<string, 'M' | 'F' | 'P'>> = {
  MOTHER: 'M', MUM: 'M', BIRTH_MOTHER: 'M',
  FATHER: 'F', DAD: 'F', BIRTH_FATHER: 'F',
  PARENT: 'P',
};
/** Child types: the related mention is this mention's child, so this mention is a parent. */
const CHILD_TYPES = new Set(['CHILD', 'SON', 'DAUGHTER']);
/** Stated relations that never hold between a person and themselves. */
const SELF_TYPES = new Set(['SELF', 'SAME', 'ALIAS', 'DUPLICATE']);

const FORENAME_FITS = new Set<number>([
  FORENAME_LEVEL.exact, FORENAME_LEVEL.variant, FORENAME_LEVEL.jw92, FORENAME_LEVEL.jw85,
  FORENAME_LEVEL.phonetic, FORENAME_LEVEL.middle,
]);
const SURNAME_FITS = new Set<number>([
  SURNAME_LEVEL.exact, SURNAME_LEVEL.part, SURNAME_LEVEL.former, SURNAME_LEVEL.jw92,
  SURNAME_LEVEL.jw85, SURNAME_LEVEL.phonetic, NULL_LEVEL,
]);

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
  cannotLink: [number, number][];
  /** Parent statements resolved to mentions present in the data. */
  parentLinks: number;
}

export interface ParentOf {
  parent: number;
  child: number;
  role: 'M' | 'F' | 'P';
}

function rolesCompatible(x: string, y: string): boolean {
  return x === y || x === 'P' || y === 'P';
}

/**
 * What stated relationships say before any matching: the cannot-link pairs (no one is their own
 * relative) and the parent statements, resolved to mention indices.
 */
export function statedRelations(enc: EncodedMentions): { cannotLink: [number, number][]; parents: ParentOf[] } {
  const cannotLink: [number, number][] = [];
  const parents: ParentOf[] = [];
  for (let i = 0; i < enc.n; i++) {
    const rel = enc.mentions[i]?.statedRelatives;
    if (!rel) continue;
    for (const r of rel) {
      const j = indexOfKey(enc, r.recordKey);
      if (j < 0 || j === i) continue;
      const type = r.type.trim().toUpperCase();
      if (SELF_TYPES.has(type)) continue;
      cannotLink.push(i < j ? [i, j] : [j, i]);
      const role = PARENT_ROLE[type];
      if (role !== undefined) parents.push({ parent: j, child: i, role });
      else if (CHILD_TYPES.has(type)) parents.push({ parent: i, child: j, role: 'P' });
    }
  }
  cannotLink.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { cannotLink, parents };
}

export function relationalPass(
  enc: EncodedMentions,
  firstPassClusters: Int32Array,
  pairs: ScoredPairs,
  model: MatchModel,
): RelationalResult {
  if (pairs.enc !== enc) throw new RangeError('relationalPass: pairs were scored on another encoding');
  const scorer = new PairScorer(enc, model, pairs.lambda);
  const relationalPriorWeight = Math.log2(model.relationalPrior / (1 - model.relationalPrior));
  const { cannotLink, parents } = statedRelations(enc);
  // Group parent statements by the child's first-pass cluster.
  const byChild = new Map<number, ParentOf[]>();
  for (const p of parents) {
    const k = firstPassClusters[p.child] as number;
    const list = byChild.get(k);
    if (list === undefined) byChild.set(k, [p]);
    else list.push(p);
  }
  const idx = scorer.idx;
  const seen = new Set<number>();
  const boosts: RelationalBoost[] = [];
  const clusterKeys = [...byChild.keys()].sort((x, y) => x - y);
  for (const key of clusterKeys) {
    const list = byChild.get(key) as ParentOf[];
    if (list.length < 2) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const px = list[x] as ParentOf;
        const py = list[y] as ParentOf;
        if (px.child === py.child || px.parent === py.parent || !rolesCompatible(px.role, py.role)) continue;
        const a = Math.min(px.parent, py.parent);
        const b = Math.max(px.parent, py.parent);
        if (firstPassClusters[a] === firstPassClusters[b]) continue;
        const pairKey = a * enc.n + b;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const w = scorer.weight(a, b);
        const g = scorer.gamma;
        if (idx.forename < 0 || !FORENAME_FITS.has(g[idx.forename] as number)) continue;
        if (idx.surname >= 0 && !SURNAME_FITS.has(g[idx.surname] as number)) continue;
        if (idx.sex >= 0 && g[idx.sex] === 1) continue;
        if (idx.dob >= 0 && (g[idx.dob] === DOB_LEVEL.withinYear || g[idx.dob] === DOB_LEVEL.else)) continue;
        const base = w;
        const boosted = base - scorer.priorWeight + relationalPriorWeight;
        boosts.push({ a, b, baseWeight: base, weight: boosted, probability: probabilityFromWeight(boosted) });
      }
    }
  }
  return { boosts, cannotLink, parentLinks: parents.length };
}
