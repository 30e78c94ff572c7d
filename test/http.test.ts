import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { QueueClient } from '../src/queue/client.js';
import { buildServer } from '../src/http/server.js';
import { startWorkers } from '../src/queue/worker.js';
import { cleanup, quietLog, redisAvailable, testConfig, until } from './helpers/redis.js';

const online = await redisAvailable();
const TOKEN = 'test-token-http';
/** Writes carry the token; reads do not need it. */
const signed = <T extends object>(request: T) => ({ ...request, headers: { authorization: `Bearer ${TOKEN}`, ...('headers' in request ? (request.headers as object) : {}) } });

describe.skipIf(!online)('HTTP API (real Redis)', () => {
  const config = testConfig();
  let client: QueueClient;
  let app: FastifyInstance;
  let workers: Awaited<ReturnType<typeof startWorkers>>;

  beforeAll(async () => {
    client = await new QueueClient(config).ready();
    workers = await startWorkers(config, { concurrency: 2 }, quietLog);
    app = await buildServer(client, { token: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await workers?.close();
    await client?.close();
    await cleanup(config);
  });

  it('POST /jobs, GET /jobs/:id and GET /jobs/:id/report', async () => {
    const post = await app.inject(signed({ method: 'POST', url: '/jobs', payload: { text: 'The mayor said the tram would be late.', id: 'tram' } }));
    expect(post.statusCode).toBe(202);
    const { jobId } = post.json();
    const report = await until(async () => {
      const r = await app.inject({ url: `/jobs/${jobId}/report` });
      return r.statusCode === 200 ? r.json() : null;
    });
    expect(report.attributions[0].source.name).toBe('mayor');
    expect(report.document.text).toBe('The mayor said the tram would be late.');
    expect((await app.inject({ url: `/jobs/${jobId}` })).json()).toMatchObject({ id: jobId, state: 'completed' });
    const again = await app.inject(signed({ method: 'POST', url: '/jobs', payload: { text: 'The mayor said the tram would be late.', id: 'tram' } }));
    expect([again.statusCode, again.json()]).toEqual([200, { jobId, duplicate: true }]);
  });

  it('POST /batches and GET /batches/:id', async () => {
    const post = await app.inject(signed({ method: 'POST', url: '/batches', payload: { name: 'evening', articles: [{ text: 'The council said the road would close.' }, { text: 'Police said two men were arrested.' }] } }));
    expect(post.statusCode).toBe(202);
    const { batchId, total } = post.json();
    expect(total).toBe(2);
    const done = await until(async () => {
      const r = (await app.inject({ url: `/batches/${batchId}` })).json();
      return r.report ? r : null;
    });
    expect(done).toMatchObject({ name: 'evening', total: 2, done: 2, failed: 0, progress: 1 });
    expect(done.report.sources.map((s: { name: string }) => s.name).sort()).toEqual(['Police', 'council']);
    // the review app lists the batch, and filters its articles by it
    const page = parseHTML((await app.inject({ url: `/?batch=${batchId}` })).body).document;
    expect(page.querySelector(`option[value="${batchId}"]`)!.textContent).toBe('evening (2)');
    const rows = [...page.querySelectorAll('#articles tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual([['1', '1', '0'], ['1', '1', '0']]);
    expect(rows.map((r) => r[0])).not.toContain('tram');
    expect(page.querySelector('h1')!.textContent).toBe('Articles of batch evening');
    const front = parseHTML((await app.inject({ url: '/' })).body).document;
    const batch = [...front.querySelectorAll('#batches tbody tr td')].map((td) => td.textContent);
    expect([batch[0], ...batch.slice(2)]).toEqual(['evening', '2', '0', '0']);
    expect(front.querySelector('#batches a')!.getAttribute('href')).toBe(`/?batch=${batchId}`);
  });

  it('answers 4xx with a reason on bad input', async () => {
    const cases = [
      [{ method: 'POST', url: '/jobs', payload: { words: 'x' } }, 400, 'payload: Unrecognized key: "words"; payload: give exactly one of text, html, path or url'],
      [{ method: 'POST', url: '/jobs', payload: { text: 'a', url: 'https://example.org/a' } }, 400, 'payload: give exactly one of text, html, path or url'],
      [{ method: 'POST', url: '/jobs', payload: { url: 'ftp://example.org/a' } }, 400, 'url: Invalid URL'],
      [{ method: 'POST', url: '/jobs', payload: 'not json', headers: { 'content-type': 'application/json' } }, 400, undefined],
      [{ method: 'POST', url: '/batches', payload: { articles: [] } }, 400, 'articles: Too small: expected array to have >=1 items'],
      [{ method: 'POST', url: '/jobs', payload: { text: 'x'.repeat(7 * 1024 * 1024) } }, 413, undefined],
      [{ url: '/jobs/a-nothing' }, 404, 'no job a-nothing'],
      [{ url: '/jobs/a-nothing/report' }, 404, 'no job a-nothing'],
      [{ url: '/batches/b-nothing' }, 404, 'no batch b-nothing'],
    ] as const;
    for (const [request, status, reason] of cases) {
      const r = await app.inject(signed(request) as never);
      expect([request.url, r.statusCode]).toEqual([request.url, status]);
      expect(typeof r.json().error).toBe('string');
      if (reason) expect(r.json().error).toBe(reason);
    }
  });

  it('an invalid job that reached the queue is readable as failed, with its reason', async () => {
    await client.articles.add('article', { key: 'k', html: '' }, { jobId: 'bad-http', attempts: 3 });
    const status = await until(async () => {
      const r = (await app.inject({ url: '/jobs/bad-http' })).json();
      return r.state === 'failed' ? r : null;
    });
    expect(status).toMatchObject({ attemptsMade: 1, failedReason: 'invalid article job: html: Too small: expected string to have >=1 characters' });
    const report = await app.inject({ url: '/jobs/bad-http/report' });
    expect([report.statusCode, report.json().error]).toEqual([409, 'job bad-http is failed: invalid article job: html: Too small: expected string to have >=1 characters']);
  });

  it('answers 503 at once while Redis is unreachable', async () => {
    const down = new QueueClient({ ...config, redisUrl: 'redis://127.0.0.1:6399' });
    const api = await buildServer(down, { token: TOKEN });
    const started = Date.now();
    const r = await api.inject(signed({ method: 'POST', url: '/jobs', payload: { text: 'The mayor said so.' } }));
    expect(r.statusCode).toBe(503);
    expect(r.json().error).toMatch(/^queue unavailable: /);
    expect(Date.now() - started).toBeLessThan(5000);
    await api.close();
    await down.close();
  });
});
