/**
 * Runs inside a worker thread (started by match.processor.ts through match-thread.bootstrap.mjs):
 * opens its own connection to the store, runs the match stage, posts the report back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runMatch, type MatchRunOptions, type MatchRunReport } from '../pipeline/identity/match.stage.js';
import { openStore } from '../pipeline/store/open-store.js';
import { errorCode, isPermanent } from './job-errors.js';

export interface MatchThreadInput {
  databaseUrl: string;
  dataDir: string;
  options: MatchRunOptions;
}

export type MatchThreadMessage = { ok: true; report: MatchRunReport } | { ok: false; code: string; permanent: boolean };

async function main(input: MatchThreadInput): Promise<MatchThreadMessage> {
  try {
    const store = await openStore({ databaseUrl: input.databaseUrl, dataDir: input.dataDir });
    try {
      return { ok: true, report: await runMatch(store, input.options) };
    } finally {
      await store.close();
    }
  } catch (error) {
    return { ok: false, code: errorCode(error), permanent: isPermanent(error) };
  }
}

parentPort?.postMessage(await main(workerData as MatchThreadInput));
