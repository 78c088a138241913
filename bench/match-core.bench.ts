/**
 * Pure matching core on the labelled public benchmarks (FEBRL 1–4, Splink fake_1000): trains a
 * model, matches, and prints pairwise precision / recall / F1, blocking recall, pair counts and
 * times, plus a threshold sweep. `--scale` adds a synthetic 1,000,000-mention run printing wall
 * time and peak RSS for blocking + scoring + clustering. Prints ids and counts only.
 *
 *   npx tsx bench/match-core.bench.ts [--scale] [--scale-size=N] [--only=fake]
 */
import { fake1000AsExtract, loadAllBenchmarks, type Benchmark } from '../pipeline/match/benchmarks/load-benchmark.js';
import { encodeMentions } from '../pipeline/match/mention.encoding.js';
import { trainModel } from '../pipeline/match/model.training.js';
import { matchMentions } from '../pipeline/match/match-mentions.js';
import { pairwiseMetrics, truePairCount } from '../pipeline/match/pairwise.evaluation.js';
import { truthLabels } from '../pipeline/match/pair.scoring.js';
import { generateSyntheticCounty } from '../pipeline/match/benchmarks/synthetic-county.js';

const args = new Set(process.argv.slice(2));
const argValue = (name: string): string | undefined =>
  process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const f3 = (x: number): string => x.toFixed(3);
const ms = (x: number): string => `${(x / 1000).toFixed(2)}s`;

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function runBenchmark(b: Benchmark): void {
  const t0 = performance.now();
  const enc = encodeMentions(b.mentions);
  const model = trainModel(enc, { trainedAt: 'bench' });
  const t1 = performance.now();
  const truth = truthLabels(enc, b.truth);
  const totalTrue = truePairCount(truth);
  const result = matchMentions(enc, model, { truth: b.truth });
  const t2 = performance.now();
  const m = pairwiseMetrics(result.personOf, truth);
  const found = result.report.truePairsInCandidates ?? 0;
  console.log(
    `${b.name.padEnd(18)} mentions=${enc.n} truePairs=${totalTrue} candidates=${result.report.scoredPairs} ` +
      `blockingRecall=${f3(found / Math.max(1, totalTrue))} P=${f3(m.precision)} R=${f3(m.recall)} F1=${f3(m.f1)} ` +
      `links=${result.report.links} reviews=${result.report.reviews} refused=${JSON.stringify(result.report.refusedEdges)} lambda=${model.lambda.toExponential(2)} ` +
      `train=${ms(t1 - t0)} match=${ms(t2 - t1)}`,
  );
  if (b.name.startsWith('febrl')) {
    // FEBRL's corruption replaces forenames outright, which the twins guard (same dob, surname
    // and postcode, different forename) rightly refuses; FEBRL holds no twins, so also show it off.
    const r = matchMentions(enc, model, { guards: { twins: false } });
    const mm = pairwiseMetrics(r.personOf, truth);
    console.log(`   twins guard off: P=${f3(mm.precision)} R=${f3(mm.recall)} F1=${f3(mm.f1)} reviews=${r.report.reviews}`);
  }
  if (args.has('--sweep')) {
    for (const autoLink of [0.5, 0.8, 0.9, 0.95, 0.99, 0.999, 0.9999]) {
      const r = matchMentions(enc, model, { thresholds: { autoLink, review: Math.min(0.5, autoLink) } });
      const mm = pairwiseMetrics(r.personOf, truth);
      console.log(`   autoLink=${autoLink} P=${f3(mm.precision)} R=${f3(mm.recall)} F1=${f3(mm.f1)} reviews=${r.report.reviews}`);
    }
  }
}

function runScale(size: number): void {
  const tg = performance.now();
  const { mentions, truth } = generateSyntheticCounty(size, 7);
  sampleRss();
  const tg1 = performance.now();
  console.log(`scale: generated ${mentions.length} mentions (${truth.size} labelled) in ${ms(tg1 - tg)}`);
  const trainSample = mentions.slice(0, Math.min(mentions.length, 200_000));
  const model = trainModel(trainSample, { trainedAt: 'bench', maxTrainingPairs: 1_000_000, maxUPairs: 1_000_000 });
  sampleRss();
  const tt = performance.now();
  console.log(`scale: trained on ${trainSample.length} mentions in ${ms(tt - tg1)} lambda=${model.lambda.toExponential(2)}`);
  const timer = setInterval(sampleRss, 100);
  const t0 = performance.now();
  const enc = encodeMentions(mentions);
  sampleRss();
  const t1 = performance.now();
  // Trained on a sample: lambda rescaled to the whole population.
  const result = matchMentions(enc, model, { truth, populationSize: enc.n });
  sampleRss();
  const t2 = performance.now();
  clearInterval(timer);
  const labels = truthLabels(enc, truth);
  const totalTrue = truePairCount(labels);
  const m = pairwiseMetrics(result.personOf, labels);
  const r = result.report;
  console.log(
    `scale: mentions=${enc.n} candidates=${r.scoredPairs} kept=${r.keptPairs} blockingRecall=${f3((r.truePairsInCandidates ?? 0) / Math.max(1, totalTrue))} ` +
      `skippedBlocks=${r.blocking.rules.reduce((s, x) => s + x.skippedKeys, 0)} persons=${r.persons} links=${r.links} reviews=${r.reviews}`,
  );
  console.log(`scale: per rule ${r.blocking.rules.map((x) => `${x.rule}=${x.pairs}${x.skippedKeys ? `(skipped ${x.skippedKeys})` : ''}`).join('; ')}`);
  console.log(`scale: P=${f3(m.precision)} R=${f3(m.recall)} F1=${f3(m.f1)}`);
  console.log(
    `scale: encode=${ms(t1 - t0)} score(block+score)=${ms(r.timingsMs.score)} cluster=${ms(r.timingsMs.cluster)} relational=${ms(r.timingsMs.relational)} ` +
      `wall(encode+block+score+cluster)=${ms(t2 - t0)} peakRSS=${(peakRss / 2 ** 30).toFixed(2)}GiB`,
  );
}

const only = argValue('only');
for (const b of loadAllBenchmarks()) {
  if (only && !b.name.includes(only)) continue;
  runBenchmark(b);
  // What bench:match feeds the same matcher through ingest: only the extract spec's fields.
  if (b.name.includes('fake_1000')) runBenchmark(fake1000AsExtract(b));
}
if (args.has('--scale')) runScale(Number(argValue('scale-size') ?? 1_000_000));
