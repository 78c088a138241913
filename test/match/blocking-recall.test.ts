import { blockingRecall } from '../../pipeline/match/blocking.recall.js';
import { encodeMentions } from '../../pipeline/match/mention.encoding.js';
import { matchMention } from '../../pipeline/match/match-mention.js';

describe('blocking recall', () => {
  it('counts candidate pairs and the true pairs among them', () => {
    const enc = encodeMentions([
      matchMention({
        recordKey: 'a',
        forename: 'Amy',
        surname: 'Khan',
        dob: '2015-03-04',
        sex: 'F',
      }),
      matchMention({
        recordKey: 'b',
        forename: 'Amy',
        surname: 'Khan',
        dob: '2015-03-04',
        sex: 'F',
      }),
      matchMention({
        recordKey: 'c',
        forename: 'Zoe',
        surname: 'Wells',
        dob: '1980-11-12',
        sex: 'F',
      }),
      matchMention({
        recordKey: 'd',
        forename: 'Zoë',
        surname: 'Parry',
        dob: '1991-01-30',
        sex: 'F',
      }),
    ]);
    // c and d are one person in the truth but share no blocking key.
    const r = blockingRecall(
      enc,
      new Map([
        ['a', 1],
        ['b', 1],
        ['c', 2],
        ['d', 2],
      ]),
    );
    expect(r.truePairs).toBe(2);
    expect(r.truePairsInCandidates).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.candidatePairs).toBeGreaterThanOrEqual(1);
  });
});
