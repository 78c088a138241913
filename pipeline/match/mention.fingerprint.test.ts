import { matchMention, type MatchMention } from './match-mention.js';
import { mentionFingerprints } from './mention.fingerprint.js';

const base = matchMention({
  recordKey: 'education:pupils:1',
  surname: 'Smith',
  forename: 'Amy',
  middleNames: 'Jo',
  previousNames: ['Brown'],
  aliases: ['Aimee'],
  dob: '2015-03-04',
  sex: 'F',
  nhsNumber: '9434765919',
  upn: 'A123456789012',
  postcodes: ['LE1 1AB', 'LE2 2CD'],
  uprns: ['100'],
  householdKeys: ['housing:tenancies:7'],
  statedRelatives: [{ type: 'MOTHER', recordKey: 'education:carers:9' }],
  address: '1 High Street',
});

function fingerprint(m: MatchMention): number {
  return mentionFingerprints([m])[0] as number;
}

describe('mention fingerprints', () => {
  it('are the same for the same fields, whatever object holds them', () => {
    expect(fingerprint({ ...base, postcodes: [...base.postcodes] })).toBe(fingerprint(base));
  });

  const changes: [string, Partial<MatchMention>][] = [
    ['record key', { recordKey: 'education:pupils:2' }],
    ['source', { source: 'health' }],
    ['surname', { surname: 'Smyth' }],
    ['forename', { forename: 'Amie' }],
    ['middle names', { middleNames: null }],
    ['previous names', { previousNames: [] }],
    ['aliases', { aliases: ['Aimee', 'Ames'] }],
    ['dob', { dob: '2015-04-03' }],
    ['sex', { sex: 'U' }],
    ['NHS number', { nhsNumber: null }],
    ['UPN', { upn: null }],
    ['postcode order', { postcodes: ['LE2 2CD', 'LE1 1AB'] }],
    ['uprns', { uprns: [] }],
    ['household keys', { householdKeys: ['housing:tenancies:8'] }],
    [
      'stated relatives',
      { statedRelatives: [{ type: 'FATHER', recordKey: 'education:carers:9' }] },
    ],
    ['email', { email: 'amy@example.org' }],
    ['city', { city: 'Leicester' }],
    ['address', { address: '2 High Street' }],
    // A value moved from one field to the next is a change, not the same text.
    ['a name moved between fields', { surname: 'Amy', forename: 'Smith' }],
    ['a list item moved to the next list', { previousNames: [], aliases: ['Brown', 'Aimee'] }],
    ['an empty string for null', { middleNames: '' }],
  ];
  it.each(changes)('change when the %s changes', (_name, change) => {
    expect(fingerprint({ ...base, ...change })).not.toBe(fingerprint(base));
  });
});
