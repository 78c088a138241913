import { ingestExtract } from '../pipeline/ingest/ingest.stage.js';
import type { Processor } from './processor.js';

/**
 * Loads one extract. Idempotent in PostgreSQL: the stage keys an extract by checksum, date and
 * mode (a UNIQUE constraint), so a second delivery of the job reports `unchanged` and writes
 * nothing; two concurrent deliveries cannot both load it (the loser retries and finds it loaded).
 */
export const ingestProcessor: Processor<'ingest'> = async (ctx, payload) => {
  const report = await ingestExtract(ctx.store, {
    ...payload,
    onProgress: (file, rows) => void ctx.progress({ phase: 'loading', file, rows }).catch(() => undefined),
  });
  return { kind: 'done', result: report };
};
