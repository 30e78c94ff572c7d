import { tokenize } from '../nlp.js';
import type { Article, Doc } from '../types.js';
import { paragraphs } from './paragraphs.js';
import { quotes } from './quotes.js';
import { sentences } from './sentences.js';

/** Article → one shared document: tokens, paragraphs, sentences and quotations over the same text. */
export function segment(article: Article): Doc {
  const paras = paragraphs(article.text);
  const { tokens, sentences: wink } = tokenize(article.text);
  return {
    ...article,
    tokens,
    paragraphs: paras,
    sentences: sentences(tokens, wink, paras),
    quotes: quotes(article.text, paras),
  };
}
