import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Connector, FileSpec } from '../../connectors/connector.js';

export interface ExtractFile {
  spec: FileSpec;
  /** The name the spec gives the file (e.g. `pupils.csv`); the folder's spelling may differ in case. */
  name: string;
  path: string;
}

export interface ExtractFolder {
  files: ExtractFile[];
  /** Files in the folder that the source's specification does not name; reported, not loaded. */
  ignored: string[];
  checksum: string;
}

export class ExtractFolderError extends Error {
  constructor(readonly code: 'FOLDER_NOT_FOUND' | 'NO_EXTRACT_FILES', readonly folder: string) {
    super(`${code}: ${folder}`);
    this.name = 'ExtractFolderError';
  }
}

async function hashFile(hash: ReturnType<typeof createHash>, file: string): Promise<void> {
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}

/** Finds the source's files in an extract folder and fingerprints their bytes (names sorted). */
export async function readExtractFolder(connector: Connector, folder: string): Promise<ExtractFolder> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new ExtractFolderError('FOLDER_NOT_FOUND', folder);
  }
  const byName = new Map(connector.files.map((spec) => [spec.name.toLowerCase(), spec]));
  const files: ExtractFile[] = [];
  const ignored: string[] = [];
  for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile()) continue;
    const spec = byName.get(entry.name.toLowerCase());
    if (spec) files.push({ spec, name: spec.name, path: path.join(folder, entry.name) });
    else ignored.push(entry.name);
  }
  if (files.length === 0) throw new ExtractFolderError('NO_EXTRACT_FILES', folder);
  const hash = createHash('sha256');
  hash.update(connector.source);
  for (const file of files) {
    hash.update(`\0${file.name}\0`);
    await hashFile(hash, file.path);
  }
  return { files, ignored, checksum: hash.digest('hex') };
}
