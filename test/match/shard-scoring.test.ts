import { generateSyntheticCounty } from '../../pipeline/match/benchmarks/synthetic-county.js';
import { blockingRulesFor } from '../../pipeline/match/blocking.rules.js';
import { CandidatePairs } from '../../pipeline/match/candidate-pairs.js';
import { encodeMentions } from '../../pipeline/match/mention.encoding.js';
import { trainModel } from '../../pipeline/match/model.training.js';
import type { ScoredPairs } from '../../pipeline/match/pair.scoring.js';
import { scoreInShards } from '../../pipeline/match/shard-scoring.js';

/** Kept pairs as sorted `a|b|weight|evidence|probability|kind` lines: shards change the order only. */
function pairLines(scored: ScoredPairs): string[] {
  const lines: string[] = [];
  for (let e = 0; e < scored.count; e++) {
    lines.push(`${scored.a[e]}|${scored.b[e]}|${scored.weight[e]}|${scored.evidence[e]}|${scored.probability[e]}|${scored.kind[e]}`);
  }
  return lines.sort();
}

describe('scoring in shards on worker threads', () => {
  const { mentions } = generateSyntheticCounty(3000, 5);
  const enc = encodeMentions(mentions);
  const model = trainModel(enc, { trainedAt: 'test' });
  const options = { minProbability: 0.5, marginBits: 2, dropCannotLinks: true, populationSize: enc.n };

  it('keeps the pairs, weights and blocking counts one thread keeps', async () => {
    const candidates = new CandidatePairs(enc, blockingRulesFor(enc));
    const one = await scoreInShards(candidates, model, { ...options, threads: 1 });
    const three = await scoreInShards(candidates, model, { ...options, threads: 3 });
    expect(one.count).toBeGreaterThan(1000);
    expect(three.count).toBe(one.count);
    expect(pairLines(three)).toEqual(pairLines(one));
    expect(three.scored).toBe(one.scored);
    expect(three.identifierCannotLinks).toBe(one.identifierCannotLinks);
    expect(three.blocking.candidatePairs).toBe(one.blocking.candidatePairs);
    expect(three.blocking.rules).toEqual(one.blocking.rules);
  }, 60_000);

  it('scores a delta (pairs involving marked mentions) the same way', async () => {
    const involving = new Uint8Array(enc.n);
    for (let i = 0; i < enc.n; i += 7) involving[i] = 1;
    const candidates = new CandidatePairs(enc, blockingRulesFor(enc), { involving });
    const one = await scoreInShards(candidates, model, { ...options, threads: 1 });
    const two = await scoreInShards(candidates, model, { ...options, threads: 2 });
    expect(one.count).toBeGreaterThan(100);
    expect(pairLines(two)).toEqual(pairLines(one));
    expect(two.scored).toBe(one.scored);
  }, 60_000);
});
