import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../src/paths.js';

export interface Corpus {
  articles: Array<{ id: string; text: string }>;
  bytes: number;
  note: string;
}

const POLNEAR = join(PACKAGE_ROOT, '..', 'shared', 'eval', 'polnear', 'train', 'text');

/**
 * At least `minBytes` of news: samples/ plus, when present, PolNeAR's train texts, repeated as needed.
 * Each copy gets its own last line so that the queue sees distinct articles (its ids are content hashes).
 */
export function buildCorpus(minBytes: number): Corpus {
  const base: string[] = [];
  const samples = join(PACKAGE_ROOT, 'samples');
  for (const f of readdirSync(samples).filter((f) => f.endsWith('.txt')).sort()) base.push(readFileSync(join(samples, f), 'utf8'));
  const polnear = existsSync(POLNEAR);
  if (polnear) for (const f of readdirSync(POLNEAR).sort()) base.push(readFileSync(join(POLNEAR, f), 'utf8'));
  const articles: Corpus['articles'] = [];
  let bytes = 0;
  for (let copy = 0; bytes < minBytes; copy++) {
    for (const text of base) {
      const t = copy ? `${text}\n\nCopy ${copy}.` : text;
      articles.push({ id: `bench-${articles.length}`, text: t });
      bytes += Buffer.byteLength(t);
      if (bytes >= minBytes) break;
    }
  }
  const note = polnear ? `samples/ and ${base.length - 3} PolNeAR train texts from ../shared/eval` : 'samples/ only: ../shared/eval/polnear is absent here';
  return { articles, bytes, note };
}
