import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import type { Report } from '../report/schema.js';
import { keys, type QueueConfig } from './config.js';

/** KEYS: report, index, analysed counter, stored counter; ARGV: JSON, retention (s), time (ms), report key. */
const SAVE_ONCE = `
redis.call('INCR', KEYS[3])
if not redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2], 'NX') then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
redis.call('INCR', KEYS[4])
return 1`;

/**
 * Reports in Redis, apart from BullMQ's job records so that trimming jobs never loses a report:
 * `<prefix>:report:<key>` holds the JSON for `retention` seconds, `<prefix>:reports` orders the keys by time.
 */
export class ResultStore {
  private readonly k;

  constructor(
    private readonly redis: Redis,
    private readonly config: QueueConfig,
  ) {
    this.k = keys(config);
  }

  /**
   * Stores a report once, in one round trip: a second store of the same key (a retried or re-delivered job)
   * stores nothing. Counts the analysis either way, and the store when there was one.
   */
  async save(key: string, report: Report): Promise<boolean> {
    const stored = await this.redis.eval(SAVE_ONCE, 4, this.k.report(key), this.k.reports, this.k.stat('analysed'), this.k.stat('stored'), JSON.stringify(report), this.config.retention, Date.now(), key);
    if (stored !== 1) return false;
    if (this.config.sinkDir) {
      mkdirSync(this.config.sinkDir, { recursive: true });
      writeFileSync(join(this.config.sinkDir, `${key}.json`), JSON.stringify(report, null, 2) + '\n');
    }
    return true;
  }

  async get(key: string): Promise<Report | null> {
    const json = await this.redis.get(this.k.report(key));
    return json ? (JSON.parse(json) as Report) : null;
  }

  /** The most recently stored report keys with their time (ms), newest first. */
  async latest(count: number): Promise<Array<{ key: string; at: number }>> {
    const flat = await this.redis.zrevrange(this.k.reports, 0, count - 1, 'WITHSCORES');
    return Array.from({ length: flat.length / 2 }, (_, i) => ({ key: flat[2 * i], at: Number(flat[2 * i + 1]) }));
  }

  /** When each report was stored (ms), or null for keys the index does not hold. */
  async storedAt(reportKeys: string[]): Promise<Array<number | null>> {
    if (!reportKeys.length) return [];
    return (await this.redis.zmscore(this.k.reports, ...reportKeys)).map((s) => (s === null ? null : Number(s)));
  }

  async getMany(reportKeys: string[]): Promise<Array<Report | null>> {
    if (!reportKeys.length) return [];
    return (await this.redis.mget(reportKeys.map((key) => this.k.report(key)))).map((json) => (json ? (JSON.parse(json) as Report) : null));
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.k.report(key))) === 1;
  }

  async remove(key: string): Promise<void> {
    await this.redis.multi().del(this.k.report(key)).zrem(this.k.reports, key).exec();
  }

  /** Every stored report, oldest first; keys whose report has expired are dropped from the index on the way. */
  async *all(): AsyncGenerator<{ key: string; report: Report }> {
    const page = 200;
    for (let from = 0; ; from += page) {
      const ids = await this.redis.zrange(this.k.reports, from, from + page - 1);
      if (!ids.length) return;
      const reports = await this.getMany(ids);
      for (const [i, report] of reports.entries()) if (report) yield { key: ids[i], report };
    }
  }
}
