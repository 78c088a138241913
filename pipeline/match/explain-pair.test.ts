import { matchMention } from './match-mention.js';
import { explainPair, renderWaterfall } from './explain-pair.js';
import { priorModel } from './prior.model.js';
import { probabilityFromWeight } from './pair.scorer.js';

describe('explainPair', () => {
  const model = priorModel();
  model.tf = { surname: { total: 1000, values: { pemberton: 0.002 } } };
  const a = matchMention({ recordKey: 'a:x:1', forename: 'William', surname: 'Pemberton', dob: '2015-03-04', sex: 'M', postcodes: ['LE1 1AB'] });
  const b = matchMention({ recordKey: 'b:x:2', forename: 'Bill', surname: 'Pemberton', dob: '2015-04-03', sex: 'U', postcodes: ['LE1 1ZZ'] });

  it('lists every comparison and sums to the total', () => {
    const e = explainPair(a, b, model);
    expect(e.comparisons.map((c) => c.name)).toEqual(['forename', 'surname', 'dob', 'sex', 'address', 'nhs', 'upn']);
    expect(e.comparisons.map((c) => c.level)).toEqual([
      'nickname/variant', 'exact', 'day/month swapped', 'null (missing)', 'postcode sector', 'null (missing)', 'null (missing)',
    ]);
    const sum = e.priorWeight + e.comparisons.reduce((s, c) => s + c.weight, 0) + e.tfAdjustments.reduce((s, t) => s + t.weight, 0);
    expect(sum).toBeCloseTo(e.totalWeight, 10);
    expect(e.probability).toBeCloseTo(probabilityFromWeight(e.totalWeight), 12);
    for (const c of e.comparisons) if (c.m !== null) expect(c.weight).toBeCloseTo(Math.log2(c.m / c.u!), 12);
    expect(e.tfAdjustments).toHaveLength(1);
    expect(e.tfAdjustments[0]!.frequency).toBeCloseTo(0.002, 12);
    expect(e.finalProbability).toBe(e.probability);
  });

  it('is symmetric and renders a waterfall', () => {
    const e = explainPair(a, b, model);
    expect(explainPair(b, a, model).totalWeight).toBeCloseTo(e.totalWeight, 12);
    const text = renderWaterfall(e);
    expect(text.split('\n')[0]).toBe('a:x:1 ~ b:x:2');
    expect(text).toContain('prior (lambda)');
    expect(text).toContain('surname tf');
    expect(text).toContain(e.totalWeight >= 0 ? `+${e.totalWeight.toFixed(2)}` : e.totalWeight.toFixed(2));
  });
});
