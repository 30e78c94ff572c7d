import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { Command, InvalidArgumentError } from 'commander';
import pino from 'pino';
import { InputError } from '../ingest/errors.js';
import { DEFAULT_MAX_BYTES } from '../ingest/file.js';
import type { QueueClient } from '../queue/client.js';
import { configFromEnv } from '../queue/config.js';
import { duration } from './durations.js';
import { expandInputs } from './inputs.js';

const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of at least 1');
  return n;
};

/** Opens a producer for one command and closes it after, however the command ends. */
async function withClient<T>(use: (client: QueueClient) => Promise<T>): Promise<T> {
  const { QueueClient } = await import('../queue/client.js');
  const client = new QueueClient(configFromEnv());
  try {
    await client.ready();
    return await use(client);
  } finally {
    await client.close();
  }
}

const print = (value: unknown) => process.stdout.write(JSON.stringify(value, null, 2) + '\n');

/** Files, folders and JSONL files of article jobs → payloads; unreadable inputs are reported, not fatal. */
async function payloadsOf(inputs: string[]): Promise<{ payloads: unknown[]; failures: string[] }> {
  const payloads: unknown[] = [];
  const failures: string[] = [];
  const files = inputs.filter((i) => !i.endsWith('.jsonl'));
  for (const jsonl of inputs.filter((i) => i.endsWith('.jsonl'))) {
    readFileSync(jsonl, 'utf8')
      .split('\n')
      .forEach((line, n) => {
        if (!line.trim()) return;
        try {
          payloads.push(JSON.parse(line));
        } catch {
          failures.push(`${jsonl}:${n + 1}: not JSON`);
        }
      });
  }
  for (const job of await expandInputs(files, DEFAULT_MAX_BYTES)) {
    try {
      payloads.push(job.read());
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failures.push(e.message);
    }
  }
  return { payloads, failures };
}

async function waitForBatch(client: QueueClient, batchId: string, total: number): Promise<void> {
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'batch {bar} {value}/{total} articles' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(total, 0);
  for (;;) {
    const status = await client.batchStatus(batchId);
    bar?.update(status?.done ?? 0);
    if (status?.report) {
      bar?.stop();
      print(status.report);
      return;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function registerQueueCommands(cli: Command): void {
  cli
    .command('worker')
    .description('start one worker process: analyses queued articles, builds batch reports, runs schedules (REDIS_URL)')
    .option('-c, --concurrency <n>', 'articles analysed at once, each in a sandboxed child process', positive, 2)
    .action(async (opts: { concurrency: number }) => {
      const { startWorkers } = await import('../queue/worker.js');
      const log = pino({ name: 'claimtrace-worker', level: process.env.LOG_LEVEL ?? 'info' });
      const env = process.env;
      const running = await startWorkers(configFromEnv(), { concurrency: opts.concurrency, lockDuration: env.CLAIMTRACE_LOCK_MS ? Number(env.CLAIMTRACE_LOCK_MS) : undefined, stalledInterval: env.CLAIMTRACE_STALLED_MS ? Number(env.CLAIMTRACE_STALLED_MS) : undefined }, log);
      await new Promise<void>((resolve) => {
        const stop = (signal: string) => {
          log.info({ signal }, 'shutting down: finishing the jobs in hand');
          running.close().then(resolve, resolve);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      });
    });

  cli
    .command('submit')
    .description('queue articles for the workers: files, folders, or JSONL files of article jobs')
    .argument('<inputs...>', 'files, folders, or .jsonl files with one {text|html|path|url, id?, metadata?, model?} per line')
    .option('-b, --batch <name>', 'submit them as one batch, with a batch report')
    .option('-w, --wait', 'with --batch: show progress and print the batch report when it is done')
    .option('--force', 'analyse again even when a report for the same article exists')
    .option('--model', 'analyse with the learned attribution tagger too (as analyze --model)')
    .action(async (inputs: string[], opts: { batch?: string; wait?: boolean; force?: boolean; model?: boolean }) => {
      const { payloads: read, failures } = await payloadsOf(inputs);
      const payloads = opts.model ? read.map((p) => (p && typeof p === 'object' ? { ...p, model: true } : p)) : read;
      for (const f of failures) process.stderr.write(`claimtrace: ${f}\n`);
      await withClient(async (client) => {
        if (opts.batch) {
          const { batchId, total } = await client.submitBatch(opts.batch, payloads, { force: opts.force });
          process.stdout.write(`${batchId}\n`);
          if (opts.wait) await waitForBatch(client, batchId, total);
        } else {
          for (const p of payloads) {
            const { jobId, duplicate } = await client.submit(p, { force: opts.force });
            process.stdout.write(`${jobId}${duplicate ? ' (already analysed)' : ''}\n`);
          }
        }
      });
      if (failures.length) process.exitCode = 1;
    });

  const schedule = cli.command('schedule').description('scheduled batch runs over a source of articles');
  schedule
    .command('add')
    .description('run a source as a batch every interval or on a cron pattern; each run takes only articles it has not seen')
    .argument('<name>')
    .option('--every <duration>', 'interval: 1h, 30m, 15s', duration)
    .option('--cron <pattern>', 'cron pattern, in UTC: "0 * * * *"')
    .requiredOption('--source <dir|file.jsonl|urls.txt>', 'a folder of articles, a JSONL file of article jobs, or a file of URLs')
    .action(async (name: string, opts: { every?: number; cron?: string; source: string }) => {
      if (!opts.every === !opts.cron) throw new InvalidArgumentError('give exactly one of --every or --cron');
      const { addSchedule } = await import('../queue/schedules.js');
      await withClient((client) => addSchedule(client, { name, ...opts }));
      process.stdout.write(`${name}\n`);
    });
  schedule
    .command('list')
    .description('list the schedules')
    .action(async () => {
      const { listSchedules } = await import('../queue/schedules.js');
      print(await withClient(listSchedules));
    });
  schedule
    .command('remove')
    .description('remove a schedule and forget what it has seen')
    .argument('<name>')
    .action(async (name: string) => {
      const { removeSchedule } = await import('../queue/schedules.js');
      if (!(await withClient((client) => removeSchedule(client, name)))) throw new InputError(`no schedule ${name}`);
    });

  cli
    .command('results')
    .description('stored reports')
    .command('export')
    .description('write every stored report, one per line, to DIR/reports.jsonl')
    .requiredOption('-o, --out <dir>', 'folder to write reports.jsonl into')
    .action(async (opts: { out: string }) => {
      mkdirSync(opts.out, { recursive: true });
      const path = join(opts.out, 'reports.jsonl');
      const count = await withClient(async (client) => {
        const lines: string[] = [];
        for await (const { report } of client.store.all()) lines.push(JSON.stringify(report));
        writeFileSync(path, lines.map((l) => `${l}\n`).join(''));
        return lines.length;
      });
      process.stderr.write(`${count} reports written to ${path}\n`);
    });

  cli
    .command('reviews')
    .description('reviewers\' work from the review app')
    .command('export')
    .description('write every reviewed article as <id>.txt and <id>.gold.json, the gold format score.mjs reads')
    .requiredOption('-o, --out <dir>', 'folder to write into')
    .action(async (opts: { out: string }) => {
      const { exportReviews } = await import('../review/export.js');
      const { written, missing } = await withClient((client) => exportReviews(client, opts.out));
      for (const key of missing) process.stderr.write(`claimtrace: the report of reviewed job ${key} is gone; its review was not exported\n`);
      process.stderr.write(`${written.length} reviewed articles written to ${opts.out}\n`);
      if (missing.length) process.exitCode = 1;
    });

  cli
    .command('status')
    .description('queue counts, active workers, and recent failures with their reasons')
    .action(async () => {
      print(await withClient((client) => client.status()));
    });

  cli
    .command('retry')
    .description('retry a failed job, or every failed job')
    .argument('[id]', 'job id')
    .option('--failed', 'retry every failed job')
    .action(async (id: string | undefined, opts: { failed?: boolean }) => {
      if (!id === !opts.failed) throw new InvalidArgumentError('give a job id or --failed');
      const count = await withClient((client) => client.retry(opts.failed ? 'failed' : id!));
      process.stdout.write(`${count} retried\n`);
    });

  cli
    .command('serve')
    .description('the HTTP API over the queue and the review app; writes need CLAIMTRACE_TOKEN (one is made up and printed when unset)')
    .option('-p, --port <port>', 'port', positive, 8080)
    .option('--host <host>', 'address to bind; 127.0.0.1 unless told otherwise', '127.0.0.1')
    .action(async (opts: { port: number; host: string }) => {
      const [{ QueueClient }, { buildServer }] = await Promise.all([import('../queue/client.js'), import('../http/server.js')]);
      const client = new QueueClient(configFromEnv());
      let token = process.env.CLAIMTRACE_TOKEN;
      if (!token) {
        token = randomBytes(24).toString('base64url');
        process.stderr.write(`claimtrace: CLAIMTRACE_TOKEN is not set; this run's token is ${token}\n`);
      }
      const app = await buildServer(client, { token, logger: true });
      await app.listen({ port: opts.port, host: opts.host });
      await new Promise<void>((resolve) => {
        const stop = () => app.close().then(() => client.close()).then(resolve, resolve);
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
    });
}
