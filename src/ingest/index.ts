import { createHash } from 'node:crypto';
import type { Article } from '../types.js';
import { findBoilerplate } from './boilerplate.js';
import { InputError } from './errors.js';
import { extractHtml, looksLikeHtml } from './html.js';

export { InputError } from './errors.js';
export { detectLanguage, SUPPORTED_LANGUAGES } from './language.js';

export interface ArticleInput {
  /** Plain text, analysed exactly as given. */
  text?: string;
  /** A web page; its extracted article text is what gets analysed. */
  html?: string;
  id?: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** text/HTML → the text to analyse, with page furniture marked. Offsets downstream index `Article.text`. */
export function ingest(input: ArticleInput): Article {
  const raw = input.html ?? input.text;
  if (typeof raw !== 'string') throw new InputError('no article given: pass text or html');
  if (!raw.trim()) throw new InputError('the article is empty');
  const html = input.html !== undefined || looksLikeHtml(raw);
  const { text, title } = html ? extractHtml(raw) : { text: raw, title: undefined };
  if (!text.trim()) throw new InputError('no article text found in the HTML');
  const digest = sha256(raw);
  return {
    id: input.id ?? digest.slice(0, 12),
    sha256: digest,
    text,
    format: html ? 'html' : 'text',
    title,
    boilerplate: findBoilerplate(text),
  };
}
