import { bucket, type TokenFacts } from './features.js';
import { mix } from './hash.js';
import { average } from './perceptron.js';

/**
 * The content of one cue as two pointers, its first and its last token, each chosen among the tokens around
 * the cue by a linear score over hashed features (a perceptron over positions). Boundaries decided per cue
 * keep neighbouring claims apart, where a token tagger runs one into the next. The best starts and ends are then
 * paired and scored again as whole spans.
 */

/** How far the pointers look: sentences before the cue for a start, after it for an end. */
const BACK_SENTENCES = 1;
const AHEAD_SENTENCES = 3;
const MAX_TOKENS = 300;

export interface PointerWeights {
  bits: number;
  start: Float32Array;
  end: Float32Array;
}

export const emptyPointers = (bits: number): PointerWeights => ({ bits, start: new Float32Array(1 << bits), end: new Float32Array(1 << bits) });

/** A cue as a token range [from, to). */
export type TokenRange = [number, number];

/** What the pointers read: the token facts and the source layer's labels, with a running count of them. */
export interface PointerContext {
  facts: TokenFacts;
  source: Uint8Array;
  sourceCount: Int32Array;
  /** Running count of the cue layer's cue starts: a content rarely runs over another cue. */
  cueCount: Int32Array;
  /** Running counts of opening and closing quotation marks: a content holds its quotations whole. */
  opens: Int32Array;
  closes: Int32Array;
  /** Each token's cue-independent features as a start and as an end. */
  own: { start: Uint32Array; end: Uint32Array };
}

export function pointerContext(facts: TokenFacts, cues: Uint8Array, source: Uint8Array): PointerContext {
  const sourceCount = new Int32Array(facts.n + 1);
  const cueCount = new Int32Array(facts.n + 1);
  const opens = new Int32Array(facts.n + 1);
  const closes = new Int32Array(facts.n + 1);
  for (let i = 0; i < facts.n; i++) {
    sourceCount[i + 1] = sourceCount[i] + (source[i] ? 1 : 0);
    cueCount[i + 1] = cueCount[i] + (cues[i] === 1 ? 1 : 0);
    opens[i + 1] = opens[i] + (facts.quote[i] === 2 ? 1 : 0);
    closes[i + 1] = closes[i] + (facts.quote[i] === 3 ? 1 : 0);
  }
  const context = { facts, source, sourceCount, cueCount, opens, closes, own: { start: new Uint32Array(facts.n * START_OWN), end: new Uint32Array(facts.n * END_OWN) } };
  for (let p = 0; p < facts.n; p++) {
    startOwn(context, p, context.own.start, p * START_OWN);
    endOwn(context, p, context.own.end, p * END_OWN);
  }
  return context;
}

/** How many verbs lie between a token and the cue (0 to 3): a content that is an object ends before the next clause. */
function verbsBetween(f: TokenFacts, [from, to]: TokenRange, p: number): number {
  const n = p < from ? f.verbs[from - 1] - f.verbs[p] : p >= to ? f.verbs[p] - f.verbs[to - 1] : 0;
  return Math.min(3, n);
}

/** How many other cues start between a token and the cue (0, 1, 2 or more). */
function cuesBetween(c: PointerContext, [from, to]: TokenRange, p: number): number {
  const n = p < from ? c.cueCount[from] - c.cueCount[p + 1] : p >= to ? c.cueCount[p + 1] - c.cueCount[to] : 0;
  return Math.min(2, n);
}

/** Whether a source token lies strictly between a token and the cue: content rarely runs over its source. */
function sourceBetween(c: PointerContext, [from, to]: TokenRange, p: number): number {
  if (p < from) return c.sourceCount[from] - c.sourceCount[p + 1] > 0 ? 1 : 0;
  if (p >= to) return c.sourceCount[p] - c.sourceCount[to] > 0 ? 1 : 0;
  return 2;
}

const NONE = 0x27d4eb2d;
const at = (xs: Uint32Array | Uint8Array, i: number) => (i >= 0 && i < xs.length ? xs[i] : NONE);

/** Which side of the cue a token is on and how far, in tokens and in sentences. */
function relation(f: TokenFacts, [from, to]: TokenRange, p: number): [number, number, number] {
  const side = p < from ? 0 : p >= to ? 2 : 1;
  const distance = side === 0 ? from - p : side === 2 ? p - to + 1 : 0;
  const sentences = Math.max(-3, Math.min(3, f.sentence[p] - f.sentence[from]));
  return [side, bucket(distance), sentences + 3];
}

function between(f: TokenFacts, a: number, b: number): number {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return Math.min(3, f.breaks[hi] - (lo ? f.breaks[lo] : 0));
}

/** Salts that move a cue-independent feature to its own bucket for each side of the cue. */
const SIDE_SALTS = [0x1b873593, 0x5bd1e995, 0x68e31da4];

/** Features of a token as a start, whatever the cue: hashed once per document. */
function startOwn(c: PointerContext, p: number, out: Uint32Array, k: number): void {
  const f = c.facts;
  const newRun = f.rule.content[p] === 1 ? 1 : f.rule.content[p] === 2 ? 2 : 0;
  out[k] = mix(902, f.word[p]);
  out[k + 1] = mix(903, at(f.word, p - 1));
  out[k + 2] = mix(904, f.pos[p], at(f.pos, p - 1));
  out[k + 3] = mix(905, f.quote[p], at(f.quote, p - 1));
  out[k + 4] = mix(907, newRun, at(f.rule.content, p - 1));
  out[k + 5] = mix(912, at(f.word, p - 1), f.word[p]);
  out[k + 6] = mix(913, f.rule.cue[p], at(f.rule.cue, p - 1));
  out[k + 7] = mix(914, at(f.shape, p), at(f.place, p - 1));
  out[k + 8] = mix(915, at(c.source, p - 1), c.source[p]);
}

/** Features of a token as an end, whatever the cue. */
function endOwn(c: PointerContext, p: number, out: Uint32Array, k: number): void {
  const f = c.facts;
  const runEnds = f.rule.content[p] !== 0 && at(f.rule.content, p + 1) !== 2 ? 1 : 0;
  out[k] = mix(952, f.word[p]);
  out[k + 1] = mix(953, at(f.word, p + 1));
  out[k + 2] = mix(954, f.pos[p], at(f.pos, p + 1));
  out[k + 3] = mix(955, f.quote[p], at(f.quote, p + 1));
  out[k + 4] = mix(957, runEnds, f.rule.content[p]);
  out[k + 5] = mix(962, f.word[p], at(f.word, p + 1));
  out[k + 6] = mix(963, at(f.word, p + 2), at(f.place, p + 1));
  out[k + 7] = mix(964, at(f.rule.cue, p + 1), f.rule.cue[p]);
  out[k + 8] = mix(965, c.source[p], at(c.source, p + 1));
  out[k + 9] = mix(969, at(f.word, p + 1), at(f.pos, p + 2));
  out[k + 10] = mix(970, at(f.pos, p + 1), at(f.pos, p + 2));
  // ", encouraging his supporters …": a participle after a comma opens the writer's clause; the tag alone is VERB
  out[k + 11] = mix(975, at(f.word, p + 1), at(f.suffix, p + 2), at(f.pos, p + 2));
}

const START_OWN = 9;
const END_OWN = 12;
const START_FEATURES = START_OWN + 11;
const END_FEATURES = END_OWN + 14;

/**
 * What start and end features share: the token's own features copied out on the cue's side, and how the token
 * relates to the cue (side, distance, sentences; punctuation and verbs between it and `anchor`).
 */
function relate(c: PointerContext, cue: TokenRange, p: number, own: Uint32Array, count: number, anchor: number, template: number, out: Uint32Array, k: number) {
  const f = c.facts;
  const [side, d, s] = relation(f, cue, p);
  for (let j = 0; j < count; j++) out[k + j] = own[p * count + j] ^ SIDE_SALTS[side];
  return { side, d, s, rel: mix(template, side, d, s), brk: between(f, p, anchor), verbs: verbsBetween(f, cue, p) };
}

/** A token as the start of a cue's content: its own features on the cue's side, then how it relates to the cue. */
function startFeatures(c: PointerContext, cue: TokenRange, cueLemma: number, p: number, out: Uint32Array, k: number): void {
  const f = c.facts;
  const { side, d, s, rel, brk, verbs } = relate(c, cue, p, c.own.start, START_OWN, cue[0], 900, out, k);
  k += START_OWN;
  out[k] = rel;
  out[k + 1] = mix(901, side, d);
  out[k + 2] = mix(906, rel, f.place[p]);
  out[k + 3] = mix(908, side, d, f.word[p]);
  out[k + 4] = mix(909, cueLemma, side, d);
  out[k + 5] = mix(910, side, brk, s);
  out[k + 6] = mix(911, rel, f.quote[p]);
  out[k + 7] = mix(916, side, sourceBetween(c, cue, p), d);
  out[k + 8] = mix(917, side, cuesBetween(c, cue, p), s);
  out[k + 9] = mix(918, side, verbs, brk);
  out[k + 10] = mix(919, cueLemma, side, verbs);
}

/** A token as the end of a cue's content. */
function endFeatures(c: PointerContext, cue: TokenRange, cueLemma: number, p: number, out: Uint32Array, k: number): void {
  const f = c.facts;
  const { side, d, s, rel, brk, verbs } = relate(c, cue, p, c.own.end, END_OWN, cue[1] - 1, 950, out, k);
  k += END_OWN;
  out[k] = rel;
  out[k + 1] = mix(951, side, d);
  out[k + 2] = mix(956, rel, f.place[p], at(f.place, p + 1));
  out[k + 3] = mix(958, side, d, f.word[p]);
  out[k + 4] = mix(959, cueLemma, side, d);
  out[k + 5] = mix(960, side, brk, s);
  out[k + 6] = mix(961, rel, at(f.quote, p + 1));
  out[k + 7] = mix(966, side, sourceBetween(c, cue, p), d);
  out[k + 8] = mix(967, side, cuesBetween(c, cue, p), s);
  out[k + 9] = mix(968, side, cuesBetween(c, cue, p + 1), at(f.quote, p + 1));
  out[k + 10] = mix(971, cueLemma, side, at(f.pos, p + 1));
  out[k + 11] = mix(972, side, verbs, brk);
  out[k + 12] = mix(973, cueLemma, side, verbs);
  out[k + 13] = mix(974, side, verbs, at(f.word, p + 1));
}

interface FeatureKind {
  count: number;
  write: typeof startFeatures;
}
const STARTS: FeatureKind = { count: START_FEATURES, write: startFeatures };
const ENDS: FeatureKind = { count: END_FEATURES, write: endFeatures };

/** The token ranges where a cue's content may start and end. */
function window(f: TokenFacts, [from, to]: TokenRange): { starts: [number, number]; ends: [number, number] } {
  let first = from;
  const back = f.sentence[from] - BACK_SENTENCES;
  while (first > 0 && f.sentence[first - 1] >= back && from - first < MAX_TOKENS) first--;
  let last = to - 1;
  const ahead = f.sentence[to - 1] + AHEAD_SENTENCES;
  while (last + 1 < f.n && f.sentence[last + 1] <= ahead && last - to < MAX_TOKENS) last++;
  return { starts: [first, Math.min(f.n, to + 3)], ends: [first, last + 1] };
}

/** The features of the positions [lo, hi), computed once and read under each layout that needs them. */
interface Positions {
  lo: number;
  n: number;
  count: number;
  hashes: Uint32Array;
}

function positions(c: PointerContext, cue: TokenRange, [lo, hi]: [number, number], kind: FeatureKind): Positions {
  const lemma = c.facts.lemma[cue[0]];
  const n = Math.max(0, hi - lo);
  const hashes = new Uint32Array(n * kind.count);
  for (let p = lo; p < hi; p++) kind.write(c, cue, lemma, p, hashes, (p - lo) * kind.count);
  return { lo, n, count: kind.count, hashes };
}

/**
 * The same token reads differently as the start of a content before, after or around its cue: each layout
 * moves every feature to its own bucket by a fixed salt, so that the features are hashed once for all layouts.
 */
const SALTS = [0, 0x6b43a9b5, 0x2c1b3c6d];

function scores(weights: Float32Array, bits: number, scored: Positions, layout: number): Float32Array {
  const mask = (1 << bits) - 1;
  const salt = SALTS[layout];
  const out = new Float32Array(scored.n);
  const { hashes, count } = scored;
  for (let i = 0; i < scored.n; i++) {
    let s = 0;
    for (let k = i * count; k < (i + 1) * count; k++) s += weights[(hashes[k] ^ salt) & mask];
    out[i] = s;
  }
  return out;
}

export interface Pointed {
  start: number;
  /** Inclusive. */
  end: number;
  score: number;
}

/** Where the content lies against its cue: before it, after it, or around it ("The plan, he said, is dead"). */
const BEFORE = 0;
const AFTER = 1;
const AROUND = 2;
const LAYOUTS = [BEFORE, AFTER, AROUND];

function layoutFeatures(c: PointerContext, cue: TokenRange, layout: number): number[] {
  const f = c.facts;
  const [from, to] = cue;
  const sentenceStart = f.sentenceStart[from];
  const sentenceEnd = f.sentenceEnd[from];
  const ruleBefore = from > 0 && f.rule.content[from - 1] !== 0 ? 1 : 0;
  const ruleAfter = to < f.n && f.rule.content[to] !== 0 ? 1 : 0;
  const sourceBefore = c.sourceCount[from] - c.sourceCount[sentenceStart] > 0 ? 1 : 0;
  const sourceAfter = c.sourceCount[sentenceEnd] - c.sourceCount[to] > 0 ? 1 : 0;
  return [
    mix(980, layout),
    mix(981, layout, f.lemma[from]),
    mix(982, layout, at(f.word, to), at(f.quote, to)),
    mix(983, layout, at(f.word, from - 1), at(f.quote, from - 1)),
    mix(984, layout, Math.min(3, from - sentenceStart), Math.min(3, sentenceEnd - to)),
    mix(985, layout, ruleBefore, ruleAfter),
    mix(986, layout, sourceBefore, sourceAfter),
    mix(987, layout, at(f.pos, to), at(f.pos, from - 1)),
    mix(988, layout, f.rulePattern[from], f.rule.cue[from]),
    mix(989, layout, at(f.word, to), at(f.word, to + 1)),
    mix(990, layout, at(f.quote, to + 1), at(f.quote, to + 2)),
    mix(991, layout, Math.min(3, from - sentenceStart), at(f.quote, sentenceStart)),
    mix(992, layout, cuesBetween(c, cue, sentenceEnd - 1), Math.min(3, sentenceEnd - to)),
  ];
}

const SPAN_FEATURES = 12;
/** Scoring reads the span features of one candidate at a time, into one buffer. */
const spanBuffer = new Uint32Array(SPAN_FEATURES);

/**
 * A start and an end read together, for what lies between them that neither pointer sees alone: quotations
 * opened and not closed, sentences crossed, clauses and other cues taken in. Weighted in the end table.
 */
function spanFeatures(c: PointerContext, cue: TokenRange, start: number, end: number, layout: number, out: Uint32Array): Uint32Array {
  const f = c.facts;
  const lemma = f.lemma[cue[0]];
  const inside = (xs: Int32Array) => xs[end + 1] - xs[start];
  const upTo = (xs: Int32Array, i: number) => (i > 0 ? xs[i - 1] : 0);
  const opens = inside(c.opens);
  const closes = inside(c.closes);
  const balance = Math.sign(opens - closes) + 1;
  const quoted = f.quote[start] !== 0 ? 1 : 0;
  const sentences = Math.min(3, f.sentence[end] - f.sentence[start]);
  const length = bucket(end - start + 1);
  const verbs = Math.min(4, f.verbs[end] - upTo(f.verbs, start));
  const breaks = Math.min(3, f.breaks[end] - upTo(f.breaks, start));
  out[0] = mix(1001, balance, quoted, at(f.quote, end + 1));
  out[1] = mix(1002, sentences, quoted, balance);
  out[2] = mix(1003, length);
  out[3] = mix(1004, lemma, length);
  out[4] = mix(1005, verbs, breaks);
  out[5] = mix(1006, lemma, verbs);
  out[6] = mix(1007, Math.min(2, inside(c.cueCount)), Math.min(2, inside(c.sourceCount)));
  out[7] = mix(1008, f.pos[start], f.pos[end], at(f.word, end + 1));
  out[8] = mix(1009, Math.min(1, opens), Math.min(1, closes), sentences);
  out[9] = mix(1010, f.word[end], balance);
  out[10] = mix(1011, f.word[start], at(f.word, end + 1));
  out[11] = mix(1012, f.word[start], verbs, breaks);
  const salt = SALTS[layout];
  for (let k = 0; k < SPAN_FEATURES; k++) out[k] ^= salt;
  return out;
}

/** How many of the best starts and ends are paired and read together. */
const BEAM = 6;

/** The indices of the `k` highest scores, best first. */
function best(xs: Float32Array, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (out.length === k) {
      if (xs[i] <= xs[out[k - 1]]) continue;
      out.pop();
    }
    let j = out.length;
    while (j > 0 && xs[out[j - 1]] < xs[i]) j--;
    out.splice(j, 0, i);
  }
  return out;
}

function spanScore(w: PointerWeights, c: PointerContext, cue: TokenRange, start: number, end: number, layout: number): number {
  const mask = (1 << w.bits) - 1;
  const hashes = spanFeatures(c, cue, start, end, layout, spanBuffer);
  let sum = 0;
  for (let k = 0; k < SPAN_FEATURES; k++) sum += w.end[hashes[k] & mask];
  return sum;
}

const layoutOf = (cue: TokenRange, start: number, end: number) => (end < cue[0] ? BEFORE : start >= cue[1] ? AFTER : AROUND);

/** The best start ≤ end pair, by a running maximum of the start score. */
function bestPair(s: Float32Array, sFrom: number, e: Float32Array, eFrom: number): Pointed | null {
  let best: Pointed | null = null;
  let arg = -1;
  for (let k = 0; k < e.length; k++) {
    const end = eFrom + k;
    for (let j = arg < 0 ? 0 : arg - sFrom + 1; j < s.length && sFrom + j <= end; j++) if (arg < 0 || s[j] > s[arg - sFrom]) arg = sFrom + j;
    if (arg < 0) continue;
    const total = s[arg - sFrom] + e[k];
    if (!best || total > best.score) best = { start: arg, end, score: total };
  }
  return best;
}

/** The best content span of a cue in each layout, each with its own start and end weights. */
function pointEach(w: PointerWeights, c: PointerContext, cue: TokenRange): Array<Pointed | null> {
  const { starts, ends } = window(c.facts, cue);
  const startsBefore = positions(c, cue, [starts[0], cue[0]], STARTS);
  const startsAfter = positions(c, cue, [cue[1], starts[1]], STARTS);
  const endsBefore = positions(c, cue, [ends[0], cue[0]], ENDS);
  const endsAfter = positions(c, cue, [cue[1], ends[1]], ENDS);
  const pair = (s: Positions, e: Positions, layout: number): Pointed | null => {
    const ss = scores(w.start, w.bits, s, layout);
    const es = scores(w.end, w.bits, e, layout);
    if (!ss.length || !es.length) return null;
    // the pointers' own best pair, then the best starts and ends paired, each read as a whole span
    let top: Pointed | null = null;
    const consider = (start: number, end: number, pointers: number) => {
      const score = pointers + spanScore(w, c, cue, start, end, layout);
      if (!top || score > top.score) top = { start, end, score };
    };
    const first = layout === AROUND ? null : bestPair(ss, s.lo, es, e.lo);
    if (first) consider(first.start, first.end, first.score);
    const ends = best(es, BEAM);
    for (const i of best(ss, BEAM)) for (const j of ends) if (layout === AROUND || s.lo + i <= e.lo + j) consider(s.lo + i, e.lo + j, ss[i] + es[j]);
    return top;
  };
  return [pair(startsBefore, endsBefore, BEFORE), pair(startsAfter, endsAfter, AFTER), pair(startsBefore, endsAfter, AROUND)];
}

function layoutScore(w: PointerWeights, c: PointerContext, cue: TokenRange, layout: number): number {
  const mask = (1 << w.bits) - 1;
  return layoutFeatures(c, cue, layout).reduce((sum, h) => sum + w.start[h & mask], 0);
}

/** The best content span of a cue over the three layouts: before, after or around the cue. */
export function point(w: PointerWeights, c: PointerContext, cue: TokenRange): Pointed | null {
  let best: Pointed | null = null;
  const each = pointEach(w, c, cue);
  for (const layout of LAYOUTS) {
    const x = each[layout];
    if (!x) continue;
    const score = x.score + layoutScore(w, c, cue, layout);
    if (!best || score > best.score) best = { ...x, score };
  }
  return best;
}

/** Trains the pointers with averaging, one update per gold cue whose content the pointers got wrong. */
export class PointerTrainer {
  readonly weights: PointerWeights;
  private readonly acc: PointerWeights;
  private step = 1;

  constructor(bits: number) {
    this.weights = emptyPointers(bits);
    this.acc = emptyPointers(bits);
  }

  private add(table: 'start' | 'end', hashes: number[], by: number): void {
    const mask = (1 << this.weights.bits) - 1;
    for (const h of hashes) {
      this.weights[table][h & mask] += by;
      this.acc[table][h & mask] += by * this.step;
    }
  }

  /** Returns whether the prediction was right. */
  learn(c: PointerContext, cue: TokenRange, gold: { start: number; end: number }): boolean {
    const { starts, ends } = window(c.facts, cue);
    this.step++;
    if (gold.start < starts[0] || gold.start >= starts[1] || gold.end < ends[0] || gold.end >= ends[1]) return false;
    const got = point(this.weights, c, cue);
    if (got && got.start === gold.start && got.end === gold.end) return true;
    const lemma = c.facts.lemma[cue[0]];
    const features = (kind: FeatureKind, p: number, layout: number) => {
      const hashes = new Uint32Array(kind.count);
      kind.write(c, cue, lemma, p, hashes, 0);
      return Array.from(hashes, (h) => h ^ SALTS[layout]);
    };
    const goldLayout = layoutOf(cue, gold.start, gold.end);
    const gotLayout = got ? layoutOf(cue, got.start, got.end) : -1;
    if (gotLayout !== goldLayout || got!.start !== gold.start) {
      this.add('start', features(STARTS, gold.start, goldLayout), 1);
      if (got) this.add('start', features(STARTS, got.start, gotLayout), -1);
    }
    if (gotLayout !== goldLayout || got!.end !== gold.end) {
      this.add('end', features(ENDS, gold.end, goldLayout), 1);
      if (got) this.add('end', features(ENDS, got.end, gotLayout), -1);
    }
    const span = (start: number, end: number, layout: number) => Array.from(spanFeatures(c, cue, start, end, layout, new Uint32Array(SPAN_FEATURES)));
    this.add('end', span(gold.start, gold.end, goldLayout), 1);
    if (got) this.add('end', span(got.start, got.end, gotLayout), -1);
    if (gotLayout !== goldLayout) {
      this.add('start', layoutFeatures(c, cue, goldLayout), 1);
      if (got) this.add('start', layoutFeatures(c, cue, gotLayout), -1);
    }
    return false;
  }

  averaged(): PointerWeights {
    const { bits, start, end } = this.weights;
    return { bits, start: average(start, this.acc.start, this.step), end: average(end, this.acc.end, this.step) };
  }
}
