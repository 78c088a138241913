import type { Migration } from 'kysely';
import * as stagingStore from './0001-staging-store.js';
import * as identityMatching from './0002-identity-matching.js';
import * as trawlAudit from './0003-trawl-audit.js';
import * as jobRequests from './0004-job-requests.js';
import * as meetingsSummaries from './0005-meetings-summaries.js';
import * as matchState from './0007-match-state.js';
import * as ingestBulkLoad from './0008-ingest-bulk-load.js';
import * as placeAddressIndexes from './0011-place-address-indexes.js';
import * as dropCurrentKeyIndexes from './0012-drop-current-key-indexes.js';
import * as matchResultRunKeys from './0013-match-result-run-keys.js';

/** Every migration, in order. Both store modes run exactly these. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-staging-store': stagingStore,
  '0002-identity-matching': identityMatching,
  '0003-trawl-audit': trawlAudit,
  '0004-job-requests': jobRequests,
  '0005-meetings-summaries': meetingsSummaries,
  '0007-match-state': matchState,
  '0008-ingest-bulk-load': ingestBulkLoad,
  '0011-place-address-indexes': placeAddressIndexes,
  '0012-drop-current-key-indexes': dropCurrentKeyIndexes,
  '0013-match-result-run-keys': matchResultRunKeys,
};
