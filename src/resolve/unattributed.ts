import type { Doc, Span } from '../types.js';
import type { Claim } from './claims.js';

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Sentences that assert something checkable and cite no one: a verb, and a number, a name or enough
 * words to be a statement. Headings, questions, furniture and quotations are left out.
 */
export function unattributed(doc: Doc, claims: Claim[]): Span[] {
  const out: Span[] = [];
  for (const s of doc.sentences) {
    if (s.heading || doc.boilerplate.some((b) => overlap(b, s) > 0)) continue;
    if (claims.some((c) => overlap(c.sentence, s) > 0)) continue;
    const text = doc.text.slice(s.start, s.end);
    if (/\?["”’]?$/.test(text)) continue;
    const quoted = doc.quotes.reduce((n, q) => n + overlap(q, s), 0);
    if (quoted > 0.5 * (s.end - s.start)) continue;
    const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
    const words = tokens.filter((t) => /\w/.test(t.text)).length;
    const verb = tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX');
    const specific = tokens.some((t) => t.pos === 'NUM' || (t.pos === 'PROPN' && t.index > s.tokenStart));
    if (verb && words >= 4 && (specific || words >= 8)) out.push({ start: s.start, end: s.end });
  }
  return out;
}
