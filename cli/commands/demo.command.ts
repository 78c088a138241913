import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { SOURCES } from '../../schemas/canonical.js';
import { ingestExtract } from '../../pipeline/ingest/ingest.stage.js';
import { withStore } from '../with-store.js';
import { formatIngestReport } from './ingest.command.js';
import { runMatch } from '../../pipeline/identity/match.stage.js';
import { formatMatchReport } from './match.command.js';
import { bestSubjectKey, readScenarioSubjects, writeDemoSummaries } from '../../pipeline/trawl/demo-summaries.service.js';
import { bookMeeting } from '../../pipeline/meetings/booking.service.js';
import { upsertUser } from '../../pipeline/trawl/user.repository.js';
import type { Config } from '../../pipeline/config.js';
import type { Store } from '../../pipeline/store/store.js';
import { addDays, format } from 'date-fns';
import { runInProcess } from '../../jobs/in-process.runner.js';
import { createRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { formatBatchReport } from '../job-output.js';

const COUNTY = fileURLToPath(new URL('../../fixtures/county/', import.meta.url));
const COUNTY_EXTRACT_DATE = '2026-11-01';
const DEMO_COORDINATOR = 'demo-coordinator';
const DEMO_HUB = 'Demo Locality Hub';

/**
 * Books the scenario families on tomorrow's demo hub meeting and runs the overnight run's last
 * two steps (rebuild the changed booked families' summaries, print the next days' packs) through
 * the job processors, in this process.
 */
async function printDemoPack(store: Store, config: Config): Promise<string> {
  await upsertUser(store.db, DEMO_COORDINATOR, 'coordinator');
  const keys: string[] = [];
  for (const { recordKeys } of readScenarioSubjects(path.join(COUNTY, 'truth', 'scenarios.json'))) {
    const key = await bestSubjectKey(store.db, recordKeys);
    if (key !== null) keys.push(key);
  }
  const date = format(addDays(new Date(), 1), 'yyyy-MM-dd');
  await bookMeeting(store.db, { hub: DEMO_HUB, date, subjectKeys: keys, purpose: 'early-help', consent: 'none', lawfulBasis: null, bookedBy: DEMO_COORDINATOR });
  const settings = readJobSettings();
  const results: Record<string, unknown> = {};
  for (const [kind, payload] of [['refresh', {}], ['pack', { days: 2 }]] as const) {
    const id = await createRequest(store.db, { kind, payload, enqueued: true });
    const done = await runInProcess(id, { store, config, settings });
    results[kind === 'refresh' ? 'summaries' : 'packs'] = done.result;
  }
  return formatBatchReport({ ...results, match: null }).split('\n').filter((line) => !line.startsWith('match:') && !line.includes('deliveries')).join('\n');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the bundled made-up county (fixtures/county), link its people, write family summaries and print a hub meeting pack')
    .action(async () => {
      await withStore(async (store, config) => {
        console.log(`store: ${store.mode === 'pglite' ? path.join(config.dataDir, 'store') : 'PostgreSQL (DATABASE_URL)'}`);
        for (const source of SOURCES) {
          const folder = path.join(COUNTY, source);
          if (!fs.existsSync(folder)) continue;
          const report = await ingestExtract(store, {
            source,
            folder,
            extractDate: COUNTY_EXTRACT_DATE,
            mode: 'full',
            encoding: 'utf-8',
          });
          console.log(formatIngestReport(report));
        }
        console.log(formatMatchReport(await runMatch(store, { full: false, retrain: false })));
        const outDir = path.join(config.dataDir, 'out');
        fs.mkdirSync(outDir, { recursive: true });
        const summaries = await writeDemoSummaries(store.db, { scenariosFile: path.join(COUNTY, 'truth', 'scenarios.json'), outDir });
        for (const s of summaries) console.log(`${s.scenario} (person ${s.personId}):\n${s.files.map((f) => `  ${f}`).join('\n')}`);
        console.log(await printDemoPack(store, config));
        console.log(`outputs: ${outDir} (summaries), ${config.outboxDir} (meeting packs)`);
      });
    });
}
