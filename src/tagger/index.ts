import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocView } from '../detect/doc-view.js';
import { MODELS_DIR } from '../paths.js';
import type { Cue, Span } from '../types.js';
import { runs, tokenFacts } from './features.js';
import { deserialize, tag, type TaggerModel } from './model.js';

export const TAGGER_FILE = join(MODELS_DIR, 'attribution-tagger.bin');

let shipped: TaggerModel | undefined;

/** The model trained by `npm run train`, read on first use: analyses that never ask for it never pay for it. */
export function shippedTagger(): TaggerModel {
  if (!shipped) {
    if (!existsSync(TAGGER_FILE)) throw new Error(`the attribution tagger ${TAGGER_FILE} is missing: run npm run train`);
    shipped = deserialize(readFileSync(TAGGER_FILE));
  }
  return shipped;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** A margin in weight units → a confidence: the model's own certainty, kept off 0 and 1. */
const confidenceOf = (margin: number) => Math.round(100 * Math.min(0.99, Math.max(0.5, 1 / (1 + Math.exp(-margin / 8))))) / 100;

/**
 * The rules' cues combined with the tagger's: where both find a cue the rule keeps its reading of the source
 * and carries the model's spans, which follow the annotation the model learned, for the report; a cue only the
 * model finds joins when the model also found its source in the same sentence.
 */
export function learnedCues(view: DocView, rules: Cue[], model: TaggerModel = shippedTagger()): Cue[] {
  const { doc, tokens } = view;
  const tagged = tag(model, tokenFacts(doc, view, rules));
  const sources = runs(tagged.source.labels);
  const sentenceOf = (i: number) => doc.sentences.findIndex((s) => s.tokenStart <= i && i < s.tokenEnd);
  const out = [...rules];
  const taken = new Set<Cue>();
  for (const { cue: [from, to], content } of tagged.contents) {
    if (!content) continue;
    const cueSpan = view.charSpan(from, to);
    const contentSpan = view.charSpan(content.start, content.end + 1);
    const sentence = sentenceOf(from);
    // the nearest source of the cue's sentence outside its content, before the cue first ("X said"), then after ("said X")
    const candidates = sources.filter(([a, b]) => sentenceOf(a) === sentence && (b <= content.start || a > content.end || b <= from || a >= to) && !(a < to && from < b));
    const before = candidates.filter(([, b]) => b <= from).pop();
    const after = candidates.find(([a]) => a >= to);
    const source = before ?? after;
    const mention = source ? view.charSpan(source[0], source[1]) : null;
    let margin = Infinity;
    for (let i = from; i < to; i++) margin = Math.min(margin, tagged.cue.margins[i]);
    const confidence = confidenceOf(margin);
    const rule = rules.find((r) => !taken.has(r) && r.cue && overlaps(r.cue, cueSpan));
    const head = tokens.slice(from, to).find((t) => t.lemma !== t.lower) ?? tokens[from];
    if (rule) {
      taken.add(rule);
      const sameSource = mention && rule.mention && overlaps(rule.mention, mention);
      const refined = { of: rule.content, cue: { ...cueSpan, lemma: head.lemma }, content: contentSpan, mention: sameSource ? mention : rule.mention };
      out[out.indexOf(rule)] = { ...rule, refined, confidence: Math.max(rule.confidence, confidence) };
    } else if (mention) {
      out.push({ pattern: 'learned', cue: { ...cueSpan, lemma: head.lemma }, mention, content: contentSpan, confidence });
    }
  }
  return out.sort((a, b) => (a.cue?.start ?? a.content.start) - (b.cue?.start ?? b.content.start));
}
