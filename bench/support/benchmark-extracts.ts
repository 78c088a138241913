import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * Converts the labelled public benchmarks into social-care `people.csv` extracts (the spec's
 * person file with the fewest required columns), so they go through the real ingest and match.
 * Fields the spec has no column for (FEBRL's soc_sec_id, fake_1000's email) are left out: no
 * person file in the specification carries an email, and columns outside it are not carried
 * into canonical records. fake_1000's city is a town, part of the home address: `address`.
 * Leaving the email out is the whole gap between bench:match on fake_1000 and the matching core
 * on Splink's columns (F1 0.79 against 0.95): `fake1000AsExtract` in
 * pipeline/match/benchmarks/load-benchmark.ts gives the core these same fields, and
 * test/match/benchmark-extract-parity.test.ts checks ingest loads exactly them.
 */

export const SHARED_BENCHMARKS = path.resolve(import.meta.dirname, '../../../shared/benchmarks');

export interface BenchmarkExtract {
  name: string;
  folder: string;
  /** record key -> true entity */
  truth: Map<string, string>;
}

const HEADER = 'person_id,surname,forename,previous_names,dob,sex,nhs_number,upn,address,postcode,uprn';

function csvField(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function isoDate(yyyymmdd: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd.trim());
  if (!m) return '';
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(mo) - 1 ? `${y}-${mo}-${d}` : '';
}

function writePeople(dir: string, rows: string[][]): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'people.csv'), `${HEADER}\n${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`);
}

function readCsv(file: string): Record<string, string>[] {
  return parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { columns: (h: string[]) => h.map((c) => c.trim()), trim: true });
}

export function febrlExtract(dataset: string, files: string[], outDir: string): BenchmarkExtract {
  const truth = new Map<string, string>();
  const rows: string[][] = [];
  for (const file of files) {
    for (const r of readCsv(path.join(SHARED_BENCHMARKS, 'febrl', file))) {
      const id = r['rec_id']!;
      truth.set(`social_care:people:${id}`, /^rec-(\d+)-/.exec(id)![1]!);
      const address = [r['street_number'], r['address_1'], r['address_2'], r['suburb'], r['postcode']].filter(Boolean).join(' ');
      rows.push([id, r['surname'] ?? '', r['given_name'] ?? '', '', isoDate(r['date_of_birth'] ?? ''), '', '', '', address, '', '']);
    }
  }
  const folder = path.join(outDir, dataset);
  writePeople(folder, rows);
  return { name: `FEBRL ${dataset}`, folder, truth };
}

export function fake1000Extract(outDir: string): BenchmarkExtract {
  const truth = new Map<string, string>();
  const rows: string[][] = [];
  for (const r of readCsv(path.join(SHARED_BENCHMARKS, 'splink_fake_1000', 'fake_1000.csv'))) {
    const id = `F${r['unique_id']}`;
    truth.set(`social_care:people:${id}`, r['cluster']!);
    rows.push([id, r['surname'] ?? '', r['first_name'] ?? '', '', r['dob'] ?? '', '', '', '', r['city'] ?? '', '', '']);
  }
  const folder = path.join(outDir, 'fake_1000');
  writePeople(folder, rows);
  return { name: 'Splink fake_1000', folder, truth };
}
