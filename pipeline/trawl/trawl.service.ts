/**
 * A trawl: checks who asks and why against the data sharing agreement, finds the subject,
 * gathers the family from the sources the purpose and consent allow, builds the summary,
 * validates it, and records every step in the audit log (refusals too).
 */
import type { Kysely } from 'kysely';
import type { Source } from '../../schemas/canonical.js';
import type { Database } from '../../schemas/database.js';
import type { FamilySummary } from '../../schemas/summary.schema.js';
import { validateSummary } from '../../schemas/validate-summary.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { AuditRecord } from '../audit/audit-entry.js';
import { gatherFamily, visibleKeys } from '../family/family-gathering.service.js';
import { buildFamilySummary } from '../family/family-summary.builder.js';
import { latestExtractDates, mentionExists } from '../family/family.repository.js';
import { directReads, type FamilyReads } from '../family/family-reads.js';
import { loadFlagThresholds, type FlagThresholds } from '../family/flag-thresholds.js';
import { fullName } from '../family/person-profile.js';
import { authorise, searchScope, type SearchScope } from './access-policy.js';
import { loadDataSharingAgreement, type DataSharingAgreement } from './data-sharing-agreement.js';
import { dobsToSearch, scoreCandidates, type Candidate, type SearchTerms } from './subject-search.js';
import { findCandidateMentions } from './subject.repository.js';
import { SummaryInvalidError, TrawlInputError, type NotFoundCode, type TrawlRequest, type TrawlResult } from './trawl-request.js';
import { isIsoDate, londonDay, trawlWindow } from './trawl-window.js';
import { findUser, type AppUser } from './user.repository.js';

type Db = Kysely<Database>;

export interface TrawlDependencies {
  dsa?: DataSharingAgreement;
  thresholds?: FlagThresholds;
  /** How the family is read: straight from `db` unless given (the overnight rebuild batches reads). */
  reads?: FamilyReads;
  /** Users and extract dates as read once for many trawls (the overnight rebuild); read here otherwise. */
  lookups?: TrawlLookups;
  /** Where audit entries go: appended to `db` one by one unless given (the rebuild merges them). */
  audit?: (record: AuditRecord) => Promise<number>;
}

export interface TrawlLookups {
  user(name: string): Promise<AppUser | null>;
  freshness(): Promise<Map<string, string>>;
}

/** Lookups read once and shared by the trawls that use them (one transaction's worth). */
export function sharedLookups(db: Db): TrawlLookups {
  const users = new Map<string, Promise<AppUser | null>>();
  let freshness: Promise<Map<string, string>> | null = null;
  return {
    user(name) {
      let user = users.get(name);
      if (!user) users.set(name, (user = findUser(db, name)));
      return user;
    },
    freshness: () => (freshness ??= latestExtractDates(db)),
  };
}

function describeQuery(request: TrawlRequest): string {
  return 'recordKey' in request.subject ? `record:${request.subject.recordKey}` : 'name';
}

type Resolution = { kind: 'person'; personId: string } | { kind: 'ambiguous'; candidates: Candidate[] } | { kind: 'not_found'; reason: NotFoundCode };

async function resolveSubject(db: Db, reads: FamilyReads, request: TrawlRequest, scope: SearchScope): Promise<Resolution> {
  if ('recordKey' in request.subject) {
    const key = request.subject.recordKey;
    if ((await visibleKeys(reads, [key], scope)).length === 0) {
      return { kind: 'not_found', reason: (await mentionExists(db, key)) ? 'RECORD_NOT_SEARCHED' : 'NO_RECORD' };
    }
    const personId = (await reads.personIdsOfKeys([key])).get(key);
    if (personId !== undefined) return { kind: 'person', personId };
    return { kind: 'not_found', reason: (await mentionExists(db, key)) ? 'RECORD_NOT_MATCHED' : 'NO_RECORD' };
  }
  const terms: SearchTerms = request.subject;
  const mentions = await findCandidateMentions(db, { dobs: dobsToSearch(terms.dob), surname: terms.surname, sources: scope.included });
  const visible = new Set(await visibleKeys(reads, mentions.map((m) => m.recordKey), scope));
  const seen = mentions.filter((m) => visible.has(m.recordKey));
  const describe = (personId: string) => {
    const own = seen.filter((m) => m.personId === personId);
    const names = own.map((m) => fullName(m.forename, m.surname)).filter((n): n is string => n !== null);
    return { name: names[0] ?? 'Name not recorded', dob: own.find((m) => m.dob !== null)?.dob ?? null };
  };
  const candidates = scoreCandidates(terms, seen, describe);
  const fits = candidates.filter((c) => c.fits);
  if (fits.length === 1 && fits[0] !== undefined) return { kind: 'person', personId: fits[0].personId };
  if (fits.length > 1) return { kind: 'ambiguous', candidates: fits };
  return { kind: 'not_found', reason: 'NO_CANDIDATE' };
}

/** Rejects a request that can never run (no user, no name, a malformed date): before it is queued. */
export function checkTrawlRequest(request: TrawlRequest): void {
  if (request.actor.trim() === '') throw new TrawlInputError('USER_REQUIRED', 'name the user with --as');
  if (!('recordKey' in request.subject)) {
    const s = request.subject;
    if (s.forename.trim() === '' || s.surname.trim() === '') throw new TrawlInputError('NAME_REQUIRED', 'give --forename and --surname');
    if (!isIsoDate(s.dob)) throw new TrawlInputError('INVALID_DATE', '--dob must be YYYY-MM-DD');
  }
}

export async function runTrawl(db: Db, request: TrawlRequest, deps: TrawlDependencies = {}): Promise<TrawlResult> {
  checkTrawlRequest(request);
  const now = request.now ?? new Date();
  const today = londonDay(now);
  const window = trawlWindow(today, request.from, request.to);
  const dsa = deps.dsa ?? loadDataSharingAgreement();
  const thresholds = deps.thresholds ?? loadFlagThresholds();
  const lawfulBasis = request.lawfulBasis !== null && request.lawfulBasis.trim() !== '' ? request.lawfulBasis.trim() : null;
  const terms = { purpose: request.purpose, consent: request.consent, lawfulBasis };
  const lookups = deps.lookups ?? sharedLookups(db);
  const audit = deps.audit ?? ((record: AuditRecord) => appendAudit(db, record));
  const user = await lookups.user(request.actor);
  const base: AuditRecord = {
    action: 'trawl',
    outcome: 'granted',
    actor: request.actor,
    actorRole: user?.role ?? null,
    purpose: request.purpose,
    lawfulBasis,
    consent: request.consent,
    query: describeQuery(request),
    detail: { format: request.format, window, dsaVersion: dsa.version },
  };

  const decision = authorise(dsa, user?.role ?? null, terms);
  if (!decision.granted) {
    const auditId = await audit({ ...base, outcome: 'refused', reason: decision.reason });
    return { kind: 'refused', reason: decision.reason, auditId };
  }

  const freshness = await lookups.freshness();
  const scope = searchScope(dsa, terms, new Set([...freshness.keys()] as Source[]));
  const scoped: AuditRecord = { ...base, sourcesIncluded: scope.included, sourcesWithheld: scope.withheld.map((w) => w.source) };
  const reads = deps.reads ?? directReads(db);
  const resolution = await resolveSubject(db, reads, request, scope);
  if (resolution.kind === 'ambiguous') {
    const auditId = await audit({
      ...scoped, outcome: 'ambiguous', reason: 'SEVERAL_CANDIDATES',
      detail: { ...base.detail, candidates: resolution.candidates.map((c) => ({ personId: c.personId, score: c.score })) },
    });
    return { kind: 'ambiguous', candidates: resolution.candidates, auditId };
  }
  if (resolution.kind === 'not_found') {
    const auditId = await audit({ ...scoped, outcome: 'not_found', reason: resolution.reason });
    return { kind: 'not_found', reason: resolution.reason, auditId };
  }

  await audit({ ...scoped, subjectPersonId: resolution.personId });
  const gathering = await gatherFamily(reads, resolution.personId, scope, window, today);
  const summary: FamilySummary = buildFamilySummary(gathering, {
    purpose: request.purpose,
    consent: request.consent,
    lawfulBasis,
    requester: { name: user!.name, role: user!.role },
    scope,
    freshness,
    generatedAt: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    thresholds,
  });
  const validation = validateSummary(summary);
  if (!validation.ok) throw new SummaryInvalidError(validation.errors);
  const auditId = await audit({
    ...scoped,
    action: 'summary',
    outcome: 'produced',
    subjectPersonId: resolution.personId,
    memberPersonIds: summary.members.map((m) => m.personId),
  });
  return { kind: 'summary', summary, scope, auditId };
}

/** Records that a summary was written to a file (path and format; no content). */
export async function auditFileWritten(
  db: Db,
  summary: FamilySummary,
  file: { path: string; format: string },
): Promise<number> {
  return appendAudit(db, {
    action: 'file',
    outcome: 'written',
    actor: summary.requester?.name ?? 'unknown',
    actorRole: summary.requester?.role ?? null,
    purpose: summary.purpose,
    lawfulBasis: summary.lawfulBasis ?? null,
    consent: summary.consent,
    subjectPersonId: summary.subject.personId,
    memberPersonIds: summary.members.map((m) => m.personId),
    sourcesIncluded: summary.sources.included,
    sourcesWithheld: summary.sources.withheld.map((w) => w.source),
    detail: { path: file.path, format: file.format },
  });
}
