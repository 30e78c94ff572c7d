import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { QueueClient } from '../src/queue/client.js';
import { startWorkers } from '../src/queue/worker.js';
import { addSchedule, listSchedules, removeSchedule } from '../src/queue/schedules.js';
import type { QueueConfig } from '../src/queue/config.js';
import { cleanup, quietLog, redisAvailable, testConfig, until } from './helpers/redis.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const online = await redisAvailable();
const article = (n: number) => ({ text: `Official number ${n} said the bridge would reopen in May. The bridge carries ${n * 1000} cars a day.`, id: `article-${n}` });

describe.skipIf(!online)('queue pipeline (real Redis)', () => {
  const opened: Array<{ config: QueueConfig; close: () => Promise<void> }> = [];
  const open = async (extra: Partial<QueueConfig> = {}, concurrency = 2) => {
    const config = testConfig(extra);
    const client = await new QueueClient(config).ready();
    const workers = await startWorkers(config, { concurrency }, quietLog);
    opened.push({ config, close: async () => { await workers.close(); await client.close(); await cleanup(config); } });
    return { config, client, workers };
  };
  afterEach(async () => {
    while (opened.length) await opened.pop()!.close();
  });
  beforeAll(() => expect(online).toBe(true));

  it('submits an article and gets its report back', async () => {
    const { client } = await open();
    const { jobId, duplicate } = await client.submit(article(1));
    expect(duplicate).toBe(false);
    const report = await until(() => client.store.get(jobId));
    expect(report.document.id).toBe('article-1');
    expect(report.attributions.map((a) => a.source.name)).toEqual(['Official number 1']);
    // the child stores the report a moment before BullMQ marks the job completed
    const status = await until(async () => ((await client.jobStatus(jobId))?.state === 'completed' ? client.jobStatus(jobId) : null));
    expect(status).toMatchObject({ state: 'completed', attemptsMade: 1 });
  });

  it('analyses with the learned tagger when the job asks, under a job id of its own', async () => {
    const { client } = await open();
    const text = 'Union leaders accused the mayor of ignoring workers.';
    const plain = await client.submit({ text, id: 'plain' });
    const learned = await client.submit({ text, id: 'learned', model: true });
    expect(learned.jobId).not.toBe(plain.jobId);
    expect((await until(() => client.store.get(plain.jobId))).attributions).toEqual([]);
    const report = await until(() => client.store.get(learned.jobId));
    expect(report.attributions.map((a) => [a.source.name, a.cue?.text, a.pattern])).toEqual([['Union leaders', 'accused', 'learned']]);
  });

  it('does not analyse a resubmitted article twice, alone or in a batch, unless forced', async () => {
    const { client } = await open();
    const first = await client.submit(article(2));
    await until(() => client.store.get(first.jobId));
    const again = await client.submit(article(2));
    expect(again).toEqual({ jobId: first.jobId, duplicate: true });
    expect((await client.status()).analysed).toBe(1);
    const forced = await client.submit(article(2), { force: true });
    expect(forced).toEqual({ jobId: first.jobId, duplicate: false });
    await until(async () => (await client.status()).analysed === 2);
    expect((await client.status()).stored).toBe(2);
    // a batch child carrying the same article finds the stored report too
    const { batchId } = await client.submitBatch('again', [article(2)]);
    expect((await until(async () => (await client.batchStatus(batchId))?.report)).articles).toHaveLength(1);
    expect((await client.status()).analysed).toBe(2);
  });

  it('fails an invalid payload at once, with its reason, and keeps every other job', async () => {
    const { client, config } = await open();
    const raw = new Queue('articles', { connection: client.redis, prefix: config.prefix });
    await raw.add('article', { words: 'no text here', key: 'bad-1' }, { jobId: 'bad-1', attempts: 3 });
    const good = await client.submit(article(3));
    const failed = await until(async () => ((await client.jobStatus('bad-1'))?.state === 'failed' ? client.jobStatus('bad-1') : null));
    expect(failed).toMatchObject({ attemptsMade: 1, failedReason: 'invalid article job: payload: Unrecognized key: "words"; payload: give exactly one of text, html, path or url' });
    expect((await client.status()).recentFailures).toMatchObject([{ id: 'bad-1', attemptsMade: 1, reason: failed.failedReason }]);
    await until(() => client.store.get(good.jobId));
    await raw.close();
  });

  it('runs a batch of 20 as a flow: progress rises, and the batch report aggregates every child', async () => {
    const { client } = await open({}, 2);
    const articles = Array.from({ length: 20 }, (_, i) => article(100 + i));
    articles[7] = { text: '   ', id: 'blank' } as never; // analysed and refused: a failure the batch reports
    const { batchId, total } = await client.submitBatch('morning feed', articles);
    expect(total).toBe(20);
    const seen: number[] = [];
    // twenty short articles take a fraction of a second: poll often enough to catch the batch part-way
    const done = await until(async () => {
      const s = await client.batchStatus(batchId);
      if (s) seen.push(s.done);
      return s?.report ? s : null;
    }, 60_000, 5);
    expect(seen.some((d) => d > 0 && d < 20)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(done).toMatchObject({ total: 20, done: 20, failed: 1, progress: 1 });
    const report = done.report!;
    expect(report.name).toBe('morning feed');
    expect(report.articles).toHaveLength(19);
    expect(report.failures).toEqual([{ jobId: `${batchId}.8`, reason: 'the article is empty' }]);
    expect(report.sources).toHaveLength(19);
    expect(report.unattributed).toHaveLength(19);
    expect(report.unattributed[0]).toEqual({ article: 'article-100', text: 'The bridge carries 100000 cars a day.' });
  });

  it('a schedule fires and, on its second run, enqueues only the new articles', async () => {
    const { client } = await open();
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-feed-'));
    try {
      writeFileSync(join(dir, 'one.txt'), article(1).text);
      writeFileSync(join(dir, 'two.txt'), article(2).text);
      await addSchedule(client, { name: 'feed', every: 1500, source: dir });
      expect(await listSchedules(client)).toMatchObject([{ name: 'feed', every: 1500, source: dir }]);
      const firstBatch = await until(async () => (await client.batches.getJobs(['waiting-children', 'waiting', 'active', 'completed'])).find((j) => j.data.total === 2));
      writeFileSync(join(dir, 'three.txt'), article(3).text);
      const secondBatch = await until(async () => (await client.batches.getJobs(['waiting-children', 'waiting', 'active', 'completed'])).find((j) => j.id !== firstBatch.id), 20_000);
      expect(secondBatch.data.total).toBe(1);
      const second = await until(async () => (await client.batchStatus(secondBatch.id!))?.report, 20_000);
      expect(second.articles.map((a) => a.id)).toEqual(['three']);
      expect(await removeSchedule(client, 'feed')).toBe(true);
      expect(await listSchedules(client)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
