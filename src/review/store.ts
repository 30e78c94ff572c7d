import type { Redis } from 'ioredis';
import { keys, type QueueConfig } from '../queue/config.js';
import type { AddedClaim, ReviewState, Verdict } from './schema.js';

/**
 * Reviewers' work in Redis, beside the reports it is about. Reviews never expire, and reviewing a report
 * makes its stored report permanent too, since together they are evaluation data.
 */
export class ReviewStore {
  private readonly k;

  constructor(
    private readonly redis: Redis,
    config: QueueConfig,
  ) {
    this.k = keys(config);
  }

  async get(key: string): Promise<ReviewState> {
    const [verdicts, added] = await Promise.all([this.redis.hgetall(this.k.review(key)), this.redis.lrange(this.k.reviewAdded(key), 0, -1)]);
    return {
      verdicts: Object.fromEntries(Object.entries(verdicts).map(([id, json]) => [id, JSON.parse(json) as Verdict])),
      added: added.map((json) => JSON.parse(json) as AddedClaim),
    };
  }

  async setVerdict(key: string, attributionId: string, verdict: Verdict): Promise<void> {
    await this.touch(key).hset(this.k.review(key), attributionId, JSON.stringify(verdict)).exec();
  }

  async add(key: string, claim: AddedClaim): Promise<void> {
    await this.touch(key).rpush(this.k.reviewAdded(key), JSON.stringify(claim)).exec();
  }

  /** How many attributions of each report have a verdict. */
  async reviewedCounts(reportKeys: string[]): Promise<number[]> {
    if (!reportKeys.length) return [];
    const pipeline = this.redis.pipeline();
    for (const key of reportKeys) pipeline.hlen(this.k.review(key));
    const results = (await pipeline.exec()) ?? [];
    return results.map(([, n]) => Number(n ?? 0));
  }

  /** Keys of every reviewed report, oldest review first. */
  async reviewedKeys(): Promise<string[]> {
    return this.redis.zrange(this.k.reviewed, 0, -1);
  }

  private touch(key: string) {
    return this.redis.multi().persist(this.k.report(key)).zadd(this.k.reviewed, Date.now(), key);
  }
}
