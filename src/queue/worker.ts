import { join } from 'node:path';
import { Worker } from 'bullmq';
import type { Logger } from 'pino';
import { PACKAGE_ROOT } from '../paths.js';
import { processBatch } from './batch.js';
import { QueueClient } from './client.js';
import { QUEUES, workerConnection, type QueueConfig } from './config.js';
import { runSchedule } from './schedules.js';

export interface WorkerOptions {
  /** Articles analysed at once, each in its own sandboxed child process. */
  concurrency: number;
  /** How long a job's lock lasts; a worker that dies frees its jobs for others after it (and a stall check). */
  lockDuration?: number;
  stalledInterval?: number;
}

/** The compiled sandboxed processor: BullMQ forks it, so it must be plain JavaScript. */
export const ARTICLE_PROCESSOR = join(PACKAGE_ROOT, 'dist', 'workers', 'article.js');

/**
 * A child's live heap stays near 60 MB, but left alone V8 lets an analysing process grow past 300 MB before
 * collecting. A small young generation and an old-space limit keep a child under 200 MB at the same speed;
 * the limit still leaves room for the largest article the engine accepts (5 MB needs about 310 MB).
 */
const CHILD_HEAP = ['--max-semi-space-size=8', '--max-old-space-size=512'];

/** BullMQ's production checklist, as far as a worker can see it: Redis must not evict keys and should persist. */
export async function checkRedis(client: QueueClient, log: Logger): Promise<string[]> {
  const warnings: string[] = [];
  try {
    const [, policy] = (await client.redis.config('GET', 'maxmemory-policy')) as string[];
    const [, aof] = (await client.redis.config('GET', 'appendonly')) as string[];
    if (policy !== 'noeviction') warnings.push(`Redis maxmemory-policy is ${policy}: set noeviction, or Redis may drop queue keys`);
    if (aof !== 'yes') warnings.push('Redis appendonly is off: jobs and reports are lost if Redis restarts');
  } catch {
    warnings.push('could not read the Redis configuration (CONFIG GET refused): check maxmemory-policy noeviction and AOF by hand');
  }
  for (const w of warnings) log.warn(w);
  return warnings;
}

/** One worker process: sandboxed article processors, plus the light batch and schedule processors. */
export async function startWorkers(config: QueueConfig, opts: WorkerOptions, log: Logger) {
  const client = await new QueueClient(config).ready(30_000);
  await checkRedis(client, log);
  const common = { prefix: config.prefix, lockDuration: opts.lockDuration ?? 30_000, stalledInterval: opts.stalledInterval ?? 30_000, maxStalledCount: 3 };
  // BullMQ leaves connections it was handed open on close; these are ours to end
  const connections = [workerConnection(config), workerConnection(config), workerConnection(config)];
  const articles = new Worker(QUEUES.articles, ARTICLE_PROCESSOR, { ...common, connection: connections[0], concurrency: opts.concurrency, workerForkOptions: { execArgv: [...process.execArgv, ...CHILD_HEAP] } });
  const batches = new Worker(QUEUES.batches, (job) => processBatch(job, client.redis, config), { ...common, connection: connections[1], concurrency: 4 });
  const schedules = new Worker(QUEUES.schedules, (job) => runSchedule(job, client), { ...common, connection: connections[2], concurrency: 1 });
  const workers = [articles, batches, schedules];
  for (const w of workers) {
    w.on('error', (err) => log.error({ err, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => log.warn({ queue: w.name, jobId: job?.id, attemptsMade: job?.attemptsMade, reason: err.message }, 'job failed'));
    w.on('completed', (job) => log.debug({ queue: w.name, jobId: job.id }, 'job completed'));
  }
  log.info({ prefix: config.prefix, concurrency: opts.concurrency }, 'workers started');
  return {
    workers,
    /** Finishes the jobs in hand, takes no new ones, then disconnects. */
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      for (const c of connections) c.disconnect();
      await client.close();
      log.info('workers stopped');
    },
  };
}
