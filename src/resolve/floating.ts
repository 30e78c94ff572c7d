import type { Doc, Span } from '../types.js';
import type { Claim } from './claims.js';

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
/** A quotation with no cue continues a speaker quoted in the paragraph right before it, no further. */
const REACH = 1;

/**
 * Quotations that stand alone, with no cue of their own, continue the last speaker: the newspaper
 * convention of a quote paragraph following an attributed one.
 */
export function floatingQuotes(doc: Doc, claims: Claim[]): Claim[] {
  const added: Claim[] = [];
  for (const q of doc.quotes) {
    if (claims.some((c) => overlap(c.content, q) > 0 || (c.cue && overlap(c.cue, q) > 0) || overlap(c.sentence, q) > 0)) continue;
    const sentences = doc.sentences.filter((s) => overlap(s, q) > 0);
    const length = sentences.reduce((n, s) => n + s.end - s.start, 0);
    if (!sentences.length || q.end - q.start < 0.6 * length) continue;
    const paragraph = sentences[0].paragraph;
    const previous = doc.sentences[sentences[0].index - 1];
    const opensParagraph = doc.paragraphs[paragraph].start === q.start;
    // "…," said Ellison. "Every cable will be tested twice.": the quote goes on after its cue
    const followsClaim = previous?.paragraph === paragraph && sentences[0].start === q.start && claims.some((c) => overlap(c.sentence, previous) > 0);
    if (!opensParagraph && !followsClaim) continue;
    const speaker = [...claims, ...added]
      .filter((c) => c.content.start < q.start && paragraph - paragraphOf(doc, c.content.end - 1) <= REACH)
      .sort((a, b) => b.content.start - a.content.start)[0];
    if (!speaker) continue;
    added.push({
      ...speaker,
      pattern: 'floating',
      cue: null,
      mention: null,
      content: { start: q.start, end: q.end },
      confidence: Math.round(speaker.confidence * 0.6 * 100) / 100,
      kind: 'direct',
      hedges: [],
      via: speaker.via,
      sentence: { start: sentences[0].start, end: sentences[sentences.length - 1].end },
    });
  }
  return added;
}

function paragraphOf(doc: Doc, at: number): number {
  const p = doc.paragraphs.findIndex((x) => x.start <= at && at <= x.end);
  return p < 0 ? 0 : p;
}
