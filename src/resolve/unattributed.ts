import { overlap, SpanIndex, touching } from '../spans.js';
import type { Doc, Span } from '../types.js';
import type { Claim } from './claims.js';

/** `/\w/.test(s)`, without a regex: this runs for every token of every sentence. */
function hasWordChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95) return true;
  }
  return false;
}

/**
 * Sentences that assert something checkable and cite no one: a verb, and a number, a name or enough
 * words to be a statement. Headings, questions, furniture and quotations are left out.
 */
export function unattributed(doc: Doc, claims: Claim[]): Span[] {
  const out: Span[] = [];
  const attributed = new SpanIndex(claims.map((c) => ({ span: c.sentence, item: c })));
  for (const s of doc.sentences) {
    if (s.heading || touching(doc.boilerplate, s).length) continue;
    if (attributed.overlapping(s).length) continue;
    const text = doc.text.slice(s.start, s.end);
    if (/\?["”’]?$/.test(text)) continue;
    const quoted = touching(doc.quotes, s).reduce((n, q) => n + overlap(q, s), 0);
    if (quoted > 0.5 * (s.end - s.start)) continue;
    const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
    const words = tokens.filter((t) => hasWordChar(t.text)).length;
    const verb = tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
    const specific = tokens.some((t) => t.pos === 'NUM' || (t.pos === 'PROPN' && t.index > s.tokenStart));
    if (verb && words >= 4 && (specific || words >= 8)) out.push({ start: s.start, end: s.end });
  }
  return out;
}
