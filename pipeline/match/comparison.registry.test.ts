import { modelFitsComparisons } from './comparison.registry.js';
import { priorModel } from './prior.model.js';

describe('modelFitsComparisons', () => {
  it('accepts a model built on the current comparisons', () => {
    expect(modelFitsComparisons(priorModel())).toBe(true);
  });

  it('refuses a model whose dob comparison has the old level list', () => {
    const model = priorModel();
    const dob = model.comparisons.find((c) => c.name === 'dob')!;
    dob.levels = dob.levels.slice(0, 5);
    expect(modelFitsComparisons(model)).toBe(false);
  });

  it('refuses a model whose level labels differ, or that names an unknown comparison', () => {
    const relabelled = priorModel();
    relabelled.comparisons[0]!.levels[0]!.label = 'something else';
    expect(modelFitsComparisons(relabelled)).toBe(false);
    const unknown = priorModel();
    unknown.comparisons.push({ name: 'shoe size', levels: [] });
    expect(modelFitsComparisons(unknown)).toBe(false);
  });
});
