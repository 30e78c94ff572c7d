import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PayloadError, type QueueClient } from '../queue/client.js';
import { isConnectionError } from '../queue/config.js';
import { contentSecurityPolicy } from '../report/render/html/index.js';
import { registerAuth, routeOf } from './auth.js';
import { BOARD_CSP, BOARD_PATH, registerBoard } from './board.js';
import { registerReview } from './review.js';

/** Request bodies above this are refused with 413 before they are parsed. */
export const BODY_LIMIT = 6 * 1024 * 1024;

const BatchBody = z.object({ name: z.string().min(1).max(200).optional(), articles: z.array(z.unknown()).min(1).max(10_000), force: z.boolean().optional() }).strict();
const Force = z.object({ force: z.enum(['true', 'false']).optional() });

export interface ServerOptions {
  /** Needed for every write and for /admin. */
  token: string;
  logger?: boolean;
}

const PAGE_CSP = `${contentSecurityPolicy({ served: true })}; frame-ancestors 'none'`;

/**
 * The HTTP API and the review app, thin shells over the queue client. Bad input answers 4xx with a reason;
 * Redis being away answers 503 at once (the producer connection does not queue commands while it is down).
 */
export async function buildServer(client: QueueClient, opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: opts.logger ?? false });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit: 16 * 1024 });

  app.addHook('onSend', async (req, reply) => {
    reply.header('content-security-policy', routeOf(req).startsWith(BOARD_PATH) ? BOARD_CSP : PAGE_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });

  app.setErrorHandler((error: FastifyError, _req, reply) => {
    if (error instanceof PayloadError) return reply.code(400).send({ error: error.message });
    if (error instanceof z.ZodError) return reply.code(400).send({ error: error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ') });
    if (isConnectionError(error)) return reply.code(503).send({ error: `queue unavailable: ${error.message}` });
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: error.message });
    app.log.error(error);
    return reply.code(500).send({ error: 'internal error' });
  });

  registerAuth(app, opts.token);

  app.get('/health', async () => ({ redis: client.redis.status }));

  app.post('/jobs', async (req, reply) => {
    const { force } = Force.parse(req.query);
    const result = await client.submit(req.body, { force: force === 'true' });
    return reply.code(result.duplicate ? 200 : 202).send(result);
  });

  app.post('/batches', async (req, reply) => {
    const body = BatchBody.parse(req.body);
    const result = await client.submitBatch(body.name ?? `batch ${new Date().toISOString()}`, body.articles, { force: body.force });
    return reply.code(202).send(result);
  });

  app.get<{ Params: { id: string } }>('/jobs/:id', async (req, reply) => {
    const status = await client.jobStatus(req.params.id);
    if (status) return status;
    if (await client.store.has(req.params.id)) return { id: req.params.id, state: 'completed', attemptsMade: 1, key: req.params.id, progress: 0 };
    return reply.code(404).send({ error: `no job ${req.params.id}` });
  });

  app.get<{ Params: { id: string } }>('/jobs/:id/report', async (req, reply) => {
    const status = await client.jobStatus(req.params.id);
    const report = await client.store.get(status?.key ?? req.params.id);
    if (report) return report;
    if (status) return reply.code(409).send({ error: `job ${req.params.id} is ${status.state}${status.failedReason ? `: ${status.failedReason}` : ''}` });
    return reply.code(404).send({ error: `no job ${req.params.id}` });
  });

  app.get<{ Params: { id: string } }>('/batches/:id', async (req, reply) => {
    const status = await client.batchStatus(req.params.id);
    return status ?? reply.code(404).send({ error: `no batch ${req.params.id}` });
  });

  registerReview(app, client, opts.token);
  await registerBoard(app, client);
  return app;
}
