import path from 'node:path';

/** Settings read once from the environment (see ../shared/interface.md). */
export interface Config {
  readonly databaseUrl: string | null;
  readonly redisUrl: string | null;
  readonly dataDir: string;
  /** Where the overnight run prints meeting packs: MASH_OUTBOX, else `<MASH_DATA_DIR>/outbox`. */
  readonly outboxDir: string;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, reason: string) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

function optionalUrl(env: NodeJS.ProcessEnv, variable: string, protocols: string[]): string | null {
  const value = env[variable]?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must use one of ${protocols.join(', ')}`);
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env['MASH_DATA_DIR']?.trim() || './.mash');
  return Object.freeze({
    databaseUrl: optionalUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']),
    dataDir,
    outboxDir: path.resolve(env['MASH_OUTBOX']?.trim() || path.join(dataDir, 'outbox')),
  });
}
