import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QueueClient } from '../src/queue/client.js';
import { keys, redisAnswers, type QueueConfig } from '../src/queue/config.js';
import { cleanup, redisAvailable, testConfig, until } from './helpers/redis.js';

const online = await redisAvailable();
const BIN = new URL('../bin/claimtrace.js', import.meta.url).pathname;

/** Worker processes as production runs them, each in its own process group so that a kill takes its children too. */
function startWorker(config: QueueConfig): ChildProcess {
  return spawn(process.execPath, [BIN, 'worker', '--concurrency', '2'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, REDIS_URL: config.redisUrl, CLAIMTRACE_PREFIX: config.prefix, CLAIMTRACE_LOCK_MS: '2000', CLAIMTRACE_STALLED_MS: '1000' },
  });
}
const killGroup = (p: ChildProcess, signal: NodeJS.Signals) => {
  try {
    process.kill(-p.pid!, signal);
  } catch {
    // already gone
  }
};

/** Stops a worker and waits until it is gone, so that it writes nothing after the test's keys are deleted. */
async function stop(p: ChildProcess): Promise<void> {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const gone = new Promise((r) => p.once('exit', r));
  killGroup(p, 'SIGTERM');
  const timer = setTimeout(() => killGroup(p, 'SIGKILL'), 10_000);
  await gone;
  clearTimeout(timer);
  killGroup(p, 'SIGKILL'); // any child it left behind
}

const articles = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${tag}-${i}`, text: `Inspector ${tag} ${i} said the cables had corroded. "We will test every cable," she said. The bridge carries ${i} cars a day.\n\n`.repeat(40) }));

describe.skipIf(!online)('failures the pipeline survives', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  /** One worker under a prefix of its own, stopped and cleaned up after the test, and a client to its queue. */
  async function oneWorker() {
    const config = testConfig();
    const worker = startWorker(config);
    cleanups.push(async () => {
      await stop(worker);
      await cleanup(config);
    });
    return { worker, client: await new QueueClient(config).ready() };
  }

  it('a worker stops gracefully on SIGTERM and exits 0', async () => {
    const { worker, client } = await oneWorker();
    await until(async () => (await client.articles.getWorkers()).length > 0, 20_000);
    await client.close();
    const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
    process.kill(worker.pid!, 'SIGTERM');
    expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 15_000))])).toBe(0);
  }, 40_000);

  it('the children of a worker killed alone (not its process group) stop by themselves', async () => {
    const { worker, client } = await oneWorker();
    const jobs = [await client.submit({ text: 'The mayor said the bridge would reopen in May.' }), await client.submit({ text: 'Police said two men were arrested on Friday.' })];
    // done: the children hold open connections of their own, which would keep them alive
    await until(async () => (await Promise.all(jobs.map((j) => client.store.has(j.jobId)))).every(Boolean), 20_000);
    const children = await until(() => {
      const pids = readFileSync(`/proc/${worker.pid}/task/${worker.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      return pids.length ? pids : null;
    }, 20_000);
    await client.close();
    process.kill(worker.pid!, 'SIGKILL');
    const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
    await until(async () => children.every((pid) => !alive(pid)), 10_000);
  }, 40_000);

  it('a worker killed with SIGKILL mid-batch: every job still completes, each report stored once', async () => {
    const config = testConfig();
    const client = await new QueueClient(config).ready();
    const victim = startWorker(config);
    const survivor = startWorker(config);
    cleanups.push(async () => {
      await Promise.all([stop(victim), stop(survivor)]);
      await client.close();
      await cleanup(config);
    });
    const { batchId } = await client.submitBatch('kill test', articles(40, 'k'));
    await until(async () => ((await client.batchStatus(batchId))?.done ?? 0) >= 2, 60_000, 20);
    killGroup(victim, 'SIGKILL');
    const status = await until(async () => {
      const s = await client.batchStatus(batchId);
      return s?.report ? s : null;
    }, 90_000, 200);
    expect(status).toMatchObject({ total: 40, done: 40, failed: 0 });
    expect(status.report!.articles).toHaveLength(40);
    const k = keys(config);
    expect(await client.redis.zcard(k.reports)).toBe(40);
    expect(Number(await client.redis.get(k.stat('stored')))).toBe(40);
  }, 150_000);

  it('Redis going away and coming back: the workers reconnect and finish', async () => {
    const port = 6391 + Math.floor(Math.random() * 500);
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-redis-'));
    const startRedis = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
    const ping = () => redisAnswers(`redis://127.0.0.1:${port}`);
    let redis = startRedis();
    await until(ping, 10_000);
    const config = testConfig({ redisUrl: `redis://127.0.0.1:${port}` });
    const client = await new QueueClient(config).ready();
    const worker = startWorker(config);
    cleanups.push(async () => {
      await stop(worker);
      await client.close();
      redis.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    });
    const { batchId } = await client.submitBatch('restart test', articles(20, 'r'));
    await until(async () => ((await client.batchStatus(batchId))?.done ?? 0) >= 1, 60_000, 20);
    redis.kill('SIGTERM');
    await new Promise((r) => redis.once('exit', r));
    await new Promise((r) => setTimeout(r, 1500));
    redis = startRedis();
    await until(ping, 10_000);
    const status = await until(async () => {
      const s = await client.batchStatus(batchId).catch(() => null);
      return s?.report ? s : null;
    }, 90_000, 250);
    expect(status).toMatchObject({ total: 20, done: 20, failed: 0 });
  }, 150_000);
});
