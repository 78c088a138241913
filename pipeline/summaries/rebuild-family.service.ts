import { sql } from 'kysely';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import type { Store } from '../store/store.js';
import { batchedReads } from '../family/batched-reads.js';
import type { MeetingFamily } from '../meetings/meeting.repository.js';
import { renderSummaryHtml } from '../render/summary-html.render.js';
import { runTrawl, sharedLookups, type TrawlDependencies } from '../trawl/trawl.service.js';
import { insertVersions, latestVersions, type NewSummaryVersion } from './family-summary.repository.js';
import { latestExtractId, recordChecks, type FamilyCheck } from './family-changes.repository.js';
import { summaryContentHash } from './summary-content.js';

/** `built`: a new version; `unchanged`: the same content as before; otherwise why there is none. */
export type RebuildOutcome = 'built' | 'unchanged' | 'skipped' | 'refused' | 'not_found' | 'ambiguous';

type Built = { outcome: RebuildOutcome; check: FamilyCheck | null; version: NewSummaryVersion | null };
type Gathered = { outcome: RebuildOutcome; check: FamilyCheck | null; summary: FamilySummary | null; hash: string | null };

/**
 * Rebuilds booked families' summaries on the terms each was booked under, each as a trawl by
 * the person who booked it (audited like any trawl). The families are gathered side by side
 * with their reads merged (`batched-reads.ts`); versions and checks are written once for the
 * chunk; all in one transaction: a crash loses the whole chunk or nothing, and a retry redoes
 * it. `requestId` guards against a job delivered again after it committed: a family it already
 * rebuilt is skipped. A new version (JSON and printable HTML) is kept only when the content
 * changed; an unchanged one is not even rendered.
 */
export async function rebuildFamilySummaries(
  store: Store,
  families: readonly MeetingFamily[],
  requestId: number,
  deps: Omit<TrawlDependencies, 'reads' | 'lookups' | 'audit'> = {},
): Promise<RebuildOutcome[]> {
  return store.transaction(async (tx) => {
    const db = tx.db;
    // A rebuilt summary can always be rebuilt: a crash may lose the last few commits (each whole,
    // summaries and audit entries together), never half of one, and the next run redoes them.
    await sql`SET LOCAL synchronous_commit = off`.execute(db);
    const ids = families.map((f) => f.id);
    const guards = ids.length === 0 ? [] : await db.selectFrom('meeting_family').select(['id', 'checked_request_id']).where('id', 'in', ids).forUpdate().execute();
    const done = new Set(guards.filter((g) => g.checked_request_id === requestId).map((g) => g.id));
    const previous = await latestVersions(db, ids);
    const extractId = await latestExtractId(db);
    const reads = batchedReads(db);
    const lookups = sharedLookups(db);

    const gather = async (family: MeetingFamily): Promise<Gathered> => {
      if (done.has(family.id)) return { outcome: 'skipped', check: null, summary: null, hash: null };
      const result = await runTrawl(
        db,
        {
          actor: family.bookedBy,
          purpose: family.purpose,
          consent: family.consent,
          lawfulBasis: family.lawfulBasis,
          subject: { recordKey: family.subjectKey },
          format: 'html',
        },
        { ...deps, reads, lookups, audit: reads.audit },
      );
      if (result.kind !== 'summary') {
        const outcome = result.kind === 'ambiguous' ? 'ambiguous' : `${result.kind}:${result.reason}`;
        return { outcome: result.kind, check: { meetingFamilyId: family.id, outcome, memberPersonIds: [] }, summary: null, hash: null };
      }
      const summary: FamilySummary = result.summary;
      const check = { meetingFamilyId: family.id, outcome: 'summary', memberPersonIds: summary.members.map((m) => m.personId) };
      const hash = summaryContentHash(summary);
      if (previous.get(family.id)?.hash === hash) return { outcome: 'unchanged', check, summary: null, hash };
      return { outcome: 'built', check, summary, hash };
    };

    const gathered = await Promise.all(
      families.map(async (family) => {
        reads.enter();
        try {
          return await gather(family);
        } finally {
          reads.exit();
        }
      }),
    );
    // Rendered once every gathering is done, so no gathering's reads wait on a render.
    const built: Built[] = [];
    for (const [i, g] of gathered.entries()) {
      const family = families[i]!;
      const before = previous.get(family.id);
      const version =
        g.summary && g.hash
          ? { meetingFamilyId: family.id, version: (before?.version ?? 0) + 1, summary: g.summary, hash: g.hash, html: await renderSummaryHtml(g.summary) }
          : null;
      built.push({ outcome: g.outcome, check: g.check, version });
    }
    await insertVersions(db, built.flatMap((b) => (b.version ? [b.version] : [])));
    await recordChecks(db, built.flatMap((b) => (b.check ? [b.check] : [])), { extractId, requestId });
    return built.map((b) => b.outcome);
  });
}
