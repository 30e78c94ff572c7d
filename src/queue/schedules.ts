import { readFileSync, statSync } from 'node:fs';
import type { Job } from 'bullmq';
import { articleFiles, readArticleFile } from '../ingest/file.js';
import type { QueueClient } from './client.js';
import { keys } from './config.js';
import { jobIdFor, type ArticleJob } from './jobs.js';

/** A scheduled batch run: every `every` ms or on a cron pattern, the new articles of one source. */
export interface ScheduleSpec {
  name: string;
  every?: number;
  cron?: string;
  /** A folder of articles, a JSONL file of article jobs, or a text file of URLs (one per line). */
  source: string;
}

/** The articles a source holds right now. */
export function readSource(source: string): ArticleJob[] {
  if (statSync(source).isDirectory()) {
    return articleFiles(source).flatMap((file) => {
      try {
        return [readArticleFile(file) as ArticleJob];
      } catch {
        return []; // a bad file is reported when submitted by hand; a schedule skips it
      }
    });
  }
  const lines = readFileSync(source, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  if (source.endsWith('.jsonl')) return lines.map((l) => JSON.parse(l) as ArticleJob);
  return lines.filter((l) => !l.startsWith('#')).map((url) => ({ url }));
}

export async function addSchedule(client: QueueClient, spec: ScheduleSpec): Promise<void> {
  if (!spec.every === !spec.cron) throw new Error('give exactly one of --every or --cron');
  statSync(spec.source); // the source must exist when the schedule is made
  await client.schedules.upsertJobScheduler(spec.name, spec.every ? { every: spec.every } : { pattern: spec.cron!, tz: 'UTC' }, {
    name: 'scheduled-batch',
    data: { schedule: spec.name, source: spec.source },
    opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
  });
}

export async function listSchedules(client: QueueClient) {
  const schedulers = await client.schedules.getJobSchedulers();
  return schedulers.map((s) => ({
    name: s.key,
    every: s.every ?? undefined,
    cron: s.pattern ?? undefined,
    source: (s.template?.data as { source?: string } | undefined)?.source,
    next: s.next ? new Date(s.next).toISOString() : undefined,
  }));
}

export async function removeSchedule(client: QueueClient, name: string): Promise<boolean> {
  const removed = await client.schedules.removeJobScheduler(name);
  await client.redis.del(keys(client.config).seen(name));
  return removed;
}

/** One run: the articles of the source not seen by this schedule before (by content hash), as one batch. */
export async function runSchedule(job: Job, client: QueueClient): Promise<{ batchId: string | null; fresh: number; seen: number }> {
  const { schedule, source } = job.data as { schedule: string; source: string };
  const articles = readSource(source);
  const seenKey = keys(client.config).seen(schedule);
  const fresh: ArticleJob[] = [];
  for (const article of articles) if ((await client.redis.sadd(seenKey, jobIdFor(article))) === 1) fresh.push(article);
  if (!fresh.length) return { batchId: null, fresh: 0, seen: articles.length };
  const { batchId } = await client.submitBatch(`${schedule} ${new Date().toISOString()}`, fresh);
  return { batchId, fresh: fresh.length, seen: articles.length - fresh.length };
}
