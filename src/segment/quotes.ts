import type { Paragraph, Quote } from '../types.js';

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

/** The quotation mark at `i` and how many characters it takes: "''" is the double quote of some newsrooms' style. */
function markAt(text: string, i: number): { c: string; width: number } | null {
  const c = text[i];
  if (c === "'" && text[i + 1] === "'") return { c: '"', width: 2 };
  if (c === '"' || OPENERS.has(c) || CLOSERS.has(c)) return { c, width: 1 };
  return null;
}

/** A straight double quote opens when it starts a word and closes when it ends one. */
function straightOpens(text: string, i: number, width: number): boolean {
  const before = i > 0 ? text[i - 1] : ' ';
  const after = text[i + width] ?? ' ';
  return /\s|[([{—–-]/.test(before) && !/\s/.test(after);
}

function opensAt(text: string, i: number): boolean {
  const m = markAt(text, i);
  return !!m && (OPENERS.has(m.c) || (m.c === '"' && straightOpens(text, i, m.width)));
}

/** A paragraph whose first quotation mark closes: the quote before it ran on without the reopening mark. */
function closesFirst(text: string, p: Paragraph): boolean {
  for (let i = p.start; i < p.end; i++) {
    const m = markAt(text, i);
    if (!m) continue;
    if (CLOSERS.has(m.c)) return true;
    if (OPENERS.has(m.c)) return false;
    return !straightOpens(text, i, m.width);
  }
  return false;
}

/**
 * Quotations, following the newspaper convention that a quote running over several paragraphs leaves
 * each paragraph open and reopens the next one with a fresh opening mark.
 */
export function quotes(text: string, paras: Paragraph[]): Quote[] {
  const found: Quote[] = [];
  let open = -1;
  paras.forEach((p, k) => {
    for (let i = p.start; i < p.end; i++) {
      const m = markAt(text, i);
      if (!m) continue;
      if (open < 0) {
        if (opensAt(text, i)) open = i;
      } else if (CLOSERS.has(m.c) || (m.c === '"' && !straightOpens(text, i, m.width))) {
        found.push({ start: open, end: i + m.width, closed: true });
        open = -1;
      } else if (i === p.start) {
        // the reopening mark of a quote carried over from the previous paragraph
      } else if (OPENERS.has(m.c)) {
        found.push({ start: open, end: i, closed: false });
        open = i;
      }
      i += m.width - 1;
    }
    const next = paras[k + 1];
    if (open >= 0 && !(next && (opensAt(text, next.start) || closesFirst(text, next)))) {
      found.push({ start: open, end: p.end, closed: false });
      open = -1;
    }
  });
  return found;
}
