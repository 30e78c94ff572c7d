import { statSync } from 'node:fs';
import { InputError } from '../ingest/errors.js';
import { articleFiles, checkSize, decodeText, readArticleFile } from '../ingest/file.js';
import type { ArticleInput } from '../ingest/index.js';

/** One article to analyse, read lazily so that a bad file fails alone. */
export interface Job {
  label: string;
  read: () => ArticleInput;
}

async function readStdin(maxBytes: number): Promise<ArticleInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    checkSize(size, 'standard input', maxBytes);
    chunks.push(chunk as Buffer);
  }
  const text = decodeText(Buffer.concat(chunks), 'standard input');
  return { text, id: 'stdin' };
}

/** Files, folders (their files, in name order) and "-" for standard input → jobs. */
export async function expandInputs(paths: string[], maxBytes: number): Promise<Job[]> {
  const jobs: Job[] = [];
  for (const path of paths) {
    if (path === '-') {
      const input = await readStdin(maxBytes).catch((e: unknown) => e as Error);
      jobs.push({ label: 'stdin', read: () => { if (input instanceof Error) throw input; return input; } });
      continue;
    }
    let stat;
    try {
      stat = statSync(path);
    } catch {
      jobs.push({ label: path, read: () => { throw new InputError(`${path}: no such file or folder`); } });
      continue;
    }
    const files = stat.isDirectory() ? articleFiles(path) : [path];
    for (const file of files) jobs.push({ label: file, read: () => readArticleFile(file, maxBytes) });
  }
  return jobs;
}
