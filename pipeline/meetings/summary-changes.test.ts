import { makeTestSummary } from '../render/test-summary.fixture.js';
import { hasChanges, summaryChanges } from './summary-changes.js';

describe('what changed between two summaries of a family', () => {
  it('has nothing to compare for a family’s first pack', () => {
    const changes = summaryChanges(null, makeTestSummary());
    expect(changes.since).toBeNull();
    expect(hasChanges(changes)).toBe(false);
  });

  it('finds nothing when only the generation time differs, even if people were renumbered', () => {
    const before = makeTestSummary();
    const after = makeTestSummary();
    after.generatedAt = '2030-01-01T00:00:00Z';
    const renumber = (id: string) => `${id}-new`;
    after.members = after.members.map((m) => ({ ...m, personId: renumber(m.personId) }));
    after.flags = after.flags.map((f) => ({ ...f, personId: renumber(f.personId) }));
    after.timeline = after.timeline.map((e) => ({ ...e, personId: renumber(e.personId) }));
    const changes = summaryChanges(before, after);
    expect(changes.since).toBe(before.generatedAt);
    expect(hasChanges(changes)).toBe(false);
  });

  it('lists new and former members, new events, practitioner changes and new flags', () => {
    const before = makeTestSummary();
    const after = makeTestSummary();
    const [gone, ...staying] = after.members.filter((m) => m.relationshipToSubject !== 'SUBJECT');
    const subject = after.members.find((m) => m.relationshipToSubject === 'SUBJECT')!;
    const newcomer = { ...staying[0]!, personId: 'person-99999', name: 'New Partner', relationshipToSubject: 'PARENT_PARTNER', recordKeys: ['police:nominals:NOM9999999'] };
    after.members = [subject, ...staying, newcomer];
    const event = { date: '2026-11-20', personId: newcomer.personId, source: 'police' as const, type: 'DOMESTIC_ABUSE', summary: 'New incident', recordKey: 'police:incidents:INC-2026-0999001' };
    after.timeline = [...after.timeline, event];
    const ended = after.practitioners[0]!;
    after.practitioners = [{ ...ended, current: !ended.current }, ...after.practitioners.slice(1), { ...ended, name: 'Another Worker', current: true }];
    const flag = { code: 'DOMESTIC_ABUSE', personId: newcomer.personId, description: 'Domestic abuse', evidence: [event.recordKey] };
    after.flags = [...after.flags, flag];

    const changes = summaryChanges(before, after);
    expect(changes.newMembers.map((m) => m.personId)).toEqual([newcomer.personId]);
    expect(changes.formerMembers.map((m) => m.personId)).toEqual([gone!.personId]);
    expect(changes.newEvents).toEqual([event]);
    expect(changes.practitioners.map((p) => [p.practitioner.name, p.change])).toEqual([
      [ended.name, ended.current ? 'no-longer-current' : 'now-current'],
      ['Another Worker', 'new'],
    ]);
    expect(changes.newFlags).toEqual([flag]);
    expect(hasChanges(changes)).toBe(true);
  });
});
