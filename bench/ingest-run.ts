import { ingestExtract } from '../pipeline/ingest/ingest.stage.js';
import { readConfig } from '../pipeline/config.js';
import { openStore } from '../pipeline/store/open-store.js';
import type { Source } from '../schemas/canonical.js';

/** Child process of bench/ingest.bench.ts: one ingest, then its wall time and peak RSS as JSON. */
const [source, folder] = process.argv.slice(2) as [Source, string];
const store = await openStore(readConfig());
const started = performance.now();
const stageThread = (process.env['BENCH_STAGE_THREAD'] ?? 'auto') as 'auto' | 'always' | 'never';
const report = await ingestExtract(store, { source, folder, extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8', stageThread });
const seconds = (performance.now() - started) / 1000;
await store.close();
const rows = report.files.reduce((n, f) => n + f.rowsRead, 0);
const quarantined = report.files.reduce((n, f) => n + f.quarantined, 0);
console.log(JSON.stringify({ rows, quarantined, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
