import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { csvParseRows } from './csv-parse-rows.js';
import { readCsvRows, type CsvRow } from './csv-rows.js';
import { readCsvText } from './csv-text.js';

/** A deterministic generator of CSV-like text: well-formed, or with stray quotes and odd line ends. */
function csvLike(seed: number, irregular: boolean): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chars = irregular ? ['a', 'b', ' ', 'é', ',', '"', '\n', '\r\n', '\r'] : ['a', 'b', 'c', ' ', 'é', 'x'];
  let text = seed % 3 === 0 ? '\ufeff' : '';
  const rows = 1 + Math.floor(next() * 40);
  for (let r = 0; r < rows; r++) {
    const fields: string[] = [];
    for (let k = 1 + Math.floor(next() * 5); k > 0; k--) {
      let value = '';
      for (let c = Math.floor(next() * 8); c > 0; c--) value += pick(chars);
      if (!irregular && next() < 0.3) value = `"${value.replace(/x/g, '""').replace(/c/g, '\n').replace(/b/g, ',')}"`;
      fields.push(value);
    }
    text += fields.join(',') + pick(['\n', '\n', '\r\n', '\r', '\n\n', '']);
    if (next() < 0.05) text += pick(['\n', '   \n', '""\n', ',\n']);
  }
  return next() < 0.5 ? `${text}\n` : text;
}

async function collect(rows: AsyncIterable<CsvRow>): Promise<CsvRow[]> {
  const all: CsvRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe('readCsvRows', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-csv-rows-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads exactly what csv-parse reads, whatever the chunking, well-formed or not', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const file = write(`f${seed}.csv`, csvLike(seed, seed % 2 === 0));
      const expected = await collect(csvParseRows(readCsvText(file, 'utf-8'), 0));
      for (const chunkBytes of [5, 64, 1 << 20]) {
        expect([seed, chunkBytes, await collect(readCsvRows(file, 'utf-8', chunkBytes))]).toEqual([seed, chunkBytes, expected]);
      }
    }
  });

  it('keeps physical line numbers after handing a broken record to csv-parse', async () => {
    const file = write('stray.csv', 'a,b\r\n"x\ny",1\n\nbad"quote,2\n"p",3\n');
    const rows = await collect(readCsvRows(file, 'utf-8', 4));
    expect(rows.map((row) => [row.line, row.fields ?? row.error])).toEqual([
      [1, ['a', 'b']],
      [2, ['x\ny', '1']],
      [5, 'CSV_SYNTAX'],
      [6, ['p', '3']],
    ]);
  });
});
