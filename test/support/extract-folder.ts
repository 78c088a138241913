import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes an extract folder from file name -> content (string or bytes) and returns its path. */
export function writeExtract(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-extract-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}
