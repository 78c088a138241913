import { parseIdentifier } from './identifier.js';

describe('parseIdentifier', () => {
  it('keeps an id as given, trimmed', () => {
    expect(parseIdentifier(' T-000123 ', 'tenancy_ref')).toEqual({ ok: true, value: 'T-000123' });
    expect(parseIdentifier('REF 12', 'tenancy_ref')).toEqual({ ok: true, value: 'REF 12' });
  });

  it('reads blank as absent', () => {
    expect(parseIdentifier('', 'tenancy_ref')).toEqual({ ok: true, value: null });
  });

  it('rejects colons and control characters, which would break a record key', () => {
    expect(parseIdentifier('A:1', 'person_id')).toEqual({ ok: false, column: 'person_id', reason: 'INVALID_IDENTIFIER' });
    expect(parseIdentifier('A\u00001', 'person_id')).toEqual({ ok: false, column: 'person_id', reason: 'INVALID_IDENTIFIER' });
  });
});
