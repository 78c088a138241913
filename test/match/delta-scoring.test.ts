import { generateSyntheticCounty } from '../../pipeline/match/benchmarks/synthetic-county.js';
import { scoreForRun, type RunScoring } from '../../pipeline/match/delta.scoring.js';
import { encodeMentions } from '../../pipeline/match/mention.encoding.js';
import { trainModel } from '../../pipeline/match/model.training.js';
import type { MatchMention } from '../../pipeline/match/match-mention.js';
import { matchScored } from '../../pipeline/match/match-mentions.js';
import { narrowPairs } from '../../pipeline/match/pair.scoring.js';
import { weightFromProbability } from '../../pipeline/match/pair.scorer.js';

const REVIEW = 0.5;

/** Pairs as sorted `a|b|weight|kind` lines by record key, so two encodings compare. */
function pairLines(run: RunScoring): string[] {
  const { scored } = run;
  const keys = scored.enc.recordKeys;
  const lines: string[] = [];
  for (let e = 0; e < scored.count; e++) {
    lines.push(`${keys[scored.a[e]!]}|${keys[scored.b[e]!]}|${scored.weight[e]}|${scored.kind[e]}`);
  }
  return lines.sort();
}

describe('delta scoring', () => {
  const { mentions } = generateSyntheticCounty(6000, 11);
  const model = trainModel(mentions, { trainedAt: 'test' });
  // Every fifth mention arrives later; a few early ones change in the later delivery.
  const early = mentions.filter((_, i) => i % 5 !== 0);
  const changedKeys = new Set(early.filter((_, i) => i % 97 === 0).map((m) => m.recordKey));
  const later: MatchMention[] = mentions.map((m) =>
    changedKeys.has(m.recordKey)
      ? { ...m, postcodes: [], forename: m.forename === null ? 'ann' : `${m.forename}e` }
      : m,
  );

  it('scores only pairs touching new or changed mentions and gives the pairs a full scoring gives', async () => {
    const encEarly = encodeMentions(early);
    const first = await scoreForRun(encEarly, model, 1, null, {
      populationSize: encEarly.n,
      minProbability: REVIEW,
    });
    expect(first.delta).toBeNull();

    const enc = encodeMentions(later);
    const delta = await scoreForRun(enc, model, 1, first.state, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    const full = await scoreForRun(encodeMentions(later), model, 1, null, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    expect(delta.delta).not.toBeNull();
    expect(delta.delta!.involved).toBeGreaterThanOrEqual(
      mentions.length - early.length + changedKeys.size,
    );
    expect(delta.delta!.involved).toBeLessThan(enc.n / 2);
    expect(delta.delta!.reusedPairs).toBeGreaterThan(0);
    expect(delta.delta!.scoredPairs).toBeLessThan(full.scored.scored);
    expect(pairLines(delta)).toEqual(pairLines(full));

    // And the same people.
    const minWeight = weightFromProbability(REVIEW);
    const people = (run: RunScoring): string[] => {
      const r = matchScored(narrowPairs(run.scored, minWeight), model, { populationSize: enc.n });
      return r.persons.map((p) => p.join(' ')).sort();
    };
    expect(people(delta)).toEqual(people(full));
  });

  it('scores all pairs when the model changed', async () => {
    const enc = encodeMentions(early);
    const first = await scoreForRun(enc, model, 1, null, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    const again = await scoreForRun(enc, model, 2, first.state, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    expect(again.delta).toBeNull();
    expect(again.fullBecause).toBe('model changed');
  });

  it('reuses every stored pair when nothing changed', async () => {
    const enc = encodeMentions(early);
    const first = await scoreForRun(enc, model, 1, null, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    const again = await scoreForRun(encodeMentions(early), model, 1, first.state, {
      populationSize: enc.n,
      minProbability: REVIEW,
    });
    expect(again.delta?.scoredPairs).toBeLessThan(first.scored.scored / 10);
    expect(pairLines(again)).toEqual(pairLines(first));
  });
});
