import { matchMention, type MatchMention } from './match-mention.js';
import { matchMentions } from './match-mentions.js';
import { priorModel } from './prior.model.js';
import { mulberry32 } from './prng.js';

const model = priorModel();

const child = (key: string, extra: Partial<MatchMention> = {}): MatchMention =>
  matchMention({
    recordKey: key,
    forename: 'Oliver',
    surname: 'Pemberton',
    dob: '2015-03-04',
    sex: 'M',
    postcodes: ['LE1 1AB'],
    ...extra,
  });

const samePerson = (r: ReturnType<typeof matchMentions>, a: string, b: string): boolean => {
  const ia = r.recordKeys.indexOf(a);
  const ib = r.recordKeys.indexOf(b);
  return r.personOf[ia] === r.personOf[ib];
};

describe('matchMentions', () => {
  it('links near-identical mentions and keeps strangers apart', () => {
    const r = matchMentions(
      [
        child('education:pupils:1'),
        child('health:patients:2', { forename: 'Olly', dob: '2015-04-03' }),
        child('police:nominals:3', { forename: 'Harriet', surname: 'Ng', dob: '1980-01-01', sex: 'F', postcodes: ['NG7 2RD'] }),
      ],
      model,
    );
    expect(samePerson(r, 'education:pupils:1', 'health:patients:2')).toBe(true);
    expect(samePerson(r, 'education:pupils:1', 'police:nominals:3')).toBe(false);
    expect(r.persons).toHaveLength(2);
  });

  it('links equal valid NHS numbers deterministically', () => {
    const r = matchMentions(
      [
        child('health:patients:1', { nhsNumber: '9434765919' }),
        child('social_care:persons:2', { forename: 'Ollie', surname: 'Smith', postcodes: [], nhsNumber: '9434765919' }),
      ],
      model,
    );
    expect(samePerson(r, 'health:patients:1', 'social_care:persons:2')).toBe(true);
    expect(r.links[0]).toMatchObject({ reason: 'identifier', probability: 1 });
  });

  it('sends an NHS match with different dob and sex to review', () => {
    const r = matchMentions(
      [
        child('health:patients:1', { nhsNumber: '9434765919' }),
        child('social_care:persons:2', { forename: 'Maud', surname: 'Lee', dob: '1950-01-01', sex: 'F', postcodes: [], nhsNumber: '9434765919' }),
      ],
      model,
    );
    expect(samePerson(r, 'health:patients:1', 'social_care:persons:2')).toBe(false);
    expect(r.reviews[0]).toMatchObject({ reason: 'identifier conflict' });
  });

  it('never merges two different valid NHS numbers, even through a third mention', () => {
    const r = matchMentions(
      [
        child('health:patients:1', { nhsNumber: '9434765919' }),
        child('health:patients:2', { nhsNumber: '9434765870' }),
        child('education:pupils:3'),
      ],
      model,
    );
    expect(samePerson(r, 'health:patients:1', 'health:patients:2')).toBe(false);
    // The bridging mention joins one of them, the other edge is refused and queued for review.
    expect(samePerson(r, 'education:pupils:3', 'health:patients:1') || samePerson(r, 'education:pupils:3', 'health:patients:2')).toBe(true);
    expect(r.report.refusedEdges.nhs).toBe(1);
    expect(r.reviews.some((v) => v.reason === 'guard: nhs')).toBe(true);
  });

  it('never merges two different UPNs', () => {
    const r = matchMentions([child('education:pupils:1', { upn: 'A123456789012' }), child('education:pupils:2', { upn: 'B123456789012' })], model);
    expect(r.persons).toHaveLength(2);
  });

  it('never merges twins (same dob, surname and home, different forenames), even via a bridge', () => {
    const r = matchMentions(
      [
        child('education:pupils:1', { forename: 'Oliver', uprns: ['100'] }),
        child('education:pupils:2', { forename: 'Harry', uprns: ['100'] }),
        child('health:patients:3', { forename: null, uprns: ['100'] }),
      ],
      model,
    );
    expect(samePerson(r, 'education:pupils:1', 'education:pupils:2')).toBe(false);
    expect(r.report.refusedEdges.twins).toBeGreaterThanOrEqual(1);
  });

  it('never links a rejected pair, even transitively', () => {
    const mentions = [child('a:x:1'), child('b:x:2'), child('c:x:3')];
    const before = matchMentions(mentions, model);
    expect(before.persons).toHaveLength(1);
    const r = matchMentions(mentions, model, { decisions: [{ a: 'a:x:1', b: 'c:x:3', decision: 'reject' }] });
    expect(samePerson(r, 'a:x:1', 'c:x:3')).toBe(false);
    expect(r.reviews.some((v) => (v.a === 'a:x:1' && v.b === 'c:x:3'))).toBe(false);
    expect(r.report.decisionsApplied).toBe(1);
  });

  it('links an accepted pair whatever the score', () => {
    const r = matchMentions(
      [child('a:x:1'), child('b:x:2', { forename: 'Zed', surname: 'Quux', dob: '1970-01-01', postcodes: [] })],
      model,
      { decisions: [{ a: 'b:x:2', b: 'a:x:1', decision: 'accept' }] },
    );
    expect(r.persons).toHaveLength(1);
    expect(r.links[0]?.reason).toBe('human');
  });

  it('gives the same people whatever the input order', () => {
    const rnd = mulberry32(11);
    const names = ['Oliver', 'Olly', 'Harry', 'Amelia', 'Amy', 'Jack', 'John'];
    const surnames = ['Pemberton', 'Pembertn', 'Khan', 'Smith'];
    const mentions = Array.from({ length: 80 }, (_, i) =>
      child(`s:t:${i}`, {
        forename: names[Math.floor(rnd() * names.length)]!,
        surname: surnames[Math.floor(rnd() * surnames.length)]!,
        dob: ['2015-03-04', '2015-04-03', '2016-01-01'][Math.floor(rnd() * 3)]!,
        nhsNumber: rnd() < 0.2 ? `94347659${Math.floor(rnd() * 3)}` : null,
        uprns: rnd() < 0.5 ? ['100'] : [],
      }),
    );
    const base = matchMentions(mentions, model);
    for (let k = 0; k < 3; k++) {
      const shuffled = [...mentions];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      const r = matchMentions(shuffled, model);
      expect(r.persons).toEqual(base.persons);
      expect(r.reviews).toEqual(base.reviews);
    }
  });
});
