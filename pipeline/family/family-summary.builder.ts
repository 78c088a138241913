/** Composes the FamilySummary from the gathered family: members, relationships, timeline, practitioners, flags, sources. */
import type { Source } from '../../schemas/canonical.js';
import type {
  Consent, FamilySummary, Purpose, SourceFreshness, SummaryMember, SummaryRelationship, SummaryRequester,
} from '../../schemas/summary.schema.js';
import { SOURCES } from '../../schemas/canonical.js';
import type { SearchScope } from '../trawl/access-policy.js';
import { sourceOfKey } from '../trawl/access-policy.js';
import { attributeEvents } from './event-attribution.js';
import type { FamilyGathering } from './family-gathering.service.js';
import type { FlagThresholds } from './flag-thresholds.js';
import { buildFlags } from './flags.js';
import { buildPractitioners } from './practitioners.js';
import { buildTimeline } from './timeline.js';

export interface SummaryContext {
  purpose: Purpose;
  consent: Consent;
  lawfulBasis: string | null;
  requester: SummaryRequester;
  scope: SearchScope;
  /** Newest extract date per source. */
  freshness: ReadonlyMap<string, string>;
  generatedAt: string;
  thresholds: FlagThresholds;
}

/** Relationship types that read both ways: one entry per pair. */
const SYMMETRIC = new Set(['PARTNER', 'EX_PARTNER', 'SIBLING', 'HALF_SIBLING']);

function relationships(gathering: FamilyGathering): SummaryRelationship[] {
  const merged = new Map<string, SummaryRelationship>();
  for (const l of gathering.links) {
    const [a, b] = SYMMETRIC.has(l.type) && l.to < l.from ? [l.to, l.from] : [l.from, l.to];
    const key = `${a}\u0000${b}\u0000${l.type}`;
    const entry = merged.get(key) ?? { from: a, to: b, type: l.type, evidence: [] };
    if (!entry.evidence.includes(l.evidence)) entry.evidence.push(l.evidence);
    merged.set(key, entry);
  }
  return [...merged.values()].map((r) => ({ ...r, evidence: r.evidence.sort() }));
}

export function buildFamilySummary(gathering: FamilyGathering, ctx: SummaryContext): FamilySummary {
  const { facts } = gathering;
  const attributions = attributeEvents(facts);
  const nameOf = new Map(facts.members.map((m) => [m.personId, m.name] as const));
  const timeline = buildTimeline(attributions, facts.window, (id) => nameOf.get(id) ?? 'Not a listed member');
  const practitioners = buildPractitioners(facts, attributions);
  const flags = buildFlags(facts, attributions, ctx.thresholds);

  const members: SummaryMember[] = facts.members.map((m) => {
    const member: SummaryMember = {
      personId: m.personId,
      name: m.name,
      dob: m.dob,
      sex: m.sex,
      relationshipToSubject: m.relationshipToSubject,
      recordKeys: m.recordKeys,
      flags: [...new Set(flags.filter((f) => f.personId === m.personId).map((f) => f.code))],
      household: gathering.household.has(m.personId),
    };
    const previous = gathering.previousNames.get(m.personId) ?? [];
    if (previous.length > 0) member.previousNames = previous;
    return member;
  });
  const subject = members.find((m) => m.personId === facts.subject);
  if (subject === undefined) throw new Error(`SUBJECT_NOT_VISIBLE: ${facts.subject}`);

  const withRecords = new Set<Source>();
  for (const m of members) for (const k of m.recordKeys) {
    const s = sourceOfKey(k);
    if (s !== null) withRecords.add(s);
  }
  for (const t of timeline) withRecords.add(t.source);
  for (const p of practitioners) withRecords.add(p.agency);
  const freshness: SourceFreshness[] = SOURCES.map((source) => ({ source, latestExtractDate: ctx.freshness.get(source) ?? null }));

  return {
    subject: { personId: subject.personId, name: subject.name, dob: subject.dob },
    purpose: ctx.purpose,
    consent: ctx.consent,
    generatedAt: ctx.generatedAt,
    window: { ...facts.window },
    sources: {
      included: [...ctx.scope.included],
      withheld: ctx.scope.withheld.map((w) => ({ ...w })),
      freshness,
      searchedNoRecord: ctx.scope.included.filter((s) => !withRecords.has(s)),
    },
    members,
    relationships: relationships(gathering),
    timeline,
    practitioners,
    flags,
    requester: { ...ctx.requester },
    lawfulBasis: ctx.lawfulBasis,
  };
}
