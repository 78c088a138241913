import { createHash } from 'node:crypto';
import type { FamilySummary } from '../../schemas/summary.schema.js';

/**
 * A summary's content, for telling whether a rebuild changed anything: everything but the
 * moment it was generated.
 */
export function summaryContentHash(summary: FamilySummary): string {
  return createHash('sha256').update(JSON.stringify({ ...summary, generatedAt: null })).digest('hex');
}
