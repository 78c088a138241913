import { matchMention, type MatchMention } from './match-mention.js';
import { matchMentions } from './match-mentions.js';
import { priorModel } from './prior.model.js';

// A model whose prior is county-like: names alone cannot link a carer without dob.
const model = priorModel(undefined, 1e-7);

const pupil = (key: string, mother: string, extra: Partial<MatchMention> = {}): MatchMention =>
  matchMention({
    recordKey: key,
    forename: 'Amelia',
    surname: 'Pemberton',
    dob: '2015-03-04',
    sex: 'F',
    postcodes: ['LE1 1AB'],
    statedRelatives: [{ type: 'MOTHER', recordKey: mother }],
    ...extra,
  });

const carer = (key: string, extra: Partial<MatchMention> = {}): MatchMention =>
  matchMention({ recordKey: key, forename: 'Joanne', surname: 'Pemberton', sex: 'F', ...extra });

const samePerson = (r: ReturnType<typeof matchMentions>, a: string, b: string): boolean =>
  r.personOf[r.recordKeys.indexOf(a)] === r.personOf[r.recordKeys.indexOf(b)];

describe('relational pass', () => {
  const mentions = [
    pupil('education:pupils:1', 'education:carers:10'),
    carer('education:carers:10'),
    pupil('social_care:persons:2', 'social_care:persons:20', { forename: 'Amy' }),
    carer('social_care:persons:20', { forename: 'Jo', dob: '1988-07-01' }),
  ];

  it('links a school carer to the mother another source states for the same child', () => {
    const plain = matchMentions(mentions, model, { relational: false });
    expect(samePerson(plain, 'education:pupils:1', 'social_care:persons:2')).toBe(true);
    expect(samePerson(plain, 'education:carers:10', 'social_care:persons:20')).toBe(false);
    const r = matchMentions(mentions, model);
    expect(r.report.relationalBoosts).toBe(1);
    expect(samePerson(r, 'education:carers:10', 'social_care:persons:20')).toBe(true);
    expect(r.links.find((l) => l.reason === 'relational')).toMatchObject({ a: 'education:carers:10', b: 'social_care:persons:20' });
  });

  it('does not boost when the names do not fit, or are placeholders', () => {
    const other = mentions.map((m) => (m.recordKey === 'social_care:persons:20' ? { ...m, forename: 'Harriet' } : m));
    expect(matchMentions(other, model).report.relationalBoosts).toBe(0);
    const placeholder = mentions.map((m) => (m.recordKey.endsWith(':10') || m.recordKey.endsWith(':20') ? { ...m, forename: 'Unknown' } : m));
    expect(matchMentions(placeholder, model).report.relationalBoosts).toBe(0);
  });

  it('never makes a person their own parent', () => {
    // The mother's record looks like her child's (same names and dob): the stated relation rules it out.
    const r = matchMentions(
      [
        pupil('education:pupils:1', 'social_care:persons:9'),
        pupil('social_care:persons:9', 'x:y:none', { statedRelatives: [] }),
      ],
      priorModel(),
    );
    expect(samePerson(r, 'education:pupils:1', 'social_care:persons:9')).toBe(false);
    expect(r.report.refusedEdges['cannot-link']).toBe(1);
    expect(r.reviews).toHaveLength(0);
  });
});
