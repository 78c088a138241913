import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { generateCounty } from '../fixtures/generate/county.js';
import { runMatch } from '../pipeline/identity/match.stage.js';
import { ingestExtract } from '../pipeline/ingest/ingest.stage.js';
import { renderSummaryPdf } from '../pipeline/render/summary-pdf.render.js';
import { runTrawl } from '../pipeline/trawl/trawl.service.js';
import { upsertUser } from '../pipeline/trawl/user.repository.js';
import { SOURCES } from '../schemas/canonical.js';
import type { StoreMode } from '../pipeline/store/store.js';
import { benchStore } from './support/bench-store.js';

/**
 * bench:trawl — trawl -> summary JSON time over random subject children (p50, p95) and PDF time,
 * on a generated county loaded through ingest and match. BENCH_FAMILIES sets the county size.
 */
const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 3000);
const SUBJECTS = Number(process.env['BENCH_SUBJECTS'] ?? 200);
const MODE = (process.env['BENCH_MODE'] ?? 'postgres') as StoreMode;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-trawl-'));
const bench = await benchStore(MODE);
try {
  const manifest = await generateCounty({ seed: 7, families: FAMILIES, outDir: work });
  const t0 = performance.now();
  for (const source of SOURCES) {
    await ingestExtract(bench.store, { source, folder: path.join(work, source), extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' });
  }
  const t1 = performance.now();
  const match = await runMatch(bench.store, { full: true, retrain: true });
  const t2 = performance.now();
  console.log(
    `store: ${manifest.mentions} mentions, ${match.persons} people (${FAMILIES} families, ${MODE}); ` +
      `ingest ${((t1 - t0) / 1000).toFixed(1)} s, match ${((t2 - t1) / 1000).toFixed(1)} s`,
  );
  await upsertUser(bench.store.db, 'bench-analyst', 'analyst');
  // Subjects: pupils, deterministic pseudo-random sample.
  const { rows } = await sql<{ natural_key: string }>`
    SELECT natural_key FROM mention WHERE is_current AND natural_key LIKE 'education:pupils:%'
    ORDER BY md5(natural_key) LIMIT ${SUBJECTS}`.execute(bench.store.db);
  const times: number[] = [];
  let members = 0;
  let lastSummary = null;
  for (const { natural_key } of rows) {
    const started = performance.now();
    const result = await runTrawl(bench.store.db, {
      actor: 'bench-analyst',
      purpose: 'mash',
      consent: 'written',
      lawfulBasis: 'section 47 enquiry (benchmark)',
      subject: { recordKey: natural_key },
      format: 'json',
    });
    if (result.kind !== 'summary') throw new Error(`trawl did not produce a summary: ${result.kind}`);
    JSON.stringify(result.summary);
    times.push(performance.now() - started);
    members += result.summary.members.length;
    lastSummary = result.summary;
  }
  times.sort((a, b) => a - b);
  const pdfTimes: number[] = [];
  for (let i = 0; i < 5 && lastSummary; i++) {
    const started = performance.now();
    await renderSummaryPdf(lastSummary);
    pdfTimes.push(performance.now() - started);
  }
  pdfTimes.sort((a, b) => a - b);
  console.log(
    `trawl -> JSON over ${times.length} subjects: p50 ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, ` +
      `max ${times[times.length - 1]!.toFixed(0)} ms; ${(members / times.length).toFixed(1)} members per family`,
  );
  if (pdfTimes.length > 0) {
    console.log(`PDF over ${pdfTimes.length} renders: median ${quantile(pdfTimes, 0.5).toFixed(0)} ms, max ${pdfTimes[pdfTimes.length - 1]!.toFixed(0)} ms`);
  }
} finally {
  await bench.drop();
  fs.rmSync(work, { recursive: true, force: true });
}
