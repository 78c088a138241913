import { expectCodeList, expectRequiredColumns, parseGood } from '../common/file-spec.testing.js';
import { defaultWorkerRole, episodesFile } from './episodes.file.js';
import { EPISODE_TYPES } from './social-care.codes.js';

const row = {
  episode_id: 'EP7',
  person_id: 'SC1',
  type: 'cp_plan',
  start_date: '2023-01-09',
  end_date: '30/06/2023',
  detail: 'NEGLECT',
  worker_name: 'Ali Shah',
  worker_role: '',
  worker_team: 'North Child Protection',
  worker_phone: '0116 222',
  worker_email: 'ali@council.example',
};

describe('episodes.csv', () => {
  it('turns a row into an event and the worker involvement', () => {
    expect(parseGood(episodesFile, row).records).toEqual([
      {
        kind: 'event', naturalKey: 'social_care:episodes:EP7', asOf: '2023-01-09', recordKey: 'social_care:people:SC1',
        placeKey: null, type: 'CP_PLAN', date: '2023-01-09', endDate: '2023-06-30', summary: null, detail: { detail: 'NEGLECT' },
      },
      {
        kind: 'involvement', naturalKey: 'social_care:episodes:EP7:worker', asOf: '2023-01-09', agency: 'social_care',
        recordKey: 'social_care:people:SC1', placeKey: null, eventKey: null, name: 'Ali Shah', role: 'SOCIAL_WORKER',
        team: 'North Child Protection', phone: '0116 222', email: 'ali@council.example', fromDate: '2023-01-09', toDate: '2023-06-30',
      },
    ]);
  });

  it('uses the given worker role, else one from the episode type', () => {
    expect(parseGood(episodesFile, { ...row, worker_role: 'Team Manager' }).records[1]).toMatchObject({ role: 'Team Manager' });
    expect(parseGood(episodesFile, { ...row, type: 'YOUTH_JUSTICE' }).records[1]).toMatchObject({ role: 'YOUTH_JUSTICE_WORKER' });
    expect(parseGood(episodesFile, { ...row, type: 'EARLY_HELP' }).records[1]).toMatchObject({ role: 'EARLY_HELP_PRACTITIONER' });
    expect(defaultWorkerRole('LOOKED_AFTER')).toBe('SOCIAL_WORKER');
  });

  it('has no involvement without a worker name, and an open episode has no end', () => {
    const result = parseGood(episodesFile, { ...row, worker_name: '', end_date: '', detail: '' });
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({ endDate: null, detail: { detail: null } });
  });

  it('requires episode_id, person_id and start_date, and a type value', () => {
    expectRequiredColumns(episodesFile, row, ['episode_id', 'person_id', 'start_date']);
    expect(episodesFile.parseRow({ ...row, type: '' })).toEqual({ ok: false, column: 'type', reason: 'REQUIRED_MISSING' });
  });

  it('accepts every episode type and rejects others', () => {
    expectCodeList(episodesFile, row, 'type', EPISODE_TYPES, (r) => (r.records[0]?.kind === 'event' ? r.records[0].type : undefined));
  });

  it('rejects an end before the start', () => {
    expect(episodesFile.parseRow({ ...row, end_date: '2023-01-08' })).toEqual({ ok: false, column: 'end_date', reason: 'DATE_ORDER' });
  });
});
