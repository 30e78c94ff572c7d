import { cues as lexicon, hedges as hedgeWords, sources as sourceLexicon, type Gender } from '../models/index.js';
import type { ClaimKind, Cue, Doc, Span, Token } from '../types.js';
import type { DocView } from '../detect/doc-view.js';
import { Registry, type Entity } from './entities.js';
import { describeMention, type MentionInfo } from './mention.js';
import { phraseStartingAt } from '../detect/np.js';
import { firstEndingAfter, inside, SpanIndex, touching, union } from '../spans.js';

/** A cue tied to the entity it cites. */
export interface Claim extends Cue {
  entity: Entity;
  via: Entity[];
  kind: ClaimKind;
  hedges: string[];
  sentence: Span;
}

export interface ResolveOptions {
  /**
   * Keep every attribution, as PolNeAR marks them: what the writer or the reader says ("I know your returns are
   * being audited"), a reporting verb inside another's paraphrase (reported via it), a vague one beside a named
   * source. A fact-checker's claims leave them out: the writer's own claim cites nobody, and the outer source or
   * the named one is the article's attribution.
   */
  everyAttribution?: boolean;
}

/** Where the attribution itself stands: its cue and the mention of its source, and whatever lies between. */
export function attributionSpan(cue: Span | null, mention: Span | null): Span | null {
  return cue && mention ? union(cue, mention) : cue ?? mention;
}

/**
 * direct: all inside quotation marks; mixed: partly; indirect: none. A leading "that" is no part of the quote, nor
 * is the attribution that interrupts it ("“By signing early,” Ms. Ruiz said, “we saved a year …”").
 */
export function kindOf(view: DocView, span: Span, attribution: Span | null): ClaimKind {
  const [first] = view.tokenRange(span);
  const that = view.tokens[first]?.lower === 'that' && view.tokens[first].start === span.start;
  const content = that ? { start: view.tokens[first].end, end: span.end } : span;
  let quoted = 0;
  for (const q of touching(view.doc.quotes, content)) {
    const o = { start: Math.max(q.start, content.start), end: Math.min(q.end, content.end) };
    if (o.end > o.start) quoted += view.letters(o);
  }
  if (!quoted) return 'indirect';
  const aside = attribution && inside(attribution, content) ? view.letters(attribution) : 0;
  return quoted >= 0.9 * (view.letters(content) - aside) ? 'direct' : 'mixed';
}

function hedgesIn(view: DocView, spans: Span[]): string[] {
  const found = new Set<string>();
  for (const span of spans) {
    const [a, b] = view.tokenRange(span);
    // lowercase only: "May" the month is no hedge
    for (let i = a; i < b; i++) if (hedgeWords.has(view.tokens[i].text) && !view.quoteAt(i)) found.add(view.tokens[i].text);
  }
  return [...found];
}

function sentenceSpan(doc: Doc, spans: Span[]): Span {
  const start = Math.min(...spans.map((x) => x.start));
  const end = Math.max(...spans.map((x) => x.end));
  const touched = touching(doc.sentences, { start, end });
  if (!touched.length) return { start, end };
  return { start: touched[0].start, end: touched[touched.length - 1].end };
}

/**
 * "He added …" where nobody cited before fits "he": still an attribution, to an unnamed man, rather than a claim
 * the fact-checker is told has no source.
 */
function unnamed(pronoun: MentionInfo): MentionInfo {
  const { unnamed: names, personPronouns, pluralPronouns } = sourceLexicon;
  const key = pronoun.gender ?? (personPronouns.has(pronoun.head) ? 'person' : pluralPronouns.has(pronoun.head) ? 'plural' : 'thing');
  const name = names[key];
  return { form: 'description', name, type: 'anonymous', head: name, plural: key === 'plural', definite: false, aliases: [] };
}

/** How many sentences back a pronoun looks for a person named as a subject but not yet cited. */
const SUBJECT_REACH = 2;

/**
 * "Harry Kane won the award. He said, ...": the person a pronoun points to may be the subject of a recent
 * sentence rather than an earlier source. Registers that person when they are the nearer candidate; a subject
 * the pronoun cannot mean ("Sanders" for "she") is passed over for the one before it.
 */
function introduceSubject(view: DocView, registry: Registry, at: number, gender: Gender | undefined): void {
  const { doc, tokens } = view;
  const here = Math.min(firstEndingAfter(doc.sentences, at), doc.sentences.length - 1);
  for (let k = here; k >= 0 && k >= here - SUBJECT_REACH; k--) {
    const s = doc.sentences[k];
    const np = phraseStartingAt(tokens, s.tokenStart, s.tokenStart, s.tokenEnd);
    if (!np || tokens[np[1] - 1].start >= at || !tokens.slice(np[0], np[1]).some((t) => t.pos === 'PROPN')) continue;
    const span = view.charSpan(np[0], np[1]);
    const [info] = describeMention(tokens.slice(np[0], np[1]));
    const other = info && gender && registry.genderOf(info);
    if (other && other !== gender) continue;
    if (info?.type === 'person' && info.form === 'name' && span.start > registry.latestPerson(gender)) registry.resolve(info, span);
    return;
  }
}

/** How many tokens back a definite description looks for the name it shortens. */
const HEAD_REACH = 400;

const capitalName = (t: Token) => /^\p{Lu}/u.test(t.text) && t.pos === 'PROPN';

/** The first word of the name, of at most `words` capitalised words, that ends at token i. */
function nameStart(tokens: Token[], i: number, words: number): number {
  let first = i;
  while (first > 0 && i - first < words - 1 && capitalName(tokens[first - 1])) first--;
  return first;
}

/**
 * Where a surname's fuller name was last looked for (a token index; -1 before the first look) and the nearest one
 * found before there (-1 for none). Cues come in text order, so a later look need only go back to the last one: a
 * name met thousands of times in a long text would otherwise walk back over every earlier mention each time.
 */
interface NameLook {
  before: number;
  found: number;
}

/**
 * The nearest name before `at` (at most `reach` tokens back), of two to `words` capitalised words, whose last
 * word is `word` (in lowercase) and passes `ends`, read as a mention: what a surname or a definite description
 * may shorten. `look` carries the last search for the same word and `ends` over (only with an unbounded reach).
 */
function earlierName(view: DocView, at: number, word: string, ends: (t: Token) => boolean, words: number, reach = Infinity, look?: NameLook): { info: MentionInfo; span: Span } | null {
  const { tokens } = view;
  const [before] = view.tokenRange({ start: at, end: at });
  const lowest = Math.max(1, before - reach);
  // the last look still holds when it stopped at or before this one
  const resume = look !== undefined && look.before >= 0 && look.before <= before;
  let found = -1;
  for (const i of view.earlier(word, before, resume ? Math.max(lowest, look.before) : lowest)) {
    if (ends(tokens[i]) && nameStart(tokens, i, words) < i) {
      found = i;
      break;
    }
  }
  if (found < 0 && resume) found = look.found;
  if (look) {
    look.before = before;
    look.found = found;
  }
  if (found < 0) return null;
  const first = nameStart(tokens, found, words);
  const [info] = describeMention(tokens.slice(first, found + 1));
  return info ? { info, span: view.charSpan(first, found + 1) } : null;
}

/**
 * "Porto Azul president Miguel Antunes was less diplomatic. ... Antunes said": a surname alone refers back to
 * the fullest earlier name ending in it, even when that person was not yet cited.
 */
function introduceFullName(view: DocView, registry: Registry, surname: string, at: number, looks: Map<string, NameLook>): void {
  if (registry.hasPersonEndingIn(surname)) return;
  let look = looks.get(surname);
  if (!look) looks.set(surname, (look = { before: -1, found: -1 }));
  const found = earlierName(view, at, surname.toLowerCase(), (t) => t.text === surname, 4, Infinity, look);
  if (found?.info.type === 'person' && found.info.name.endsWith(surname)) registry.resolve(found.info, found.span);
}

/**
 * "Eastbrook City Council voted ... a move the council says ...": a definite description refers back to the
 * nearest earlier name ending in its head noun, even when that name was not yet cited.
 */
function introduceNamedHead(view: DocView, registry: Registry, head: string, at: number): void {
  if (registry.knowsHead(head)) return;
  const found = earlierName(view, at, head, (t) => t.pos === 'PROPN' && /^\p{Lu}/u.test(t.text), 5, HEAD_REACH);
  if (found?.info.form === 'name' && found.info.type !== 'person') registry.resolve(found.info, found.span);
}

/**
 * Ties each cue to an entity, in text order so that pronouns and descriptions look back only at what the
 * reader has already met; then keeps the outermost of nested reporting verbs and records chains in `via`.
 */
export function resolveClaims(view: DocView, found: Cue[], registry: Registry, { everyAttribution = false }: ResolveOptions = {}): Claim[] {
  const { doc } = view;
  const claims: Claim[] = [];
  const fullNames = new Map<string, NameLook>();
  for (const cue of found) {
    let infos;
    let quoted = false;
    if (cue.mention) {
      const [a, b] = view.tokenRange(cue.mention);
      infos = describeMention(view.tokens.slice(a, b));
      quoted = !!view.quoteAt(a);
    } else {
      infos = [{ form: 'description' as const, name: lexicon.vagueSource, type: 'vague' as const, head: lexicon.vagueSource, plural: true, definite: false, aliases: [] }];
    }
    for (const info of infos) {
      // inside a quotation "I" is the speaker quoted, whom the quotation's own cue names
      if (info.participant && (!everyAttribution || quoted)) continue;
      if (info.form === 'pronoun' && info.type === 'person' && cue.mention) introduceSubject(view, registry, cue.mention.start, info.gender);
      if (info.form === 'name' && !/\s/.test(info.name) && cue.mention) introduceFullName(view, registry, info.name, cue.mention.start, fullNames);
      if (info.form === 'description' && info.definite && cue.mention) introduceNamedHead(view, registry, info.head, cue.mention.start);
      const entity = registry.resolve(info, cue.mention) ?? (info.form === 'pronoun' ? registry.resolve(unnamed(info), cue.mention) : null);
      if (!entity) continue;
      const said = cue.cue ? [cue.content, cue.cue] : [cue.content];
      const confidence = cue.confidence * (info.form === 'name' ? 1 : 0.9);
      // field by field: cues come in many shapes, and V8 copies a spread of them slowly (a fifth of resolution)
      const { pattern, content, mention, relative, refined } = cue;
      const sentence = sentenceSpan(doc, mention ? [...said, mention] : said);
      claims.push({ pattern, cue: cue.cue, mention, relative, content, confidence, refined, entity, via: [], kind: kindOf(view, content, attributionSpan(cue.cue, mention)), hedges: hedgesIn(view, said), sentence });
    }
  }
  return nest(claims, everyAttribution);
}

/**
 * "According to AFP, the UN criticised ...": the UN, reported via AFP. Where one reporting verb sits inside
 * another's paraphrase ("The authors say the results confirm ..."), only the outer one is the article's attribution,
 * unless every attribution is kept: then the inner one is reported via the outer.
 */
function nest(claims: Claim[], keepAll: boolean): Claim[] {
  const dropped = new Set<Claim>();
  const byContent = new SpanIndex(claims.map((c) => ({ span: c.content, item: c })));
  const bySentence = new SpanIndex(claims.map((c) => ({ span: c.sentence, item: c })));
  for (const inner of claims) {
    if (!inner.cue) continue;
    for (const outer of byContent.overlapping(inner.cue)) {
      if (outer === inner || outer.entity === inner.entity || outer.pattern === 'vague' || !inside(inner.cue, outer.content)) continue;
      const mutual = !!outer.cue && inside(outer.cue, inner.content);
      // "X decided to go, a source said": the trailing cue frames everything before it
      if (mutual && inner.pattern === 'inverted') continue;
      // otherwise, of two cues inside each other's content the first frames the second ("Hale told reporters that
      // …, in the words of her deputy, …"): dropping both would lose the claim
      if (mutual && outer.pattern !== 'inverted' && outer.cue!.start > inner.cue.start) continue;
      if (!keepAll && inner.pattern !== 'according' && outer.pattern !== 'according' && outer.kind === 'indirect') dropped.add(inner);
      else if (!inner.via.includes(outer.entity)) inner.via.push(outer.entity, ...outer.via);
    }
  }
  // a vague "reports indicate" gives way to the named source of the same claim, unless every attribution is kept
  for (const vague of claims) {
    if (keepAll || vague.entity.type !== 'vague') continue;
    if (bySentence.overlapping(vague.sentence).some((c) => c !== vague && c.entity.type !== 'vague' && !dropped.has(c))) dropped.add(vague);
  }
  return claims.filter((c) => !dropped.has(c));
}
