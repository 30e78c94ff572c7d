import type { SandboxedJob } from 'bullmq';
import type { Redis } from 'ioredis';
import { configFromEnv, producerConnection, QUEUES, type QueueConfig } from '../src/queue/config.js';
import { processArticle } from '../src/queue/article.js';

/**
 * The sandboxed article processor: BullMQ runs it in child processes, so a crash or a runaway article
 * takes down one child, never the worker. It only calls analyze() through processArticle().
 */
let redis: Redis | undefined;

// a worker killed outright (SIGKILL, OOM) cannot stop its children: each stops itself when its parent is gone
process.once('disconnect', () => process.exit(0));

export default async function articleProcessor(job: SandboxedJob) {
  // the queue's qualified name carries the deployment's prefix: "{claimtrace}:articles"
  const prefix = job.queueQualifiedName.slice(0, -(QUEUES.articles.length + 1));
  const config: QueueConfig = { ...configFromEnv(), prefix };
  redis ??= producerConnection(config, { enableOfflineQueue: true, maxRetriesPerRequest: 20, lazyConnect: false });
  // a single job's id is its report key, and submit found no report under it; a batch child's id is not
  const firstRun = job.id === (job.data as { key?: unknown }).key && job.attemptsStarted <= 1 && !job.stalledCounter;
  return processArticle(job.data, redis, config, { firstRun });
}
