import { isPlaceholderName, nameParts, normaliseName, normaliseNameEvidence } from './name.normalise.js';

describe('normaliseName', () => {
  it('lower-cases, strips accents and punctuation, splits hyphens', () => {
    expect(normaliseName("  O'Brien-Smyth ")).toBe('obrien smyth');
    expect(normaliseName('Zoë')).toBe('zoe');
    expect(normaliseName('José')).toBe('jose');
    expect(normaliseName('Łukasz')).toBe('lukasz');
    expect(normaliseName('Smith  Jones')).toBe(normaliseName('Smith-Jones'));
    expect(normaliseName(' - ')).toBeNull();
    expect(normaliseName(null)).toBeNull();
    expect(nameParts('smith jones')).toEqual(['smith', 'jones']);
  });

  it('treats placeholders as no evidence', () => {
    for (const p of ['Baby', 'UNBORN', 'Unknown', 'infant', 'Child', 'Baby of Smith', 'Baby Girl']) {
      expect(isPlaceholderName(normaliseName(p)!)).toBe(true);
      expect(normaliseNameEvidence(p)).toBeNull();
    }
    expect(normaliseNameEvidence('Babette')).toBe('babette');
  });
});
