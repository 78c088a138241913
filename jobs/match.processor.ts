import { Worker } from 'node:worker_threads';
import type { Config } from '../pipeline/config.js';
import { runMatch, type MatchRunOptions, type MatchRunReport } from '../pipeline/identity/match.stage.js';
import { MATCH_LOCK, withAdvisoryLock } from './advisory-lock.js';
import { JobFailure, toJobFailure } from './job-errors.js';
import type { MatchThreadInput, MatchThreadMessage } from './match-thread.js';
import type { Processor } from './processor.js';

const THREAD_ENTRY = new URL('./match-thread.bootstrap.mjs', import.meta.url);
/**
 * A county-sized run allocates hundreds of millions of short-lived values: V8's default young
 * generation (16 MiB) promotes most of them and collects them again in the old one.
 */
const MATCH_YOUNG_GENERATION_MB = 192;

/** Matching in a worker thread: this thread stays free to renew the queue lock. */
export function runMatchInThread(config: Config, options: MatchRunOptions): Promise<MatchRunReport> {
  if (!config.databaseUrl) return Promise.reject(new JobFailure('MATCH_THREAD_NEEDS_DATABASE_URL', true));
  const input: MatchThreadInput = { databaseUrl: config.databaseUrl, dataDir: config.dataDir, options };
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(THREAD_ENTRY, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: MATCH_YOUNG_GENERATION_MB } });
    worker.once('message', (message: MatchThreadMessage) => {
      settled = true;
      if (message.ok) resolve(message.report);
      else reject(new JobFailure(message.code, message.permanent));
    });
    worker.once('error', (error) => {
      if (settled) return;
      settled = true;
      reject(toJobFailure(error));
    });
    worker.once('exit', (code) => {
      if (settled) return;
      settled = true;
      reject(new JobFailure(`MATCH_THREAD_EXIT_${code}`, false));
    });
  });
}

/**
 * Links mentions into people. Idempotent in PostgreSQL: the stage rewrites person_mention in
 * one transaction, and a run with nothing changed since the last finished run does nothing
 * (`upToDate`). On PostgreSQL an advisory lock makes matching single-flight across workers.
 */
export const matchProcessor: Processor<'match'> = async (ctx, payload) => {
  await ctx.progress({ phase: 'matching' });
  const options: MatchRunOptions = { full: payload.full, retrain: payload.retrain };
  const run = () => (ctx.offloadCpu && ctx.store.mode === 'postgres' ? runMatchInThread(ctx.config, options) : runMatch(ctx.store, options));
  const databaseUrl = ctx.store.mode === 'postgres' ? ctx.config.databaseUrl : null;
  const report = databaseUrl ? await withAdvisoryLock(databaseUrl, MATCH_LOCK, run) : await run();
  return { kind: 'done', result: report };
};
