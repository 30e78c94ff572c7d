import type { Paragraph, Quote } from '../types.js';

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

/** A straight double quote opens when it starts a word and closes when it ends one. */
function straightOpens(text: string, i: number): boolean {
  const before = i > 0 ? text[i - 1] : ' ';
  const after = text[i + 1] ?? ' ';
  if (/\s|[([{—–-]/.test(before)) return !/\s/.test(after);
  return false;
}

function opensAt(text: string, i: number): boolean {
  return OPENERS.has(text[i]) || (text[i] === '"' && straightOpens(text, i));
}

/** A paragraph whose first quotation mark closes: the quote before it ran on without the reopening mark. */
function closesFirst(text: string, p: Paragraph): boolean {
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (CLOSERS.has(c)) return true;
    if (OPENERS.has(c)) return false;
    if (c === '"') return !straightOpens(text, i);
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
      const c = text[i];
      if (c !== '"' && !OPENERS.has(c) && !CLOSERS.has(c)) continue;
      if (open < 0) {
        if (opensAt(text, i)) open = i;
      } else if (CLOSERS.has(c) || (c === '"' && !straightOpens(text, i))) {
        found.push({ start: open, end: i + 1, closed: true });
        open = -1;
      } else if (i === p.start) {
        // the reopening mark of a quote carried over from the previous paragraph
      } else if (OPENERS.has(c)) {
        found.push({ start: open, end: i, closed: false });
        open = i;
      }
    }
    const next = paras[k + 1];
    if (open >= 0 && !(next && (opensAt(text, next.start) || closesFirst(text, next)))) {
      found.push({ start: open, end: p.end, closed: false });
      open = -1;
    }
  });
  return found;
}
