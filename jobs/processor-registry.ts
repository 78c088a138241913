import { batchProcessor } from './batch.processor.js';
import { ingestProcessor } from './ingest.processor.js';
import { matchProcessor } from './match.processor.js';
import { packProcessor } from './pack.processor.js';
import { refreshProcessor } from './refresh.processor.js';
import { summaryProcessor } from './summary.processor.js';
import type { ProcessorRegistry } from './processor.js';
import { JOB_NAMES } from './queue-names.js';

/** One processor per job name. */
export const PROCESSORS: ProcessorRegistry = {
  ingest: ingestProcessor,
  match: matchProcessor,
  refresh: refreshProcessor,
  summary: summaryProcessor,
  pack: packProcessor,
  batch: batchProcessor,
};

export class MissingProcessorError extends Error {
  constructor(readonly jobName: string) {
    super(`NO_PROCESSOR: job name ${jobName} has no processor`);
    this.name = 'MissingProcessorError';
  }
}

/** Startup check: refuses a registry that leaves a job name without a processor. */
export function assertProcessors(registry: Partial<Record<string, unknown>>): asserts registry is ProcessorRegistry {
  for (const name of JOB_NAMES) {
    if (typeof registry[name] !== 'function') throw new MissingProcessorError(name);
  }
}
