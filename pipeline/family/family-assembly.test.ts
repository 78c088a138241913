import type { Sex } from '../../schemas/canonical.js';
import { assembleFamily, parentFigures, type AssemblyInput } from './family-assembly.js';
import type { PersonLink } from './family-records.js';

const SEX: Record<string, Sex> = { mum: 'F', dad: 'M', nan: 'F', grandad: 'M', other: 'M', step: 'M', ex: 'M' };
let n = 0;
const link = (from: string, to: string, type: string): PersonLink => ({ from, to, type, evidence: `social_care:relationships:${++n}` });

function assemble(links: PersonLink[], extra: Partial<AssemblyInput> = {}): Record<string, string> {
  const members = assembleFamily({
    subject: 'child', links, coResidents: new Set(), abuseIncidentParties: [], sexOf: (id) => SEX[id] ?? 'U', ...extra,
  });
  return Object.fromEntries(members.map((m) => [m.personId, m.relationshipToSubject]));
}

describe('assembleFamily', () => {
  const base = [link('child', 'mum', 'MOTHER'), link('child', 'dad', 'FATHER')];

  it('finds parents, full and half siblings, grandparents and parents’ partners', () => {
    const family = assemble([
      ...base,
      link('sister', 'mum', 'MOTHER'), link('sister', 'dad', 'FATHER'),
      link('half', 'mum', 'MOTHER'), link('half', 'other', 'FATHER'),
      link('mum', 'nan', 'MOTHER'), link('dad', 'grandad', 'FATHER'),
      link('mum', 'step', 'PARTNER'), link('dad', 'ex', 'EX_PARTNER'), link('mum', 'dad', 'EX_PARTNER'),
    ]);
    expect(family).toEqual({
      child: 'SUBJECT', mum: 'MOTHER', dad: 'FATHER', sister: 'SIBLING', half: 'HALF_SIBLING', step: 'PARENT_PARTNER',
      ex: 'PARENT_EX_PARTNER', nan: 'GRANDMOTHER', grandad: 'GRANDFATHER',
    });
  });

  it('a stated relationship beats a derived one; grandparents stated on the child by sex', () => {
    const family = assemble([...base, link('child', 'nan', 'GRANDPARENT'), link('child', 'step', 'STEP_PARENT'), link('mum', 'step', 'PARTNER')]);
    expect(family['nan']).toBe('GRANDMOTHER');
    expect(family['step']).toBe('STEP_PARENT');
  });

  it('brings in the parties to a domestic abuse incident the child was present at', () => {
    const family = assemble([link('child', 'mum', 'MOTHER')], {
      abuseIncidentParties: [
        { eventKey: 'police:incidents:1', personId: 'child', role: 'CHILD_PRESENT' },
        { eventKey: 'police:incidents:1', personId: 'mum', role: 'VICTIM' },
        { eventKey: 'police:incidents:1', personId: 'dad', role: 'PERPETRATOR' },
        { eventKey: 'police:incidents:1', personId: 'witness', role: 'WITNESS' },
        { eventKey: 'police:incidents:2', personId: 'stranger', role: 'PERPETRATOR' },
      ],
    });
    expect(family).toEqual({ child: 'SUBJECT', mum: 'MOTHER', dad: 'PARENT_PARTNER' });
  });

  it('adds everyone who lived at the address and marks the household', () => {
    const members = assembleFamily({
      subject: 'child', links: base, coResidents: new Set(['mum', 'lodger']), abuseIncidentParties: [], sexOf: () => 'U',
    });
    expect(members.map((m) => [m.personId, m.relationshipToSubject, m.household])).toEqual([
      ['child', 'SUBJECT', true], ['mum', 'MOTHER', true], ['dad', 'FATHER', false], ['lodger', 'HOUSEHOLD_MEMBER', true],
    ]);
  });

  it('parentFigures lists mothers, fathers, step-parents and carers', () => {
    expect(parentFigures('child', [...base, link('child', 'nan', 'CARER'), link('child', 'sis', 'SIBLING')])).toEqual(['dad', 'mum', 'nan']);
  });
});
