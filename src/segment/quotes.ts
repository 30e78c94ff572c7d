import type { Paragraph, Quote } from '../types.js';

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

interface Mark {
  at: number;
  c: string;
  width: number;
}

/** Quotation marks; "''" is the double quote of some newsrooms' style. */
const MARKS = /''|["“”«»„]/g;

/** Every quotation mark of the text, in one regex scan rather than a look at every character. */
function marksOf(text: string): Mark[] {
  return [...text.matchAll(MARKS)].map((m) => ({ at: m.index, c: m[0] === "''" ? '"' : m[0], width: m[0].length }));
}

/** A straight double quote opens when it starts a word and closes when it ends one. */
function straightOpens(text: string, i: number, width: number): boolean {
  const before = i > 0 ? text[i - 1] : ' ';
  const after = text[i + width] ?? ' ';
  return /\s|[([{—–-]/.test(before) && !/\s/.test(after);
}

const opens = (text: string, m: Mark | undefined) => !!m && (OPENERS.has(m.c) || (m.c === '"' && straightOpens(text, m.at, m.width)));

/** ”Like this”: a closing mark that starts a paragraph with no quotation open can only be a misprinted opening one. */
const misprintedOpener = (text: string, m: Mark, p: Paragraph) => m.at === p.start && CLOSERS.has(m.c) && /\S/.test(text[m.at + m.width] ?? ' ');

/** A paragraph whose first quotation mark closes: the quote before it ran on without the reopening mark. */
function closesFirst(text: string, first: Mark | undefined): boolean {
  if (!first || OPENERS.has(first.c)) return false;
  return CLOSERS.has(first.c) || !straightOpens(text, first.at, first.width);
}

/**
 * Quotations, following the newspaper convention that a quote running over several paragraphs leaves
 * each paragraph open and reopens the next one with a fresh opening mark.
 */
export function quotes(text: string, paras: Paragraph[]): Quote[] {
  const found: Quote[] = [];
  const marks = marksOf(text);
  // the marks of each paragraph, by one walk over both lists
  const within: Mark[][] = [];
  let next = 0;
  for (const p of paras) {
    while (next < marks.length && marks[next].at < p.start) next++;
    const own: Mark[] = [];
    for (; next < marks.length && marks[next].at < p.end; next++) own.push(marks[next]);
    within.push(own);
  }
  let open = -1;
  paras.forEach((p, k) => {
    for (const m of within[k]) {
      const i = m.at;
      if (open < 0) {
        if (opens(text, m) || misprintedOpener(text, m, p)) open = i;
      } else if (CLOSERS.has(m.c) || (m.c === '"' && !straightOpens(text, i, m.width))) {
        found.push({ start: open, end: i + m.width, closed: true });
        open = -1;
      } else if (i === p.start) {
        // the reopening mark of a quote carried over from the previous paragraph
      } else if (OPENERS.has(m.c)) {
        found.push({ start: open, end: i, closed: false });
        open = i;
      }
    }
    const after = within[k + 1]?.[0];
    const reopens = after !== undefined && after.at === paras[k + 1].start && opens(text, after);
    if (open >= 0 && !(paras[k + 1] && (reopens || closesFirst(text, after)))) {
      found.push({ start: open, end: p.end, closed: false });
      open = -1;
    }
  });
  return found;
}
