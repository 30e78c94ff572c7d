import type { TokenFacts } from './features.js';
import { mix } from './hash.js';

/**
 * The content of one cue as two pointers, its first and its last token, each chosen among the tokens around
 * the cue by a linear score over hashed features (a perceptron over positions). Boundaries decided per cue
 * keep neighbouring claims apart, where a token tagger runs one into the next.
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
}

export function pointerContext(facts: TokenFacts, source: Uint8Array): PointerContext {
  const sourceCount = new Int32Array(facts.n + 1);
  for (let i = 0; i < facts.n; i++) sourceCount[i + 1] = sourceCount[i] + (source[i] ? 1 : 0);
  return { facts, source, sourceCount };
}

/** Whether a source token lies strictly between a token and the cue: content rarely runs over its source. */
function sourceBetween(c: PointerContext, [from, to]: TokenRange, p: number): number {
  if (p < from) return c.sourceCount[from] - c.sourceCount[p + 1] > 0 ? 1 : 0;
  if (p >= to) return c.sourceCount[p] - c.sourceCount[to] > 0 ? 1 : 0;
  return 2;
}

const bucket = (d: number) => (d <= 3 ? d : d <= 5 ? 4 : d <= 8 ? 5 : d <= 15 ? 6 : d <= 30 ? 7 : d <= 60 ? 8 : 9);
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

function startFeatures(c: PointerContext, cue: TokenRange, cueLemma: number, p: number, out: number[]): void {
  const f = c.facts;
  const [side, d, s] = relation(f, cue, p);
  const rel = mix(900, side, d, s);
  const newRun = f.rule.content[p] === 1 ? 1 : f.rule.content[p] === 2 ? 2 : 0;
  out.push(
    rel,
    mix(901, side, d),
    mix(902, side, f.word[p]),
    mix(903, side, at(f.word, p - 1)),
    mix(904, side, f.pos[p], at(f.pos, p - 1)),
    mix(905, side, f.quote[p], at(f.quote, p - 1)),
    mix(906, rel, f.place[p]),
    mix(907, side, newRun, at(f.rule.content, p - 1)),
    mix(908, side, d, f.word[p]),
    mix(909, cueLemma, side, d),
    mix(910, side, between(f, p, cue[0]), s),
    mix(911, rel, f.quote[p]),
    mix(912, side, at(f.word, p - 1), f.word[p]),
    mix(913, side, f.rule.cue[p], at(f.rule.cue, p - 1)),
    mix(914, side, at(f.shape, p), at(f.place, p - 1)),
    mix(915, side, at(c.source, p - 1), c.source[p]),
    mix(916, side, sourceBetween(c, cue, p), d),
  );
}

function endFeatures(c: PointerContext, cue: TokenRange, cueLemma: number, p: number, out: number[]): void {
  const f = c.facts;
  const [side, d, s] = relation(f, cue, p);
  const rel = mix(950, side, d, s);
  const runEnds = f.rule.content[p] !== 0 && at(f.rule.content, p + 1) !== 2 ? 1 : 0;
  out.push(
    rel,
    mix(951, side, d),
    mix(952, side, f.word[p]),
    mix(953, side, at(f.word, p + 1)),
    mix(954, side, f.pos[p], at(f.pos, p + 1)),
    mix(955, side, f.quote[p], at(f.quote, p + 1)),
    mix(956, rel, f.place[p], at(f.place, p + 1)),
    mix(957, side, runEnds, f.rule.content[p]),
    mix(958, side, d, f.word[p]),
    mix(959, cueLemma, side, d),
    mix(960, side, between(f, p, cue[1] - 1), s),
    mix(961, rel, at(f.quote, p + 1)),
    mix(962, side, f.word[p], at(f.word, p + 1)),
    mix(963, side, at(f.word, p + 2), at(f.place, p + 1)),
    mix(964, side, at(f.rule.cue, p + 1), f.rule.cue[p]),
    mix(965, side, c.source[p], at(c.source, p + 1)),
    mix(966, side, sourceBetween(c, cue, p), d),
  );
}

/** The token ranges where a cue's content may start and end. */
function window(f: TokenFacts, [from, to]: TokenRange): { starts: [number, number]; ends: [number, number] } {
  let first = from;
  const back = f.sentence[from] - BACK_SENTENCES;
  while (first > 0 && f.sentence[first - 1] >= back && from - first < MAX_TOKENS) first--;
  let last = to - 1;
  const ahead = f.sentence[to - 1] + AHEAD_SENTENCES;
  while (last + 1 < f.n && f.sentence[last + 1] <= ahead && last - to < MAX_TOKENS) last++;
  return { starts: [first, Math.min(f.n, to + 3)], ends: [Math.max(first, from - 1), last + 1] };
}

function scores(weights: Float32Array, bits: number, c: PointerContext, cue: TokenRange, range: [number, number], features: typeof startFeatures): Float32Array {
  const mask = (1 << bits) - 1;
  const out = new Float32Array(range[1] - range[0]);
  const hashes: number[] = [];
  const lemma = c.facts.lemma[cue[0]];
  for (let p = range[0]; p < range[1]; p++) {
    hashes.length = 0;
    features(c, cue, lemma, p, hashes);
    let s = 0;
    for (const h of hashes) s += weights[h & mask];
    out[p - range[0]] = s;
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

function regimeFeatures(c: PointerContext, cue: TokenRange, regime: number, out: number[]): void {
  const f = c.facts;
  const [from, to] = cue;
  const sentenceStart = f.sentenceStart[from];
  const sentenceEnd = f.sentenceEnd[from];
  const ruleBefore = from > 0 && f.rule.content[from - 1] !== 0 ? 1 : 0;
  const ruleAfter = to < f.n && f.rule.content[to] !== 0 ? 1 : 0;
  const sourceBefore = c.sourceCount[from] - c.sourceCount[sentenceStart] > 0 ? 1 : 0;
  const sourceAfter = c.sourceCount[sentenceEnd] - c.sourceCount[to] > 0 ? 1 : 0;
  out.push(
    mix(980, regime),
    mix(981, regime, f.lemma[from]),
    mix(982, regime, at(f.word, to), at(f.quote, to)),
    mix(983, regime, at(f.word, from - 1), at(f.quote, from - 1)),
    mix(984, regime, Math.min(3, from - sentenceStart), Math.min(3, sentenceEnd - to)),
    mix(985, regime, ruleBefore, ruleAfter),
    mix(986, regime, sourceBefore, sourceAfter),
    mix(987, regime, at(f.pos, to), at(f.pos, from - 1)),
    mix(988, regime, f.rulePattern[from], f.rule.cue[from]),
  );
}

function regimeScore(w: PointerWeights, c: PointerContext, cue: TokenRange, regime: number): number {
  const hashes: number[] = [];
  regimeFeatures(c, cue, regime, hashes);
  const mask = (1 << w.bits) - 1;
  return hashes.reduce((sum, h) => sum + w.start[h & mask], 0);
}

const regimeOf = (cue: TokenRange, start: number, end: number) => (end < cue[0] ? BEFORE : start >= cue[1] ? AFTER : AROUND);

/** The best start ≤ end pair with both in [lo, hi), by a running maximum of the start score. */
function bestPair(s: Float32Array, sFrom: number, e: Float32Array, eFrom: number, lo: number, hi: number): Pointed | null {
  let best: Pointed | null = null;
  let arg = -1;
  for (let p = lo; p < hi; p++) {
    const si = p - sFrom;
    if (si >= 0 && si < s.length && (arg < 0 || s[si] > s[arg - sFrom])) arg = p;
    const ei = p - eFrom;
    if (arg < 0 || ei < 0 || ei >= e.length) continue;
    const total = s[arg - sFrom] + e[ei];
    if (!best || total > best.score) best = { start: arg, end: p, score: total };
  }
  return best;
}

function bestIn(xs: Float32Array, from: number, lo: number, hi: number): number {
  let arg = -1;
  for (let p = Math.max(lo, from); p < Math.min(hi, from + xs.length); p++) if (arg < 0 || xs[p - from] > xs[arg - from]) arg = p;
  return arg;
}

/**
 * The best content span of a cue: the best of three layouts (before, after or around the cue), each scoring its
 * layout, its start and its end.
 */
export function point(w: PointerWeights, c: PointerContext, cue: TokenRange): Pointed | null {
  const { starts, ends } = window(c.facts, cue);
  const s = scores(w.start, w.bits, c, cue, starts, startFeatures);
  const e = scores(w.end, w.bits, c, cue, ends, endFeatures);
  const candidates: Array<Pointed | null> = [
    bestPair(s, starts[0], e, ends[0], starts[0], cue[0]),
    bestPair(s, starts[0], e, ends[0], cue[1], ends[1]),
  ];
  const start = bestIn(s, starts[0], starts[0], cue[0]);
  const end = bestIn(e, ends[0], cue[1], ends[1]);
  if (start >= 0 && end >= 0) candidates.push({ start, end, score: s[start - starts[0]] + e[end - ends[0]] });
  let best: Pointed | null = null;
  for (const [regime, x] of candidates.entries()) {
    if (!x) continue;
    const total = x.score + regimeScore(w, c, cue, regime);
    if (!best || total > best.score) best = { ...x, score: total };
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

  /** Returns whether the prediction was right. */
  learn(c: PointerContext, cue: TokenRange, gold: { start: number; end: number }): boolean {
    const { starts, ends } = window(c.facts, cue);
    this.step++;
    if (gold.start < starts[0] || gold.start >= starts[1] || gold.end < ends[0] || gold.end >= ends[1]) return false;
    const got = point(this.weights, c, cue);
    if (got && got.start === gold.start && got.end === gold.end) return true;
    const lemma = c.facts.lemma[cue[0]];
    const update = (table: 'start' | 'end', features: typeof startFeatures, good: number, bad: number | undefined) => {
      if (bad === good) return;
      const mask = (1 << this.weights.bits) - 1;
      const apply = (p: number, by: number) => {
        const hashes: number[] = [];
        features(c, cue, lemma, p, hashes);
        for (const h of hashes) {
          this.weights[table][h & mask] += by;
          this.acc[table][h & mask] += by * this.step;
        }
      };
      apply(good, 1);
      if (bad !== undefined) apply(bad, -1);
    };
    update('start', startFeatures, gold.start, got?.start);
    update('end', endFeatures, gold.end, got?.end);
    const goldRegime = regimeOf(cue, gold.start, gold.end);
    const gotRegime = got ? regimeOf(cue, got.start, got.end) : undefined;
    if (goldRegime !== gotRegime) {
      const mask = (1 << this.weights.bits) - 1;
      const apply = (regime: number, by: number) => {
        const hashes: number[] = [];
        regimeFeatures(c, cue, regime, hashes);
        for (const h of hashes) {
          this.weights.start[h & mask] += by;
          this.acc.start[h & mask] += by * this.step;
        }
      };
      apply(goldRegime, 1);
      if (gotRegime !== undefined) apply(gotRegime, -1);
    }
    return false;
  }

  averaged(): PointerWeights {
    const avg = (w: Float32Array, acc: Float32Array) => w.map((x, i) => x - acc[i] / this.step);
    return { bits: this.weights.bits, start: avg(this.weights.start, this.acc.start), end: avg(this.weights.end, this.acc.end) };
  }
}
