import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';
import { QueueClient } from '../src/queue/client.js';
import { deletePrefix, type QueueConfig } from '../src/queue/config.js';
import { jobIdFor } from '../src/queue/jobs.js';
import type { Corpus } from './corpus.js';
import { measurement, treeRssMb, type Measurement } from './measure.js';

const BIN = join(PACKAGE_ROOT, 'bin', 'claimtrace.js');
const WARMUP_PER_WORKER = 300;

/**
 * The corpus through the queue with `processes` worker processes of one sandboxed child each. The workers are
 * warmed first, then everything is enqueued while the queue is paused; the clock runs from the first job a worker
 * takes after the resume to the last it finishes, as in-process analyze() is timed warm over articles in memory.
 */
export async function throughQueue(corpus: Corpus, processes: number, tokens: number, redisUrl: string): Promise<Measurement> {
  const config: QueueConfig = { redisUrl, prefix: `{ct-bench-${randomUUID().slice(0, 8)}}`, retention: 900 };
  const client = await new QueueClient(config).ready();
  const workers: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      workers.push(spawn(process.execPath, [BIN, 'worker', '--concurrency', '1'], { detached: true, stdio: 'ignore', env: { ...process.env, REDIS_URL: redisUrl, CLAIMTRACE_PREFIX: config.prefix } }));
    }
    // warm every worker's sandboxed child before the clock starts, as in-process analyze() is timed warm: the
    // child loads the language models on its first job and its JIT settles over the next few hundred articles
    const warmups = corpus.articles.slice(0, WARMUP_PER_WORKER * processes).map((a, i) => ({ text: `${a.text}\n\nWarm-up ${i}.`, id: `warmup-${i}` }));
    await client.articles.addBulk(warmups.map((w) => ({ name: 'article', data: { ...w, key: jobIdFor(w) }, opts: { jobId: jobIdFor(w) } })));
    while (((await client.articles.getJobCounts('completed')).completed ?? 0) < warmups.length) await new Promise((r) => setTimeout(r, 100));
    const warm = new Set(warmups.map((w) => jobIdFor(w)));
    // identical texts are one job (ids are content hashes)
    const distinct = new Set(corpus.articles.map((a) => jobIdFor({ text: a.text }))).size;
    // the backlog is in Redis before the clock starts, as (b)'s articles are in memory: enqueueing 5 MB would
    // otherwise take the producer's and Redis's time from the workers on the same two cores
    await client.articles.pause();
    for (let i = 0; i < corpus.articles.length; i += 500) {
      await client.articles.addBulk(
        corpus.articles.slice(i, i + 500).map((a) => {
          const key = jobIdFor({ text: a.text, id: a.id });
          return { name: 'article', data: { text: a.text, id: a.id, key }, opts: { jobId: key } };
        }),
      );
    }
    await client.articles.resume();
    let peak = 0;
    for (;;) {
      for (const w of workers) peak = Math.max(peak, treeRssMb(w.pid!));
      const counts = await client.articles.getJobCounts('completed', 'failed');
      if ((counts.completed ?? 0) + (counts.failed ?? 0) >= distinct + warmups.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const latencies: number[] = [];
    let first = Infinity;
    let last = 0;
    for (let from = 0; ; from += 1000) {
      const jobs = await client.articles.getJobs(['completed'], from, from + 999, true);
      if (!jobs.length) break;
      for (const j of jobs) {
        if (warm.has(j.id!)) continue;
        latencies.push(j.finishedOn! - j.processedOn!);
        first = Math.min(first, j.processedOn!);
        last = Math.max(last, j.finishedOn!);
      }
    }
    return measurement(`(c) queue, ${processes} worker${processes > 1 ? 's' : ''}`, latencies, (last - first) / 1000, tokens, corpus.bytes, peak);
  } finally {
    for (const w of workers) {
      try {
        process.kill(-w.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await client.close();
    await deletePrefix(config);
  }
}
