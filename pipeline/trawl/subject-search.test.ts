import { dobsToSearch, scoreCandidates, type CandidateMention } from './subject-search.js';

const mention = (personId: string, over: Partial<CandidateMention>): CandidateMention => ({
  personId, recordKey: `social_care:people:${personId}`, forename: null, surname: null, previousNames: [], aliases: [], dob: null,
  postcode: null, ...over,
});
const describe_ = (id: string) => ({ name: id, dob: null });

describe('scoreCandidates', () => {
  it('scores exact names, dob and postcode highest and says why', () => {
    const [best] = scoreCandidates(
      { forename: 'Ellie-Mae', surname: 'Pickering', dob: '2025-08-14', postcode: 'LE3 9ZW' },
      [mention('P1', { forename: 'Ellie Mae', surname: 'PICKERING', dob: '2025-08-14', postcode: 'LE39ZW' })],
      describe_,
    );
    expect(best).toMatchObject({ personId: 'P1', score: 100, fits: true });
    expect(best?.reasons).toEqual(['forename:exact', 'surname:exact', 'dob:exact', 'postcode:exact']);
  });

  it('fits on a previous name and a day/month swap, nickname variants and near spellings', () => {
    const found = scoreCandidates(
      { forename: 'Kayla', surname: 'Whitworth', dob: '2014-09-05', postcode: null },
      [
        mention('P1', { forename: 'Mae', surname: 'Fairbrother', previousNames: ['Kayla Whitworth'], dob: '2014-05-09' }),
        mention('P2', { forename: 'Kayla', surname: 'Whitworth', dob: '2013-09-05' }),
      ],
      describe_,
    );
    expect(found.map((c) => [c.personId, c.fits])).toEqual([['P1', true], ['P2', false]]);
    expect(found[0]?.reasons).toContain('dob:swapped');
    const nick = scoreCandidates({ forename: 'Bill', surname: 'Smyth', dob: '1990-01-02', postcode: null }, [
      mention('P3', { forename: 'William', surname: 'Smith', dob: '1990-01-02' }),
    ], describe_);
    expect(nick[0]?.fits).toBe(true);
  });

  it('keeps every person that fits, so the caller can refuse to guess', () => {
    const found = scoreCandidates(
      { forename: 'Jack', surname: 'Jones', dob: '2015-03-03', postcode: null },
      [mention('A', { forename: 'Jack', surname: 'Jones', dob: '2015-03-03' }), mention('B', { forename: 'Jack', surname: 'Jones', dob: '2015-03-03' })],
      describe_,
    );
    expect(found.filter((c) => c.fits).map((c) => c.personId)).toEqual(['A', 'B']);
  });

  it('looks up the swapped date of birth too', () => {
    expect(dobsToSearch('2014-05-09')).toEqual(['2014-05-09', '2014-09-05']);
    expect(dobsToSearch('2014-05-25')).toEqual(['2014-05-25']);
  });
});
