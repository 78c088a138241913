import { sql } from 'kysely';
import { batchedReads } from '../../pipeline/family/batched-reads.js';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { summaryContentHash } from '../../pipeline/summaries/summary-content.js';
import { runTrawl } from '../../pipeline/trawl/trawl.service.js';
import type { TrawlRequest } from '../../pipeline/trawl/trawl-request.js';
import { upsertUser } from '../../pipeline/trawl/user.repository.js';
import { loadCounty } from '../support/county.js';
import { STORE_MODES, createTestStore, type TestStore } from '../support/stores.js';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(STORE_MODES)('family reads merged across trawls side by side give the same summaries (%s)', (mode) => {
  let t: TestStore;
  let subjects: string[];

  beforeAll(async () => {
    t = await createTestStore(mode);
    await loadCounty(t.store);
    await runMatch(t.store, { full: true, retrain: false });
    await upsertUser(t.store.db, 'analyst-a', 'analyst');
    // Children of every kind of record, the scenario families among them.
    const { rows } = await sql<{ k: string }>`
      SELECT natural_key AS k FROM mention
      WHERE is_current AND (natural_key LIKE 'education:pupils:%' OR natural_key LIKE 'social_care:people:%' OR natural_key LIKE 'housing:occupants:%')
      ORDER BY md5(natural_key) LIMIT 60`.execute(t.store.db);
    subjects = [...rows.map((r) => r.k), 'social_care:people:500003', 'education:pupils:A855209519001'];
  }, 240_000);

  afterAll(async () => {
    await t.drop();
  });

  it.each([
    ['mash', 'written', 'Section 47 enquiry'],
    ['early-help', 'none', null],
  ] as const)('purpose %s, consent %s', async (purpose, consent, lawfulBasis) => {
    const request = (recordKey: string): TrawlRequest => ({
      actor: 'analyst-a', purpose, consent, lawfulBasis, subject: { recordKey }, format: 'json', now: NOW,
    });
    const auditSince = async (id: number) =>
      (
        await sql<{ id: string; action: string; outcome: string; reason: string | null; subject_person_id: string | null; member_person_ids: string[] }>`
          SELECT id, action, outcome, reason, subject_person_id, member_person_ids FROM audit_entry WHERE id > ${id} ORDER BY id`.execute(t.store.db)
      ).rows;
    const lastAuditId = async () => Number((await sql<{ id: string | null }>`SELECT max(id) AS id FROM audit_entry`.execute(t.store.db)).rows[0]?.id ?? 0);
    const auditShape = (rows: Awaited<ReturnType<typeof auditSince>>) =>
      rows.map((r) => [r.action, r.outcome, r.reason, r.subject_person_id, r.member_person_ids.join(',')].join('|')).sort();

    const directStart = await lastAuditId();
    const direct: string[] = [];
    for (const key of subjects) {
      const r = await runTrawl(t.store.db, request(key));
      direct.push(r.kind === 'summary' ? summaryContentHash(r.summary) : `${r.kind}`);
    }
    const directAudit = await auditSince(directStart);

    const batchedStart = await lastAuditId();
    const reads = batchedReads(t.store.db);
    const results = await Promise.all(
      subjects.map(async (key) => {
        reads.enter();
        try {
          return await runTrawl(t.store.db, request(key), { reads, audit: reads.audit });
        } finally {
          reads.exit();
        }
      }),
    );
    const batched = results.map((r) => (r.kind === 'summary' ? summaryContentHash(r.summary) : `${r.kind}`));
    expect(direct.filter((d) => d.length === 64).length).toBeGreaterThan(40);
    expect(batched).toEqual(direct);

    // The merged audit writes record what the direct ones did, and each trawl's audit id is its own entry.
    const batchedAudit = await auditSince(batchedStart);
    expect(auditShape(batchedAudit)).toEqual(auditShape(directAudit));
    const byId = new Map(batchedAudit.map((a) => [Number(a.id), a]));
    for (const r of results) {
      const entry = byId.get(r.auditId);
      expect(entry?.outcome).toBe(r.kind === 'summary' ? 'produced' : r.kind);
      if (r.kind === 'summary') expect(entry?.subject_person_id).toBe(r.summary.subject.personId);
    }
  }, 120_000);
});
