import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from './errors.js';
import type { ArticleInput } from './index.js';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Decodes bytes as UTF-8 text, refusing what is not text at all. */
export function decodeText(bytes: Uint8Array, what: string): string {
  if (bytes.length === 0) throw new InputError(`${what} is empty`);
  if (bytes.subarray(0, 8192).includes(0)) throw new InputError(`${what} is a binary file, not text or HTML`);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`${what} is not valid UTF-8 text`);
  }
}

export function checkSize(bytes: number, what: string, maxBytes: number): void {
  if (bytes > maxBytes) throw new InputError(`${what} is ${mb(bytes)}, over the ${mb(maxBytes)} limit (raise it with --max-bytes)`);
}

/** The article files of a folder, in name order: every visible regular file (a bad one is reported when read). */
export function articleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && !d.name.startsWith('.'))
    .map((d) => join(dir, d.name))
    .sort();
}

/** Reads one article file; the size is checked before any byte is read. */
export function readArticleFile(path: string, maxBytes = DEFAULT_MAX_BYTES): ArticleInput {
  const what = basename(path);
  checkSize(statSync(path).size, what, maxBytes);
  const text = decodeText(readFileSync(path), what);
  const id = basename(path, extname(path));
  return /\.x?html?$/i.test(path) ? { html: text, id } : { text, id };
}
