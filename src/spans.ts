import type { Cue, Span } from './types.js';

export const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
export const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;
/** The smallest span holding both. */
export const union = (a: Span, b: Span): Span => ({ start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) });

/** `span` without the characters matching `edge` at either end. */
export function trimmed(text: string, span: Span, edge = /\s/): Span {
  let { start, end } = span;
  while (start < end && edge.test(text[start])) start++;
  while (end > start && edge.test(text[end - 1])) end--;
  return { start, end };
}

/** Cues in text order: by their cue word, or by their content when they have none. */
export const textOrder = (a: Cue, b: Cue) => (a.cue?.start ?? a.content.start) - (b.cue?.start ?? b.content.start);

/** Claims as a reader meets them: by sentence, then by content. */
export const readingOrder = (a: { sentence: Span; content: Span }, b: { sentence: Span; content: Span }) => a.sentence.start - b.sentence.start || a.content.start - b.content.start;

/** Index of the first of `sorted` (ordered, non-overlapping spans) that ends after `at`. */
export function firstEndingAfter(sorted: Span[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The spans of `sorted` (ordered, non-overlapping) that overlap `span`: a binary search, not a scan. */
export function touching<T extends Span>(sorted: T[], span: Span): T[] {
  const out: T[] = [];
  for (let i = firstEndingAfter(sorted, span.start); i < sorted.length && sorted[i].start < span.end; i++) out.push(sorted[i]);
  return out;
}

/**
 * Items with a span, sorted by start, answering "which items' spans contain or overlap this one" in time
 * proportional to the answer and the longest span, so that long articles stay linear.
 */
export class SpanIndex<T> {
  private readonly items: Array<{ span: Span; item: T }>;
  private readonly longest: number;

  constructor(entries: Array<{ span: Span; item: T }>) {
    this.items = [...entries].sort((a, b) => a.span.start - b.span.start);
    this.longest = this.items.reduce((m, e) => Math.max(m, e.span.end - e.span.start), 0);
  }

  overlapping(span: Span): T[] {
    const out: T[] = [];
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid].span.start < span.end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && this.items[i].span.start >= span.start - this.longest; i--) {
      if (overlap(this.items[i].span, span) > 0 || (span.start === span.end && this.items[i].span.start <= span.start && span.start < this.items[i].span.end)) out.push(this.items[i].item);
    }
    return out;
  }
}
