import { firstEndingAfter, SpanIndex, touching } from '../spans.js';
import type { Doc } from '../types.js';
import type { Claim } from './claims.js';

/** A quotation with no cue continues a speaker quoted in the paragraph right before it, no further. */
const REACH = 1;

/**
 * Quotations that stand alone, with no cue of their own, continue the last speaker: the newspaper
 * convention of a quote paragraph following an attributed one.
 */
export function floatingQuotes(doc: Doc, claims: Claim[]): Claim[] {
  const added: Claim[] = [];
  const covered = new SpanIndex(claims.flatMap((c) => [c.content, c.sentence, ...(c.cue ? [c.cue] : [])].map((span) => ({ span, item: c }))));
  const speakers = [...claims].sort((a, b) => a.content.start - b.content.start);
  let next = 0;
  let latest: Claim | undefined;
  for (const q of doc.quotes) {
    while (next < speakers.length && speakers[next].content.start < q.start) latest = speakers[next++];
    if (covered.overlapping(q).length) continue;
    const sentences = touching(doc.sentences, q);
    const length = sentences.reduce((n, s) => n + s.end - s.start, 0);
    if (!sentences.length || q.end - q.start < 0.6 * length) continue;
    const paragraph = sentences[0].paragraph;
    const previous = doc.sentences[sentences[0].index - 1];
    const opensParagraph = doc.paragraphs[paragraph].start === q.start;
    // "…," said Ellison. "Every cable will be tested twice.": the quote goes on after its cue
    const followsClaim = previous?.paragraph === paragraph && sentences[0].start === q.start && covered.overlapping(previous).length > 0;
    if (!opensParagraph && !followsClaim) continue;
    const last = added.length && added[added.length - 1].content.start > (latest?.content.start ?? -1) ? added[added.length - 1] : latest;
    if (!last || paragraph - paragraphOf(doc, last.content.end - 1) > REACH) continue;
    added.push({
      ...last,
      pattern: 'floating',
      cue: null,
      mention: null,
      content: { start: q.start, end: q.end },
      confidence: Math.round(last.confidence * (last.pattern === 'floating' ? 1 : 0.6) * 100) / 100,
      kind: 'direct',
      hedges: [],
      via: last.via,
      sentence: { start: sentences[0].start, end: sentences[sentences.length - 1].end },
    });
  }
  return added;
}

function paragraphOf(doc: Doc, at: number): number {
  return Math.min(firstEndingAfter(doc.paragraphs, at), doc.paragraphs.length - 1);
}
