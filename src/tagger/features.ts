import type { DocView } from '../detect/doc-view.js';
import { cues as lexicon } from '../models/index.js';
import type { Cue, Doc, Span } from '../types.js';
import { hashString, mix } from './hash.js';
import { B, I, O, type Sequence } from './perceptron.js';

/** The three parts of an attribution the tagger finds. */
export type Role = 'cue' | 'source' | 'content';

/** Token-level facts read once per document and shared by every layer's features. */
export interface TokenFacts {
  n: number;
  word: Uint32Array;
  lemma: Uint32Array;
  pos: Uint32Array;
  shape: Uint32Array;
  suffix: Uint32Array;
  /** The word without its inflection ("encouraging", "encouraged" → "encourag"), so that forms share weights. */
  stem: Uint32Array;
  /** The reporting-verb class of the token's lemma (models/cues.json), or 0. */
  cueClass: Uint32Array;
  /**
   * How often the token's stem was inside a gold cue and a gold source in training, as bucketed rates (rates.ts):
   * evidence pooled over rare words, where a word's own weights have seen too few examples. Filled by the model.
   */
  rate: Record<'cue' | 'source', Uint8Array>;
  /** 0 outside quotations, 1 inside, 2 opening mark, 3 closing mark. */
  quote: Uint8Array;
  sentence: Int32Array;
  /** Position in the sentence: 1 first, 2 last, 0 elsewhere; +4 in a paragraph's first sentence. */
  place: Uint8Array;
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** Commas and dashes up to and including each token, to tell whether punctuation separates two tokens. */
  breaks: Int32Array;
  /** Verbs up to and including each token: how many clauses lie between two tokens, roughly. */
  verbs: Int32Array;
  /** The rules' labels per role (O/B/I) and the pattern of the rule behind a cue. */
  rule: Record<Role, Uint8Array>;
  rulePattern: Uint32Array;
}

const SHAPES: Array<[RegExp, string]> = [
  [/^\p{Lu}+$/u, 'X'],
  [/^\p{Lu}/u, 'Xx'],
  [/^\p{Ll}/u, 'x'],
  [/^\p{N}/u, 'd'],
  [/^["“”'‘’«»„]/u, 'q'],
];
const shapeOf = (text: string) => SHAPES.find(([re]) => re.test(text))?.[1] ?? text;

const BREAK = /^[,;:—–-]$/;
const INFLECTION = /(?:ing|ed|es|s|e)$/;

/** Token ranges [from, to) of the labelled runs of a BIO layer. */
export function runs(labels: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === O) continue;
    const from = i;
    while (i + 1 < labels.length && labels[i + 1] === I) i++;
    out.push([from, i + 1]);
  }
  return out;
}

/** Labels a layer of token ranges into BIO form. */
export function bio(n: number, ranges: Array<[number, number]>): Uint8Array {
  const labels = new Uint8Array(n).fill(O);
  for (const [a, b] of ranges) {
    if (b <= a || labels.subarray(a, b).some((l) => l !== O)) continue;
    labels[a] = B;
    for (let i = a + 1; i < b; i++) labels[i] = I;
  }
  return labels;
}

/** `rules`: the rule patterns' cues, which the model reads as features. */
export function tokenFacts(doc: Doc, view: DocView, rules: Cue[]): TokenFacts {
  const { tokens } = doc;
  const n = tokens.length;
  const ranges = (pick: (c: Cue) => Span | null) => rules.flatMap((c) => (pick(c) ? [view.tokenRange(pick(c)!)] : []));
  const f: TokenFacts = {
    n,
    word: new Uint32Array(n),
    lemma: new Uint32Array(n),
    pos: new Uint32Array(n),
    shape: new Uint32Array(n),
    suffix: new Uint32Array(n),
    stem: new Uint32Array(n),
    cueClass: new Uint32Array(n),
    rate: { cue: new Uint8Array(n), source: new Uint8Array(n) },
    quote: new Uint8Array(n),
    sentence: new Int32Array(n),
    place: new Uint8Array(n),
    sentenceStart: new Int32Array(n),
    sentenceEnd: new Int32Array(n),
    breaks: new Int32Array(n),
    verbs: new Int32Array(n),
    rule: { cue: bio(n, ranges((c) => c.cue)), source: bio(n, ranges((c) => c.relative ?? c.mention)), content: bio(n, ranges((c) => c.content)) },
    rulePattern: new Uint32Array(n),
  };
  let breaks = 0;
  let verbs = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    f.word[i] = hashString(t.lower);
    f.lemma[i] = t.lemma === t.lower ? f.word[i] : hashString(t.lemma);
    f.pos[i] = hashString(t.pos);
    f.shape[i] = hashString(shapeOf(t.text));
    f.suffix[i] = hashString(t.lower.slice(-3));
    f.stem[i] = hashString(t.lower.replace(INFLECTION, ''));
    const verb = lexicon.forms.has(t.lower) ? lexicon.verbs.get(t.lemma) : undefined;
    f.cueClass[i] = verb ? hashString(verb.class) : 0;
    f.quote[i] = view.quoteOpening(i) ? 2 : view.quoteClosing(i) ? 3 : view.quoteAt(i) ? 1 : 0;
    if (BREAK.test(t.text)) breaks++;
    f.breaks[i] = breaks;
    if (t.pos === 'VERB') verbs++;
    f.verbs[i] = verbs;
  }
  let paragraph = -1;
  for (const s of doc.sentences) {
    const first = s.paragraph !== paragraph ? 4 : 0;
    paragraph = s.paragraph;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      f.sentence[i] = s.index;
      f.sentenceStart[i] = s.tokenStart;
      f.sentenceEnd[i] = s.tokenEnd;
      f.place[i] = first + (i === s.tokenStart ? 1 : i === s.tokenEnd - 1 ? 2 : 0);
    }
  }
  for (const c of rules) {
    if (!c.cue) continue;
    const [a, b] = view.tokenRange(c.cue);
    for (let i = a; i < b; i++) f.rulePattern[i] = hashString(c.pattern);
  }
  return f;
}

/** Distances in tokens, bucketed so that near positions are told apart and far ones pooled. */
export const bucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 15 ? 6 : d <= 30 ? 7 : d <= 60 ? 8 : 9);

/** Where the nearest cues of a layer sit: per token, the closest cue token before and after it in its sentence. */
interface CueReach {
  left: Int32Array;
  right: Int32Array;
  /** Sentences since the last cue, capped at 3. */
  since: Uint8Array;
  inside: Uint8Array;
}

function cueReach(f: TokenFacts, cueLabels: Uint8Array): CueReach {
  const { n } = f;
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  const since = new Uint8Array(n).fill(3);
  const inside = new Uint8Array(n);
  let last = -1;
  let lastSentence = -10;
  for (let i = 0; i < n; i++) {
    if (i && f.sentence[i] !== f.sentence[i - 1]) last = -1;
    if (cueLabels[i] !== O) {
      inside[i] = 1;
      // the cue's last token: content starts after it
      if (i + 1 >= n || cueLabels[i + 1] !== I) last = i;
      lastSentence = f.sentence[i];
    } else left[i] = last;
    since[i] = Math.min(3, f.sentence[i] - lastSentence);
  }
  let next = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (i + 1 < n && f.sentence[i] !== f.sentence[i + 1]) next = -1;
    if (cueLabels[i] === B) next = i;
    else if (cueLabels[i] === O) right[i] = next;
  }
  return { left, right, since, inside };
}

/**
 * Collects feature hashes position by position into one flat array, sized up front for `perToken` features a
 * position: a long document's sequence runs to megabytes, and growing and trimming copies would allocate it thrice.
 */
class SequenceBuilder {
  private hashes: Uint32Array;
  private size = 0;
  readonly offsets: Uint32Array;
  constructor(n: number, perToken: number) {
    this.offsets = new Uint32Array(n + 1);
    this.hashes = new Uint32Array(Math.max(1, n * perToken));
  }
  add(h: number): void {
    if (this.size === this.hashes.length) {
      const grown = new Uint32Array(this.size * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[this.size++] = h;
  }
  close(i: number): void {
    this.offsets[i + 1] = this.size;
  }
  build(): Sequence {
    return { hashes: this.size === this.hashes.length ? this.hashes : this.hashes.slice(0, this.size), offsets: this.offsets };
  }
}

const NONE = 0x5bd1e995;
const at = (xs: Uint32Array, i: number) => (i >= 0 && i < xs.length ? xs[i] : NONE);
const atLabel = (xs: Uint8Array, i: number) => (i >= 0 && i < xs.length ? xs[i] : 7);

/** How many hashes tokenFeatures and reachFeatures add per token. */
const TOKEN_FEATURES = 33;
const REACH_FEATURES = 15;

/** Features every layer reads: the word and its neighbours, tags, shape, lexicon, quotation, place, the rules. */
function tokenFeatures(out: SequenceBuilder, f: TokenFacts, i: number): void {
  const L = 0;
  out.add(mix(L, 0));
  out.add(mix(L + 1, f.word[i]));
  out.add(mix(L + 2, at(f.word, i - 1)));
  out.add(mix(L + 3, at(f.word, i + 1)));
  out.add(mix(L + 4, at(f.word, i - 2)));
  out.add(mix(L + 5, at(f.word, i + 2)));
  out.add(mix(L + 6, f.lemma[i]));
  out.add(mix(L + 7, f.pos[i]));
  out.add(mix(L + 8, at(f.pos, i - 1)));
  out.add(mix(L + 9, at(f.pos, i + 1)));
  out.add(mix(L + 10, at(f.pos, i - 1), f.pos[i]));
  out.add(mix(L + 11, f.pos[i], at(f.pos, i + 1)));
  out.add(mix(L + 12, f.shape[i], at(f.shape, i - 1)));
  out.add(mix(L + 13, f.suffix[i]));
  out.add(mix(L + 14, f.cueClass[i], at(f.cueClass, i - 1), at(f.cueClass, i + 1)));
  out.add(mix(L + 15, f.quote[i], atLabel(f.quote, i - 1), atLabel(f.quote, i + 1)));
  out.add(mix(L + 16, f.place[i], f.pos[i]));
  out.add(mix(L + 17, f.rule.cue[i], f.rulePattern[i]));
  out.add(mix(L + 18, f.rule.source[i], atLabel(f.rule.source, i - 1)));
  out.add(mix(L + 19, f.rule.content[i], atLabel(f.rule.content, i - 1)));
  out.add(mix(L + 20, f.rule.content[i], atLabel(f.rule.content, i + 1)));
  out.add(mix(L + 21, at(f.word, i - 1), f.word[i]));
  out.add(mix(L + 22, f.word[i], at(f.word, i + 1)));
  out.add(mix(L + 23, f.rule.cue[i], f.rule.source[i], f.rule.content[i]));
  out.add(mix(L + 24, f.stem[i], f.pos[i]));
  out.add(mix(L + 25, f.stem[i], at(f.word, i + 1)));
  out.add(mix(L + 26, at(f.stem, i - 1), f.pos[i]));
  const { cue, source } = f.rate;
  out.add(mix(L + 27, cue[i]));
  out.add(mix(L + 28, cue[i], f.pos[i]));
  out.add(mix(L + 29, atLabel(cue, i - 1), cue[i]));
  out.add(mix(L + 30, cue[i], atLabel(cue, i + 1)));
  out.add(mix(L + 31, source[i], f.pos[i]));
  out.add(mix(L + 32, atLabel(source, i - 1), source[i], atLabel(source, i + 1)));
}

/** Features relative to the nearest cues: direction, distance, what separates them, which cue it is. */
function reachFeatures(out: SequenceBuilder, f: TokenFacts, reach: CueReach, i: number): void {
  const L = 64;
  const { left, right } = reach;
  const dl = left[i] >= 0 ? bucket(i - left[i]) : 10;
  const dr = right[i] >= 0 ? bucket(right[i] - i) : 10;
  const bl = left[i] >= 0 ? Math.min(2, f.breaks[i - 1] - f.breaks[left[i]]) : 3;
  const br = right[i] >= 0 ? Math.min(2, f.breaks[right[i] - 1] - (i ? f.breaks[i - 1] : 0)) : 3;
  out.add(mix(L, reach.inside[i], dl, dr));
  out.add(mix(L + 1, dl, bl, f.pos[i]));
  out.add(mix(L + 2, dr, br, f.pos[i]));
  out.add(mix(L + 3, dl, f.quote[i]));
  out.add(mix(L + 4, dr, f.quote[i]));
  out.add(mix(L + 5, left[i] >= 0 ? f.lemma[left[i]] : NONE, Math.min(dl, 3)));
  out.add(mix(L + 6, right[i] >= 0 ? f.lemma[right[i]] : NONE, Math.min(dr, 3)));
  out.add(mix(L + 7, dl, f.word[i]));
  out.add(mix(L + 8, dr, f.word[i]));
  out.add(mix(L + 9, reach.since[i], f.quote[i], f.place[i]));
  out.add(mix(L + 10, bl, br, reach.inside[i]));
  out.add(mix(L + 11, bucket(f.sentenceEnd[i] - 1 - i), dl, dr));
  out.add(mix(L + 12, bucket(i - f.sentenceStart[i]), dl, dr));
  out.add(mix(L + 13, dl, dr, f.rule.content[i]));
  out.add(mix(L + 14, dl, dr, f.rule.source[i]));
}

/** The features of every token, as the cue layer reads them; each layer has its own weights for them. */
export function tokenSequence(f: TokenFacts): Sequence {
  const out = new SequenceBuilder(f.n, TOKEN_FEATURES);
  for (let i = 0; i < f.n; i++) {
    tokenFeatures(out, f, i);
    out.close(i);
  }
  return out.build();
}

/** The source layer's features: each token's own, then where it stands against the cue layer's cues. */
export function sourceSequence(f: TokenFacts, tokens: Sequence, cueLabels: Uint8Array): Sequence {
  const out = new SequenceBuilder(f.n, TOKEN_FEATURES + REACH_FEATURES);
  const reach = cueReach(f, cueLabels);
  for (let i = 0; i < f.n; i++) {
    for (let k = tokens.offsets[i]; k < tokens.offsets[i + 1]; k++) out.add(tokens.hashes[k]);
    reachFeatures(out, f, reach, i);
    out.close(i);
  }
  return out.build();
}
