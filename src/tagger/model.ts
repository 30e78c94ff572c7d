import { gunzipSync, gzipSync } from 'node:zlib';
import { runs, sourceSequence, tokenSequence, type Role, type TokenFacts } from './features.js';
import { decode, emptyWeights, Trainer, type Decoded, type Sequence, type Weights } from './perceptron.js';
import { applyRates, trainingRates, type StemRates } from './rates.js';
import { emptyPointers, point, pointerContext, PointerTrainer, type Pointed, type PointerWeights, type TokenRange } from './pointer.js';

/** Cue and source tag tokens (BIO); content is pointed to per cue. */
export interface TaggerModel {
  bits: number;
  rates: StemRates;
  cue: Weights;
  source: Weights;
  content: PointerWeights;
}

export interface Tagged {
  cue: Decoded;
  source: Decoded;
  /** One per cue run of the cue layer, in order. */
  contents: Array<{ cue: TokenRange; content: Pointed | null }>;
  /** The content the pointers choose for any other cue: one the rules found and the cue layer did not. */
  pointAt: (cue: TokenRange) => Pointed | null;
}

export function tag(model: TaggerModel, facts: TokenFacts): Tagged {
  applyRates(facts, model.rates);
  const tokens = tokenSequence(facts);
  const cue = decode(model.cue, tokens);
  const source = decode(model.source, sourceSequence(facts, tokens, cue.labels));
  const context = pointerContext(facts, cue.labels, source.labels);
  const pointAt = (range: TokenRange) => point(model.content, context, range);
  return { cue, source, contents: runs(cue.labels).map((range) => ({ cue: range, content: pointAt(range) })), pointAt };
}

/** A gold attribution as token ranges; `content` holds its first and last token. */
export interface GoldAttribution {
  cue: TokenRange;
  content?: { start: number; end: number };
}

export interface TrainingDoc {
  facts: TokenFacts;
  /** Where the learning units (sentences) start, as token indices. */
  segments: number[];
  gold: Record<'cue' | 'source', Uint8Array>;
  attributions: GoldAttribution[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  bits: number;
  /**
   * How many models, each trained over its own shuffles of the documents, the weights are the mean of (default 1).
   * One averaged perceptron still depends on the order it met the documents: on PolNeAR dev, single models of
   * different seeds spread by a point, and the mean of five scores above most of them.
   */
  runs?: number;
  /** Called after each epoch of each layer with the share of tokens (of cues, for content) labelled wrong in it. */
  progress?: (role: Role, epoch: number, errorRate: number) => void;
}

/** mulberry32: a seeded generator, so that training is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: T[], next: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** `runs` models trained one after another from one seeded generator, their weights averaged table by table. */
export function train(docs: TrainingDoc[], options: TrainOptions): TaggerModel {
  const next = random(options.seed);
  const rates = trainingRates(docs);
  const cueSequences = docs.map((d) => tokenSequence(d.facts));
  const models = Array.from({ length: Math.max(1, options.runs ?? 1) }, () => trainOne(docs, cueSequences, options, next));
  const [out] = models;
  if (models.length > 1) tables(out).forEach((table, i) => table.set(meanOf(models.map((m) => tables(m)[i]))));
  return { ...out, rates };
}

/** The element-wise mean of equally long tables. */
function meanOf(xs: Float32Array[]): Float32Array {
  const out = new Float32Array(xs[0].length);
  for (const x of xs) for (let i = 0; i < x.length; i++) out[i] += x[i] / xs.length;
  return out;
}

/**
 * Trains the cue layer, tags the training documents with it, then trains source and content on those
 * predicted cues, so that they learn from the cues they will see when tagging new text.
 */
function trainOne(docs: TrainingDoc[], cueSequences: Sequence[], options: TrainOptions, next: () => number): Omit<TaggerModel, 'rates'> {
  const layer = (role: 'cue' | 'source', sequences: Sequence[]): Weights => {
    const trainer = new Trainer(options.bits);
    const order = docs.map((_, k) => k);
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      let wrong = 0;
      let total = 0;
      for (const k of shuffled(order, next)) {
        wrong += trainer.learn(sequences[k], docs[k].gold[role], docs[k].segments);
        total += docs[k].facts.n;
      }
      options.progress?.(role, epoch, wrong / Math.max(1, total));
    }
    return trainer.averaged();
  };
  const cue = layer('cue', cueSequences);
  const predicted = docs.map((_, k) => decode(cue, cueSequences[k]).labels);
  const sourceSequences = docs.map((d, k) => sourceSequence(d.facts, cueSequences[k], predicted[k]));
  const source = layer('source', sourceSequences);
  const pointers = new PointerTrainer(options.bits);
  const examples = docs.flatMap((d, k) => {
    const context = pointerContext(d.facts, predicted[k], decode(source, sourceSequences[k]).labels);
    return d.attributions.flatMap((a) => (a.content ? [{ context, cue: a.cue, content: a.content }] : []));
  });
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    let wrong = 0;
    for (const x of shuffled(examples, next)) if (!pointers.learn(x.context, x.cue, x.content)) wrong++;
    options.progress?.('content', epoch, wrong / Math.max(1, examples.length));
  }
  return { bits: options.bits, cue, source, content: pointers.averaged() };
}

const TABLES = ['cue.emission', 'cue.transition', 'source.emission', 'source.transition', 'content.start', 'content.end'] as const;

function tables(model: Pick<TaggerModel, 'cue' | 'source' | 'content'>): Float32Array[] {
  return [model.cue.emission, model.cue.transition, model.source.emission, model.source.transition, model.content.start, model.content.end];
}

/**
 * The model file, gzipped: a JSON header; the stem rates (the sorted stems as gaps, then the cue and the source
 * buckets); then per weight table the positions of its non-zero weights (as gaps, which compress well) and those
 * weights as int16, scaled to the table's largest.
 */
export function serialize(model: TaggerModel): Buffer {
  const { stems, cue, source } = model.rates;
  const header = { format: 'claimtrace-tagger', version: 3, bits: model.bits, stems: stems.length, tables: [] as Array<{ name: string; count: number; scale: number }> };
  const stemGaps = Uint32Array.from(stems, (s, k) => (k ? s - stems[k - 1] : s));
  const parts: Buffer[] = [Buffer.from(stemGaps.buffer), Buffer.from(cue), Buffer.from(source)];
  tables(model).forEach((table, t) => {
    const positions: number[] = [];
    let max = 0;
    for (let i = 0; i < table.length; i++) {
      if (table[i] === 0) continue;
      positions.push(i);
      max = Math.max(max, Math.abs(table[i]));
    }
    const scale = max / 32767 || 1;
    const gaps = Uint32Array.from(positions, (p, k) => (k ? p - positions[k - 1] : p));
    const values = Int16Array.from(positions, (p) => Math.round(table[p] / scale));
    header.tables.push({ name: TABLES[t], count: positions.length, scale });
    parts.push(Buffer.from(gaps.buffer), Buffer.from(values.buffer));
  });
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, ...parts]), { level: 9 });
}

export function deserialize(file: Buffer): TaggerModel {
  const raw = gunzipSync(file);
  const length = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as { format: string; version: number; bits: number; stems: number; tables: Array<{ name: string; count: number; scale: number }> };
  if (header.format !== 'claimtrace-tagger' || header.version !== 3) throw new Error('not a claimtrace tagger model (format version 3)');
  let at = 4 + length;
  // copied out so that the typed arrays start on an aligned offset
  const take = (bytes: number) => new Uint8Array(raw.subarray(at, (at += bytes))).buffer;
  const stemGaps = new Uint32Array(take(header.stems * 4));
  let stem = 0;
  const rates: StemRates = { stems: stemGaps.map((gap) => (stem += gap)), cue: new Uint8Array(take(header.stems)), source: new Uint8Array(take(header.stems)) };
  const model: TaggerModel = { bits: header.bits, rates, cue: emptyWeights(header.bits), source: emptyWeights(header.bits), content: emptyPointers(header.bits) };
  const targets = tables(model);
  for (const { name, count, scale } of header.tables) {
    const table = targets[TABLES.indexOf(name as (typeof TABLES)[number])];
    const gaps = new Uint32Array(take(count * 4));
    const values = new Int16Array(take(count * 2));
    let p = 0;
    for (let k = 0; k < count; k++) table[(p += gaps[k])] = values[k] * scale;
  }
  return model;
}
