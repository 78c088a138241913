/**
 * Trawls on a generated county (seed 42, 300 families), in both store modes: the refuge and
 * name-changes scenarios, the purpose x consent x role matrix, the audit log, the outputs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generateCounty } from '../../fixtures/generate/county.js';
import { SOURCES } from '../../schemas/canonical.js';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { validateSummary } from '../../schemas/validate-summary.js';
import { listAudit } from '../../pipeline/audit/audit.repository.js';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import { SECTION_HEADINGS } from '../../pipeline/render/summary-view.js';
import { bestSubjectKey } from '../../pipeline/trawl/demo-summaries.service.js';
import { renderSummary } from '../../pipeline/trawl/summary-output.js';
import type { TrawlRequest, TrawlResult } from '../../pipeline/trawl/trawl-request.js';
import { runTrawl } from '../../pipeline/trawl/trawl.service.js';
import { upsertUser } from '../../pipeline/trawl/user.repository.js';
import { createTestStore, STORE_MODES, type TestStore } from '../support/stores.js';
import { pdfText } from '../support/pdf-text.js';

interface ScenarioTruth {
  subject: { person_id: string; record_keys: string[] };
  people: Record<string, { person_id: string; record_keys: string[] }>;
  facts: Record<string, unknown>;
}

const NOW = new Date('2026-11-22T09:00:00Z');
let countyDir: string;
let scenarios: Record<string, ScenarioTruth>;

beforeAll(async () => {
  countyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-trawl-county-'));
  await generateCounty({ seed: 42, families: 300, outDir: countyDir, extractDate: '2026-11-01' });
  scenarios = JSON.parse(fs.readFileSync(path.join(countyDir, 'truth', 'scenarios.json'), 'utf8')) as Record<string, ScenarioTruth>;
});

afterAll(() => {
  fs.rmSync(countyDir, { recursive: true, force: true });
});

function scenario(name: string): ScenarioTruth {
  const s = scenarios[name];
  if (!s) throw new Error(`no scenario ${name}`);
  return s;
}

function summaryOf(result: TrawlResult): FamilySummary {
  if (result.kind !== 'summary') throw new Error(`expected a summary, got ${result.kind}`);
  return result.summary;
}

describe.each(STORE_MODES)('trawl on the generated county (%s)', (mode) => {
  let t: TestStore;
  const produced: FamilySummary[] = [];
  const trawl = async (request: Partial<TrawlRequest> & Pick<TrawlRequest, 'subject'>): Promise<TrawlResult> => {
    const result = await runTrawl(t.store.db, {
      actor: 'ana', purpose: 'mash', consent: 'written', lawfulBasis: 'Section 47 enquiry, Children Act 1989', format: 'json', now: NOW,
      ...request,
    });
    if (result.kind === 'summary') produced.push(result.summary);
    return result;
  };
  const subjectKey = async (name: string): Promise<string> => {
    const key = await bestSubjectKey(t.store.db, scenario(name).subject.record_keys);
    if (key === null) throw new Error(`scenario ${name}: subject not matched`);
    return key;
  };

  beforeAll(async () => {
    t = await createTestStore(mode);
    for (const source of SOURCES) {
      await ingestExtract(t.store, { source, folder: path.join(countyDir, source), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' });
    }
    await runMatch(t.store, { full: true, retrain: false });
    await upsertUser(t.store.db, 'ana', 'analyst');
    await upsertUser(t.store.db, 'cora', 'coordinator');
    await upsertUser(t.store.db, 'adam', 'admin');
  }, 180_000);

  afterAll(async () => {
    await t.drop();
  });

  describe('the refuge scenario', () => {
    let summary: FamilySummary;
    let fatherId: string;
    const incidentKeys = (category: string) =>
      (scenario('refuge').facts['incidents'] as { incident_ref: string; category: string }[])
        .filter((i) => i.category === category)
        .map((i) => `police:incidents:${i.incident_ref}`);

    beforeAll(async () => {
      summary = summaryOf(await trawl({ subject: { recordKey: await subjectKey('refuge') } }));
      const fatherKeys = scenario('refuge').people['father']!.record_keys;
      const father = summary.members.find((m) => m.recordKeys.some((k) => fatherKeys.includes(k)));
      if (!father) throw new Error('father not in the family');
      fatherId = father.personId;
    });

    it('brings in the father, who never lived at the child’s address, as FATHER outside the household', () => {
      const father = summary.members.find((m) => m.personId === fatherId)!;
      expect(father.relationshipToSubject).toBe('FATHER');
      expect(father.name).toBe('Dean Pickering');
      expect(father.household).toBe(false);
      expect(father.previousNames).toContain('Dean Holt');
      const mother = summary.members.find((m) => m.relationshipToSubject === 'MOTHER');
      expect(mother?.name).toBe('Leanne Hardcastle');
      expect(summary.subject.name).toBe('Ellie-Mae Pickering');
      expect(summary.subject.dob).toBe('2025-08-14');
      expect(summary.relationships).toContainEqual({
        from: summary.subject.personId, to: fatherId, type: 'FATHER', evidence: ['social_care:relationships:500003:500009:FATHER'],
      });
    });

    it("puts the father's police incidents on the timeline, in words", () => {
      const keys = [...incidentKeys('DOMESTIC_ABUSE'), ...incidentKeys('WEAPONS'), ...incidentKeys('DRUGS'), ...incidentKeys('SEXUAL_OFFENCE')];
      expect(keys).toHaveLength(5);
      for (const key of keys) expect(summary.timeline.map((e) => e.recordKey)).toContain(key);
      const high = summary.timeline.find((e) => e.recordKey === incidentKeys('DOMESTIC_ABUSE')[1]);
      expect(high).toMatchObject({ date: '2026-08-30', source: 'police', type: 'DOMESTIC_ABUSE', personId: fatherId });
      expect(high?.summary).toContain('Domestic abuse incident (high risk)');
      expect(high?.summary).toContain('Dean Pickering: perpetrator');
      expect(high?.summary).toContain('Ellie-Mae Pickering: child present');
      const dates = summary.timeline.map((e) => e.date);
      expect([...dates].sort()).toEqual(dates);
    });

    it("flags domestic abuse on the father citing his incidents, and the child's missed health contacts", () => {
      const da = summary.flags.find((f) => f.code === 'DOMESTIC_ABUSE' && f.personId === fatherId);
      expect(da?.evidence).toEqual(incidentKeys('DOMESTIC_ABUSE'));
      expect(da?.description).toContain('perpetrator in 2');
      expect(da?.description).toContain('highest risk high');
      const fatherFlags = summary.members.find((m) => m.personId === fatherId)?.flags;
      expect(fatherFlags).toEqual(expect.arrayContaining(['DOMESTIC_ABUSE', 'POLICE_WEAPONS', 'POLICE_DRUGS', 'POLICE_SEXUAL_OFFENCES']));
      const wnb = summary.flags.find((f) => f.code === 'WAS_NOT_BROUGHT' && f.personId === summary.subject.personId);
      const wasNotBrought = (scenario('refuge').facts['health'] as { was_not_brought: string[] }).was_not_brought;
      for (const ref of wasNotBrought) expect(wnb?.evidence).toContain(`health:contacts:${ref}`);
    });

    it('names the practitioners: social worker, housing officer, officers in the case, health visitor', () => {
      const roles = summary.practitioners.map((p) => `${p.agency}:${p.role}`);
      expect(roles).toEqual(expect.arrayContaining(['social_care:SOCIAL_WORKER', 'housing:HOUSING_OFFICER', 'police:OFFICER_IN_CASE', 'health:HEALTH_VISITOR']));
      const social = summary.practitioners.find((p) => p.role === 'SOCIAL_WORKER')!;
      expect(social.current).toBe(true);
      expect(social.personIds).toContain(summary.subject.personId);
      expect(social.email).toMatch(/@/);
      const officer = summary.practitioners.find((p) => p.role === 'OFFICER_IN_CASE' && p.lastInvolvement === '2026-08-30');
      expect(officer?.current).toBe(false);
      expect(officer?.personIds).toEqual(expect.arrayContaining([fatherId, summary.subject.personId]));
    });

    it('never prints the refuge address, and records freshness per source', async () => {
      const refuge = scenario('refuge').facts['refuge'] as { address: string; postcode: string };
      const json = JSON.stringify(summary);
      const html = String(await renderSummary(summary, 'html'));
      for (const text of [json, html]) {
        expect(text).not.toContain(refuge.address);
        expect(text).not.toContain(refuge.postcode);
        expect(text).not.toContain('Harbour House');
      }
      expect(summary.sources.freshness).toEqual(SOURCES.map((source) => ({ source, latestExtractDate: '2026-11-01' })));
      expect(summary.sources.searchedNoRecord).toEqual(['education']);
      expect(summary.window).toEqual({ from: '2021-11-22', to: '2026-11-22' });
    });

    it('prints a PDF that parses and holds the subject’s name and every section heading', async () => {
      const pdf = (await renderSummary(summary, 'pdf')) as Buffer;
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = await pdfText(pdf);
      expect(text).toContain('Ellie-Mae Pickering');
      for (const heading of Object.values(SECTION_HEADINGS)) expect(text).toContain(heading);
      expect(text).not.toContain('Harbour House');
    }, 30_000);
  });

  describe('the name-changes scenario', () => {
    let summary: FamilySummary;
    beforeAll(async () => {
      summary = summaryOf(await trawl({ subject: { recordKey: await subjectKey('name-changes') } }));
    });

    it('flags frequent school moves with the enrolments as evidence', () => {
      const flag = summary.flags.find((f) => f.code === 'FREQUENT_SCHOOL_MOVES' && f.personId === summary.subject.personId);
      expect(flag).toBeDefined();
      expect(flag!.evidence.length).toBeGreaterThanOrEqual(3);
      for (const key of flag!.evidence) expect(key).toMatch(/^education:enrolments:/);
      for (const key of flag!.evidence) expect(summary.timeline.map((e) => e.recordKey)).toContain(key);
      expect(flag!.description).toMatch(/^\d+ school moves between/);
    });

    it('flags name changes citing the records that hold the names', () => {
      const flag = summary.flags.find((f) => f.code === 'NAME_CHANGES' && f.personId === summary.subject.personId);
      expect(flag).toBeDefined();
      expect(flag!.evidence.length).toBeGreaterThanOrEqual(2);
      const subject = summary.members.find((m) => m.personId === summary.subject.personId)!;
      for (const key of flag!.evidence) expect(subject.recordKeys).toContain(key);
      expect(subject.previousNames).toEqual(expect.arrayContaining(['Kayleigh-Mae Brennan', 'Kayla Whitworth', 'Kayla Castellano']));
      expect(subject.flags).toEqual(expect.arrayContaining(['FREQUENT_SCHOOL_MOVES', 'NAME_CHANGES', 'FREQUENT_ADDRESS_MOVES']));
    });

    it('finds the mother through the school carers and social care', () => {
      const mother = summary.members.find((m) => m.relationshipToSubject === 'MOTHER');
      expect(mother?.name).toBe('Natalie Fairbrother');
      const evidence = summary.relationships.find((r) => r.type === 'MOTHER' && r.from === summary.subject.personId)?.evidence ?? [];
      expect(evidence.some((k) => k.startsWith('education:carers:'))).toBe(true);
      expect(evidence.some((k) => k.startsWith('social_care:relationships:'))).toBe(true);
    });
  });

  describe('purpose x consent x role', () => {
    const healthFree = (s: FamilySummary): void => {
      expect(s.sources.included).not.toContain('health');
      expect(s.sources.withheld).toContainEqual({ source: 'health', reason: "Health is shared for early help only with the family's written consent" });
      expect(s.timeline.filter((e) => e.source === 'health')).toEqual([]);
      expect(s.practitioners.filter((p) => p.agency === 'health')).toEqual([]);
      expect(s.flags.filter((f) => f.code === 'WAS_NOT_BROUGHT')).toEqual([]);
      for (const m of s.members) for (const k of m.recordKeys) expect(k.startsWith('health:')).toBe(false);
      for (const f of s.flags) for (const k of f.evidence) expect(k.startsWith('health:')).toBe(false);
    };

    it.each(['none', 'verbal'] as const)('early help with %s consent holds no health row, practitioner or flag, and says why', async (consent) => {
      const s = summaryOf(await trawl({ actor: 'cora', purpose: 'early-help', consent, lawfulBasis: null, subject: { recordKey: await subjectKey('refuge') } }));
      healthFree(s);
      // Police: anti-social behaviour only, so no domestic abuse incident and no police record of the family.
      expect(s.timeline.filter((e) => e.source === 'police' && e.type !== 'ASB')).toEqual([]);
      expect(s.flags.filter((f) => f.code.startsWith('DOMESTIC_ABUSE') || f.code.startsWith('POLICE_'))).toEqual([]);
      expect(s.practitioners.filter((p) => p.agency === 'police')).toEqual([]);
      for (const m of s.members) for (const k of m.recordKeys) expect(k.startsWith('police:')).toBe(false);
      expect(s.sources.included).toEqual(['education', 'housing', 'police', 'social_care']);
      expect(s.sources.searchedNoRecord).toEqual(['education', 'police']);
      // The father is still family: social care states it.
      expect(s.members.map((m) => m.relationshipToSubject)).toEqual(expect.arrayContaining(['SUBJECT', 'MOTHER', 'FATHER']));
    });

    it('early help with written consent includes health rows, practitioners and flags', async () => {
      const s = summaryOf(await trawl({ actor: 'cora', purpose: 'early-help', consent: 'written', lawfulBasis: null, subject: { recordKey: await subjectKey('refuge') } }));
      expect(s.sources.included).toContain('health');
      expect(s.sources.withheld).toEqual([]);
      expect(s.timeline.filter((e) => e.source === 'health').length).toBeGreaterThanOrEqual(7);
      expect(s.practitioners.some((p) => p.agency === 'health' && p.role === 'HEALTH_VISITOR')).toBe(true);
      expect(s.flags.some((f) => f.code === 'WAS_NOT_BROUGHT')).toBe(true);
      expect(s.timeline.filter((e) => e.source === 'police')).toEqual([]);
    });

    it('a MASH trawl without consent searches health only on a child protection lawful basis', async () => {
      const key = await subjectKey('refuge');
      const s47 = summaryOf(await trawl({ consent: 'none', lawfulBasis: 'Section 47 enquiry', subject: { recordKey: key } }));
      expect(s47.sources.included).toContain('health');
      const other = summaryOf(await trawl({ consent: 'none', lawfulBasis: 'Prevention of crime', subject: { recordKey: key } }));
      expect(other.sources.included).not.toContain('health');
      expect(other.sources.withheld.map((w) => w.source)).toEqual(['health']);
      expect(other.timeline.filter((e) => e.source === 'health')).toEqual([]);
      expect(other.timeline.some((e) => e.type === 'DOMESTIC_ABUSE')).toBe(true);
    });

    it('refuses a coordinator a MASH trawl, an admin any trawl, an unknown user, and a MASH trawl without a lawful basis', async () => {
      const key = await subjectKey('refuge');
      expect(await trawl({ actor: 'cora', subject: { recordKey: key } })).toMatchObject({ kind: 'refused', reason: 'ROLE_NOT_PERMITTED' });
      expect(await trawl({ actor: 'adam', purpose: 'early-help', subject: { recordKey: key } })).toMatchObject({ kind: 'refused', reason: 'ROLE_NOT_PERMITTED' });
      expect(await trawl({ actor: 'mallory', subject: { recordKey: key } })).toMatchObject({ kind: 'refused', reason: 'UNKNOWN_USER' });
      expect(await trawl({ lawfulBasis: '  ', subject: { recordKey: key } })).toMatchObject({ kind: 'refused', reason: 'LAWFUL_BASIS_REQUIRED' });
      const refused = (await listAudit(t.store.db, { limit: 4 })).map((e) => [e.action, e.outcome, e.reason, e.actor, e.actorRole, e.subjectPersonId]);
      expect(refused).toEqual([
        ['trawl', 'refused', 'ROLE_NOT_PERMITTED', 'cora', 'coordinator', null],
        ['trawl', 'refused', 'ROLE_NOT_PERMITTED', 'adam', 'admin', null],
        ['trawl', 'refused', 'UNKNOWN_USER', 'mallory', null, null],
        ['trawl', 'refused', 'LAWFUL_BASIS_REQUIRED', 'ana', 'analyst', null],
      ]);
    });

    it('does not find a subject through a source the purpose withholds', async () => {
      const healthKey = scenario('refuge').subject.record_keys.find((k) => k.startsWith('health:'))!;
      expect(await trawl({ actor: 'cora', purpose: 'early-help', consent: 'none', lawfulBasis: null, subject: { recordKey: healthKey } })).toMatchObject({
        kind: 'not_found', reason: 'RECORD_NOT_SEARCHED',
      });
      expect(await trawl({ subject: { recordKey: 'education:pupils:Z999999999999' } })).toMatchObject({ kind: 'not_found', reason: 'NO_RECORD' });
    });
  });

  describe('finding the subject by name and date of birth', () => {
    it('finds the one person who fits, with a day/month swapped date of birth too', async () => {
      const key = await subjectKey('refuge');
      const byKey = summaryOf(await trawl({ subject: { recordKey: key } }));
      const byName = summaryOf(await trawl({ subject: { forename: 'Ellie-Mae', surname: 'Pickering', dob: '2025-08-14', postcode: null } }));
      expect(byName.subject.personId).toBe(byKey.subject.personId);
      const fatherByName = summaryOf(await trawl({ subject: { forename: 'Dean', surname: 'Holt', dob: '1992-03-12', postcode: null } }));
      expect(fatherByName.subject.name).toBe('Dean Pickering');
    });

    it('answers "no subject" when nobody fits', async () => {
      expect(await trawl({ subject: { forename: 'Nobody', surname: 'Atall', dob: '2001-01-01', postcode: null } })).toMatchObject({
        kind: 'not_found', reason: 'NO_CANDIDATE',
      });
    });
  });

  describe('the audit log', () => {
    it('records granted trawls and summaries with members and sources', async () => {
      const entries = await listAudit(t.store.db, { limit: 1000 });
      const summaries = entries.filter((e) => e.action === 'summary');
      expect(summaries.length).toBe(produced.length);
      const first = summaries[0]!;
      expect(first).toMatchObject({ outcome: 'produced', actor: 'ana', actorRole: 'analyst', purpose: 'mash', consent: 'written' });
      expect(first.memberPersonIds.length).toBeGreaterThanOrEqual(3);
      expect(first.sourcesIncluded).toEqual([...SOURCES]);
      const granted = entries.filter((e) => e.action === 'trawl' && e.outcome === 'granted');
      expect(granted.length).toBe(produced.length);
      expect(granted[0]?.query).toMatch(/^record:/);
      // No names or dates of birth in the log: a trawl by name records only that it was by name.
      const text = JSON.stringify(entries);
      expect(text).not.toContain('Pickering');
      expect(text).not.toContain('2025-08-14');
    });

    it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
      const before = await listAudit(t.store.db, { limit: 1000 });
      await expect(sql`UPDATE audit_entry SET actor = 'someone else'`.execute(t.store.db)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
      await expect(sql`DELETE FROM audit_entry`.execute(t.store.db)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
      await expect(sql`TRUNCATE audit_entry`.execute(t.store.db)).rejects.toThrow(/AUDIT_APPEND_ONLY/);
      await expect(t.store.db.deleteFrom('audit_entry').where('id', '=', 1).execute()).rejects.toThrow(/AUDIT_APPEND_ONLY/);
      expect(await listAudit(t.store.db, { limit: 1000 })).toEqual(before);
    });
  });

  it('every summary produced passes validateSummary', () => {
    expect(produced.length).toBeGreaterThanOrEqual(10);
    for (const s of produced) expect(validateSummary(s)).toEqual({ ok: true });
  });
});
