import { FAMILY_SUMMARY_SCHEMA, validateSummary } from '../../schemas/validate-summary.js';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { DEAN, makeTestSummary } from './test-summary.fixture.js';

/** The keys interface.md lists, level by level. */
const INTERFACE_KEYS = {
  top: ['subject', 'purpose', 'consent', 'generatedAt', 'window', 'sources', 'members', 'relationships', 'timeline', 'practitioners', 'flags'],
  member: ['personId', 'name', 'dob', 'sex', 'relationshipToSubject', 'recordKeys', 'flags'],
  timeline: ['date', 'personId', 'source', 'type', 'summary', 'recordKey'],
  practitioner: ['name', 'role', 'agency', 'phone', 'email', 'current', 'lastInvolvement', 'personIds'],
};

function broken(change: (s: FamilySummary & Record<string, unknown>) => void): unknown {
  const s = makeTestSummary() as FamilySummary & Record<string, unknown>;
  change(s);
  return s;
}

function errorsOf(x: unknown): string[] {
  const result = validateSummary(x);
  return result.ok ? [] : result.errors;
}

describe('family summary JSON Schema', () => {
  it('accepts the fixture, also after a JSON round trip', () => {
    expect(validateSummary(makeTestSummary())).toEqual({ ok: true });
    expect(validateSummary(JSON.parse(JSON.stringify(makeTestSummary())))).toEqual({ ok: true });
  });

  it('accepts a summary without any of the optional extensions', () => {
    const s = makeTestSummary() as unknown as Record<string, unknown> & FamilySummary;
    delete s['requester'];
    delete s['lawfulBasis'];
    delete s.sources.freshness;
    delete s.sources.searchedNoRecord;
    for (const m of s.members) {
      delete m.household;
      delete m.deceased;
      delete m.previousNames;
    }
    for (const t of s.timeline) delete t.endDate;
    for (const p of s.practitioners) delete p.team;
    expect(validateSummary(s)).toEqual({ ok: true });
  });

  it('requires exactly the keys of interface.md', () => {
    const schema = FAMILY_SUMMARY_SCHEMA as {
      required: string[];
      properties: Record<string, { items?: { required?: string[] } }>;
    };
    expect([...schema.required].sort()).toEqual([...INTERFACE_KEYS.top].sort());
    expect([...(schema.properties['members']?.items?.required ?? [])].sort()).toEqual([...INTERFACE_KEYS.member].sort());
    expect([...(schema.properties['timeline']?.items?.required ?? [])].sort()).toEqual([...INTERFACE_KEYS.timeline].sort());
    expect([...(schema.properties['practitioners']?.items?.required ?? [])].sort()).toEqual([...INTERFACE_KEYS.practitioner].sort());
  });

  it.each<[string, (s: FamilySummary & Record<string, unknown>) => void, RegExp]>([
    ['a missing subject', (s) => delete (s as Partial<FamilySummary>).subject, /required property 'subject'/],
    ['a snake_case key', (s) => ((s.members[0] as unknown as Record<string, unknown>)['person_id'] = 'x'), /additional properties 'person_id'/],
    ['a UK-format date', (s) => (s.timeline[0]!.date = '03/05/2022'), /\/timeline\/0\/date must match pattern/],
    ['an impossible month', (s) => (s.window.from = '2021-13-01'), /\/window\/from must match pattern/],
    ['an unknown source', (s) => ((s.sources.included as string[]).push('probation')), /\/sources\/included\/4 must be equal to one of the allowed values/],
    ['an unknown purpose', (s) => ((s as { purpose: string }).purpose = 'curiosity'), /\/purpose must be equal to one of the allowed values/],
    ['a flag without evidence', (s) => (s.flags[0]!.evidence = []), /\/flags\/0\/evidence must NOT have fewer than 1 items/],
    ['a number for a phone', (s) => ((s.practitioners[0] as unknown as Record<string, unknown>)['phone'] = 1164960123), /\/practitioners\/0\/phone must be string,null/],
    ['a timeline entry for a non-member', (s) => (s.timeline[0]!.personId = 'person-99999'), /\/timeline\/0\/personId person id person-99999 is not a member/],
    ['a member flag with no flag entry', (s) => s.members.find((m) => m.personId === DEAN)!.flags.push('LOOKED_AFTER'), /flag LOOKED_AFTER has no entry in flags/],
    ['a source both included and withheld', (s) => s.sources.withheld.push({ source: 'police', reason: 'x' }), /source police is both included and withheld/],
    ['a practitioner from a withheld source', (s) => (s.practitioners[0]!.agency = 'housing'), /agency housing is not an included source/],
  ])('rejects %s', (_name, change, message) => {
    const errors = errorsOf(broken(change));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toMatch(message);
  });

  it('names paths and ids, never the personal values, in its messages', () => {
    const errors = errorsOf(broken((s) => (s.members[0]!.dob = 'fourteenth of August')));
    expect(errors.join('\n')).toContain('/members/0/dob');
    expect(errors.join('\n')).not.toContain('fourteenth');
  });
});
