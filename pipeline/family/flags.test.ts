import { attributeEvents } from './event-attribution.js';
import { eventSummary } from './event-summary.js';
import type { FamilyFacts } from './family-facts.js';
import type { EventFact, MentionFact } from './family-records.js';
import { loadFlagThresholds, parseFlagThresholds } from './flag-thresholds.js';
import { buildFlags } from './flags.js';
import { buildTimeline } from './timeline.js';

const PUPIL = 'education:pupils:A1';
const event = (key: string, type: string, date: string, over: Partial<EventFact> = {}): EventFact => ({
  key, source: 'education', recordKey: PUPIL, placeKey: null, type, date, endDate: null, summary: null, detail: {}, ...over,
});
const mention = (recordKey: string, forename: string, surname: string, previousNames: string[] = []): MentionFact => ({
  recordKey, source: recordKey.split(':')[0]!, surname, forename, middleNames: null, previousNames, aliases: [], dob: '2014-05-09', sex: 'F',
  asOf: null, lastSeenDate: '2026-11-01',
});

function facts(events: EventFact[], mentions: MentionFact[] = []): FamilyFacts {
  return {
    subject: 'P1',
    window: { from: '2021-11-22', to: '2026-11-22' },
    today: '2026-11-22',
    members: [
      { personId: 'P1', name: 'Kayla Smith', dob: '2014-05-09', sex: 'F', relationshipToSubject: 'SUBJECT', recordKeys: [PUPIL, 'health:patients:1'] },
    ],
    personOfKey: new Map([[PUPIL, 'P1'], ['health:patients:1', 'P1']]),
    mentions, events, parties: [], residences: [], places: new Map(), involvements: [],
  };
}

const t = loadFlagThresholds({});

describe('flags', () => {
  it('counts school moves inside the window, not a first enrolment or a re-enrolment at the same school', () => {
    const enrol = (n: number, urn: string, date: string) => event(`education:enrolments:A1:${urn}:${n}`, 'SCHOOL_ENROLMENT', date, { detail: { schoolUrn: urn } });
    const f = facts([enrol(1, 'S1', '2019-09-01'), enrol(2, 'S2', '2022-01-10'), enrol(3, 'S2', '2022-09-01'), enrol(4, 'S3', '2023-04-01'), enrol(5, 'S4', '2025-09-01')]);
    const flags = buildFlags(f, attributeEvents(f), t);
    expect(flags).toEqual([
      {
        code: 'FREQUENT_SCHOOL_MOVES', personId: 'P1',
        description: '3 school moves between 10 Jan 2022 and 1 Sep 2025 (5 enrolments in all; rule: 3 or more)',
        evidence: ['education:enrolments:A1:S2:2', 'education:enrolments:A1:S3:4', 'education:enrolments:A1:S4:5'],
      },
    ]);
    const stricter = parseFlagThresholds({ ...structuredClone(t), FREQUENT_SCHOOL_MOVES: { minMoves: 4, lookback: 'window' } });
    expect(buildFlags(f, attributeEvents(f), stricter)).toEqual([]);
  });

  it('flags persistent absence below 90% in a term, and name changes with the records holding the names', () => {
    const f = facts(
      [
        event('education:attendance:A1:S1:2023-09-01', 'ATTENDANCE', '2023-09-01', { endDate: '2023-12-20', detail: { attendancePercent: 85.2 } }),
        event('education:attendance:A1:S1:2024-01-05', 'ATTENDANCE', '2024-01-05', { endDate: '2024-03-28', detail: { attendancePercent: 93 } }),
      ],
      [mention(PUPIL, 'Kayla', 'Smith', ['Kayleigh Brown', 'Kayla Brown']), mention('health:patients:1', 'Kayla', 'Smith')],
    );
    const flags = buildFlags(f, attributeEvents(f), t);
    expect(flags.map((x) => [x.code, x.description, x.evidence])).toEqual([
      ['NAME_CHANGES', '3 different names recorded across 2 records (rule: 2 or more changes)', ['education:pupils:A1', 'health:patients:1']],
      ['PERSISTENT_ABSENCE', '1 term below 90% attendance (lowest 85.2%)', ['education:attendance:A1:S1:2023-09-01']],
    ]);
  });

  it('flags past and current child protection plans from the whole record, and was-not-brought from health', () => {
    const f = facts([
      event('social_care:episodes:E1', 'CP_PLAN', '2019-05-01', { source: 'social_care', endDate: '2020-11-30', detail: { detail: 'NEGLECT' } }),
      event('health:contacts:H1', 'WAS_NOT_BROUGHT', '2025-10-06', { source: 'health', recordKey: 'health:patients:1' }),
      event('health:contacts:H2', 'IMMUNISATION_MISSED', '2025-10-20', { source: 'health', recordKey: 'health:patients:1' }),
    ]);
    const flags = buildFlags(f, attributeEvents(f), t);
    expect(flags.map((x) => [x.code, x.description])).toEqual([
      ['WAS_NOT_BROUGHT', '2 health appointments not brought to or immunisations missed'],
      ['CHILD_PROTECTION_PLAN', 'Child protection plan: 1 May 2019 to 30 Nov 2020'],
    ]);
    // The plan ended before the window: it is flagged but not on the timeline.
    expect(buildTimeline(attributeEvents(f), f.window, () => 'Kayla Smith').map((e) => e.recordKey)).toEqual(['health:contacts:H1', 'health:contacts:H2']);
  });
});

describe('eventSummary', () => {
  it('prints words for codes and never the incident postcode', () => {
    expect(
      eventSummary(event('social_care:referrals:R1', 'REFERRAL', '2026-09-01', { source: 'social_care', detail: { referralSource: 'OTHER_LA', needCode: 'N1', outcome: 'STRATEGY_DISCUSSION' } })),
    ).toBe('Referral to children’s social care from another local authority; need: Abuse or neglect; outcome: strategy discussion');
    const incident = event('police:incidents:I1', 'DOMESTIC_ABUSE', '2026-08-30', {
      source: 'police', recordKey: null, summary: 'Officers attended.\nDASH completed.', detail: { risk: 'HIGH', postcode: 'LE3 9ZW' },
    });
    const line = eventSummary(incident, [{ name: 'Dean Pickering', role: 'PERPETRATOR' }]);
    expect(line).toBe('Domestic abuse incident (high risk); Dean Pickering: perpetrator; Officers attended. DASH completed.');
    expect(line).not.toContain('LE3');
    expect(eventSummary(event('social_care:episodes:E1', 'CP_PLAN', '2019-05-01', { source: 'social_care', detail: { detail: 'NEGLECT' } }))).toBe(
      'Child protection plan (neglect); open',
    );
  });
});

describe('personProfile', () => {
  it('takes the name most sources agree on: one agency’s many rows count once', async () => {
    const { personProfile } = await import('./person-profile.js');
    const profile = personProfile([
      mention('education:carers:1', 'Natalie', 'Whitworth'),
      mention('education:carers:2', 'Natalie', 'Whitworth'),
      mention('education:carers:3', 'Natalie', 'Whitworth'),
      mention('housing:occupants:1', 'Natalie', 'Fairbrother', ['Natalie Whitworth']),
      mention('social_care:people:1', 'Natalie', 'Fairbrother', ['Natalie Brennan']),
    ]);
    expect(profile.name).toBe('Natalie Fairbrother');
    expect(profile.previousNames).toEqual(['Natalie Whitworth', 'Natalie Brennan']);
    expect(profile.dob).toBe('2014-05-09');
    expect(profile.sex).toBe('F');
  });
});
