import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCounty } from '../fixtures/generate/county.js';
import { exportLinks } from '../pipeline/identity/links.repository.js';
import { runMatch } from '../pipeline/identity/match.stage.js';
import { ingestExtract } from '../pipeline/ingest/ingest.stage.js';
import { pairwiseMetrics } from '../pipeline/match/pairwise.evaluation.js';
import { blockingRecall } from '../pipeline/match/blocking.recall.js';
import { encodeMentions } from '../pipeline/match/mention.encoding.js';
import { loadMatchMentions } from '../pipeline/identity/match-input.repository.js';
import { SOURCES, type Source } from '../schemas/canonical.js';
import type { StoreMode } from '../pipeline/store/store.js';
import { benchStore } from './support/bench-store.js';
import { fake1000Extract, febrlExtract, type BenchmarkExtract } from './support/benchmark-extracts.js';

/**
 * bench:match — accuracy of the real ingest -> match path against ground truth: the generated
 * county (the project's own fixtures) and the labelled public benchmarks. Prints pairwise
 * precision, recall and F1, blocking figures and times.
 */
const FAMILIES = Number(process.env['BENCH_FAMILIES'] ?? 300);
const MODES = (process.env['BENCH_MODES'] ?? 'postgres').split(',') as StoreMode[];
/** Comma-separated parts of the data sets' names to run (`county,fake_1000`); all when unset. */
const ONLY = (process.env['BENCH_ONLY'] ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
const selected = (name: string): boolean => ONLY.length === 0 || ONLY.some((o) => name.toLowerCase().includes(o));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-bench-match-'));

/** Pairs in one group of `by` that `other` splits, counted by the tables of the two mentions. */
function pairErrorsByTable(keys: string[], by: Map<string, string>, other: Map<string, string>): string {
  const table = (k: string): string => k.split(':')[1] ?? k;
  const groups = new Map<string, string[]>();
  for (const k of keys) {
    const g = by.get(k)!;
    const list = groups.get(g);
    if (list === undefined) groups.set(g, [k]);
    else list.push(k);
  }
  const counts = new Map<string, number>();
  for (const g of groups.values()) {
    for (let x = 0; x < g.length; x++) {
      for (let y = x + 1; y < g.length; y++) {
        if (other.get(g[x]!) === other.get(g[y]!)) continue;
        const t = [table(g[x]!), table(g[y]!)].sort().join('–');
        counts.set(t, (counts.get(t) ?? 0) + 1);
      }
    }
  }
  const top = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6);
  return top.length === 0 ? 'none' : top.map(([t, n]) => `${t} ${n}`).join(', ');
}

function readTruth(file: string): Map<string, string> {
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return new Map(lines.map((l) => l.split(',') as [string, string]).map(([k, p]) => [k, p]));
}

async function evaluate(name: string, mode: StoreMode, folders: { source: Source; folder: string }[], truth: Map<string, string>): Promise<void> {
  const bench = await benchStore(mode);
  try {
    const t0 = performance.now();
    let quarantined = 0;
    for (const { source, folder } of folders) {
      const report = await ingestExtract(bench.store, { source, folder, extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' });
      quarantined += report.files.reduce((n, f) => n + f.quarantined, 0);
    }
    const t1 = performance.now();
    const run = await runMatch(bench.store, { full: true, retrain: true });
    const t2 = performance.now();
    const predicted = new Map((await exportLinks(bench.store.db)).map((l) => [l.recordKey, l.personId ?? `unmatched:${l.recordKey}`]));
    const keys = [...truth.keys()].sort();
    // A row quarantined at ingest is a person mash does not know: its own cluster.
    const predictedLabels = new Map(keys.map((k) => [k, predicted.get(k) ?? `missing:${k}`]));
    const metrics = pairwiseMetrics(keys.map((k) => predictedLabels.get(k)!), keys.map((k) => truth.get(k)!));
    const m = run.match!;
    console.log(
      `${name} [${mode}]: ${keys.length} mentions (${quarantined} quarantined), precision ${metrics.precision.toFixed(4)}, ` +
        `recall ${metrics.recall.toFixed(4)}, F1 ${metrics.f1.toFixed(4)}; ${run.persons} people, ${run.reviews} to review; ` +
        `candidate pairs ${m.scoredPairs}; ingest ${((t1 - t0) / 1000).toFixed(1)} s, match ${((t2 - t1) / 1000).toFixed(1)} s`,
    );
    const refused = Object.entries(m.refusedEdges).map(([k, v]) => `${k} ${v}`).join(', ');
    console.log(
      `  false links by table pair: ${pairErrorsByTable(keys, predictedLabels, truth)}; missed: ${pairErrorsByTable(keys, truth, predictedLabels)}; ` +
        `relational links ${m.relationalBoosts}; refused by guards: ${refused}`,
    );
    // Blocking alone over the stored mentions: true pairs a comparison could ever see.
    const blocking = blockingRecall(encodeMentions(await loadMatchMentions(bench.store.db)), truth);
    console.log(
      `  blocking: ${blocking.candidatePairs} candidate pairs; ${blocking.truePairsInCandidates} of ${blocking.truePairs} true pairs ` +
        `among them (blocking recall ${blocking.recall.toFixed(4)})`,
    );
  } finally {
    await bench.drop();
  }
}

if (selected('county')) {
  const countyDir = path.join(work, 'county');
  const manifest = await generateCounty({ seed: 42, families: FAMILIES, outDir: countyDir });
  const countyTruth = readTruth(path.join(countyDir, 'truth', 'mentions.csv'));
  for (const mode of MODES) {
    await evaluate(
      `county (seed 42, ${manifest.families} families)`,
      mode,
      SOURCES.map((source) => ({ source, folder: path.join(countyDir, source) })),
      countyTruth,
    );
  }
}

if (process.env['BENCH_SKIP_PUBLIC'] !== '1') {
  const extracts: BenchmarkExtract[] = [
    febrlExtract('dataset1', ['dataset1.csv'], work),
    febrlExtract('dataset2', ['dataset2.csv'], work),
    febrlExtract('dataset3', ['dataset3.csv'], work),
    febrlExtract('dataset4', ['dataset4a.csv', 'dataset4b.csv'], work),
    fake1000Extract(work),
  ];
  for (const extract of extracts.filter((e) => selected(e.name))) {
    await evaluate(extract.name, MODES[0]!, [{ source: 'social_care', folder: extract.folder }], extract.truth);
  }
}
fs.rmSync(work, { recursive: true, force: true });
