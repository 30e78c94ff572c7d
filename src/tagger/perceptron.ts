/**
 * A first-order structured perceptron over BIO labels (O, B, I), with hashed features and averaged weights
 * (Collins 2002). A sequence is one document; each position carries the hashes of its active features.
 */

export const O = 0;
export const B = 1;
export const I = 2;
export const LABELS = 3;

/** Positions × features: `offsets[i]..offsets[i+1]` index `hashes` for position i. */
export interface Sequence {
  hashes: Uint32Array;
  offsets: Uint32Array;
}

export interface Weights {
  bits: number;
  /** (feature bucket × LABELS + label) → weight. */
  emission: Float32Array;
  /** (previous label × LABELS + label) → weight; row LABELS is the start of the sequence. */
  transition: Float32Array;
}

export const emptyWeights = (bits: number): Weights => ({
  bits,
  emission: new Float32Array((1 << bits) * LABELS),
  transition: new Float32Array((LABELS + 1) * LABELS),
});

/** I may only follow B or I. */
const allowed = (prev: number, label: number) => label !== I || prev === B || prev === I;

/** Per-position label scores from the emission weights, for positions [from, to). */
function emissions(w: Weights, seq: Sequence, from: number, to: number): Float32Array {
  const mask = (1 << w.bits) - 1;
  const out = new Float32Array((to - from) * LABELS);
  const { hashes, offsets } = seq;
  const e = w.emission;
  for (let i = from; i < to; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const at = (hashes[k] & mask) * LABELS;
      s0 += e[at];
      s1 += e[at + 1];
      s2 += e[at + 2];
    }
    const o = (i - from) * LABELS;
    out[o] = s0;
    out[o + 1] = s1;
    out[o + 2] = s2;
  }
  return out;
}

export interface Decoded {
  labels: Uint8Array;
  /** Per position, how much more the weights favour the chosen label than O: the evidence for a span, token by token. */
  gains: Float32Array;
}

/**
 * The best label sequence under the weights (Viterbi), over positions [from, to) of the sequence, coming from
 * label `before` (LABELS: the sequence's start).
 */
export function decode(w: Weights, seq: Sequence, from = 0, to = seq.offsets.length - 1, before = LABELS): Decoded {
  const n = to - from;
  const labels = new Uint8Array(n);
  const gains = new Float32Array(n);
  if (!n) return { labels, gains };
  const em = emissions(w, seq, from, to);
  const t = w.transition;
  const score = new Float32Array(n * LABELS);
  const back = new Uint8Array(n * LABELS);
  const start = before === LABELS ? O : before;
  for (let l = 0; l < LABELS; l++) score[l] = allowed(start, l) ? em[l] + t[before * LABELS + l] : -Infinity;
  for (let i = 1; i < n; i++) {
    for (let l = 0; l < LABELS; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < LABELS; p++) {
        if (!allowed(p, l)) continue;
        const s = score[(i - 1) * LABELS + p] + t[p * LABELS + l];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * LABELS + l] = best + em[i * LABELS + l];
      back[i * LABELS + l] = arg;
    }
  }
  let last = 0;
  for (let l = 1; l < LABELS; l++) if (score[(n - 1) * LABELS + l] > score[(n - 1) * LABELS + last]) last = l;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    gains[i] = em[i * LABELS + last] - em[i * LABELS + O];
    if (i > 0) last = back[i * LABELS + last];
  }
  return { labels, gains };
}

/** The averaged weights of a table trained with averaging: `acc` holds Σ step × update, so the average is w − acc / steps. */
export const average = (w: Float32Array, acc: Float32Array, steps: number) => w.map((x, i) => x - acc[i] / steps);

/** Trains with averaging (see `average`). */
export class Trainer {
  readonly weights: Weights;
  private readonly accEmission: Float32Array;
  private readonly accTransition: Float32Array;
  private step = 1;

  constructor(bits: number) {
    this.weights = emptyWeights(bits);
    this.accEmission = new Float32Array(this.weights.emission.length);
    this.accTransition = new Float32Array(this.weights.transition.length);
  }

  /**
   * One perceptron update per segment (a sentence, say) of the sequence, each decoded from the gold label
   * before it: small updates converge where one update per long document swings back and forth.
   * Returns how many positions were wrong.
   */
  learn(seq: Sequence, gold: Uint8Array, segments: ArrayLike<number>): number {
    let wrong = 0;
    for (let k = 0; k < segments.length; k++) {
      const from = segments[k];
      const to = k + 1 < segments.length ? segments[k + 1] : gold.length;
      if (to > from) wrong += this.learnSegment(seq, gold, from, to);
    }
    return wrong;
  }

  private bump(w: Float32Array, acc: Float32Array, i: number, by: number): void {
    w[i] += by;
    acc[i] += by * this.step;
  }

  private learnSegment(seq: Sequence, gold: Uint8Array, from: number, to: number): number {
    const before = from ? gold[from - 1] : LABELS;
    const { labels } = decode(this.weights, seq, from, to, before);
    const mask = (1 << this.weights.bits) - 1;
    const { emission, transition } = this.weights;
    let wrong = 0;
    for (let i = from; i < to; i++) {
      const g = gold[i];
      const p = labels[i - from];
      const gp = i > from ? gold[i - 1] : before;
      const pp = i > from ? labels[i - from - 1] : before;
      if (g !== p) {
        wrong++;
        for (let k = seq.offsets[i]; k < seq.offsets[i + 1]; k++) {
          const at = (seq.hashes[k] & mask) * LABELS;
          this.bump(emission, this.accEmission, at + g, 1);
          this.bump(emission, this.accEmission, at + p, -1);
        }
      }
      if (g !== p || gp !== pp) {
        this.bump(transition, this.accTransition, gp * LABELS + g, 1);
        this.bump(transition, this.accTransition, pp * LABELS + p, -1);
      }
    }
    this.step++;
    return wrong;
  }

  averaged(): Weights {
    const { bits, emission, transition } = this.weights;
    return { bits, emission: average(emission, this.accEmission, this.step), transition: average(transition, this.accTransition, this.step) };
  }
}
