import { sql } from 'kysely';
import { ingestExtract, type IngestOptions } from '../../pipeline/ingest/ingest.stage.js';
import { createTestStore, resetStore, STORE_MODES, type TestStore } from '../support/stores.js';
import { writeExtract, writeSocialCareExtract } from '../support/extract-folder.js';
import { snapshotStore } from '../support/snapshot.js';



const ALICE = 'P1,Ashdown,Alice,,2015-03-04,F,9434765919,,1 Mill Lane,le11ab,100023';
const BEN = 'P2,Ashdown,Ben,,14/07/2017,M,,,1 Mill Lane,LE1 1AB,100023';
const EPISODE_OPEN = 'E1,P1,CIN_PLAN,2024-01-10,,,Sam Worker,SOCIAL_WORKER,North Team,0116 000 0000,sam@council.example';
const EPISODE_CLOSED = 'E1,P1,CIN_PLAN,2024-01-10,2024-09-30,,Sam Worker,SOCIAL_WORKER,North Team,0116 000 0000,sam@council.example';

function options(folder: string, extractDate: string, mode: 'full' | 'delta'): IngestOptions {
  return { source: 'social_care', folder, extractDate, mode, encoding: 'utf-8' };
}

describe.each(STORE_MODES)('extract semantics (%s)', (mode) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(mode);
  });
  beforeEach(async () => {
    await resetStore(t.store.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('loads every row with provenance and normalised values', async () => {
    const report = await ingestExtract(t.store, options(writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]), '2026-01-01', 'full'));
    expect(report.status).toBe('loaded');
    expect(report.files.map((f) => [f.file, f.rowsRead, f.loaded, f.quarantined])).toEqual([
      ['episodes.csv', 1, 1, 0],
      ['people.csv', 2, 2, 0],
    ]);
    const mentions = await t.store.db
      .selectFrom('mention')
      .select(['natural_key', 'dob', 'postcode', 'nhs_number_valid', 'file', 'line', 'extract_id'])
      .where('is_current', '=', true)
      .orderBy('natural_key')
      .execute();
    expect(mentions).toEqual([
      { natural_key: 'social_care:people:P1', dob: '2015-03-04', postcode: 'LE1 1AB', nhs_number_valid: true, file: 'people.csv', line: 2, extract_id: report.extractId },
      { natural_key: 'social_care:people:P2', dob: '2017-07-14', postcode: 'LE1 1AB', nhs_number_valid: null, file: 'people.csv', line: 3, extract_id: report.extractId },
    ]);
  });

  it('changes nothing when the same extract is loaded again', async () => {
    const folder = writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]);
    const first = await ingestExtract(t.store, options(folder, '2026-01-01', 'full'));
    const before = await snapshotStore(t.store.db);
    const again = await ingestExtract(t.store, options(folder, '2026-01-01', 'full'));
    expect(again.status).toBe('unchanged');
    expect(again.extractId).toBe(first.extractId);
    expect(await snapshotStore(t.store.db)).toEqual(before);
  });

  it('counts rows seen before as duplicates and keeps read = loaded + duplicate + quarantined', async () => {
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE], []), '2026-01-01', 'delta'));
    const report = await ingestExtract(t.store, options(writeSocialCareExtract([ALICE, BEN, BEN, 'P3,Ashdown,Cara,,31/02/2020,F,,,,,'], []), '2026-01-02', 'delta'));
    const people = report.files.find((f) => f.file === 'people.csv')!;
    expect(people).toMatchObject({ rowsRead: 4, loaded: 1, duplicate: 2, quarantined: 1 });
  });

  it('updates by natural key on a newer delta and keeps the earlier version as history', async () => {
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE], [EPISODE_OPEN]), '2026-01-01', 'full'));
    await ingestExtract(t.store, options(writeSocialCareExtract([], [EPISODE_CLOSED]), '2026-02-01', 'delta'));
    const versions = await t.store.db
      .selectFrom('event')
      .select(['end_date', 'is_current', 'last_seen_date'])
      .where('natural_key', '=', 'social_care:episodes:E1')
      .orderBy('last_seen_date')
      .execute();
    expect(versions).toEqual([
      { end_date: null, is_current: false, last_seen_date: '2026-01-01' },
      { end_date: '2024-09-30', is_current: true, last_seen_date: '2026-02-01' },
    ]);
    const mention = await t.store.db.selectFrom('mention').select(['withdrawn_extract_id']).executeTakeFirstOrThrow();
    expect(mention.withdrawn_extract_id).toBeNull();
  });

  it('marks rows a newer full extract no longer sends as withdrawn, never deleting them', async () => {
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]), '2026-01-01', 'full'));
    const second = await ingestExtract(t.store, options(writeSocialCareExtract([ALICE], [EPISODE_OPEN]), '2026-02-01', 'full'));
    expect(second.withdrawn).toBeGreaterThan(0);
    const rows = await t.store.db
      .selectFrom('mention')
      .select(['natural_key', 'withdrawn_extract_id'])
      .orderBy('natural_key')
      .execute();
    expect(rows).toEqual([
      { natural_key: 'social_care:people:P1', withdrawn_extract_id: null },
      { natural_key: 'social_care:people:P2', withdrawn_extract_id: second.extractId },
    ]);
    // Sent again later: no longer withdrawn.
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE, BEN], [EPISODE_OPEN]), '2026-03-01', 'full'));
    const back = await t.store.db.selectFrom('mention').select('withdrawn_extract_id').where('natural_key', '=', 'social_care:people:P2').executeTakeFirstOrThrow();
    expect(back.withdrawn_extract_id).toBeNull();
  });

  it('lets a late, older full extract withdraw nothing and not displace newer versions', async () => {
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE, BEN], [EPISODE_CLOSED]), '2026-02-01', 'full'));
    await ingestExtract(t.store, options(writeSocialCareExtract([ALICE], [EPISODE_OPEN]), '2026-01-01', 'full'));
    const withdrawn = await sql<{ n: number }>`select count(*)::int as n from mention where withdrawn_extract_id is not null`.execute(t.store.db);
    expect(withdrawn.rows[0]!.n).toBe(0);
    const current = await t.store.db.selectFrom('event').select('end_date').where('is_current', '=', true).executeTakeFirstOrThrow();
    expect(current.end_date).toBe('2024-09-30');
  });

  it('rejects a file missing a required column, naming it, and still loads the others', async () => {
    const folder = writeExtract({
      'people.csv': 'person_id,surname,forename,dob\nP1,Ashdown,Alice,2015-03-04\n',
      'episodes.csv': 'episode_id,type,start_date\nE1,CIN_PLAN,2024-01-01\n',
    });
    const report = await ingestExtract(t.store, options(folder, '2026-01-01', 'delta'));
    expect(report.files.find((f) => f.file === 'episodes.csv')).toMatchObject({
      status: 'rejected',
      rejectColumn: 'person_id',
      rejectReason: 'MISSING_REQUIRED_COLUMN',
    });
    expect(report.files.find((f) => f.file === 'people.csv')).toMatchObject({ status: 'loaded', loaded: 1 });
  });
});
