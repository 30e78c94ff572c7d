import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { QueueClient } from '../queue/client.js';
import { goldOf } from './gold.js';
import { ReviewStore } from './store.js';

/** A file name from a document id: letters, digits, dot, dash and underscore only. */
const fileId = (id: string) => id.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '').slice(0, 100) || 'article';

/**
 * Writes every reviewed article as `<id>.txt` and `<id>.gold.json` into `dir`, so that score.mjs scores the
 * engine against the reviewers. Returns the articles written and the reviews whose report is gone.
 */
export async function exportReviews(client: QueueClient, dir: string): Promise<{ written: string[]; missing: string[] }> {
  const reviews = new ReviewStore(client.redis, client.config);
  const keys = await reviews.reviewedKeys();
  const reports = await client.store.getMany(keys);
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const missing: string[] = [];
  for (const [i, key] of keys.entries()) {
    const report = reports[i];
    if (!report?.document.text) {
      missing.push(key);
      continue;
    }
    let id = fileId(report.document.id);
    for (let n = 2; written.includes(id); n++) id = `${fileId(report.document.id)}-${n}`;
    const gold = goldOf(id, report, await reviews.get(key));
    writeFileSync(join(dir, gold.text), report.document.text);
    writeFileSync(join(dir, `${id}.gold.json`), JSON.stringify(gold, null, 2) + '\n');
    written.push(id);
  }
  return { written, missing };
}
