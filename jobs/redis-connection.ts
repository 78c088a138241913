import { Redis } from 'ioredis';
import { JobConfigError } from './job-errors.js';

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * An ioredis connection for BullMQ. `maxRetriesPerRequest: null` (BullMQ workers need it: a
 * blocking command must wait out a reconnect rather than fail). Fails fast, naming the
 * variable, when Redis cannot be reached at start.
 */
export async function openRedis(url: string): Promise<Redis> {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectTimeout: CONNECT_TIMEOUT_MS, lazyConnect: true });
  // Reconnects on its own; a lasting outage surfaces as failed commands, reported as codes.
  redis.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), CONNECT_TIMEOUT_MS))),
    ]);
  } catch {
    redis.disconnect();
    throw new JobConfigError('REDIS_UNREACHABLE', 'cannot connect to the Redis named by REDIS_URL');
  } finally {
    clearTimeout(timer);
  }
  return redis;
}
