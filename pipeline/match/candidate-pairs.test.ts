import { matchMention, type MatchMention } from './match-mention.js';
import { encodeMentions } from './mention.encoding.js';
import { CandidatePairs } from './candidate-pairs.js';
import { DEFAULT_BLOCKING_RULES, dobRule } from './blocking.rules.js';
import { mulberry32 } from './prng.js';

function randomMentions(n: number, seed: number): MatchMention[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: n }, (_, i) =>
    matchMention({
      recordKey: `t:m:${i}`,
      forename: pick(['Ann', 'Bob', 'Cat', 'Dan', null]),
      surname: pick(['Smith', 'Smyth', 'Jones', 'Khan']),
      dob: pick(['2015-03-04', '2015-04-03', '2016-01-01', null]),
      postcodes: pick([[], ['LE1 1AB'], ['LE1 1ZZ', 'NG7 2RD']]),
      householdKeys: pick([[], ['h:1'], ['h:2']]),
    }),
  );
}

describe('candidate pairs', () => {
  it('emits exactly the union of the rules, each pair once', () => {
    const enc = encodeMentions(randomMentions(120, 3));
    const seen = new Map<string, number>();
    // filterAbove 0: every block filtered, so the brute force below can apply filters to all.
    new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { maxBlockSize: 10_000, filterAbove: 0 }).forEach((i, j) => {
      expect(i).toBeLessThan(j);
      const k = `${i},${j}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    });
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    // Brute force: a pair is a candidate iff some rule gives both a common key.
    let expected = 0;
    const keys = (r: (typeof DEFAULT_BLOCKING_RULES)[number], i: number): number[] => {
      const out: number[] = [];
      r.keys(enc, i, out);
      return out;
    };
    for (let i = 0; i < enc.n; i++) for (let j = i + 1; j < enc.n; j++) {
      const together = DEFAULT_BLOCKING_RULES.some((r) => keys(r, i).some((k) => keys(r, j).includes(k)) && (r.filter?.(enc, i, j) ?? true));
      if (together) {
        expected++;
        expect(seen.has(`${i},${j}`)).toBe(true);
      }
    }
    expect(seen.size).toBe(expected);
  });

  it('applies rule filters only to blocks above filterAbove', () => {
    const enc = encodeMentions(randomMentions(120, 9));
    let unfiltered = 0;
    new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { filterAbove: 10_000 }).forEach(() => unfiltered++);
    let filtered = 0;
    new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { filterAbove: 0 }).forEach(() => filtered++);
    expect(filtered).toBeLessThan(unfiltered);
  });

  it('skips oversized blocks and reports them', () => {
    const mentions = Array.from({ length: 30 }, (_, i) => matchMention({ recordKey: `t:m:${i}`, dob: '2015-03-04' }));
    const enc = encodeMentions(mentions);
    let pairs = 0;
    const report = new CandidatePairs(enc, [dobRule], { maxBlockSize: 20 }).forEach(() => pairs++);
    expect(pairs).toBe(0);
    expect(report.rules[0]).toMatchObject({ rule: 'dob', skippedKeys: 1, pairs: 0 });
    expect(report.skipped).toEqual([{ rule: 'dob', size: 30 }]);
    let all = 0;
    new CandidatePairs(enc, [dobRule], { maxBlockSize: 30 }).forEach(() => all++);
    expect(all).toBe(435);
  });

  it('restricts to pairs involving a delta', () => {
    const enc = encodeMentions(randomMentions(60, 5));
    const involving = new Uint8Array(enc.n);
    involving[7] = 1;
    new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { involving }).forEach((i, j) => {
      expect(i === 7 || j === 7).toBe(true);
    });
  });
});
