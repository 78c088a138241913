/**
 * The flag thresholds (`flag-thresholds.json`, one documented file): read once, checked, frozen.
 * `MASH_FLAG_THRESHOLDS_FILE` names another file of the same shape.
 */
import { readFileSync } from 'node:fs';

export type Lookback = 'window' | 'all';

interface Rule {
  lookback: Lookback;
}

export interface FlagThresholds {
  FREQUENT_SCHOOL_MOVES: Rule & { minMoves: number };
  FREQUENT_ADDRESS_MOVES: Rule & { minMoves: number };
  NAME_CHANGES: Rule & { minChanges: number };
  DOMESTIC_ABUSE: Rule & { minIncidents: number; roles: string[] };
  PERSISTENT_ABSENCE: Rule & { belowPercent: number; minTerms: number };
  SUSPENSIONS: Rule & { minEvents: number };
  PERMANENT_EXCLUSION: Rule & { minEvents: number };
  MISSING_EPISODES: Rule & { minEvents: number };
  CHILD_PROTECTION_PLAN: Rule & { minEvents: number };
  LOOKED_AFTER: Rule & { minEvents: number };
  EVICTION_RISK: Rule & { minEvents: number; eventTypes: string[] };
  WAS_NOT_BROUGHT: Rule & { minEvents: number; eventTypes: string[] };
  POLICE_WEAPONS: Rule & { minIncidents: number };
  POLICE_DRUGS: Rule & { minIncidents: number };
  POLICE_SEXUAL_OFFENCES: Rule & { minIncidents: number };
}

export type FlagCode = keyof FlagThresholds;

const NUMBERS: Record<FlagCode, string[]> = {
  FREQUENT_SCHOOL_MOVES: ['minMoves'],
  FREQUENT_ADDRESS_MOVES: ['minMoves'],
  NAME_CHANGES: ['minChanges'],
  DOMESTIC_ABUSE: ['minIncidents'],
  PERSISTENT_ABSENCE: ['belowPercent', 'minTerms'],
  SUSPENSIONS: ['minEvents'],
  PERMANENT_EXCLUSION: ['minEvents'],
  MISSING_EPISODES: ['minEvents'],
  CHILD_PROTECTION_PLAN: ['minEvents'],
  LOOKED_AFTER: ['minEvents'],
  EVICTION_RISK: ['minEvents'],
  WAS_NOT_BROUGHT: ['minEvents'],
  POLICE_WEAPONS: ['minIncidents'],
  POLICE_DRUGS: ['minIncidents'],
  POLICE_SEXUAL_OFFENCES: ['minIncidents'],
};
const LISTS: Partial<Record<FlagCode, string[]>> = {
  DOMESTIC_ABUSE: ['roles'],
  EVICTION_RISK: ['eventTypes'],
  WAS_NOT_BROUGHT: ['eventTypes'],
};

export class FlagThresholdsError extends Error {
  constructor(where: string, reason: string) {
    super(`FLAG_THRESHOLDS_INVALID: ${where}: ${reason}`);
    this.name = 'FlagThresholdsError';
  }
}

export function parseFlagThresholds(raw: unknown): FlagThresholds {
  if (typeof raw !== 'object' || raw === null) throw new FlagThresholdsError('(root)', 'expected an object');
  const doc = raw as Record<string, unknown>;
  for (const code of Object.keys(NUMBERS) as FlagCode[]) {
    const rule = doc[code];
    if (typeof rule !== 'object' || rule === null) throw new FlagThresholdsError(code, 'missing');
    const r = rule as Record<string, unknown>;
    if (r['lookback'] !== 'window' && r['lookback'] !== 'all') throw new FlagThresholdsError(`${code}.lookback`, "expected 'window' or 'all'");
    for (const field of NUMBERS[code]) {
      const v = r[field];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new FlagThresholdsError(`${code}.${field}`, 'expected a number >= 0');
    }
    for (const field of LISTS[code] ?? []) {
      const v = r[field];
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new FlagThresholdsError(`${code}.${field}`, 'expected a list of codes');
    }
  }
  return Object.freeze(structuredClone(doc)) as unknown as FlagThresholds;
}

const DEFAULT_FILE = new URL('./flag-thresholds.json', import.meta.url).pathname;
let cached: { file: string; thresholds: FlagThresholds } | null = null;

export function loadFlagThresholds(env: NodeJS.ProcessEnv = process.env): FlagThresholds {
  const file = env['MASH_FLAG_THRESHOLDS_FILE']?.trim() || DEFAULT_FILE;
  if (cached?.file === file) return cached.thresholds;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new FlagThresholdsError('MASH_FLAG_THRESHOLDS_FILE', 'cannot be read as JSON');
  }
  const thresholds = parseFlagThresholds(raw);
  cached = { file, thresholds };
  return thresholds;
}
