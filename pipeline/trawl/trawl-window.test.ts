import { TrawlInputError } from './trawl-request.js';
import { isIsoDate, londonDay, trawlWindow, yearsBefore } from './trawl-window.js';

describe('trawl window', () => {
  it('defaults to five years to today', () => {
    expect(trawlWindow('2026-11-22')).toEqual({ from: '2021-11-22', to: '2026-11-22' });
    expect(trawlWindow('2026-11-22', undefined, '2024-02-29')).toEqual({ from: '2019-02-28', to: '2024-02-29' });
    expect(trawlWindow('2026-11-22', '2020-01-01', '2021-01-01')).toEqual({ from: '2020-01-01', to: '2021-01-01' });
  });

  it('rejects bad dates and a window that ends before it starts', () => {
    expect(() => trawlWindow('2026-11-22', '2026-02-30')).toThrow(TrawlInputError);
    expect(() => trawlWindow('2026-11-22', '2026-01-02', '2026-01-01')).toThrow(/INVALID_WINDOW/);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });

  it('counts days in England', () => {
    expect(londonDay(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(yearsBefore('2026-03-31', 5)).toBe('2021-03-31');
  });
});
