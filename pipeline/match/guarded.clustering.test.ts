import { encodeMentions } from './mention.encoding.js';
import { matchMention } from './match-mention.js';
import { EDGE_RANK, GuardedClusterer, type EdgeList } from './guarded.clustering.js';

function edges(pairs: [number, number, number][], rank: number = EDGE_RANK.probabilistic): EdgeList {
  return {
    a: Int32Array.from(pairs.map((p) => p[0])),
    b: Int32Array.from(pairs.map((p) => p[1])),
    weight: Float64Array.from(pairs.map((p) => p[2])),
    rank: Uint8Array.from(pairs.map(() => rank)),
    count: pairs.length,
  };
}

describe('GuardedClusterer', () => {
  const enc = encodeMentions(
    ['a', 'b', 'c', 'd', 'e', 'f'].map((k, i) =>
      matchMention({ recordKey: `t:${k}`, forename: `N${i}`, surname: 'Lee', dob: `19${80 + i}-01-01`, nhsNumber: i === 4 ? '9434765919' : i === 5 ? '4010232137' : null }),
    ),
  );

  it('returns to a snapshot: the same clusters and guards as when it was taken', () => {
    const c = new GuardedClusterer(enc, [[0, 3]]);
    c.add(edges([[0, 1, 5], [2, 3, 4], [4, 0, 3]]));
    const before = c.labels();
    const state = c.snapshot();
    // Joining 0-1 with 2-3 is refused (cannot-link 0-3); 4 and 5 hold different NHS numbers.
    expect(c.conflictBetween(1, 2)).toBe('cannot-link');
    expect(c.conflictBetween(0, 5)).toBe('nhs');
    c.add(edges([[1, 5, 9], [2, 5, 8]], EDGE_RANK.relational));
    expect(Array.from(c.labels())).not.toEqual(Array.from(before));
    c.restore(state);
    expect(Array.from(c.labels())).toEqual(Array.from(before));
    expect(c.conflictBetween(0, 5)).toBe('nhs');
    // Adding the same edges again from the restored state gives what it gave the first time.
    const again = c.add(edges([[1, 5, 9], [2, 5, 8]], EDGE_RANK.relational));
    expect(Array.from(again.applied)).toEqual([1]);
  });
});
