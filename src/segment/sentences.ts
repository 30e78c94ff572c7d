import type { Paragraph, Sentence, Token } from '../types.js';

const CLOSING_QUOTE = /^["”’']$/;
const ABBREVIATION = /^(?:[A-Za-z]\.){2,}$|^(?:mr|mrs|ms|dr|prof|gen|col|lt|sgt|st|sen|rep|gov|dept|corp|inc|co|no|vs|jr|sr)\.$/i;

/** A parenthesis left open by one piece and closed by the next: a stray "(" joins nothing. */
function insideParentheses(tokens: Token[], prev: [number, number], next: [number, number]): boolean {
  let depth = 0;
  for (let i = prev[0]; i < prev[1]; i++) depth += tokens[i].text === '(' ? 1 : tokens[i].text === ')' ? -1 : 0;
  if (depth <= 0) return false;
  for (let i = next[0]; i < next[1]; i++) if (tokens[i].text === ')') return true;
  return false;
}

/** Where wink left a sentence open across a line break, or cut one that a quote-and-cue keeps whole. */
function shouldJoin(tokens: Token[], prev: [number, number], next: [number, number]): boolean {
  const first = tokens[next[0]];
  const last = tokens[prev[1] - 1];
  const before = tokens[prev[1] - 2];
  // wink splits "Dept." into "Dept" and "."
  const lastWord = last.text === '.' && before && before.end === last.start ? `${before.text}.` : last.text;
  // "…a hundred years." - Lena Morales: a signature belongs to its quotation
  if (/^[-–—]$/.test(first.text)) return CLOSING_QUOTE.test(last.text);
  // "Rep. Dana Hollis (R-Ohio) said": no sentence ends inside parentheses
  if (insideParentheses(tokens, prev, next)) return true;
  if (!/^[a-z]/.test(first.text)) return false;
  // "Is it over?" asked Smith.  /  ...the U.S. said so.  /  Secunia.com has said
  return last.end === first.start || CLOSING_QUOTE.test(last.text) || ABBREVIATION.test(lastWord) || !/^[.!?]$/.test(last.text);
}

/**
 * Claims, contents and hedges are read within a sentence, at a cost that grows with the square of its length; a
 * text with no full stops (a transcript, a pasted table) would be one sentence and take hours. No sentence of the
 * PolNeAR or dev texts runs past 222 tokens, so a longer one is cut, after the last comma or semicolon in the
 * second half of each stretch where there is one.
 */
const MAX_SENTENCE_TOKENS = 400;

function capped(tokens: Token[], a: number, b: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  while (b - a > MAX_SENTENCE_TOKENS) {
    let cut = a + MAX_SENTENCE_TOKENS;
    for (let i = cut - 1; i > a + MAX_SENTENCE_TOKENS / 2; i--) {
      if (tokens[i].text === ',' || tokens[i].text === ';') {
        cut = i + 1;
        break;
      }
    }
    out.push([a, cut]);
    a = cut;
  }
  out.push([a, b]);
  return out;
}

/** Sentences from wink's boundaries, cut at paragraph ends and repaired where a quote or abbreviation misled it. */
export function sentences(tokens: Token[], winkSentences: Array<[number, number]>, paras: Paragraph[]): Sentence[] {
  const paraOf = new Int32Array(tokens.length);
  let p = 0;
  for (const t of tokens) {
    while (p < paras.length - 1 && t.start >= paras[p].end) p++;
    paraOf[t.index] = p;
  }
  const pieces: Array<[number, number]> = [];
  for (const [a, b] of winkSentences) {
    let s = a;
    for (let i = a + 1; i < b; i++) {
      if (paraOf[i] !== paraOf[i - 1]) {
        pieces.push([s, i]);
        s = i;
      }
    }
    pieces.push([s, b]);
  }
  const joined: Array<[number, number]> = [];
  for (const piece of pieces) {
    const prev = joined[joined.length - 1];
    if (prev && paraOf[prev[0]] === paraOf[piece[0]] && shouldJoin(tokens, prev, piece)) prev[1] = piece[1];
    else joined.push([...piece]);
  }
  return joined.flatMap(([a, b]) => capped(tokens, a, b)).map(([a, b], index) => ({
    index,
    start: tokens[a].start,
    end: tokens[b - 1].end,
    tokenStart: a,
    tokenEnd: b,
    paragraph: paraOf[a],
    heading: paras[paraOf[a]].heading,
  }));
}
