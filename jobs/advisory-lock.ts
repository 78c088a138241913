import pg from 'pg';

/** First half of every advisory lock key the job system takes ('mash' in ASCII). */
const LOCK_SPACE = 0x6d617368;
export const MATCH_LOCK = 1;

/**
 * Runs `work` while holding a PostgreSQL advisory lock on a connection of its own, so only one
 * process at a time does it. The lock goes with the connection: a killed process releases it.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: number, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000, keepAlive: true });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, key]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, key]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
