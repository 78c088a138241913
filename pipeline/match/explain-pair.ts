/**
 * Why a pair scored what it did: every comparison, the level hit, m, u, Bayes factor and match
 * weight, the prior and term-frequency adjustments, summing to the total weight and probability
 * (Splink's waterfall). JSON for the web app; `renderWaterfall` for the terminal.
 */
import type { MatchMention } from './match-mention.js';
import type { MatchModel } from './match.model.js';
import { encodeMentions, type EncodedMentions } from './mention.encoding.js';
import { NULL_LEVEL } from './comparison.js';
import { PairScorer, probabilityFromWeight } from './pair.scorer.js';
import { identifierKind, PAIR_KIND, PAIR_KIND_LABEL } from './identifier.rules.js';

export interface ComparisonExplanation {
  name: string;
  level: string;
  m: number | null;
  u: number | null;
  bayesFactor: number;
  weight: number;
}

export interface TfExplanation {
  comparison: string;
  /** Share of mentions holding the value. */
  frequency: number;
  weight: number;
}

export interface PairExplanation {
  a: string;
  b: string;
  priorWeight: number;
  comparisons: ComparisonExplanation[];
  tfAdjustments: TfExplanation[];
  totalWeight: number;
  /** Probability from the weight alone. */
  probability: number;
  /** Identifier rule outcome and the final probability after it. */
  rule: string;
  finalProbability: number;
}

/** Explains a pair inside an encoding (indices) with an existing scorer. */
export function explainEncodedPair(enc: EncodedMentions, scorer: PairScorer, i: number, j: number): PairExplanation {
  const total = scorer.weight(i, j);
  const gamma = scorer.gamma;
  const comparisons: ComparisonExplanation[] = [];
  const tfAdjustments: TfExplanation[] = [];
  scorer.model.comparisons.forEach((mc, k) => {
    const level = gamma[k] as number;
    if (level === NULL_LEVEL) {
      comparisons.push({ name: mc.name, level: 'null (missing)', m: null, u: null, bayesFactor: 1, weight: 0 });
      return;
    }
    const l = mc.levels[level]!;
    const weight = Math.log2(l.m / l.u);
    comparisons.push({ name: mc.name, level: l.label, m: l.m, u: l.u, bayesFactor: l.m / l.u, weight });
    if (level === 0 && scorer.tf[k] !== null) {
      const adj = scorer.tfAdjustment(k, i);
      if (adj !== 0) tfAdjustments.push({ comparison: mc.name, frequency: l.u / 2 ** adj, weight: adj });
    }
  });
  const kind = identifierKind(gamma, scorer.idx);
  const probability = probabilityFromWeight(total);
  return {
    a: enc.recordKeys[i] as string,
    b: enc.recordKeys[j] as string,
    priorWeight: scorer.priorWeight,
    comparisons,
    tfAdjustments,
    totalWeight: total,
    probability,
    rule: PAIR_KIND_LABEL[kind],
    finalProbability: kind === PAIR_KIND.identifierLink ? 1 : kind === PAIR_KIND.cannotLink ? 0 : probability,
  };
}

/** Explains two mentions under a model (term frequencies from the model's tables). */
export function explainPair(a: MatchMention, b: MatchMention, model: MatchModel): PairExplanation {
  const enc = encodeMentions([a, b]);
  const scorer = new PairScorer(enc, model);
  const i = enc.recordKeys[0] === a.recordKey ? 0 : 1;
  return explainEncodedPair(enc, scorer, i, 1 - i);
}

const fmt = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2);

/** Text waterfall: one line per step with its weight and the running total. */
export function renderWaterfall(e: PairExplanation): string {
  const rows: [string, string, string, string][] = [['step', 'level', 'weight', 'cumulative']];
  let running = e.priorWeight;
  rows.push(['prior (lambda)', '', fmt(e.priorWeight), fmt(running)]);
  for (const c of e.comparisons) {
    running += c.weight;
    const detail = c.m === null ? c.level : `${c.level} (m=${c.m.toPrecision(3)}, u=${c.u?.toPrecision(3)}, BF=${c.bayesFactor.toPrecision(3)})`;
    rows.push([c.name, detail, fmt(c.weight), fmt(running)]);
  }
  for (const t of e.tfAdjustments) {
    running += t.weight;
    rows.push([`${t.comparison} tf`, `frequency ${t.frequency.toPrecision(3)}`, fmt(t.weight), fmt(running)]);
  }
  rows.push(['total', '', fmt(e.totalWeight), `p=${e.probability.toFixed(6)}`]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  const lines = rows.map((r) => r.map((cell, c) => (c >= 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  '));
  lines.push(`rule: ${e.rule}; final probability ${e.finalProbability.toFixed(6)}`);
  return `${e.a} ~ ${e.b}\n${lines.join('\n')}`;
}
