import type { Doc, Quote, Sentence, Span, Token } from '../types.js';

const views = new WeakMap<Doc, DocView>();

/** The view of a document, built once and shared by detect and resolve. */
export function viewOf(doc: Doc): DocView {
  let view = views.get(doc);
  if (!view) views.set(doc, (view = new DocView(doc)));
  return view;
}

const LETTER = /[\p{L}\p{N}]/u;

/** Up to this many tokens back, walking is cheaper than building an index of the document's words. */
const WALK = 4000;

/** Letters and digits in text[start, end); ASCII is settled by its code, the rest by LETTER. */
function countLetters(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
    if (c < 128) {
      if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) n++;
    } else if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      // a surrogate pair: both halves count when the code point is a letter
      if (LETTER.test(text.slice(i, i + 2))) n += 2;
      i++;
    } else if (LETTER.test(text[i])) n++;
  }
  return n;
}

/** Read-only helpers over one segmented document, shared by the cue patterns. */
export class DocView {
  readonly tokens: Token[];
  private readonly quoteOf: Int32Array;
  private readonly closingAt: Map<number, Quote>;
  private byLower?: Map<string, number[]>;

  constructor(readonly doc: Doc) {
    this.tokens = doc.tokens;
    this.closingAt = new Map(doc.quotes.filter((q) => q.closed).map((q) => [q.end, q]));
    this.quoteOf = new Int32Array(doc.tokens.length).fill(-1);
    let q = 0;
    for (const t of doc.tokens) {
      while (q < doc.quotes.length && doc.quotes[q].end <= t.start) q++;
      const quote = doc.quotes[q];
      if (quote && quote.start < t.start && t.end <= quote.end) this.quoteOf[t.index] = q;
      else if (quote && quote.start === t.start) this.quoteOf[t.index] = -2 - q; // the opening mark itself
    }
  }

  /** The quotation a token stands inside (its marks excluded), if any. */
  quoteAt(i: number): Quote | undefined {
    const q = this.quoteOf[i];
    return q >= 0 ? this.doc.quotes[q] : undefined;
  }

  /** The quotation that opens with this token. */
  quoteOpening(i: number): Quote | undefined {
    const q = this.quoteOf[i];
    return q <= -2 ? this.doc.quotes[-2 - q] : undefined;
  }

  /** The quotation that closes with this token. */
  quoteClosing(i: number): Quote | undefined {
    const t = this.tokens[i];
    return t && this.closingAt.get(t.end);
  }

  /** A quotation mark: a double one, or an apostrophe that opens or closes a quotation ('' style). */
  isQuoteMark = (i: number): boolean => {
    const text = this.tokens[i]?.text ?? '';
    if (/^["“”«»„]$/.test(text)) return true;
    return text === "'" && (!!this.quoteClosing(i) || this.quoteOf[i] <= -2 || this.quoteOf[i + 1] <= -2 && this.tokens[i + 1]?.start === this.tokens[i].end);
  };

  /** Token index range [from, to) of the tokens inside a character span. */
  tokenRange(span: Span): [number, number] {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end <= span.start) lo = mid + 1;
      else hi = mid;
    }
    let to = lo;
    while (to < this.tokens.length && this.tokens[to].start < span.end) to++;
    return [lo, to];
  }

  /**
   * Indices from `before - 1` down to `lowest` of the tokens whose lowercase form is `lower`, nearest first. An
   * article is walked back token by token; a long document is indexed once, so that looking back stays linear.
   */
  *earlier(lower: string, before: number, lowest = 0): Generator<number> {
    if (before - lowest <= WALK) {
      for (let i = before - 1; i >= lowest; i--) if (this.tokens[i].lower === lower) yield i;
      return;
    }
    if (!this.byLower) {
      this.byLower = new Map();
      for (const t of this.tokens) {
        const list = this.byLower.get(t.lower);
        if (list) list.push(t.index);
        else this.byLower.set(t.lower, [t.index]);
      }
    }
    const list = this.byLower.get(lower) ?? [];
    let k = list.length - 1;
    while (k >= 0 && list[k] >= before) k--;
    for (; k >= 0 && list[k] >= lowest; k--) yield list[k];
  }

  /** Letters and digits in a span (a letter outside the BMP counts two, as in a string's length). */
  letters(span: Span): number {
    return countLetters(this.doc.text, span.start, span.end);
  }

  charSpan(from: number, to: number): Span {
    return { start: this.tokens[from].start, end: this.tokens[to - 1].end };
  }

  /** Sentence end without its final stop, so that content spans hold only the claim. */
  contentEnd(s: Sentence): number {
    let j = s.tokenEnd - 1;
    while (j > s.tokenStart && /^[.!?;:,]$/.test(this.tokens[j].text)) j--;
    return this.tokens[j].end;
  }
}
