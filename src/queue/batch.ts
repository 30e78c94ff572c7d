import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { keys, type QueueConfig } from './config.js';
import type { ArticleResult } from './jobs.js';

export interface BatchReport {
  id: string;
  name: string;
  finishedAt: string;
  articles: Array<{ jobId: string; id: string; claims: number; unattributed: number }>;
  /** Sources across the batch: in how many articles each appears, and with how many claims. */
  sources: Array<{ name: string; type: string; articles: number; claims: number }>;
  unattributed: Array<{ article: string; text: string }>;
  failures: Array<{ jobId: string; reason: string }>;
}

/** Folds the children's results into the batch report. */
export function aggregate(id: string, name: string, results: ArticleResult[], failures: BatchReport['failures']): BatchReport {
  const sources = new Map<string, BatchReport['sources'][number]>();
  for (const r of results) {
    for (const s of r.sources) {
      const k = `${s.type}\0${s.name.toLowerCase()}`;
      const entry = sources.get(k) ?? { name: s.name, type: s.type, articles: 0, claims: 0 };
      entry.articles += 1;
      entry.claims += s.claims;
      sources.set(k, entry);
    }
  }
  return {
    id,
    name,
    finishedAt: new Date().toISOString(),
    articles: results.map((r) => ({ jobId: r.jobId, id: r.id, claims: r.claims, unattributed: r.unattributed })),
    sources: [...sources.values()].sort((a, b) => b.claims - a.claims || a.name.localeCompare(b.name)),
    unattributed: results.flatMap((r) => r.unattributedClaims.map((text) => ({ article: r.id, text }))),
    failures,
  };
}

/** The batch parent runs once every child has finished, failed ones included, and stores its report. */
export async function processBatch(job: Job, redis: Redis, config: QueueConfig): Promise<BatchReport> {
  const values = await job.getChildrenValues<ArticleResult>();
  const ignored = await job.getIgnoredChildrenFailures();
  const failures = Object.entries(ignored).map(([jobKey, reason]) => ({ jobId: jobKey.split(':').pop() ?? jobKey, reason }));
  const results = Object.entries(values)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, r]) => r);
  const report = aggregate(job.id!, (job.data as { name: string }).name, results, failures);
  const k = keys(config);
  await redis.multi().set(k.batch(job.id!), JSON.stringify(report), 'EX', config.retention).zadd(k.batches, Date.now(), job.id!).exec();
  return report;
}
