import { randomUUID } from 'node:crypto';
import { FlowProducer, Job, Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { keys, producerConnection, QUEUES, RedisUnavailable, type QueueConfig } from './config.js';
import type { BatchReport } from './batch.js';
import { ArticleJobSchema, jobIdFor, reasonOf, type ArticleJob } from './jobs.js';
import { ResultStore } from './results.js';

/** A payload that is not an article job; its message is the reason. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

/** Retries with backoff are for transient trouble (a fetch); bad input fails at once (UnrecoverableError). */
export const ARTICLE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export interface JobStatus {
  id: string;
  state: string;
  attemptsMade: number;
  failedReason?: string;
  key?: string;
  progress: unknown;
}

export interface BatchStatus {
  id: string;
  name: string;
  state: string;
  total: number;
  done: number;
  failed: number;
  progress: number;
  report: BatchReport | null;
}

const parse = (payload: unknown): ArticleJob => {
  const parsed = ArticleJobSchema.safeParse(payload);
  if (!parsed.success) throw new PayloadError(reasonOf(parsed.error));
  return parsed.data;
};

/** The producer side of the queue: what the CLI, the HTTP API and library users submit and read through. */
export class QueueClient {
  readonly redis: Redis;
  readonly articles: Queue;
  readonly batches: Queue;
  readonly schedules: Queue;
  readonly flow: FlowProducer;
  readonly store: ResultStore;

  constructor(readonly config: QueueConfig) {
    this.redis = producerConnection(config);
    this.redis.on('error', () => {}); // surfaced by the failing command instead
    this.redis.connect().catch(() => {}); // and ioredis keeps reconnecting in the background
    const opts = { connection: this.redis, prefix: config.prefix };
    this.articles = new Queue(QUEUES.articles, opts);
    this.batches = new Queue(QUEUES.batches, opts);
    this.schedules = new Queue(QUEUES.schedules, opts);
    this.flow = new FlowProducer(opts);
    this.store = new ResultStore(this.redis, config);
    // connection trouble reaches the caller through the failing command; unhandled, BullMQ would print it
    for (const queue of [this.articles, this.batches, this.schedules]) queue.on('error', () => {});
    this.flow.on('error', () => {});
  }

  /** Waits for the first connection; throws RedisUnavailable when Redis does not answer in time. */
  async ready(timeoutMs = 3000): Promise<this> {
    const end = Date.now() + timeoutMs;
    while (this.redis.status !== 'ready') {
      if (Date.now() > end) throw new RedisUnavailable(`Redis does not answer at ${this.config.redisUrl}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    return this;
  }

  /** Enqueues one article; the same article again is not analysed again unless forced. */
  async submit(payload: unknown, { force = false } = {}): Promise<{ jobId: string; duplicate: boolean }> {
    const job = parse(payload);
    const jobId = jobIdFor(job);
    // the store first: a plain command fails at once while Redis is down, where BullMQ's getJob would wait
    if (!force && (await this.store.has(jobId))) return { jobId, duplicate: true };
    const existing = await this.articles.getJob(jobId);
    if (!force && existing) return { jobId, duplicate: true };
    await existing?.remove().catch(() => undefined); // forced: the old record goes, a new job takes its id
    await this.articles.add('article', { ...job, key: jobId, force }, { ...ARTICLE_JOB_OPTIONS, jobId });
    return { jobId, duplicate: false };
  }

  /** A batch: one parent job that reports on all, one child per article. */
  async submitBatch(name: string, payloads: unknown[], { force = false } = {}): Promise<{ batchId: string; total: number }> {
    const jobs = payloads.map(parse);
    if (!jobs.length) throw new PayloadError('a batch needs at least one article');
    const batchId = `b-${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
    await this.flow.add({
      name: 'batch',
      queueName: QUEUES.batches,
      data: { name, total: jobs.length },
      opts: { jobId: batchId, removeOnComplete: { age: 7 * 24 * 3600 }, removeOnFail: { age: 7 * 24 * 3600 } },
      children: jobs.map((job, i) => ({
        name: 'article',
        queueName: QUEUES.articles,
        data: { ...job, key: jobIdFor(job), force },
        opts: { ...ARTICLE_JOB_OPTIONS, jobId: `${batchId}.${i + 1}`, ignoreDependencyOnFailure: true },
      })),
    });
    return { batchId, total: jobs.length };
  }

  async jobStatus(id: string): Promise<JobStatus | null> {
    const job = await this.articles.getJob(id);
    if (!job) return null;
    return { id, state: await job.getState(), attemptsMade: job.attemptsMade, failedReason: job.failedReason || undefined, key: (job.data as { key?: string }).key, progress: job.progress };
  }

  async batchStatus(id: string): Promise<BatchStatus | null> {
    const stored = await this.redis.get(keys(this.config).batch(id));
    const job = await this.batches.getJob(id);
    if (!job && !stored) return null;
    const report = stored ? (JSON.parse(stored) as BatchReport) : null;
    const total = (job?.data as { total?: number } | undefined)?.total ?? (report ? report.articles.length + report.failures.length : 0);
    let done = total;
    let failed = report?.failures.length ?? 0;
    if (job && !report) {
      const counts = await job.getDependenciesCount();
      failed = (counts.ignored ?? 0) + (counts.failed ?? 0);
      done = (counts.processed ?? 0) + failed;
    }
    return { id, name: report?.name ?? (job?.data as { name: string }).name, state: job ? await job.getState() : 'completed', total, done, failed, progress: total ? done / total : 1, report };
  }

  /** Queue counts, live workers, and the latest failures with their reasons. */
  async status() {
    const [articles, batches, workers, failed] = await Promise.all([
      this.articles.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'waiting-children'),
      this.batches.getJobCounts('waiting', 'active', 'completed', 'failed', 'waiting-children'),
      this.articles.getWorkers(),
      this.articles.getFailed(0, 9),
    ]);
    const k = keys(this.config);
    const [analysed, stored] = await this.redis.mget(k.stat('analysed'), k.stat('stored'));
    return {
      articles,
      batches,
      workers: workers.length,
      analysed: Number(analysed ?? 0),
      stored: Number(stored ?? 0),
      recentFailures: failed.map((j) => ({ id: j.id!, reason: j.failedReason, attemptsMade: j.attemptsMade, failedAt: j.finishedOn ? new Date(j.finishedOn).toISOString() : undefined })),
    };
  }

  /** Retries one failed job, or every failed job. Returns how many were retried. */
  async retry(id: string | 'failed'): Promise<number> {
    if (id === 'failed') {
      const count = (await this.articles.getJobCounts('failed')).failed ?? 0;
      await this.articles.retryJobs({ state: 'failed' });
      return count;
    }
    const job = await Job.fromId(this.articles, id);
    if (!job) throw new PayloadError(`no job ${id}`);
    if (!(await job.isFailed())) throw new PayloadError(`job ${id} has not failed`);
    await job.retry('failed');
    return 1;
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.articles.close(), this.batches.close(), this.schedules.close(), this.flow.close()]);
    this.redis.disconnect();
  }
}
