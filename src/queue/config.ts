import { Redis, type RedisOptions } from 'ioredis';

/**
 * Where the queue lives. Every key carries the prefix's hash tag ("{claimtrace}"), so that all of one
 * deployment's keys hash to one slot and the same code runs on Redis Cluster.
 */
export interface QueueConfig {
  redisUrl: string;
  prefix: string;
  /** Seconds a stored report is kept. */
  retention: number;
  /** Optional folder each report is also written to, as <job id>.json. */
  sinkDir?: string;
}

export const QUEUES = { articles: 'articles', batches: 'batches', schedules: 'schedules' } as const;

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): QueueConfig {
  const prefix = env.CLAIMTRACE_PREFIX ?? '{claimtrace}';
  if (!/^\{[^{}]+\}/.test(prefix)) throw new Error(`CLAIMTRACE_PREFIX must start with a {hash tag}: ${prefix}`);
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix,
    retention: Number(env.CLAIMTRACE_RETENTION_SECONDS ?? 30 * 24 * 3600),
    sinkDir: env.CLAIMTRACE_SINK_DIR || undefined,
  };
}

/** Workers wait out Redis outages: BullMQ requires blocking connections that never give up a command. */
export const workerConnection = (config: QueueConfig) => new Redis(config.redisUrl, { maxRetriesPerRequest: null });

/**
 * Producers (CLI, HTTP API) must fail fast while Redis is down, so a caller gets an answer, not a hang:
 * no offline queue, one retry per command, a short connect timeout.
 */
export const producerConnection = (config: QueueConfig, extra: RedisOptions = {}) =>
  new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true, ...extra });

/** Raised when Redis does not answer; the HTTP API turns it into a 503. */
export class RedisUnavailable extends Error {
  override name = 'RedisUnavailable';
}

/** Whether an error means "Redis is not there right now", as opposed to a bad request or a bug. */
export const isConnectionError = (e: unknown) =>
  e instanceof RedisUnavailable ||
  (e instanceof Error && /enableOfflineQueue|ECONNREFUSED|Connection is closed|ETIMEDOUT|MaxRetriesPerRequest|connect ECONN|Reached the max retries/i.test(`${e.name} ${e.message}`));

/** Our own keys, next to BullMQ's, under the same prefix. Documented in README.md ("Keys in Redis"). */
export const keys = (config: QueueConfig) => ({
  report: (jobId: string) => `${config.prefix}:report:${jobId}`,
  reports: `${config.prefix}:reports`,
  batch: (batchId: string) => `${config.prefix}:batch:${batchId}`,
  /** Finished batches by time, for the review app's list. */
  batches: `${config.prefix}:batches`,
  /** A reviewer's verdicts on one report (attribution id → verdict) and the attributions they added. */
  review: (jobId: string) => `${config.prefix}:review:${jobId}`,
  reviewAdded: (jobId: string) => `${config.prefix}:review-added:${jobId}`,
  /** Reviewed reports by time of the last review. */
  reviewed: `${config.prefix}:reviewed`,
  seen: (schedule: string) => `${config.prefix}:seen:${schedule}`,
  /** Counters: articles analysed, reports stored. */
  stat: (name: 'analysed' | 'stored') => `${config.prefix}:stats:${name}`,
});

/** Whether Redis answers a PING at `url` within a second: for start-up checks, tests and the benchmark. */
export async function redisAnswers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0, connectTimeout: 1000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** Deletes every key under a prefix: a test's or a benchmark's own queue, when it is done. */
export async function deletePrefix(config: Pick<QueueConfig, 'redisUrl' | 'prefix'>): Promise<void> {
  const redis = new Redis(config.redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, found] = await redis.scan(cursor, 'MATCH', `${config.prefix}*`, 'COUNT', 1000);
      if (found.length) await redis.unlink(...found);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
