/**
 * Who may trawl for what, and which sources a trawl searches: pure decisions over the data
 * sharing agreement. Deny by default: an unknown user, a role without the purpose, or a purpose
 * needing a lawful basis without one is refused.
 */
import { SOURCES, type Source } from '../../schemas/canonical.js';
import type { Consent, Purpose, UserRole, WithheldSource } from '../../schemas/summary.schema.js';
import type { DataSharingAgreement, SourceRule } from './data-sharing-agreement.js';

export const REFUSAL_CODES = ['UNKNOWN_USER', 'ROLE_NOT_PERMITTED', 'LAWFUL_BASIS_REQUIRED'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface TrawlTerms {
  purpose: Purpose;
  consent: Consent;
  lawfulBasis: string | null;
}

export type AccessDecision = { granted: true } | { granted: false; reason: RefusalCode };

/** Whether a user with `role` (null: not registered) may run a trawl on these terms. */
export function authorise(dsa: DataSharingAgreement, role: UserRole | null, terms: TrawlTerms): AccessDecision {
  if (role === null) return { granted: false, reason: 'UNKNOWN_USER' };
  if (!dsa.roles[role].purposes.includes(terms.purpose)) return { granted: false, reason: 'ROLE_NOT_PERMITTED' };
  if (dsa.purposes[terms.purpose].requiresLawfulBasis && (terms.lawfulBasis ?? '').trim() === '') {
    return { granted: false, reason: 'LAWFUL_BASIS_REQUIRED' };
  }
  return { granted: true };
}

/** The sources a granted trawl searches, those it does not (with why), and per-source limits. */
export interface SearchScope {
  included: Source[];
  withheld: WithheldSource[];
  /** For a source limited to some event types: those types. */
  eventTypes: Partial<Record<Source, readonly string[]>>;
}

export const NO_EXTRACT_REASON = 'No extract from this source has been loaded, so it could not be searched';

function ruleAllows(rule: SourceRule, terms: TrawlTerms): boolean {
  if (rule.include === 'always') return true;
  if (rule.include === 'never') return false;
  if (rule.consents.includes(terms.consent)) return true;
  const basis = terms.lawfulBasis ?? '';
  return basis !== '' && rule.lawfulBasisPatterns.some((p) => p.test(basis));
}

function defaultReason(rule: SourceRule): string {
  return rule.include === 'never'
    ? 'Not shared for this purpose under the local data sharing agreement'
    : 'The data sharing agreement needs consent or a lawful basis this trawl does not have';
}

/**
 * `loaded`: the sources with at least one extract in the store. A source the agreement allows
 * but nobody has loaded is "not searched", not "searched, no record".
 */
export function searchScope(dsa: DataSharingAgreement, terms: TrawlTerms, loaded: ReadonlySet<Source>): SearchScope {
  const profile = dsa.purposes[terms.purpose];
  const scope: SearchScope = { included: [], withheld: [], eventTypes: {} };
  for (const source of SOURCES) {
    const rule = profile.sources[source];
    if (!ruleAllows(rule, terms)) {
      scope.withheld.push({ source, reason: rule.withheldReason ?? defaultReason(rule) });
    } else if (!loaded.has(source)) {
      scope.withheld.push({ source, reason: NO_EXTRACT_REASON });
    } else {
      scope.included.push(source);
      if (rule.eventTypes !== null) scope.eventTypes[source] = rule.eventTypes;
    }
  }
  return scope;
}

/** The source a record key belongs to (`police:nominals:N1` -> police), null when unknown. */
export function sourceOfKey(recordKey: string): Source | null {
  const source = recordKey.slice(0, recordKey.indexOf(':'));
  return (SOURCES as readonly string[]).includes(source) ? (source as Source) : null;
}

export function isSourceIncluded(scope: SearchScope, source: string): source is Source {
  return (scope.included as readonly string[]).includes(source);
}

/** Whether an event of `type` from `source` is searched under the scope. */
export function isEventIncluded(scope: SearchScope, source: string, type: string): boolean {
  if (!isSourceIncluded(scope, source)) return false;
  const types = scope.eventTypes[source];
  return types === undefined || types.includes(type);
}

/** Whether the scope limits a source to some event types (its person records then need such an event). */
export function isEventLimited(scope: SearchScope, source: Source): boolean {
  return scope.eventTypes[source] !== undefined;
}
