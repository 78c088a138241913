import { matchMention, type MatchMention } from './match-mention.js';
import { encodeMentions } from './mention.encoding.js';
import { CandidatePairs } from './candidate-pairs.js';
import { DEFAULT_BLOCKING_RULES, dobRule, dobsCompatible, dobsWithinSlip, forenameSectorRule, namePhoneticYearRule, namesEitherOrderRule, sexesCompatible, sharePostcode, surnameSectorRule } from './blocking.rules.js';
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
      sex: pick(['M', 'F', 'U'] as const),
    }),
  );
}

describe('candidate pairs', () => {
  it('emits exactly the union of the rules, each pair once', () => {
    const enc = encodeMentions(randomMentions(120, 3));
    const seen = new Map<string, number>();
    // filterAbove 0: every block filtered, so the brute force below can apply filters to all.
    const candidates = new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { maxBlockSize: 10_000, filterAbove: 0 });
    candidates.forEach((i, j) => {
      expect(i).toBeLessThan(j);
      const k = `${i},${j}`;
      seen.set(k, (seen.get(k) ?? 0) + 1);
    });
    expect([...seen.values()].every((c) => c === 1)).toBe(true);
    // Brute force: a pair is a candidate iff some rule gives both a common key and the pair
    // passes its filter; `emits` agrees.
    let expected = 0;
    const keys = (r: (typeof DEFAULT_BLOCKING_RULES)[number], i: number): number[] => {
      const out: number[] = [];
      r.keys(enc, i, out);
      return out;
    };
    for (let i = 0; i < enc.n; i++) for (let j = i + 1; j < enc.n; j++) {
      const together = DEFAULT_BLOCKING_RULES.some((r) => keys(r, i).some((k) => keys(r, j).includes(k)) && (r.filter?.(enc, i, j) ?? true));
      expect(candidates.emits(i, j)).toBe(together);
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

  it('builds the same candidate pairs from another instance\'s index (a scoring thread), for the same rules only', () => {
    const enc = encodeMentions(randomMentions(120, 8));
    const pairs = (c: CandidatePairs): string[] => {
      const out: string[] = [];
      c.forEach((i, j, r) => out.push(`${i},${j},${r}`));
      return out;
    };
    const built = new CandidatePairs(enc, DEFAULT_BLOCKING_RULES, { filterAbove: 3 });
    const wire = structuredClone(built.wireIndexes());
    const copied = CandidatePairs.fromWire(enc, DEFAULT_BLOCKING_RULES, { filterAbove: 3 }, wire);
    expect(pairs(built).length).toBeGreaterThan(0);
    expect(pairs(copied)).toEqual(pairs(built));
    expect(() => CandidatePairs.fromWire(enc, DEFAULT_BLOCKING_RULES.slice(1), {}, wire)).toThrow(/other rules/);
  });

  it('compares a big block of one name only where two dobs could be one person\'s or the names are swapped', () => {
    // 40 Oliver Smiths born in different years, one with no dob, one recorded as Smith Oliver.
    const mentions = Array.from({ length: 40 }, (_, i) =>
      matchMention({ recordKey: `t:m:${String(i).padStart(2, '0')}`, forename: 'Oliver', surname: 'Smith', dob: `${1950 + i}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, postcodes: ['LE1 1AB'] }),
    );
    mentions.push(matchMention({ recordKey: 't:m:nodob', forename: 'Oliver', surname: 'Smith', dob: null }));
    mentions.push(matchMention({ recordKey: 't:m:swapped', forename: 'Smith', surname: 'Oliver', dob: '1931-01-01' }));
    mentions.push(matchMention({ recordKey: 't:m:slip', forename: 'Oliver', surname: 'Smith', dob: '1950-01-02' }));
    const enc = encodeMentions(mentions);
    const seen: string[] = [];
    new CandidatePairs(enc, [namesEitherOrderRule], { filterAbove: 30 }).forEach((i, j) => {
      seen.push(`${enc.recordKeys[i]}|${enc.recordKeys[j]}`);
      expect(dobsCompatible(enc, i, j) || enc.recordKeys[i] === 't:m:swapped' || enc.recordKeys[j] === 't:m:swapped').toBe(true);
    });
    // No dob: compared with the swapped name only (the surname + initial rule compares it with
    // the others); swapped: with the 42 others; the slip with 1950.
    expect(seen.filter((p) => p.includes('t:m:nodob'))).toEqual(['t:m:nodob|t:m:swapped']);
    expect(seen.filter((p) => p.includes('t:m:swapped'))).toHaveLength(42);
    expect(seen).toContain('t:m:00|t:m:slip');
    expect(seen).not.toContain('t:m:00|t:m:05');
    // A small block compares everything (filters apply above filterAbove only).
    let all = 0;
    new CandidatePairs(enc, [namesEitherOrderRule], { filterAbove: 100 }).forEach(() => all++);
    expect(all).toBe((43 * 42) / 2);
  });

  it('keeps siblings and other families of one surname and sector apart in a big block, not forename variants, dob slips or one postcode', () => {
    // 35 Khans of one sector, each at a postcode of their own, born years apart.
    const unit = (i: number): string => `LE1 1${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(i / 20)]!}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]!}`;
    const mentions = Array.from({ length: 35 }, (_, i) =>
      matchMention({ recordKey: `t:s:${String(i).padStart(2, '0')}`, forename: ['Amy', 'Ben', 'Cal', 'Dee', 'Eve', 'Fin', 'Gus'][i % 7]!, surname: 'Khan', dob: `${2000 + i}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`, postcodes: [unit(i)] }),
    );
    mentions.push(matchMention({ recordKey: 't:s:amie', forename: 'Amie', surname: 'Khan', dob: '2000-01-02', postcodes: [unit(40)] }));
    mentions.push(matchMention({ recordKey: 't:s:older', forename: 'Amie', surname: 'Khan', dob: '1990-01-01', postcodes: [unit(41)] }));
    mentions.push(matchMention({ recordKey: 't:s:renamed', forename: 'Zara', surname: 'Khan', dob: null, postcodes: [unit(0)] }));
    mentions.push(matchMention({ recordKey: 't:s:zoe', forename: 'Zoe', surname: 'Khan', dob: null, postcodes: [unit(42)] }));
    const enc = encodeMentions(mentions);
    const seen = new Set<string>();
    new CandidatePairs(enc, [surnameSectorRule]).forEach((i, j) => seen.add(`${enc.recordKeys[i]}|${enc.recordKeys[j]}`));
    // Siblings, and one forename born seven years apart: dobs that cannot be one person's.
    expect(seen.has('t:s:00|t:s:01')).toBe(false);
    expect(seen.has('t:s:00|t:s:07')).toBe(false);
    // A forename variant with a dob slip; another forename without a dob only at one postcode.
    expect(seen.has('t:s:00|t:s:amie')).toBe(true);
    expect(seen.has('t:s:00|t:s:older')).toBe(false);
    expect(seen.has('t:s:00|t:s:renamed')).toBe(true);
    expect(seen.has('t:s:00|t:s:zoe')).toBe(false);
  });

  it('compares one forename of other surnames in a big sector block only at one postcode, by sound or by two dobs that could agree', () => {
    const unit = (i: number): string => `LE2 3${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(i / 20)]!}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]!}`;
    const mentions = Array.from({ length: 35 }, (_, i) =>
      matchMention({ recordKey: `t:f:${String(i).padStart(2, '0')}`, forename: 'Olivia', surname: `Zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`, dob: null, postcodes: [unit(i)] }),
    );
    mentions.push(matchMention({ recordKey: 't:f:married', forename: 'Olivia', surname: 'Patel', dob: '1990-05-06', postcodes: [unit(0)] }));
    mentions.push(matchMention({ recordKey: 't:f:smith', forename: 'Olivia', surname: 'Smith', dob: null, postcodes: [unit(50)] }));
    mentions.push(matchMention({ recordKey: 't:f:smyth', forename: 'Olivia', surname: 'Smyth', dob: '1990-05-06', postcodes: [unit(51)] }));
    mentions.push(matchMention({ recordKey: 't:f:jones', forename: 'Olivia', surname: 'Jones', dob: '1990-06-05', postcodes: [unit(52)] }));
    const enc = encodeMentions(mentions);
    const seen = new Set<string>();
    new CandidatePairs(enc, [forenameSectorRule]).forEach((i, j) => seen.add(`${enc.recordKeys[i]}|${enc.recordKeys[j]}`));
    expect(seen.has('t:f:00|t:f:married')).toBe(true); // one postcode
    expect(seen.has('t:f:01|t:f:married')).toBe(false); // a dob missing, elsewhere in the sector
    expect(seen.has('t:f:smith|t:f:smyth')).toBe(true); // surnames sound alike
    expect(seen.has('t:f:jones|t:f:married')).toBe(true); // two dobs that could be one person's
    expect(seen.has('t:f:00|t:f:01')).toBe(false);
  });

  it('compares two recorded sexes in a small block (a sex keyed wrongly), not in a big dob block', () => {
    const mentions = [
      matchMention({ recordKey: 't:g:a', forename: 'Sam', surname: 'Lee', dob: '2010-02-03', sex: 'M' }),
      matchMention({ recordKey: 't:g:b', forename: 'Sam', surname: 'Lee', dob: '2010-02-03', sex: 'F' }),
      matchMention({ recordKey: 't:g:c', forename: 'Sam', surname: 'Lee', dob: '2010-02-03', sex: 'U' }),
    ];
    const enc = encodeMentions(mentions);
    expect(sexesCompatible(enc, 0, 1)).toBe(false);
    expect(sexesCompatible(enc, 0, 2)).toBe(true);
    const pairs = (filterAbove: number): string[] => {
      const seen: string[] = [];
      new CandidatePairs(enc, [dobRule], { filterAbove }).forEach((i, j) => seen.push(`${enc.recordKeys[i]}|${enc.recordKeys[j]}`));
      return seen.sort();
    };
    expect(pairs(30)).toEqual(['t:g:a|t:g:b', 't:g:a|t:g:c', 't:g:b|t:g:c']);
    expect(pairs(0)).toEqual(['t:g:a|t:g:c', 't:g:b|t:g:c']);
  });

  it('tells dobs one keying slip apart from dobs merely compatible, and shared postcodes', () => {
    const enc = encodeMentions([
      matchMention({ recordKey: 't:d:a', dob: '2010-02-03', postcodes: ['LE1 1AB'] }),
      matchMention({ recordKey: 't:d:b', dob: '2010-03-02', postcodes: ['NG7 2RD', 'LE1 1AB'] }),
      matchMention({ recordKey: 't:d:c', dob: '2010-04-20', postcodes: ['LE1 1AD'] }),
      matchMention({ recordKey: 't:d:d', dob: null }),
    ]);
    expect(dobsWithinSlip(enc, 0, 1)).toBe(true); // day/month swapped
    expect(dobsWithinSlip(enc, 0, 2)).toBe(false); // 76 days apart
    expect(dobsCompatible(enc, 0, 2)).toBe(true);
    expect(dobsWithinSlip(enc, 0, 3)).toBe(true); // missing
    expect(sharePostcode(enc, 0, 1)).toBe(true);
    expect(sharePostcode(enc, 0, 2)).toBe(false);
  });

  it('blocks forename sound + birth year: a misspelt or missing surname; not a big block of one forename', () => {
    const mentions = [
      matchMention({ recordKey: 't:n:a', forename: 'Alfie', surname: 'Griffiths', dob: '2008-05-07' }),
      matchMention({ recordKey: 't:n:b', forename: 'Alfie', surname: null, dob: '2008-09-01' }),
      matchMention({ recordKey: 't:n:c', forename: 'Griffiths', surname: 'Alfie', dob: '2008-01-30' }),
      matchMention({ recordKey: 't:n:d', forename: 'Alfie', surname: 'Griffiths', dob: '2009-05-07' }),
    ];
    const enc = encodeMentions(mentions);
    const seen = new Set<string>();
    new CandidatePairs(enc, [namePhoneticYearRule]).forEach((i, j) => seen.add(`${enc.recordKeys[i]}|${enc.recordKeys[j]}`));
    // Crossed names (c) are the names-either-order rule's; another birth year (d) is not compared.
    expect([...seen].sort()).toEqual(['t:n:a|t:n:b']);

    // 40 Olivias of different surnames born in one year: only the sound-alike surnames meet.
    const olivias = Array.from({ length: 40 }, (_, i) =>
      matchMention({ recordKey: `t:o:${String(i).padStart(2, '0')}`, forename: 'Olivia', surname: `Zq${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}x`, dob: `2015-${String(1 + (i % 12)).padStart(2, '0')}-01` }),
    );
    olivias.push(matchMention({ recordKey: 't:o:smith', forename: 'Olivia', surname: 'Smith', dob: '2015-06-01' }));
    olivias.push(matchMention({ recordKey: 't:o:smyth', forename: 'Olivia', surname: 'Smyth', dob: '2015-02-01' }));
    const big = encodeMentions(olivias);
    const pairs: string[] = [];
    new CandidatePairs(big, [namePhoneticYearRule]).forEach((i, j) => {
      pairs.push(`${big.recordKeys[i]}|${big.recordKeys[j]}`);
    });
    expect(pairs).toContain('t:o:smith|t:o:smyth');
    expect(pairs.length).toBeLessThan(100);
  });
});
