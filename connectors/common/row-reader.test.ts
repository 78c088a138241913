import { defineFile } from './define-file.js';
import { readCell, RowReader } from './row-reader.js';

describe('readCell', () => {
  it('trims and reads blank or absent cells as null', () => {
    expect(readCell({ a: '  x  ' }, 'a', false)).toEqual({ ok: true, value: 'x' });
    expect(readCell({ a: '   ' }, 'a', false)).toEqual({ ok: true, value: null });
    expect(readCell({}, 'a', false)).toEqual({ ok: true, value: null });
  });

  it('reports a blank required cell as REQUIRED_MISSING naming the column', () => {
    expect(readCell({ a: ' ' }, 'a', true)).toEqual({ ok: false, column: 'a', reason: 'REQUIRED_MISSING' });
    expect(readCell({}, 'a', true)).toEqual({ ok: false, column: 'a', reason: 'REQUIRED_MISSING' });
  });
});

describe('RowReader', () => {
  const columns = new Set(['name', 'dob', 'postcode', 'upn', 'nhs', 'n', 'start', 'end']);

  it('refuses to read a column outside the specification', () => {
    const reader = new RowReader({ secret: 'x' }, columns);
    expect(() => reader.text('secret')).toThrow('column secret is not in this file');
  });

  it('collects warnings from flagged values', () => {
    const reader = new RowReader({ postcode: 'nowhere', upn: 'A820200101001', nhs: '9434765918' }, columns);
    expect(reader.postcode('postcode')).toEqual({ postcode: 'nowhere', postcodeValid: false });
    expect(reader.upn('upn')).toEqual({ upn: 'A820200101001', upnValid: false });
    expect(reader.nhsNumber('nhs')).toEqual({ nhsNumber: '9434765918', nhsNumberValid: false });
    expect(reader.warnings).toEqual([
      { column: 'postcode', reason: 'POSTCODE_INVALID' },
      { column: 'upn', reason: 'UPN_INVALID' },
      { column: 'nhs', reason: 'NHS_NUMBER_INVALID' },
    ]);
  });
});

describe('defineFile', () => {
  const spec = defineFile({
    name: 'test.csv',
    required: ['id', 'start'],
    optional: ['end', 'name', 'upn'],
    read(r) {
      const start = r.date('start', true);
      const end = r.date('end');
      r.checkOrder(start, end, 'end');
      const name = r.name('name');
      const { upn } = r.upn('upn');
      return [
        {
          kind: 'event', naturalKey: `t:${r.id('id', true)}`, asOf: start, recordKey: null, placeKey: null, type: 'T',
          date: start, endDate: end, summary: name, detail: { upn },
        },
      ];
    },
  });

  it('exposes the name and column lists', () => {
    expect(spec.name).toBe('test.csv');
    expect(spec.required).toEqual(['id', 'start']);
    expect(spec.optional).toEqual(['end', 'name', 'upn']);
  });

  it('returns records and warnings for a good row, ignoring extra columns', () => {
    expect(spec.parseRow({ id: '1', start: '01/02/2020', end: '', name: 'Zoë', upn: 'bad', extra: 'ignored' })).toEqual({
      ok: true,
      records: [
        {
          kind: 'event', naturalKey: 't:1', asOf: '2020-02-01', recordKey: null, placeKey: null, type: 'T',
          date: '2020-02-01', endDate: null, summary: 'Zoë', detail: { upn: 'BAD' },
        },
      ],
      warnings: [{ column: 'upn', reason: 'UPN_INVALID' }],
    });
  });

  it('checks every required cell before anything else', () => {
    expect(spec.parseRow({ id: '1', start: '', name: 'J0hn' })).toEqual({ ok: false, column: 'start', reason: 'REQUIRED_MISSING' });
    expect(spec.parseRow({ start: '2020-01-01' })).toEqual({ ok: false, column: 'id', reason: 'REQUIRED_MISSING' });
  });

  it('stops at the first broken rule and names only the column and reason', () => {
    const result = spec.parseRow({ id: '1', start: '2020-01-01', name: 'J0hn' });
    expect(result).toEqual({ ok: false, column: 'name', reason: 'INVALID_NAME' });
    expect(JSON.stringify(result)).not.toContain('J0hn');
  });

  it('reports an end before its start as DATE_ORDER on the end column', () => {
    expect(spec.parseRow({ id: '1', start: '2020-01-02', end: '2020-01-01' })).toEqual({ ok: false, column: 'end', reason: 'DATE_ORDER' });
    expect(spec.parseRow({ id: '1', start: '2020-01-02', end: '2020-01-02' }).ok).toBe(true);
  });

  it('rethrows errors that are not row failures', () => {
    const broken = defineFile({
      name: 'broken.csv',
      required: [],
      optional: [],
      read() {
        throw new TypeError('bug');
      },
    });
    expect(() => broken.parseRow({})).toThrow('bug');
  });
});
