import { buildPacks } from '../pipeline/meetings/pack.service.js';
import { londonDay } from '../pipeline/trawl/trawl-window.js';
import type { Processor } from './processor.js';

/** Prints the packs of the hub meetings in the next days into the outbox (paths and counts only in the result). */
export const packProcessor: Processor<'pack'> = async (ctx, payload, requestId) => {
  await ctx.progress({ phase: 'printing packs' });
  const report = await buildPacks(ctx.store, {
    today: londonDay(new Date()),
    days: payload.days,
    requestId,
    outboxDir: ctx.config.outboxDir,
  });
  return { kind: 'done', result: report };
};
