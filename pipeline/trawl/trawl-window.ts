/** The summary's window: five years to today unless the trawl gives `from`/`to`. */
import type { Window } from '../family/household.js';
import { TrawlInputError } from './trawl-request.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

// Building a formatter is costly (ICU); one serves every call.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in England for an instant. */
export function londonDay(now: Date): string {
  return LONDON_DAY.format(now);
}

export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y - years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const DEFAULT_WINDOW_YEARS = 5;

export function trawlWindow(today: string, from?: string, to?: string): Window {
  for (const [name, value] of [['from', from], ['to', to]] as const) {
    if (value !== undefined && !isIsoDate(value)) throw new TrawlInputError('INVALID_DATE', `--${name} must be YYYY-MM-DD`);
  }
  const end = to ?? today;
  const start = from ?? yearsBefore(end, DEFAULT_WINDOW_YEARS);
  if (start > end) throw new TrawlInputError('INVALID_WINDOW', '--from is after --to');
  return { from: start, to: end };
}
