import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { deletePrefix, redisAnswers, type QueueConfig } from '../../src/queue/config.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Queue tests talk to a real Redis. Without one they are skipped loudly, except under CI, where they fail. */
export async function redisAvailable(): Promise<boolean> {
  if (await redisAnswers(REDIS_URL)) return true;
  if (process.env.CI === 'true') throw new Error(`Redis does not answer at ${REDIS_URL}, and CI needs it for the queue tests`);
  console.warn(`\n!!! Redis does not answer at ${REDIS_URL}: the queue tests are SKIPPED. Start redis-server to run them.\n`);
  return false;
}

/** A queue prefix of its own for each test, with a hash tag like production's. */
export function testConfig(extra: Partial<QueueConfig> = {}): QueueConfig {
  return { redisUrl: REDIS_URL, prefix: `{ct-test-${randomUUID().slice(0, 8)}}`, retention: 3600, ...extra };
}

/** Deletes every key under a test's prefix. */
export const cleanup = (config: QueueConfig) => deletePrefix(config);

export const quietLog = pino({ level: 'silent' });

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 100): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
