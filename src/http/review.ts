import type { FastifyInstance, FastifyReply } from 'fastify';
import type { BatchReport } from '../queue/batch.js';
import type { QueueClient } from '../queue/client.js';
import { keys } from '../queue/config.js';
import { html } from '../report/render/html/index.js';
import type { Report } from '../report/schema.js';
import { AddedInputSchema, VerdictSchema } from '../review/schema.js';
import { ReviewStore } from '../review/store.js';
import { isSignedIn } from './auth.js';
import { articlesPage, nav, type ArticleRow } from './pages.js';

const LIST_SIZE = 200;
const BATCH_OPTIONS = 50;

interface KeyParams {
  key: string;
}

/** The review app: the article list, the report page with the reviewer's controls, and the review API. */
export function registerReview(app: FastifyInstance, client: QueueClient, token: string): void {
  const reviews = new ReviewStore(client.redis, client.config);
  const k = keys(client.config);

  async function batchesOf(): Promise<BatchReport[]> {
    const ids = await client.redis.zrevrange(k.batches, 0, BATCH_OPTIONS - 1);
    if (!ids.length) return [];
    const stored = await client.redis.mget(ids.map((id) => k.batch(id)));
    return stored.flatMap((json) => (json ? [JSON.parse(json) as BatchReport] : []));
  }

  async function rowsOf(batch: BatchReport | undefined): Promise<ArticleRow[]> {
    const listed = batch
      ? await client.store.storedAt(batch.articles.map((a) => a.jobId)).then((at) => batch.articles.map((a, i) => ({ key: a.jobId, at: at[i] ?? 0 })))
      : await client.store.latest(LIST_SIZE);
    const [reports, reviewed] = await Promise.all([client.store.getMany(listed.map((l) => l.key)), reviews.reviewedCounts(listed.map((l) => l.key))]);
    return listed
      .map(({ key, at }, i) => ({ key, at, report: reports[i], reviewed: reviewed[i] }))
      .filter((row): row is typeof row & { report: Report } => row.report !== null)
      .sort((a, b) => b.at - a.at)
      .map(({ key, at, report, reviewed }) => ({
        key,
        title: report.document.title ?? report.document.id,
        analysedAt: at,
        claims: report.attributions.length,
        sources: report.sources.length,
        unattributed: report.unattributed.length,
        reviewed: Math.min(reviewed, report.attributions.length),
      }));
  }

  async function reportOr404(key: string, reply: FastifyReply): Promise<Report | null> {
    const report = await client.store.get(key);
    if (!report) reply.code(404).send({ error: `no stored report ${key}` });
    return report;
  }

  app.get<{ Querystring: { batch?: string } }>('/', async (req, reply) => {
    const batches = await batchesOf();
    const batch = req.query.batch ? batches.find((b) => b.id === req.query.batch) : undefined;
    if (req.query.batch && !batch) return reply.code(404).send({ error: `no finished batch ${req.query.batch}` });
    const options = batches.map((b) => ({ id: b.id, name: b.name, finishedAt: b.finishedAt, articles: b.articles.length, failures: b.failures.length, unattributed: b.unattributed.length }));
    return reply.type('text/html').send(articlesPage(await rowsOf(batch), options, batch?.id, isSignedIn(req, token)));
  });

  app.get<{ Params: KeyParams }>('/articles/:key', async (req, reply) => {
    const report = await reportOr404(req.params.key, reply);
    if (!report) return reply;
    if (report.document.text === undefined) return reply.code(409).send({ error: `report ${req.params.key} was stored without its text: resubmit the article with force` });
    const api = `/api/reviews/${encodeURIComponent(req.params.key)}`;
    const page = html(report, { api, state: await reviews.get(req.params.key), nav: nav(isSignedIn(req, token)) });
    return reply.type('text/html').send(page);
  });

  app.get<{ Params: KeyParams }>('/api/reviews/:key', async (req, reply) => {
    const report = await reportOr404(req.params.key, reply);
    if (!report) return reply;
    const state = await reviews.get(req.params.key);
    return { ...state, progress: { reviewed: Object.keys(state.verdicts).length, total: report.attributions.length } };
  });

  app.put<{ Params: KeyParams & { id: string } }>('/api/reviews/:key/attributions/:id', async (req, reply) => {
    const verdict = VerdictSchema.parse(req.body);
    const report = await reportOr404(req.params.key, reply);
    if (!report) return reply;
    if (!report.attributions.some((a) => a.id === req.params.id)) return reply.code(404).send({ error: `report ${req.params.key} has no attribution ${req.params.id}` });
    await reviews.setVerdict(req.params.key, req.params.id, verdict);
    const [reviewed] = await reviews.reviewedCounts([req.params.key]);
    return { ...verdict, progress: { reviewed, total: report.attributions.length } };
  });

  app.post<{ Params: KeyParams }>('/api/reviews/:key/added', async (req, reply) => {
    const input = AddedInputSchema.parse(req.body);
    const report = await reportOr404(req.params.key, reply);
    if (!report) return reply;
    const text = report.document.text ?? '';
    if (input.end > text.length) return reply.code(400).send({ error: `the selection ends at ${input.end}, past the end of the text (${text.length})` });
    const claim = { ...input, text: text.slice(input.start, input.end) };
    await reviews.add(req.params.key, claim);
    return reply.code(201).send(claim);
  });
}
