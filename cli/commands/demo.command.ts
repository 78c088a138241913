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
import { writeDemoSummaries } from '../../pipeline/trawl/demo-summaries.service.js';

const COUNTY = fileURLToPath(new URL('../../fixtures/county/', import.meta.url));
const COUNTY_EXTRACT_DATE = '2026-11-01';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load the bundled made-up county (fixtures/county), link its people and write family summaries')
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
        console.log(`outputs: ${outDir}`);
      });
    });
}
