import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueClient } from '../src/queue/client.js';
import { startWorkers } from '../src/queue/worker.js';
import { ReviewStore } from '../src/review/store.js';
import { cleanup, quietLog, redisAvailable, testConfig, until } from './helpers/redis.js';

const online = await redisAvailable();
const BIN = new URL('../bin/claimtrace.js', import.meta.url).pathname;
const SAMPLES = new URL('../samples/', import.meta.url).pathname;

function exec(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!online)('queue commands of the CLI (real Redis)', () => {
  const config = testConfig();
  const out = mkdtempSync(join(tmpdir(), 'claimtrace-export-'));
  // asynchronous on purpose: the workers under test share this process's event loop
  const run = (...args: string[]) => exec(args, { REDIS_URL: config.redisUrl, CLAIMTRACE_PREFIX: config.prefix });
  let client: QueueClient;
  let workers: Awaited<ReturnType<typeof startWorkers>>;

  beforeAll(async () => {
    client = await new QueueClient(config).ready();
    workers = await startWorkers(config, { concurrency: 2 }, quietLog);
  });
  afterAll(async () => {
    await workers?.close();
    await client?.close();
    await cleanup(config);
    rmSync(out, { recursive: true, force: true });
  });

  it('submit --batch --wait prints the batch id, then the batch report', async () => {
    const r = await run('submit', '--batch', 'samples', '--wait', SAMPLES);
    expect(r.status).toBe(0);
    const [batchId, ...rest] = r.stdout.split('\n');
    expect(batchId).toMatch(/^b-/);
    const report = JSON.parse(rest.join('\n'));
    expect(report.articles.map((a: { id: string }) => a.id)).toEqual(['council-vote', 'harbour-bridge', 'malaria-trial', 'transfer-talks']);
    expect(report.sources.find((s: { name: string }) => s.name === 'Marta Ellison')).toEqual({ name: 'Marta Ellison', type: 'person', articles: 1, claims: 5 });
  });

  it('submit says when an article was already analysed', async () => {
    const r = await run('submit', join(SAMPLES, 'harbour-bridge.txt'));
    expect(r.stdout).toMatch(/^a-[0-9a-f]{40} \(already analysed\)\n$/);
  });

  it('status shows the recent failures with their reasons, and retry puts them back', async () => {
    await client.articles.add('article', { key: 'k', text: '' }, { jobId: 'bad-cli' });
    await until(async () => (await client.jobStatus('bad-cli'))?.state === 'failed');
    const status = JSON.parse((await run('status')).stdout);
    expect(status.recentFailures).toContainEqual(expect.objectContaining({ id: 'bad-cli', attemptsMade: 1, reason: 'invalid article job: text: Too small: expected string to have >=1 characters' }));
    expect(status.workers).toBe(1);
    expect((await run('retry', '--failed')).stdout).toBe('1 retried\n');
    expect((await run('retry', 'a-unknown')).stderr).toBe('claimtrace: no job a-unknown\n');
  });

  it('results export writes every stored report as JSONL', async () => {
    expect((await run('results', 'export', '--out', out)).status).toBe(0);
    const lines = readFileSync(join(out, 'reports.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).document.id).sort()).toEqual(['council-vote', 'harbour-bridge', 'malaria-trial', 'transfer-talks']);
  });

  it('reviews export writes each reviewed article as text and gold', async () => {
    const [{ key }] = await client.store.latest(1);
    const report = (await client.store.get(key))!;
    await new ReviewStore(client.redis, config).setVerdict(key, report.attributions[0].id, { verdict: 'correct' });
    const gold = join(out, 'gold');
    const r = await run('reviews', 'export', '--out', gold);
    expect([r.status, r.stderr]).toEqual([0, `1 reviewed articles written to ${gold}\n`]);
    expect(readdirSync(gold).sort()).toEqual([`${report.document.id}.gold.json`, `${report.document.id}.txt`]);
    expect(JSON.parse(readFileSync(join(gold, `${report.document.id}.gold.json`), 'utf8')).attributions.filter((a: { optional: boolean }) => !a.optional)).toHaveLength(1);
  });

  it('schedule add, list and remove', async () => {
    expect((await run('schedule', 'add', 'hourly', '--every', '1h', '--source', SAMPLES)).stdout).toBe('hourly\n');
    expect(JSON.parse((await run('schedule', 'list')).stdout)).toMatchObject([{ name: 'hourly', every: 3_600_000, source: SAMPLES }]);
    const both = await run('schedule', 'add', 'bad', '--every', '1h', '--cron', '* * * * *', '--source', SAMPLES);
    expect([both.status, both.stderr]).toEqual([2, 'claimtrace: give exactly one of --every or --cron\n']);
    expect((await run('schedule', 'remove', 'hourly')).status).toBe(0);
    expect(JSON.parse((await run('schedule', 'list')).stdout)).toEqual([]);
  });

  it('fails fast with a reason when Redis does not answer', { timeout: 20_000 }, async () => {
    const r = await exec(['status'], { REDIS_URL: 'redis://127.0.0.1:6399', CLAIMTRACE_PREFIX: config.prefix });
    expect([r.status, r.stderr]).toEqual([1, 'claimtrace: Redis does not answer at redis://127.0.0.1:6399\n']);
  });
});
