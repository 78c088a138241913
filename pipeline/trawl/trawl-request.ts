/** What a trawl asks for, and what it can come back with. */
import type { Consent, FamilySummary, Purpose } from '../../schemas/summary.schema.js';
import type { RefusalCode, SearchScope } from './access-policy.js';
import type { Candidate, SearchTerms } from './subject-search.js';

export type SubjectQuery = { recordKey: string } | SearchTerms;

export const OUTPUT_FORMATS = ['json', 'html', 'pdf'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface TrawlRequest {
  /** The user named with `--as`. */
  actor: string;
  purpose: Purpose;
  consent: Consent;
  lawfulBasis: string | null;
  subject: SubjectQuery;
  /** Defaults: five years back from `to`; `to` defaults to today. */
  from?: string;
  to?: string;
  format: OutputFormat;
  /** Defaults to now. */
  now?: Date;
}

export const NOT_FOUND_CODES = ['NO_RECORD', 'RECORD_NOT_SEARCHED', 'RECORD_NOT_MATCHED', 'NO_CANDIDATE'] as const;
export type NotFoundCode = (typeof NOT_FOUND_CODES)[number];

export type TrawlResult =
  | { kind: 'summary'; summary: FamilySummary; scope: SearchScope; auditId: number }
  | { kind: 'refused'; reason: RefusalCode; auditId: number }
  | { kind: 'ambiguous'; candidates: Candidate[]; auditId: number }
  | { kind: 'not_found'; reason: NotFoundCode; auditId: number };

export class TrawlInputError extends Error {
  constructor(readonly code: string, detail: string) {
    super(`${code}: ${detail}`);
    this.name = 'TrawlInputError';
  }
}

/** A summary that fails its own schema is a bug: messages carry paths and ids only. */
export class SummaryInvalidError extends Error {
  constructor(readonly errors: string[]) {
    super(`SUMMARY_INVALID: ${errors.slice(0, 5).join('; ')}`);
    this.name = 'SummaryInvalidError';
  }
}
