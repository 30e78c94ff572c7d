import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { cues } from './models/index.js';
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

export interface Tokenized {
  tokens: Token[];
  /** Wink's sentence boundaries as token index ranges [start, end). */
  sentences: Array<[number, number]>;
}

/** Tokens with character offsets, found in order in `text` so that they index it exactly. */
export function tokenize(text: string): Tokenized {
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const tags = all.out(its.pos) as string[];
  const tokens: Token[] = [];
  const keep = new Int32Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    const start = text.indexOf(value, at);
    at = start + value.length;
    if (tags[i] === 'SPACE') {
      keep[i] = -1;
      continue;
    }
    keep[i] = tokens.length;
    // Acronyms such as WHO or AFP are names, whatever the tagger guessed from their lowercase twins.
    const pos = startsUpper(value) && ACRONYM.test(value) ? 'PROPN' : tags[i];
    const lower = value.toLowerCase();
    // the engine needs lemmas only to find reporting verbs: a table of their forms spares wink's lemmatiser
    tokens.push({ index: tokens.length, start, end: at, text: value, lower, lemma: cues.forms.get(lower) ?? lower, pos });
  }
  const sentences: Array<[number, number]> = [];
  doc.sentences().each((s: { out: (x: unknown) => unknown }) => {
    const [first, last] = s.out(its.span) as [number, number];
    let a = first;
    while (a <= last && keep[a] < 0) a++;
    let b = last;
    while (b >= a && keep[b] < 0) b--;
    if (a <= b) sentences.push([keep[a], keep[b] + 1]);
  });
  for (const [a, b] of sentences) for (let i = a + 1; i < b; i++) if (midSentenceName(tokens, i)) tokens[i].pos = 'PROPN';
  return { tokens, sentences };
}
