import type { TokenFacts } from './features.js';

/**
 * How often each word stem lay inside a gold cue and inside a gold source in the training split, bucketed. A word
 * seen a few times as a cue ("lamented", "conceded") gets little from its own weights; its rate is shared evidence
 * that every rarely seen, mostly-cue word reads through the same few weights.
 */
/** Per stem hash, the bucketed rate of each role (see `bucket`); a stem never seen in training is absent. */
export interface StemRates {
  stems: Uint32Array;
  cue: Uint8Array;
  source: Uint8Array;
}

/** A rate and how much evidence stands behind it, in one value from 1 to 24 (0 is kept for "never seen"). */
export function bucket(inside: number, seen: number): number {
  const rate = inside / seen;
  const r = inside === 0 ? 0 : rate <= 0.05 ? 1 : rate <= 0.2 ? 2 : rate <= 0.5 ? 3 : rate <= 0.8 ? 4 : 5;
  const evidence = seen === 1 ? 0 : seen <= 4 ? 1 : seen <= 19 ? 2 : 3;
  return 1 + r * 4 + evidence;
}

/** A document's stems and the gold labels of each role, as the counting needs them. */
export interface Counted {
  facts: TokenFacts;
  gold: Record<'cue' | 'source', Uint8Array>;
}

/** Per stem: [inside a cue, inside a source, seen]. */
type Counts = Map<number, [number, number, number]>;

function count(docs: Counted[], into: Counts = new Map()): Counts {
  for (const { facts, gold } of docs) {
    for (let i = 0; i < facts.n; i++) {
      const c = into.get(facts.stem[i]) ?? [0, 0, 0];
      c[0] += gold.cue[i] ? 1 : 0;
      c[1] += gold.source[i] ? 1 : 0;
      c[2]++;
      into.set(facts.stem[i], c);
    }
  }
  return into;
}

function tabulate(counts: Counts): StemRates {
  const stems = Uint32Array.from(counts.keys()).sort();
  const cue = new Uint8Array(stems.length);
  const source = new Uint8Array(stems.length);
  stems.forEach((stem, k) => {
    const [c, s, seen] = counts.get(stem)!;
    cue[k] = bucket(c, seen);
    source[k] = bucket(s, seen);
  });
  return { stems, cue, source };
}

/** Writes each token's rates into its facts: what the features read. */
export function applyRates(facts: TokenFacts, rates: StemRates): void {
  const { stems } = rates;
  for (let i = 0; i < facts.n; i++) {
    // binary search over the sorted stems: no map to build when a model loads
    let lo = 0;
    let hi = stems.length - 1;
    const key = facts.stem[i];
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (stems[mid] === key) {
        found = mid;
        break;
      }
      if (stems[mid] < key) lo = mid + 1;
      else hi = mid - 1;
    }
    facts.rate.cue[i] = found < 0 ? 0 : rates.cue[found];
    facts.rate.source[i] = found < 0 ? 0 : rates.source[found];
  }
}

/**
 * The rates of the whole training split, for the model, after writing into each training document the rates
 * counted without its own fold: counted with itself, a document's rare words would read as certain cues, and the
 * weights would learn to trust rates that new text never shows.
 */
export function trainingRates(docs: Counted[], folds = 10): StemRates {
  const byFold = Array.from({ length: folds }, (_, f) => docs.filter((_, k) => k % folds === f));
  for (let f = 0; f < folds; f++) {
    const rest = count(byFold.flatMap((fold, g) => (g === f ? [] : fold)));
    const rates = tabulate(rest);
    for (const doc of byFold[f]) applyRates(doc.facts, rates);
  }
  return tabulate(count(docs));
}
