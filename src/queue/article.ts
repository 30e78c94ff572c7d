import { UnrecoverableError } from 'bullmq';
import type { Redis } from 'ioredis';
import { analyze } from '../analyze.js';
import { InputError } from '../ingest/errors.js';
import { readArticleFile } from '../ingest/file.js';
import type { ArticleInput } from '../ingest/index.js';
import type { Report } from '../report/schema.js';
import type { QueueConfig } from './config.js';
import { ArticleJobSchema, reasonOf, type ArticleJob, type ArticleResult } from './jobs.js';
import { ResultStore } from './results.js';

const FETCH_TIMEOUT_MS = 15_000;

/** A page to analyse. Network trouble and 5xx are worth a retry; a 4xx or a non-page is not. */
async function fetchArticle(url: string): Promise<ArticleInput> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
  if (response.status >= 400 && response.status < 500) throw new UnrecoverableError(`${url} answered ${response.status}`);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const body = await response.text();
  return /html/i.test(response.headers.get('content-type') ?? '') ? { html: body } : { text: body };
}

async function inputOf(job: ArticleJob): Promise<ArticleInput> {
  if (job.text !== undefined) return { text: job.text, id: job.id };
  if (job.html !== undefined) return { html: job.html, id: job.id };
  if (job.path !== undefined) return { ...readArticleFile(job.path), ...(job.id ? { id: job.id } : {}) };
  return { ...(await fetchArticle(job.url!)), id: job.id };
}

export function summarize(key: string, report: Report): ArticleResult {
  return {
    jobId: key,
    id: report.document.id,
    claims: report.attributions.length,
    unattributed: report.unattributed.length,
    sources: report.sources.map((s) => ({ name: s.name, type: s.type, claims: report.attributions.filter((a) => a.source.id === s.id).length })),
    unattributedClaims: report.unattributed.map((u) => u.text),
  };
}

/**
 * The whole of an article job, shared by the sandboxed processor and the tests: validate, reuse a stored
 * report unless forced, analyse, store once (a second store of the same key stores nothing). Bad input fails
 * the job at once (no retries), with its reason.
 */
export async function processArticle(data: unknown, redis: Redis, config: QueueConfig, { firstRun = false } = {}): Promise<ArticleResult> {
  const parsed = ArticleJobSchema.safeParse(stripKey(data));
  const key = (data as { key?: unknown })?.key;
  if (!parsed.success) throw new UnrecoverableError(`invalid article job: ${reasonOf(parsed.error)}`);
  if (typeof key !== 'string') throw new UnrecoverableError('invalid article job: no report key');
  const store = new ResultStore(redis, config);
  const force = (data as { force?: boolean }).force === true;
  // a retried or stalled job, or a batch child, may find its report already stored; the first run of a single
  // job cannot (submit checked the store under the job's id), so it saves the round trip
  const existing = !force && !firstRun && (await store.has(key)) ? await store.get(key) : null;
  if (existing) return summarize(key, existing);
  let report: Report;
  try {
    report = analyze(await inputOf(parsed.data), { keepText: true, model: parsed.data.model === true });
  } catch (e) {
    if (e instanceof InputError) throw new UnrecoverableError(e.message);
    throw e;
  }
  if (force) await store.remove(key);
  await store.save(key, report);
  return summarize(key, report);
}

function stripKey(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const { key: _key, force: _force, ...rest } = data as Record<string, unknown>;
  return rest;
}
