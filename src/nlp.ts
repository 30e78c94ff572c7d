import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { cues, sources } from './models/index.js';
import type { Token } from './types.js';

/** wink-nlp is built once per process: loading the model costs far more than reading an article. */
const nlp = winkNLP(model, ['sbd', 'pos']);
// wink's typings do not accept its.pos as an out() argument on token collections.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const its = nlp.its as any;

const ACRONYM = /^[A-Z][A-Z0-9]{1,5}$/;
/** Most tokens are lower-case: a character code settles them before any regex runs. */
const startsUpper = (s: string) => {
  const c = s.charCodeAt(0);
  return c >= 65 && c <= 90;
};

/** "Yvette Cooper said": inside a sentence a capitalised word is a name, whatever the tagger guessed ("Cooper/VERB"). */
function midSentenceName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!startsUpper(t.text)) return false;
  const prev = tokens[i - 1];
  if (!/^[A-Z][a-z]/.test(t.text) || t.pos === 'PROPN' || t.pos === 'PRON' || t.pos === 'DET') return false;
  return !/^["“'‘:(\[—–-]$/.test(prev.text) && prev.end < t.start;
}

/**
 * "Lynch said …", "“…,” Lynch said", "Ford itself said …": a capitalised verb opening its sentence [start, end) or
 * closing a quotation, right before a finite reporting verb in the same sentence (past an intensifier), is its
 * speaker's name.
 */
function speakerName(tokens: Token[], i: number, start: number, end: number): boolean {
  if (i + 1 >= end || (i > start && !closesQuotation(tokens, i - 1))) return false;
  const t = tokens[i];
  const next = tokens[i + 1] && sources.intensifiers.has(tokens[i + 1].lower) && i + 2 < end ? tokens[i + 2] : tokens[i + 1];
  return t.pos === 'VERB' && /^[A-Z][a-z]/.test(t.text) && next.pos === 'VERB' && cues.forms.has(next.lower) && !next.lower.endsWith('ing');
}

/** A closing quotation mark: a curly one, or a straight one right after the quotation's last punctuation ("…,\""). */
function closesQuotation(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (t.text === '”' || t.text === '’') return true;
  const before = tokens[i - 1];
  return (t.text === '"' || t.text === "'") && before !== undefined && before.end === t.start && /^[,.?!—–-]$/.test(before.text);
}

/**
 * "Trump's" as wink returns it once it has met the word whole ("It was Trump's."): its cache of words outlives the
 * document, so the same article would split differently after others. Split the way wink does on first sight.
 */
function possessor(value: string): string | null {
  const n = value.length;
  if (n < 3 || (value.charCodeAt(n - 1) | 32) !== 115) return null; // s or S
  const mark = value.charCodeAt(n - 2);
  return (mark === 39 || mark === 0x2019) && /\p{L}/u.test(value[n - 3]) ? value.slice(0, n - 2) : null;
}

export interface Tokenized {
  tokens: Token[];
  /** Wink's sentence boundaries as token index ranges [start, end). */
  sentences: Array<[number, number]>;
}

/**
 * wink reads a long text more slowly per word than a short one (a 160 KB text costs it half again as much per
 * word as 16 KB), so a long text goes to it in pieces that end at a line break. Every line is a paragraph and
 * sentences never cross paragraphs, so the pieces change no sentence; an article up to this size is one piece.
 */
const PIECE = 8_000;

/**
 * wink's tokeniser takes time that grows with the square of a word's length (a 16,000-character run of letters,
 * dashes or base64 costs it 0.2 to 1.3 s, 200,000 characters 40 s), so a run of more than this many non-space
 * characters (a data blob, a rule of dashes, a pasted URL) never reaches it: it is one token of its own, a
 * sentence alone.
 */
const LONG_RUN = 256;

/** What `\s` matches, by character code. */
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** Tokens with character offsets, found in order in `text` so that they index it exactly. */
export function tokenize(text: string): Tokenized {
  const out: Tokenized = { tokens: [], sentences: [] };
  for (let start = 0; start < text.length; ) {
    const cut = start + PIECE < text.length ? text.indexOf('\n', start + PIECE) : -1;
    const end = cut < 0 ? text.length : cut + 1;
    readPiece(text, start, end, out);
    start = end;
  }
  for (const [a, b] of out.sentences) {
    for (let i = a; i < b; i++) if ((i > a && midSentenceName(out.tokens, i)) || speakerName(out.tokens, i, a, b)) out.tokens[i].pos = 'PROPN';
  }
  return out;
}

function addToken({ tokens }: Tokenized, value: string, start: number, pos: string): void {
  const lower = value.toLowerCase();
  // the engine needs lemmas only to find reporting verbs: a table of their forms spares wink's lemmatiser
  tokens.push({ index: tokens.length, start, end: start + value.length, text: value, lower, lemma: cues.forms.get(lower) ?? lower, pos });
}

/**
 * text[from, to), its long runs taken out whole and the rest read by wink. Such a run holds one of every
 * LONG_RUN / 2 characters, so only those are looked at, each grown to the run around it.
 */
function readPiece(text: string, from: number, to: number, out: Tokenized): void {
  let at = from;
  for (let p = from; p < to; p += LONG_RUN / 2) {
    if (isSpace(text.charCodeAt(p))) continue;
    let start = p;
    while (start > at && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = p + 1;
    while (end < to && !isSpace(text.charCodeAt(end))) end++;
    if (end - start <= LONG_RUN) continue;
    if (start > at) readWink(text, at, start, out);
    out.sentences.push([out.tokens.length, out.tokens.length + 1]);
    addToken(out, text.slice(start, end), start, 'X');
    at = p = end;
  }
  if (to > at) readWink(text, at, to, out);
}

/** wink's tokens and sentences of text[from, to), appended to `out` with offsets into the whole text. */
function readWink(text: string, from: number, to: number, out: Tokenized): void {
  const doc = nlp.readDoc(text.slice(from, to));
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  const { tokens, sentences } = out;
  // each wink token's first and one-past-last token of ours: a possessive may become two
  const keep = new Int32Array(values.length);
  const after = new Int32Array(values.length);
  let at = from;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = text.indexOf(value, at);
    at = start + value.length;
    const space = tags[i] === 'SPACE';
    keep[i] = space ? -1 : tokens.length;
    if (!space) {
      // Acronyms such as WHO or AFP are names, whatever the tagger guessed from their lowercase twins.
      const pos = startsUpper(value) && ACRONYM.test(value) ? 'PROPN' : tags[i];
      const owner = possessor(value);
      if (owner) {
        // wink tags a word it met whole as a name; on first sight it tags "nation" in "nation's" a noun
        addToken(out, owner, start, pos === 'PROPN' && !startsUpper(owner) ? 'NOUN' : pos);
        addToken(out, value.slice(owner.length), start + owner.length, 'PART');
      } else addToken(out, value, start, pos);
    }
    after[i] = tokens.length;
  }
  doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as [number, number];
    let a = first;
    while (a <= last && keep[a] < 0) a++;
    let b = last;
    while (b >= a && keep[b] < 0) b--;
    if (a <= b) sentences.push([keep[a], after[b]]);
  });
}
