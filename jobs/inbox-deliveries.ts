import fs from 'node:fs';
import path from 'node:path';
import { SOURCES, type Source } from '../schemas/canonical.js';
import { JobFailure } from './job-errors.js';
import { parsePayload, type IngestPayload } from './job-payloads.js';

/**
 * The overnight inbox: `<inbox>/<source>/<delivery>/*.csv`, one folder per delivery. A delivery
 * folder is named by its extract date, with optional tags: `2026-11-01`, `2026-11-01-full`,
 * `2026-11-02-delta-windows-1252`. Tags: `full` (else delta), `windows-1252`/`cp1252` (else
 * UTF-8). A `delivery.json` in the folder ({ extractDate, mode, encoding }) overrides the name.
 */
export interface InboxScan {
  deliveries: IngestPayload[];
  /** Folders left out, relative to the inbox, with a reason code. */
  skipped: { folder: string; reason: 'UNKNOWN_SOURCE' | 'UNDATED_DELIVERY' | 'BAD_DELIVERY_JSON' }[];
}

function subfolders(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, e.name)).isDirectory()))
    .map((e) => e.name)
    .filter((name) => !name.startsWith('.'))
    .sort();
}

function fromName(name: string): Omit<IngestPayload, 'source' | 'folder'> | null {
  const match = /^(\d{4}-\d{2}-\d{2})(?:[-_. ](.*))?$/.exec(name);
  if (!match || Number.isNaN(Date.parse(match[1]!))) return null;
  const tags = (match[2] ?? '').toLowerCase().split(/[-_. ]+/);
  const windows = name.toLowerCase().includes('windows-1252') || tags.includes('cp1252');
  return { extractDate: match[1]!, mode: tags.includes('full') ? 'full' : 'delta', encoding: windows ? 'windows-1252' : 'utf-8' };
}

export function scanInbox(inbox: string): InboxScan {
  if (!fs.existsSync(inbox) || !fs.statSync(inbox).isDirectory()) throw new JobFailure('INBOX_NOT_FOUND', true);
  const scan: InboxScan = { deliveries: [], skipped: [] };
  for (const sourceName of subfolders(inbox)) {
    if (!(SOURCES as readonly string[]).includes(sourceName)) {
      scan.skipped.push({ folder: sourceName, reason: 'UNKNOWN_SOURCE' });
      continue;
    }
    const source = sourceName as Source;
    for (const name of subfolders(path.join(inbox, source))) {
      const folder = path.join(inbox, source, name);
      const manifest = path.join(folder, 'delivery.json');
      const named = fromName(name);
      try {
        const declared: unknown = fs.existsSync(manifest) ? JSON.parse(fs.readFileSync(manifest, 'utf8')) : {};
        if (named === null && !fs.existsSync(manifest)) {
          scan.skipped.push({ folder: path.join(source, name), reason: 'UNDATED_DELIVERY' });
          continue;
        }
        const defaults = named ?? { mode: 'delta', encoding: 'utf-8' };
        scan.deliveries.push(parsePayload('ingest', { ...defaults, ...(declared as object), source, folder }));
      } catch {
        scan.skipped.push({ folder: path.join(source, name), reason: 'BAD_DELIVERY_JSON' });
      }
    }
  }
  // Deltas build on what came before: oldest extract first (then by source and folder).
  scan.deliveries.sort((a, b) => a.extractDate.localeCompare(b.extractDate) || a.source.localeCompare(b.source) || a.folder.localeCompare(b.folder));
  return scan;
}
