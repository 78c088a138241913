import { parseFlag } from './flag.js';

describe('parseFlag', () => {
  it('reads Y and N in either case', () => {
    expect(parseFlag('Y', 'fsm')).toEqual({ ok: true, value: true });
    expect(parseFlag('n', 'fsm')).toEqual({ ok: true, value: false });
  });

  it('reads blank as unknown', () => {
    expect(parseFlag('', 'fsm')).toEqual({ ok: true, value: null });
  });

  it('rejects anything else as INVALID_CODE', () => {
    for (const value of ['YES', 'no', '1', 'true']) {
      expect(parseFlag(value, 'fsm')).toEqual({ ok: false, column: 'fsm', reason: 'INVALID_CODE' });
    }
  });
});
