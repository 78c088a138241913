import { jaro, jaroWinkler, jaroWinklerUpperBound, JaroWinklerTable } from './jaro-winkler.js';

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.961],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.813],
    ['JELLYFISH', 'SMELLYFISH', 0.896],
  ])('%s / %s = %d', (a, b, expected) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3);
    expect(jaroWinkler(b, a)).toBeCloseTo(expected, 3);
  });

  it('gives the known Jaro values', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.944, 3);
    expect(jaro('DWAYNE', 'DUANE')).toBeCloseTo(0.822, 3);
    expect(jaro('DIXON', 'DICKSONX')).toBeCloseTo(0.767, 3);
  });

  it('handles identical, empty and disjoint strings', () => {
    expect(jaroWinkler('smith', 'smith')).toBe(1);
    expect(jaroWinkler('', '')).toBe(1);
    expect(jaroWinkler('abc', '')).toBe(0);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
  });

  it('upper bound is never below the similarity', () => {
    const names = ['ann', 'anne', 'annabel', 'jo', 'joanna', 'smith', 'smyth', 'alexander'];
    for (const a of names) for (const b of names) {
      expect(jaroWinklerUpperBound(a.length, b.length)).toBeGreaterThanOrEqual(jaroWinkler(a, b) - 1e-12);
    }
  });
});

describe('JaroWinklerTable', () => {
  it('agrees with jaroWinkler whenever the value reaches the floor', () => {
    const words = ['martha', 'marhta', 'dwayne', 'duane', 'dixon', 'dicksonx', 'smith', 'smyth', 'smithe',
      'jones', 'johns', 'mohammed', 'muhammad', 'katarzyna', 'kasia', 'a', 'ab', 'ba', 'london', 'lonon', 'loodon'];
    const table = new JaroWinklerTable(words);
    for (let a = 0; a < words.length; a++) for (let b = 0; b < words.length; b++) {
      const exact = jaroWinkler(words[a]!, words[b]!);
      const t = table.similarity(a, b, 0.85);
      if (exact >= 0.85) expect(t).toBeCloseTo(exact, 12);
      else expect(t).toBeLessThan(0.85);
      expect(table.similarity(a, b, 0)).toBeCloseTo(exact, 12);
    }
  });
});
