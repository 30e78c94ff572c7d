import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocView } from '../detect/doc-view.js';
import { beforeTimeAdjunct, phraseStartingAt } from '../detect/np.js';
import { participleSubject, passive } from '../detect/verbs.js';
import { MODELS_DIR } from '../paths.js';
import { overlap, SpanIndex, textOrder } from '../spans.js';
import type { Cue, Sentence, Span, Token } from '../types.js';
import { runs, tokenFacts } from './features.js';
import { deserialize, tag, type TaggerModel } from './model.js';
import type { Pointed } from './pointer.js';

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

/** A cue's summed gain over O, in weight units → a confidence, kept off 0 and 1. */
const confidenceOf = (gain: number) => Math.round(100 * Math.min(0.99, Math.max(0.5, 1 / (1 + Math.exp(-gain / 20))))) / 100;

/** Below this, a cue the rules did not find is left out: the tail the model is unsure of costs more than it finds. */
const MIN_LEARNED = 0.65;

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
/**
 * The rules' cues whose content is the clause or phrase their words govern, as the pointers learned contents; a
 * colon's, a dash's or a "reportedly"'s is the whole paragraph or sentence by definition (on train, pointing those
 * too gained nothing more).
 */
const POINTED_PATTERNS = new Set(['verb', 'inverted', 'according']);
const PREDICATE = new Set(['VERB', 'AUX']);

export interface LearnedOptions {
  /**
   * Take every cue the model finds, as PolNeAR annotates attributions ("the poll shows", "his plans to"), even
   * where it found no source or is unsure: what a per-cue view of attributions wants. Without it only the cues a
   * fact-checker's claim needs join (see learnedCues).
   */
  everyCue?: boolean;
}

/** The tagger's source runs, cut where a sentence ends: "…the eastern division.¶The agency and its critics" is two. */
export function sourceRuns(sentence: Int32Array, found: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [from, to] of found) {
    for (let a = from; a < to; ) {
      let b = a + 1;
      while (b < to && sentence[b] === sentence[a]) b++;
      out.push([a, b]);
      a = b;
    }
  }
  return out;
}

/**
 * The model's content, started where the rule's starts when the rule found the complementizer inside it: "said
 * during a rally in Michigan that …" reports from "that" (on dev, 10 more exact contents than the model alone and
 * none fewer; on train 63 more).
 */
function fromThat(view: DocView, rule: Span | null, learned: Span): Span {
  if (!rule || rule.start <= learned.start || rule.start >= learned.end) return learned;
  const [first] = view.tokenRange(rule);
  return view.tokens[first]?.lower === 'that' ? { start: rule.start, end: learned.end } : learned;
}

/**
 * "Vogt, 61, who has chaired the board since 2019, told …", "Rep. Ana Ruiz (D-N.M.), a longtime
 * champion of rural clinics, said …": a source run that opened an appositive or a relative clause after a comma but
 * stopped inside it runs on to the comma that closes it before the cue (on train, 50 mentions completed, 1 broken).
 */
function throughAside(view: DocView, [from, to]: [number, number], cue: number): Span {
  const { tokens } = view;
  const opened = tokens.slice(from + 1, to).some((t) => t.text === ',');
  // the source and its cue share a sentence; a comma between them ends the aside earlier, or opens another
  const closes = opened && cue > to && tokens[cue - 1].text === ',' && !tokens.slice(to, cue - 1).some((t) => t.text === ',');
  return view.charSpan(from, closes ? cue - 1 : to);
}

/** "labor-policy experts", "then-Senate Majority Leader": a source run that starts after a hyphen takes in the word it joins. */
function wholeWords({ tokens }: DocView, [from, to]: [number, number]): [number, number] {
  while (from >= 2 && tokens[from - 1].text === '-' && tokens[from - 1].start === tokens[from - 2].end && tokens[from - 1].end === tokens[from].start) from -= 2;
  return [from, to];
}

/** "is supported by far fewer publications": a passive's agent after "by" is who speaks, not the subject before it. */
function agentOf(view: DocView, s: Sentence, verb: number, cueEnd: number): Span | null {
  const { tokens } = view;
  const by = tokens[verb + 1]?.lower === 'by' ? verb + 1 : tokens[cueEnd - 1]?.lower === 'by' ? cueEnd - 1 : -1;
  if (by < 0) return null;
  // "by far fewer publications": an adverb may open the phrase; "by several senators on Tuesday": a time closes it
  let first = by + 1;
  while (tokens[first]?.pos === 'ADV') first++;
  const agent = phraseStartingAt(tokens, first, s.tokenStart, s.tokenEnd);
  return agent ? view.charSpan(by + 1, beforeTimeAdjunct(tokens, agent[1] - 1, first) + 1) : null;
}

/** A claim says something: "shared a fist bump", "has not mentioned the senator" report an act, not a statement. */
const states = (tokens: Token[], content: Pointed) => tokens.slice(content.start, content.end + 1).some((t) => PREDICATE.has(t.pos));

/**
 * The rules' cues combined with the tagger's: where both find a cue the rule keeps its reading of the source
 * and carries the model's spans, which follow the annotation the model learned, for the report; a rule's cue the
 * model did not tag carries the content its pointers choose. A cue only the model finds joins when the model also
 * found its source in the same sentence, that source is somebody, the verb is active, its content holds a verb, no
 * rule gave that source to another cue ("…,” Vega told reporters, before insisting that …") and the model is
 * confident enough, or always with `everyCue`, where a passive's agent after "by" is its source.
 */
export function learnedCues(view: DocView, rules: Cue[], { everyCue = false }: LearnedOptions = {}, model: TaggerModel = shippedTagger()): Cue[] {
  const { doc, tokens } = view;
  const facts = tokenFacts(doc, view, rules);
  const tagged = tag(model, facts);
  const sources = sourceRuns(facts.sentence, runs(tagged.source.labels)).map((r) => wholeWords(view, r));
  const out = [...rules];
  const position = new Map(rules.map((r, i) => [r, i]));
  const ruleCues = new SpanIndex(rules.flatMap((r) => (r.cue ? [{ span: r.cue, item: r }] : [])));
  const ruleMentions = new SpanIndex(rules.flatMap((r) => (r.mention ? [{ span: r.mention, item: r }] : [])));
  const taken = new Set<Cue>();
  // cues and sources both come in text order: one pointer finds each cue's neighbours, in linear time overall
  let next = 0;
  for (const { cue: [from, to], content } of tagged.contents) {
    if (!content) continue;
    const cueSpan = view.charSpan(from, to);
    const contentSpan = view.charSpan(content.start, content.end + 1);
    while (next < sources.length && sources[next][1] <= from) next++;
    // the source nearest the cue in its sentence: before it first ("X said"), then after it ("said X")
    const inSentence = (r: [number, number] | undefined) => r && facts.sentence[r[0]] === facts.sentence[from] ? r : undefined;
    let after = next;
    while (after < sources.length && sources[after][0] < to) after++;
    const head = tokens.slice(from, to).find((t) => t.lemma !== t.lower) ?? tokens[from];
    const sentence = doc.sentences[facts.sentence[from]];
    // "Clinton spoke in Toledo, promising …": where the model tagged no source, a participle's is its clause's subject
    const source = inSentence(sources[next - 1]) ?? inSentence(sources[after]) ?? (everyCue ? (participleSubject(view, sentence, head.index) ?? undefined) : undefined);
    // a source is somebody: a name, a noun or a pronoun, not "both" or "all" alone
    const somebody = source && tokens.slice(source[0], source[1]).some((t) => NOMINAL.has(t.pos));
    const mention = source ? throughAside(view, source, from) : null;
    let gain = 0;
    for (let i = from; i < to; i++) gain += tagged.cue.gains[i];
    const confidence = confidenceOf(gain);
    const rule = ruleCues
      .overlapping(cueSpan)
      .filter((r) => !taken.has(r))
      .sort((a, b) => position.get(a)! - position.get(b)!)[0];
    // "the plan was criticised": in the passive, the subject before the verb is not who reports
    const agentless = passive(view, sentence, head.index);
    if (rule) {
      taken.add(rule);
      const sameSource = mention && rule.mention && overlap(rule.mention, mention) > 0;
      const refined = { of: rule.content, cue: { ...cueSpan, lemma: head.lemma }, content: fromThat(view, rule.content, contentSpan), mention: sameSource ? mention : rule.mention };
      out[position.get(rule)!] = { ...rule, refined, confidence: Math.max(rule.confidence, confidence) };
    } else if (everyCue || (mention && somebody && confidence >= MIN_LEARNED && !agentless && states(tokens, content) && !ruleMentions.overlapping(mention).length)) {
      const agent = agentless ? agentOf(view, sentence, head.index, to) : null;
      // "She was known as the rainmaker": an agentless passive names no source, and its subject is part of what is
      // attributed (PolNeAR's guidelines; on train, 72% of such contents take the subject in)
      const subjectSaid = agentless && tokens[head.index + 1]?.lower !== 'by' && mention && mention.end <= cueSpan.start && contentSpan.start >= cueSpan.end;
      const said = subjectSaid ? { start: mention.start, end: contentSpan.end } : contentSpan;
      out.push({ pattern: 'learned', cue: { ...cueSpan, lemma: head.lemma }, mention: subjectSaid ? null : (agent ?? mention), content: said, confidence });
    }
  }
  // a rule's cue the cue layer did not tag still takes the content the pointers choose for it
  for (const rule of rules) {
    if (taken.has(rule) || !rule.cue || !POINTED_PATTERNS.has(rule.pattern)) continue;
    const pointed = tagged.pointAt(view.tokenRange(rule.cue));
    if (!pointed) continue;
    const content = fromThat(view, rule.content, view.charSpan(pointed.start, pointed.end + 1));
    out[position.get(rule)!] = { ...rule, refined: { of: rule.content, cue: rule.cue, content, mention: rule.mention } };
  }
  return out.sort(textOrder);
}
