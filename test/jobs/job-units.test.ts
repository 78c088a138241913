import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BadPayloadError, parsePayload, parseQueueJobData } from '../../jobs/job-payloads.js';
import { errorCode, isPermanent, JobFailure, toJobFailure } from '../../jobs/job-errors.js';
import { jobMode } from '../../jobs/job-mode.js';
import { assertProcessors, PROCESSORS } from '../../jobs/processor-registry.js';
import { backoffDelay } from '../../jobs/retry-policy.js';
import { scanInbox } from '../../jobs/inbox-deliveries.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { ExtractFolderError } from '../../pipeline/ingest/extract-folder.js';

describe('job payloads', () => {
  it('accepts ids, paths, dates and flags', () => {
    expect(parsePayload('ingest', { source: 'police', folder: '/in/police/x', extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' })).toEqual({
      source: 'police', folder: '/in/police/x', extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8',
    });
    expect(parsePayload('match', {})).toEqual({ full: false, retrain: false });
    expect(parsePayload('summary', { trawlRequestId: 3 })).toEqual({ trawlRequestId: 3 });
    expect(parsePayload('summary', { meetingFamilyIds: [4, 5] })).toEqual({ meetingFamilyIds: [4, 5] });
    expect(parsePayload('pack', {})).toEqual({ days: 2 });
    expect(parsePayload('batch', { inbox: '/in' })).toEqual({ inbox: '/in', packDays: 2 });
    expect(parsePayload('refresh', {})).toEqual({});
    expect(parseQueueJobData({ requestId: 7 })).toEqual({ requestId: 7 });
    expect(parseQueueJobData({ schedulerId: 'nightly-batch', inbox: '/in' })).toEqual({ schedulerId: 'nightly-batch', inbox: '/in' });
  });

  it('refuses a bad payload naming the field, never the value', () => {
    const bad = () => parsePayload('ingest', { source: 'police', folder: '/x', extractDate: 'Leanne Hardcastle', mode: 'full', encoding: 'utf-8' });
    expect(bad).toThrow(BadPayloadError);
    expect(bad).toThrow('BAD_PAYLOAD: ingest.extractDate');
    expect(() => parsePayload('ingest', { source: 'police', folder: 'relative/path', extractDate: '2026-11-01', mode: 'full', encoding: 'utf-8' })).toThrow('ingest.folder');
    expect(() => parsePayload('match', { full: 'yes' })).toThrow('match.full');
    expect(() => parsePayload('batch', null)).toThrow('batch.(payload)');
    expect(() => parsePayload('summary', { trawlRequestId: 'Leanne' })).toThrow('summary.trawlRequestId');
    expect(() => parsePayload('summary', { meetingFamilyIds: [] })).toThrow('summary.meetingFamilyIds');
    expect(() => parsePayload('summary', { meetingFamilyIds: [1, -2] })).toThrow('summary.meetingFamilyIds');
    expect(() => parsePayload('pack', { days: 1.5 })).toThrow('pack.days');
    expect(() => parseQueueJobData({ requestId: '12' })).toThrow('job.requestId');
    expect(() => parseQueueJobData({ name: 'Leanne' })).toThrow(BadPayloadError);
  });
});

describe('errors', () => {
  it('turns errors into data-free codes and sorts permanent from transient', () => {
    expect(errorCode(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe('PG_40001');
    expect(errorCode(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(errorCode(new Error('Connection terminated unexpectedly'))).toBe('PG_CONNECTION_LOST');
    expect(errorCode(new ExtractFolderError('FOLDER_NOT_FOUND', '/somewhere/Leanne'))).toBe('FOLDER_NOT_FOUND');
    expect(isPermanent(new ExtractFolderError('FOLDER_NOT_FOUND', '/x'))).toBe(true);
    expect(isPermanent(new BadPayloadError('match', 'full'))).toBe(true);
    expect(isPermanent(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }))).toBe(false);
    const failure = toJobFailure(new Error('duplicate key value (name)=(Leanne)'));
    expect(failure).toBeInstanceOf(JobFailure);
    expect(failure.message).toBe('UNKNOWN_ERROR');
    expect(failure.stack).not.toContain('Leanne');
  });

  it('backs off exponentially with jitter', () => {
    expect(backoffDelay({ backoffMs: 1000 }, 1, () => 0)).toBe(500);
    expect(backoffDelay({ backoffMs: 1000 }, 1, () => 0.999)).toBe(999);
    expect(backoffDelay({ backoffMs: 1000 }, 3, () => 0)).toBe(2000);
    expect(backoffDelay({ backoffMs: 1000 }, 3, () => 0.999)).toBeLessThan(4000);
  });
});

describe('start-up checks', () => {
  it('refuses a registry that leaves a job name without a processor', () => {
    expect(() => assertProcessors(PROCESSORS)).not.toThrow();
    const withoutMatch = Object.fromEntries(Object.entries(PROCESSORS).filter(([name]) => name !== 'match'));
    expect(() => assertProcessors(withoutMatch)).toThrow('NO_PROCESSOR: job name match has no processor');
  });

  it('refuses REDIS_URL with the embedded store, with a clear message', () => {
    expect(jobMode({ databaseUrl: null, redisUrl: null })).toBe('in-process');
    expect(jobMode({ databaseUrl: 'postgres://x/y', redisUrl: 'redis://x' })).toBe('bullmq');
    expect(() => jobMode({ databaseUrl: null, redisUrl: 'redis://x' })).toThrow(/REDIS_NEEDS_DATABASE_URL.*DATABASE_URL/);
  });

  it('reads job settings once, naming a bad variable but not its value', () => {
    expect(readJobSettings({}).queuePrefix).toBe('mash');
    expect(() => readJobSettings({ MASH_JOB_ATTEMPTS: 'lots' })).toThrow('MASH_JOB_ATTEMPTS must be a whole number');
    expect(() => readJobSettings({ MASH_QUEUE_PREFIX: 'a:b' })).toThrow('MASH_QUEUE_PREFIX');
  });
});

describe('inbox', () => {
  it('finds deliveries oldest first, reads tags and delivery.json, skips what it cannot place', () => {
    const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-inbox-'));
    try {
      for (const dir of ['police/2026-11-02', 'police/2026-11-01-full', 'health/2026-11-01-delta-windows-1252', 'health/latest', 'housing/any', 'pets/2026-11-01']) {
        fs.mkdirSync(path.join(inbox, dir), { recursive: true });
      }
      fs.writeFileSync(path.join(inbox, 'housing/any/delivery.json'), JSON.stringify({ extractDate: '2026-10-30', mode: 'full' }));
      const scan = scanInbox(inbox);
      expect(scan.deliveries.map((d) => [path.relative(inbox, d.folder), d.extractDate, d.mode, d.encoding])).toEqual([
        ['housing/any', '2026-10-30', 'full', 'utf-8'],
        ['health/2026-11-01-delta-windows-1252', '2026-11-01', 'delta', 'windows-1252'],
        ['police/2026-11-01-full', '2026-11-01', 'full', 'utf-8'],
        ['police/2026-11-02', '2026-11-02', 'delta', 'utf-8'],
      ]);
      expect(scan.skipped).toEqual([
        { folder: 'health/latest', reason: 'UNDATED_DELIVERY' },
        { folder: 'pets', reason: 'UNKNOWN_SOURCE' },
      ]);
      expect(() => scanInbox(path.join(inbox, 'nope'))).toThrow('INBOX_NOT_FOUND');
    } finally {
      fs.rmSync(inbox, { recursive: true, force: true });
    }
  });
});
