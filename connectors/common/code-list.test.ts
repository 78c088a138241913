import { parseCode } from './code-list.js';

const RISK = ['STANDARD', 'MEDIUM', 'HIGH'] as const;

describe('parseCode', () => {
  it('accepts a listed code in any case and returns it upper case', () => {
    expect(parseCode('high', 'risk', RISK)).toEqual({ ok: true, value: 'HIGH' });
    expect(parseCode(' Medium ', 'risk', RISK)).toEqual({ ok: true, value: 'MEDIUM' });
  });

  it('reads blank as unknown', () => {
    expect(parseCode('', 'risk', RISK)).toEqual({ ok: true, value: null });
  });

  it('rejects an unlisted code as INVALID_CODE', () => {
    expect(parseCode('SEVERE', 'risk', RISK)).toEqual({ ok: false, column: 'risk', reason: 'INVALID_CODE' });
    expect(parseCode('HIGH RISK', 'risk', RISK)).toEqual({ ok: false, column: 'risk', reason: 'INVALID_CODE' });
  });
});
