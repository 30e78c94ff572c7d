import type { Paragraph } from '../types.js';

/** Lines that end without closing punctuation, and hold no sentence break, are headings, datelines or captions. */
const CLOSED = /[.!?;,"”’')\]…]$/;
const BREAK = /[.!?]["”’]?\s/;

export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let at = 0;
  for (const raw of text.split('\n')) {
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (line) out.push({ index: out.length, start: at + lead, end: at + lead + line.length, heading: !CLOSED.test(line) && !BREAK.test(line) });
    at += raw.length + 1;
  }
  return out;
}
