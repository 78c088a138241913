import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays, format } from 'date-fns';
import { readConfig } from '../../pipeline/config.js';
import { runInProcess } from '../../jobs/in-process.runner.js';
import { createRequest, type JobRequest } from '../../jobs/job-request.repository.js';
import { readJobSettings } from '../../jobs/job-settings.js';
import { BookingError, bookMeeting } from '../../pipeline/meetings/booking.service.js';
import type { Booking } from '../../pipeline/meetings/meeting.repository.js';
import { buildPacks } from '../../pipeline/meetings/pack.service.js';
import { upsertUser } from '../../pipeline/trawl/user.repository.js';
import { SOURCES } from '../../schemas/canonical.js';
import { COUNTY } from '../support/county.js';
import { pdfText } from '../support/pdf-text.js';
import { STORE_MODES, createTestStore, type TestStore } from '../support/stores.js';

const REFUGE_CHILD = 'social_care:people:500003';
const EVICTION_CHILD = 'education:pupils:A855209519001';
const LOOKED_AFTER_CHILD = 'education:pupils:X855205217001';
const today = new Date();
const day = (n: number) => format(addDays(today, n), 'yyyy-MM-dd');

function inboxWithCounty(): string {
  const inbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-inbox-'));
  for (const source of SOURCES) {
    fs.mkdirSync(path.join(inbox, source));
    fs.symlinkSync(path.join(COUNTY, source), path.join(inbox, source, '2026-11-01-full'));
  }
  return inbox;
}

/** A police delta: one new domestic abuse incident with the refuge child's father as suspect. */
function deliverPoliceDelta(inbox: string): void {
  const folder = path.join(inbox, 'police', day(-1));
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(
    path.join(folder, 'incidents.csv'),
    'incident_ref,date,category,postcode,summary,risk,officer_name,officer_id,officer_email\n' +
      `INC-2026-0999001,${format(addDays(today, -2), 'dd/MM/yyyy')},DOMESTIC_ABUSE,NG10 9PS,Canary incident: threats made at the door,HIGH,Priya Newbold,PC9001,priya.newbold@wexshire.police.example\n`,
  );
  fs.writeFileSync(path.join(folder, 'incident_nominals.csv'), 'incident_ref,nominal_id,role\nINC-2026-0999001,NOM0000001,SUSPECT\n');
}

describe.each(STORE_MODES)('hub meetings: summaries kept for booked families, packs with what changed (%s)', (mode) => {
  let t: TestStore;
  let inbox: string;
  let outbox: string;
  const runBatch = async (): Promise<JobRequest> => {
    const config = readConfig({ MASH_DATA_DIR: t.dataDir, MASH_OUTBOX: outbox });
    const id = await createRequest(t.store.db, { kind: 'batch', payload: { inbox, packDays: 2 }, enqueued: true });
    return runInProcess(id, { store: t.store, config, settings: readJobSettings({}) });
  };
  const versions = async () =>
    Object.fromEntries(
      (
        await t.store.db
          .selectFrom('family_summary as s')
          .innerJoin('meeting_family as f', 'f.id', 's.meeting_family_id')
          .select(['f.subject_key', (eb) => eb.fn.max('s.version').as('v')])
          .groupBy('f.subject_key')
          .execute()
      ).map((r) => [r.subject_key, Number(r.v)]),
    );
  const booking = (over: Partial<Booking>): Booking => ({
    hub: 'North Locality',
    date: day(1),
    subjectKeys: [EVICTION_CHILD],
    purpose: 'early-help',
    consent: 'none',
    lawfulBasis: null,
    bookedBy: 'hub-analyst',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestStore(mode);
    inbox = inboxWithCounty();
    outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'mash-outbox-'));
    const first = await runBatch();
    expect(first.result).toMatchObject({ loaded: 5, summaries: { families: 0 }, packs: { packs: 0 } });
    await upsertUser(t.store.db, 'hub-analyst', 'analyst');
    await upsertUser(t.store.db, 'it-admin', 'admin');
  }, 240_000);

  afterAll(async () => {
    await t.drop();
    fs.rmSync(inbox, { recursive: true, force: true });
    fs.rmSync(outbox, { recursive: true, force: true });
  });

  it('books only on terms the agreement grants, for registered coordinators or analysts and loaded records', async () => {
    const refused = async (over: Partial<Booking>) => bookMeeting(t.store.db, booking(over)).then(() => 'booked', (e: unknown) => (e instanceof BookingError ? e.code : String(e)));
    expect(await refused({ bookedBy: 'nobody' })).toBe('UNKNOWN_USER');
    expect(await refused({ bookedBy: 'it-admin' })).toBe('ROLE_NOT_PERMITTED');
    expect(await refused({ purpose: 'mash' })).toBe('LAWFUL_BASIS_REQUIRED');
    expect(await refused({ subjectKeys: ['education:pupils:NOSUCHPUPIL'] })).toBe('NO_RECORD');
    expect(await refused({ date: '2026-02-30' })).toBe('INVALID_DATE');

    const north = await bookMeeting(t.store.db, booking({}));
    const again = await bookMeeting(t.store.db, booking({}));
    expect(again).toEqual({ meetingId: north.meetingId, added: 0 });
    await bookMeeting(t.store.db, booking({ subjectKeys: [REFUGE_CHILD], purpose: 'mash', lawfulBasis: 'Section 47 enquiry, Children Act 1989' }));
    await bookMeeting(t.store.db, booking({ hub: 'South Locality', date: day(10), subjectKeys: [LOOKED_AFTER_CHILD] }));
  });

  it('the overnight run builds every booked family’s summary and prints the next days’ packs, each family’s first', async () => {
    const batch = await runBatch();
    expect(batch.status).toBe('done');
    expect(batch.result).toMatchObject({ deliveries: 5, loaded: 0, unchanged: 5, summaries: { families: 3, built: 3, failedJobs: 0 }, packs: { meetings: 1, packs: 1, families: 2 } });
    expect(await versions()).toEqual({ [REFUGE_CHILD]: 1, [EVICTION_CHILD]: 1, [LOOKED_AFTER_CHILD]: 1 });
    const files = (batch.result!['packs'] as { files: string[] }).files;
    expect(files).toHaveLength(1);
    expect(path.basename(files[0]!)).toMatch(new RegExp(`^pack-${day(1)}-north-locality-run\\d+\\.pdf$`));
    const text = await pdfText(fs.readFileSync(files[0]!));
    expect(text).toContain('Hub meeting pack: North Locality');
    expect(text.match(/What changed since the last pack/g)).toHaveLength(2);
    expect(text.match(/This is the family’s first pack/g)).toHaveLength(2);
    expect(text).toContain('OFFICIAL-SENSITIVE');
  }, 240_000);

  it('with nothing new overnight, rebuilds nothing and the next pack says so', async () => {
    const batch = await runBatch();
    expect(batch.result).toMatchObject({ summaries: { families: 0 }, packs: { packs: 1 } });
    const text = await pdfText(fs.readFileSync((batch.result!['packs'] as { files: string[] }).files[0]!));
    expect(text.match(/Nothing new: no new members, events, practitioners or flags/g)).toHaveLength(2);
  }, 240_000);

  it('a delta touching one family rebuilds that family only, and its pack lists the new event', async () => {
    deliverPoliceDelta(inbox);
    const batch = await runBatch();
    expect(batch.result).toMatchObject({ deliveries: 6, loaded: 1, summaries: { families: 1, built: 1 }, packs: { packs: 1 } });
    expect(await versions()).toEqual({ [REFUGE_CHILD]: 2, [EVICTION_CHILD]: 1, [LOOKED_AFTER_CHILD]: 1 });
    const text = await pdfText(fs.readFileSync((batch.result!['packs'] as { files: string[] }).files[0]!));
    expect(text).toContain('New events');
    expect(text).toContain('Canary incident: threats made at the door');
    expect(text.match(/Nothing new: no new members, events, practitioners or flags/g)).toHaveLength(1);
  }, 240_000);

  it('printing a run’s packs again prints nothing twice', async () => {
    const config = readConfig({ MASH_DATA_DIR: t.dataDir, MASH_OUTBOX: outbox });
    const before = await t.store.db.selectFrom('meeting_pack').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const lastRun = await t.store.db.selectFrom('meeting_pack').select('request_id').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    const report = await buildPacks(t.store, { today: day(0), days: 2, requestId: lastRun.request_id, outboxDir: config.outboxDir });
    expect(report).toMatchObject({ meetings: 1, packs: 0 });
    const after = await t.store.db.selectFrom('meeting_pack').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
