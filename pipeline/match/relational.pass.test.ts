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

// The same, with term frequencies that neither raise nor lower a name (a few mentions would
// make every name look common).
const flat = { ...model, tf: { forename: { total: 100, values: {} }, surname: { total: 250, values: {} } } };
const flatLinking = { ...flat, lambda: 1e-5 };

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

  it('links the same parent listed by two schools for one pupil, living elsewhere by now', () => {
    const r = matchMentions(
      [
        pupil('education:pupils:1', 'education:carers:100-C1', { statedRelatives: [{ type: 'MOTHER', recordKey: 'education:carers:100-C1' }, { type: 'MOTHER', recordKey: 'education:carers:200-C7' }] }),
        carer('education:carers:100-C1', { postcodes: ['LE1 1AB'] }),
        carer('education:carers:200-C7', { postcodes: ['NG7 2RD'] }),
      ],
      flat,
    );
    expect(samePerson(r, 'education:carers:100-C1', 'education:carers:200-C7')).toBe(true);
  });

  it('never makes one child\'s MOTHER and FATHER one person', () => {
    const r = matchMentions(
      [
        pupil('education:pupils:1', 'x', { statedRelatives: [{ type: 'MOTHER', recordKey: 'education:carers:1' }, { type: 'FATHER', recordKey: 'education:carers:2' }] }),
        carer('education:carers:1', { forename: 'Sam', sex: 'U', postcodes: ['LE1 1AB'] }),
        carer('education:carers:2', { forename: 'Sam', sex: 'U', postcodes: ['LE1 1AB'] }),
      ],
      flatLinking,
    );
    expect(samePerson(r, 'education:carers:1', 'education:carers:2')).toBe(false);
    expect(r.report.refusedEdges['cannot-link']).toBeGreaterThanOrEqual(1);
  });

  it('links a carer to the adult who lives where her child lives', () => {
    const r = matchMentions(
      [
        pupil('education:pupils:1', 'education:carers:10', { householdKeys: ['housing:tenancies:T1'] }),
        carer('education:carers:10', { postcodes: ['NG7 2RD'] }),
        carer('housing:occupants:5', { dob: '1985-02-03', householdKeys: ['housing:tenancies:T1'] }),
      ],
      flat,
    );
    expect(samePerson(r, 'education:carers:10', 'housing:occupants:5')).toBe(true);
  });

  it('never merges a stated parent with someone born after the child (a namesake son)', () => {
    const dad = (key: string, extra: Partial<MatchMention> = {}): MatchMention =>
      matchMention({ recordKey: key, forename: 'Padraig', surname: 'Doyle', sex: 'M', postcodes: ['LE1 1AB'], ...extra });
    const r = matchMentions(
      [
        pupil('education:pupils:1', 'x', { forename: 'Aoife', statedRelatives: [{ type: 'FATHER', recordKey: 'education:carers:9' }] }),
        dad('education:carers:9'),
        dad('education:pupils:2', { dob: '2016-01-01' }),
      ],
      flatLinking,
    );
    expect(samePerson(r, 'education:carers:9', 'education:pupils:2')).toBe(false);
    expect(r.report.refusedEdges['parent-age']).toBe(1);
  });

  it('never merges two people one tenancy lists separately, even through a third record', () => {
    const occupant = (key: string, dob: string | null): MatchMention =>
      matchMention({ recordKey: key, forename: 'Alex', surname: 'Wren', dob, sex: 'U', householdKeys: ['housing:tenancies:T9'], postcodes: ['LE1 1AB'] });
    const r = matchMentions(
      [occupant('housing:occupants:1', '1983-05-11'), occupant('housing:occupants:2', '1989-11-12'), occupant('education:carers:3', null)],
      flatLinking,
    );
    expect(samePerson(r, 'housing:occupants:1', 'housing:occupants:2')).toBe(false);
  });
});

