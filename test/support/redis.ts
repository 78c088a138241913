import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { openRedis } from '../../jobs/redis-connection.js';

/** The machine's Redis (CI starts it). A test that needs it fails when it is down, never skips. */
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** A queue prefix of the test's own, so parallel test files never share a key. */
export function uniqueQueuePrefix(): string {
  return `mashtest_${randomBytes(5).toString('hex')}`;
}

export function connectTestRedis(): Promise<Redis> {
  return openRedis(TEST_REDIS_URL);
}

async function keysOf(redis: Redis, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}

/** Deletes every key under the prefix (and nothing else); returns how many. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<number> {
  const keys = await keysOf(redis, prefix);
  if (keys.length > 0) await redis.del(...keys);
  return keys.length;
}

/** Every key under the prefix and every value it holds, as text (for canary scans). */
export async function dumpPrefix(redis: Redis, prefix: string): Promise<{ keys: number; text: string }> {
  const keys = await keysOf(redis, prefix);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await redis.type(key);
    let value: unknown;
    if (type === 'string') value = await redis.get(key);
    else if (type === 'hash') value = await redis.hgetall(key);
    else if (type === 'list') value = await redis.lrange(key, 0, -1);
    else if (type === 'set') value = await redis.smembers(key);
    else if (type === 'zset') value = await redis.zrange(key, '0', '-1', 'WITHSCORES');
    else if (type === 'stream') value = await redis.xrange(key, '-', '+');
    else value = `(${type})`;
    parts.push(`${key} ${JSON.stringify(value)}`);
  }
  return { keys: keys.length, text: parts.join('\n') };
}
