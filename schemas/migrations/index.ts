import type { Migration } from 'kysely';
import * as stagingStore from './0001-staging-store.js';
import * as identityMatching from './0002-identity-matching.js';

/** Every migration, in order. Both store modes run exactly these. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-staging-store': stagingStore,
  '0002-identity-matching': identityMatching,
};
