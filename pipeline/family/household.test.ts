import { addressKey, coResidents, periodsOverlap, type Dwelling } from './household.js';

const dwelling = (key: string, recordKey: string, over: Partial<Dwelling>): Dwelling => ({
  key, recordKey, placeKey: null, uprn: null, addressKey: null, postcode: null, from: null, to: null, ...over,
});
const WINDOW = { from: '2021-11-22', to: '2026-11-22' };

describe('household', () => {
  it('normalises addresses with their postcode', () => {
    expect(addressKey('Flat 5, Beaumont House', 'le11 5jw')).toBe(addressKey('FLAT 5 BEAUMONT HOUSE', 'LE115JW'));
    expect(addressKey('1 Road', null)).toBeNull();
  });

  it('open-ended periods overlap', () => {
    expect(periodsOverlap(null, null, '2020-01-01', '2020-02-01')).toBe(true);
    expect(periodsOverlap('2020-01-01', '2020-12-31', '2021-01-01', null)).toBe(false);
    expect(periodsOverlap('2020-01-01', '2021-01-01', '2021-01-01', null)).toBe(true);
  });

  it('finds people at the same tenancy, UPRN or address in overlapping periods inside the window', () => {
    const subject = [
      dwelling('r1', 'child', { placeKey: 'housing:tenancies:T1', from: '2022-01-01', to: null }),
      dwelling('r2', 'child', { uprn: '100', from: '2019-01-01', to: '2021-12-31' }),
      dwelling('r3', 'child-sc', { addressKey: 'a|LE11AA' }),
    ];
    const others = [
      dwelling('o1', 'mum', { placeKey: 'housing:tenancies:T1', from: '2022-01-01', to: null }),
      dwelling('o2', 'old-lodger', { uprn: '100', from: '2019-01-01', to: '2020-06-01' }),
      dwelling('o3', 'gran', { uprn: '100', from: '2021-06-01', to: null }),
      dwelling('o4', 'neighbour', { uprn: '101', from: '2022-01-01', to: null }),
      dwelling('o5', 'dad', { addressKey: 'a|LE11AA', from: '2023-01-01', to: '2023-02-01' }),
      dwelling('o6', 'child', { placeKey: 'housing:tenancies:T1' }),
    ];
    expect(Object.fromEntries(coResidents(subject, others, WINDOW))).toEqual({
      mum: ['o1', 'r1'], gran: ['o3', 'r2'], dad: ['o5', 'r3'],
    });
  });
});
