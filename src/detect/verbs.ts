import { cues, sources, type VerbCue } from '../models/index.js';
import type { Cue, Sentence, Span, Token } from '../types.js';
import type { DocView } from './doc-view.js';
import { afterTimeAdjunct, beforeTimeAdjunct, documentOf, gerund, isNoun, isVerb, phraseStartingAt, relativeSubject, subjectOf, timeOnly, withAppositive, type Range } from './np.js';

/**
 * What follows a cue verb, checked against the verb's `needs` in models/cues.json: `that`, `quote`, `colon`,
 * `end` (the content came before), `clause` (a clause follows), or any other word, right after the verb ("call for").
 */
interface Context {
  that: boolean;
  quote: boolean;
  colon: boolean;
  end: boolean;
  clause: boolean;
  /** Whether this word comes right after the verb (and its addressee). */
  ahead: (word: string) => boolean;
  /** First token of what the verb governs, past its addressee. */
  next: number;
}

/** Particles that belong to the cue itself: "call for", "point out", "talk about". */
const PARTICLES = new Set(['for', 'out', 'about', 'of']);

/** "criticised the policy" has an object, so its content is not the clause before it; "added on Friday" has none. */
const objectAhead = (t: Token | undefined) => !!t && ['DET', 'NOUN', 'PROPN', 'ADJ', 'PRON'].includes(t.pos) && !CALENDAR.test(t.text);
const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|recently|earlier|later)$/i;
const PUNCT_SKIP = /^[,:]$/;
/** How far past the verb a quotation may open and still be what it reports: "called the mayor's remarks on Friday "a wake-up call"". */
const QUOTE_REACH = 8;

function context(view: DocView, s: Sentence, v: number, verb: VerbCue): Context {
  const { tokens } = view;
  let next = v + 1;
  if (verb.object && next < s.tokenEnd) {
    const object = phraseStartingAt(tokens, next, s.tokenStart, s.tokenEnd);
    if (object) next = object[1];
    else if (tokens[next].pos === 'PRON') next++;
  }
  const look = (word: string, span = 6) => {
    for (let i = next; i < Math.min(s.tokenEnd, next + span); i++) {
      if (tokens[i].lower === word) return true;
      if (isVerb(tokens[i].pos)) return false;
    }
    return false;
  };
  const nextIs = (word: string) => tokens[next]?.lower === word;
  let after = next;
  while (after < s.tokenEnd && PUNCT_SKIP.test(tokens[after].text)) after++;
  const rest = s.tokenEnd - next;
  let verbAhead = false;
  const opensPhrase = next < s.tokenEnd && (['DET', 'NOUN', 'PROPN', 'PRON', 'NUM', 'ADJ'].includes(tokens[next].pos));
  for (let i = next + 1; opensPhrase && i < Math.min(s.tokenEnd, next + 16); i++) if (isVerb(tokens[i].pos)) verbAhead = true;
  const prev = tokens[v - 1];
  let quoteAhead = false;
  for (let i = after; i < Math.min(s.tokenEnd, after + QUOTE_REACH) && !quoteAhead && !isVerb(tokens[i].pos); i++) quoteAhead = !!view.quoteOpening(i);
  const that = look('that');
  return {
    that,
    quote: quoteAhead || (!!prev && view.isQuoteMark(v - 1)) || (!!prev && prev.text === ',' && view.isQuoteMark(v - 2)),
    colon: tokens[next]?.text === ':',
    // "said that coffee is safe." is short but not the end: its "that" opens the content
    end: rest <= 5 && !verbAhead && !that && !objectAhead(tokens[next]),
    clause: verbAhead,
    ahead: nextIs,
    next,
  };
}

/**
 * The cue's own words, as PolNeAR marks cues: the verb, its particle, and the verb group before it ("has also
 * learned", "did not say").
 */
function cueSpan(view: DocView, v: number, extra: number): Span {
  const { pos, except } = cues.verbGroup;
  let a = v;
  while (a > 0 && pos.has(view.tokens[a - 1].pos) && !except.has(view.tokens[a - 1].lower)) a--;
  return view.charSpan(a, v + 1 + extra);
}

/**
 * Content that follows the cue, from its "that" (the clause with its complementizer, as PolNeAR and PARC mark it) or
 * past a colon or a comma; a quotation it opens may run on past the sentence.
 */
function contentAfter(view: DocView, s: Sentence, from: number): Span | null {
  const { tokens } = view;
  let k = from;
  for (let i = k; i < Math.min(s.tokenEnd, k + 14); i++) {
    // "said the demands that come with …": a relative "that", a verb's subject, belongs to the content
    if (tokens[i].lower === 'that' && !(tokens[i - 1].pos === 'NOUN' && ['VERB', 'AUX'].includes(tokens[i + 1]?.pos))) {
      k = i;
      break;
    }
    if (isVerb(tokens[i].pos) || view.isQuoteMark(i)) break;
  }
  while (k < s.tokenEnd && PUNCT_SKIP.test(tokens[k].text)) k++;
  const dated = afterTimeAdjunct(tokens, k, s.tokenEnd);
  if (dated < s.tokenEnd && !/^[.!?,;:\-–—]+$/.test(tokens[dated].text)) k = dated;
  if (k >= s.tokenEnd || /^[.!?]$/.test(tokens[k].text)) return leadIn(view, s);
  let end = clauseEnd(view, s, k);
  for (let i = k; i < s.tokenEnd; i++) {
    const q = view.quoteOpening(i);
    if (q && q.end > end) end = q.end;
  }
  return end > tokens[k].start ? { start: tokens[k].start, end } : null;
}

/** Where a content starting at `from` ends: before a comma that opens a clause of the writer's, else at the sentence's end. */
function clauseEnd(view: DocView, s: Sentence, from: number): number {
  const { tokens } = view;
  const { clauses, last } = cues.contentEnds;
  for (let i = from + 1; i + 1 < s.tokenEnd; i++) {
    if (tokens[i].text !== ',' || view.quoteAt(i)) continue;
    const w = tokens[i + 1].lower;
    if (clauses.has(w) || (last.has(w) && !tokens.slice(i + 2, s.tokenEnd).some((t) => t.text === ','))) return tokens[i - 1].end;
  }
  return view.contentEnd(s);
}

/** "She continued:" closing a paragraph leads into the quotation that opens the next one. */
function leadIn(view: DocView, s: Sentence): Span | null {
  const para = view.doc.paragraphs[s.paragraph];
  if (!/:\s*$/.test(view.doc.text.slice(s.start, s.end)) || s.end < para.end - 1) return null;
  const next = view.doc.paragraphs[s.paragraph + 1];
  const quote = next && view.doc.quotes.find((q) => q.start === next.start);
  return quote ? { start: quote.start, end: quote.end } : null;
}

/** Content before the cue: the quotation closing at `stop`, or the sentence up to it. */
function contentBefore(view: DocView, s: Sentence, stop: number): Span | null {
  const { tokens } = view;
  let last = stop - 1;
  while (last >= s.tokenStart && PUNCT_SKIP.test(tokens[last].text)) last--;
  if (last < s.tokenStart) return null;
  const quote = view.quoteClosing(last);
  if (quote) return { start: Math.min(quote.start, s.start), end: quote.end };
  return { start: s.start, end: tokens[last].end };
}

/** How far back an aside between a relative pronoun and its clause's subject may reach: ", according to AFP,". */
const ASIDE_REACH = 8;

/**
 * "a policy of turning boats away which, according to AFP, the UN has criticised": a reporting verb that closes a
 * relative clause has its object before it, in the relative pronoun's antecedent; the claim is the sentence up to
 * that pronoun, unless another reporting verb stands there ("Obama had proposed a tax, which Congress refused"),
 * when what the pronoun points back to is unclear. `first` is the subject's first token, `next` the token after
 * the verb.
 */
function objectRelative(view: DocView, s: Sentence, first: number, next: number): Span | null {
  const { tokens } = view;
  if (next < s.tokenEnd && !/^[,.;!?]$/.test(tokens[next].text)) return null;
  let j = first - 1;
  if (tokens[j]?.text === ',') {
    const stop = Math.max(s.tokenStart, j - ASIDE_REACH);
    do j--;
    while (j > stop && tokens[j].text !== ',');
    if (tokens[j].text !== ',') return null;
    j--;
  }
  if (j <= s.tokenStart || !sources.relativePronouns.has(tokens[j].lower)) return null;
  const antecedent = tokens[j - 1].text === ',' ? j - 2 : j - 1;
  if (antecedent < s.tokenStart || !isNoun(tokens[antecedent])) return null;
  for (let i = s.tokenStart; i < j; i++) if (tokens[i].pos === 'VERB' && cues.forms.has(tokens[i].lower)) return null;
  return contentBefore(view, s, j);
}

/**
 * "The report, he said, is deeply flawed": a claim the attribution interrupts runs on after it, to the sentence's
 * end; ", he said, adding …" and ", he said, in a statement" do not resume it. A quotation that resumes after
 * its attribution runs on to its closing mark.
 */
function aroundAside(view: DocView, s: Sentence, before: Span | null, next: number): Span | null {
  if (!before) return before;
  // "“My hope,” he said, “is that …”": the quotation resumes after its attribution
  const resumed = view.tokens[next]?.text === ',' && next + 1 < s.tokenEnd ? view.quoteOpening(next + 1) : undefined;
  if (resumed && view.quoteClosing(view.tokenRange(before)[1] - 1)) return { start: before.start, end: resumed.end };
  const [from, to] = view.tokenRange(before);
  if (!resumesAfter(view, next, from, to)) return before;
  const end = view.contentEnd(s);
  return end > view.tokens[next].end ? { start: before.start, end } : before;
}

/**
 * Whether the claim [from, to) before an attribution resumes after the comma at `comma`: not with "adding", "in a
 * statement", or a quotation; with a verb only when the claim so far has none ("The suspect, police said, fled"),
 * since after a whole clause a verb belongs to the attribution (", McCain said, asked about …").
 */
function resumesAfter(view: DocView, comma: number, from: number, to: number): boolean {
  const { tokens } = view;
  const after = tokens[comma + 1];
  if (tokens[comma]?.text !== ',' || !after || ['ADP', 'SCONJ', 'PUNCT'].includes(after.pos) || view.isQuoteMark(comma + 1)) return false;
  if (after.pos !== 'VERB') return true;
  for (let i = from; i < to; i++) if (isVerb(tokens[i].pos)) return false;
  return !gerund(after);
}

/**
 * The source of an inverted cue ("said Omar Farah, editor at large at the Harbor Gazette."), with its
 * appositive; a verb right after the phrase means it was the subject of a new clause instead.
 */
function invertedSource(view: DocView, s: Sentence, core: Range): Range | null {
  const { tokens } = view;
  for (let i = core[1]; i < Math.min(s.tokenEnd, core[1] + 2) && tokens[i].text !== ','; i++) if (isVerb(tokens[i].pos)) return null;
  return withAppositive(tokens, core, s);
}

/** `"…,"` or `"…?"`: a quotation closed as a whole clause, ready for its speaker; not a quoted title or word. */
function endsClause(view: DocView, mark: number): boolean {
  return !!view.quoteClosing(mark) && /^[,?!.'’]$/.test(view.tokens[mark - 1]?.text ?? '');
}

/**
 * `"…," said X` and `…, said the newspaper.` What comes before is a clause, a quotation, or a subject the sentence
 * resumes after the source ("The paradox of the plan, says Ruiz, is that …"); otherwise it is the verb's own
 * subject with an appositive ("Lena Ruiz, the mayor's deputy, noted the rule"), and what follows is its object.
 */
function inverted(view: DocView, s: Sentence, v: number): { mention: Range; content: Span } | null {
  const { tokens } = view;
  const prev = tokens[v - 1];
  if (view.tokens[v].lower.endsWith('ing')) return null; // ", highlighting the importance": a participle, not "said X"
  const quoted = view.isQuoteMark(v - 1) && endsClause(view, v - 1);
  if (!prev || v - 1 < s.tokenStart || !(prev.text === ',' || quoted)) return null;
  const who = tokens[v + 1];
  if (!who) return null;
  const core: Range | null = who.pos === 'PRON' ? [v + 1, v + 2] : phraseStartingAt(tokens, v + 1, s.tokenStart, s.tokenEnd);
  const mention = core && !timeOnly(tokens, core) ? invertedSource(view, s, core) : null;
  const resumed = !quoted && !!mention && resumesAfterSource(tokens, mention);
  if (!mention || !(quoted || resumed || clauseBefore(view, s, v))) return null;
  const before = contentBefore(view, s, v);
  const content = resumed ? aroundAside(view, s, before, mention[1]) : before;
  return content ? { mention, content } : null;
}

/**
 * Whether the sentence before the verb at `v` holds a verb or a quotation, other than in a relative clause set off
 * by a comma: "Ruiz, who had said she would testify, criticized the board" has a subject before its verb, no claim.
 */
function clauseBefore(view: DocView, s: Sentence, v: number): boolean {
  const { tokens } = view;
  for (let i = s.tokenStart; i < v - 1; i++) {
    if (view.isQuoteMark(i)) return true;
    if (tokens[i].text === ',' && sources.relativePronouns.has(tokens[i + 1]?.lower ?? '')) return false;
    if (isVerb(tokens[i].pos)) return true;
  }
  return false;
}

/** ", says Ruiz, is that …": a finite verb after the source's phrase; ", saying …" is the attribution's own. */
const resumesAfterSource = (tokens: Token[], [, end]: Range) => tokens[end]?.text === ',' && !!tokens[end + 1] && isVerb(tokens[end + 1].pos) && !gerund(tokens[end + 1]);

/** Findings are reported by studies, figures and researchers, or by a named source; "the scene showed" is no attribution. */
function fitsClass(head: Token, verb: VerbCue): boolean {
  const allowed = cues.classes[verb.class]?.sourceHeads;
  if (!allowed || head.pos !== 'NOUN' || sources.titles.has(head.lower)) return true;
  return allowed.some((type) => sources.types[type as keyof typeof sources.types]?.heads.has(head.lower));
}

/** "A poll of voters", "A study of children": a document before "of" heads the phrase, not the last word. */
function headBeforeOf(tokens: Token[], [from, to]: Range): Token {
  const of = documentOf(tokens, from + 1, to);
  return tokens[of < 0 ? to - 1 : of - 1];
}

/** What may open the clause after a bare verb the tagger read as a noun ("Many residents fear the closure will …"). */
const CLAUSE_AFTER_SUBJECT = new Set(['DET', 'PRON', 'PROPN']);
const CLAUSE_AFTER_ASIDE = new Set([...CLAUSE_AFTER_SUBJECT, 'NOUN', 'ADJ']);

/** The lexicon entry for a reporting verb at `v`; "states that" counts even where the tagger saw a plural noun. */
function cueVerb(view: DocView, s: Sentence, v: number): VerbCue | undefined {
  const t = view.tokens[v];
  if (isVerb(t.pos)) return cues.verbs.get(t.lemma);
  const next = view.tokens[v + 1];
  if (t.pos !== 'NOUN' || v === s.tokenStart) return undefined;
  // "the demands that come with the job": a relative "that" follows a noun, not a reporting verb
  const leadsContent = next && ((next.lower === 'that' && next.pos !== 'PRON') || next.text === ':' || (next.text === ',' && !!view.quoteOpening(v + 2)));
  if (t.lower.endsWith('s') && leadsContent) return cues.verbs.get(t.lower.slice(0, -1));
  // "Many residents fear the closure will ...": a bare verb after a plural subject, read as a noun. The subject may
  // end before an aside ("Results of the studies, published in 1989, show dicot species lose …") or a modifier
  // that ends in a time ("Figures released today show …"), and then the clause after the verb may open with a
  // noun too; only a lexicon verb is worth looking for its subject
  const verb = cues.verbs.get(t.lower);
  if (!verb) return undefined;
  const prev = view.tokens[v - 1];
  const found = prev.text === ',' || beforeTimeAdjunct(view.tokens, v - 1, s.tokenStart) < v - 1 ? subjectOf(view.tokens, s, v) : null;
  // an aside holds a verb ("published in 1989"); commas with none between are a list ("governors, state party chairs")
  const subject = found && view.tokens.slice(found[1], v).some((x) => isVerb(x.pos)) ? found : null;
  const last = subject ? view.tokens[subject[1] - 1] : prev;
  const opens = subject ? CLAUSE_AFTER_ASIDE : CLAUSE_AFTER_SUBJECT;
  const clause = leadsContent || (next && opens.has(next.pos) && view.tokens.slice(v + 2, Math.min(s.tokenEnd, v + 16)).some((x) => isVerb(x.pos)));
  return clause && (last.pos === 'NOUN' || last.pos === 'PROPN') && last.lower.endsWith('s') ? verb : undefined;
}

/** "was confirmed", "characterised by": the grammatical subject is not the one reporting. */
export function passive(view: DocView, s: Sentence, v: number): boolean {
  let j = v - 1;
  while (j >= s.tokenStart && view.tokens[j].pos === 'ADV') j--;
  if (view.tokens[v + 1]?.lower === 'by' && view.tokens[v + 2]?.pos !== 'NUM') return true;
  return j >= s.tokenStart && /^(is|are|was|were|be|been|being)$/.test(view.tokens[j].lower) && view.tokens[v].lemma !== view.tokens[v].lower && !view.tokens[v].lower.endsWith('ing');
}

/** The subject a participle after a comma reports for (", saying …", ", even suggesting …"); null for any other verb. */
export function participleSubject(view: DocView, s: Sentence, v: number): Range | null {
  return participle(view, s, v) ? clauseSubject(view, s, v) : null;
}

/** ", saying …", ", adding that …", "was quoted as saying …": a participle that reports for the subject of its clause. */
function participle(view: DocView, s: Sentence, v: number): boolean {
  const { tokens } = view;
  if (v - 1 <= s.tokenStart || !tokens[v].lower.endsWith('ing')) return false;
  return commaBeforeParticiple(tokens, s.tokenStart, v) >= 0 || (tokens[v - 1].lower === 'as' && cues.quotedAs.has(tokens[v - 2].lower));
}

/** ", saying …", ", even suggesting …": the comma that sets off a participle, past the adverbs before it; -1 if none. */
function commaBeforeParticiple(tokens: Token[], lo: number, v: number): number {
  if (!tokens[v].lower.endsWith('ing')) return -1;
  let k = v - 1;
  while (k > lo && tokens[k].pos === 'ADV') k--;
  return k > lo && tokens[k].text === ',' ? k : -1;
}

/** "Ortega promised to keep working with the union and said she would …": a second verb shares the subject of the first. */
const coordinated = (view: DocView, s: Sentence, v: number) => v - 1 > s.tokenStart && view.tokens[v - 1].lower === 'and';

const DATELINE_REACH = 8;

/** "WASHINGTON (AP) — Ruiz attacked …", "MANCHESTER, N.H. -- …": where a dateline opens the sentence, the index after its dash. */
function afterDateline(tokens: Token[], from: number, before: number): number {
  for (let i = from + 1; i < Math.min(before, from + DATELINE_REACH); i++) {
    // a dash set apart by spaces; "(R-Pa.)" and "Raleigh-based" are glued
    if (/^(?:-{1,2}|–|—)$/.test(tokens[i].text) && tokens[i].start > tokens[i - 1].end) return i + 1;
    if (!(tokens[i].pos === 'PROPN' || tokens[i].pos === 'PUNCT')) return from;
  }
  return from;
}

/** The subject that opens the clause, past a dateline and a leading adverbial ("Despite this, al-Assad continued …"). */
function clauseSubject(view: DocView, s: Sentence, before: number): Range | null {
  const { tokens } = view;
  let start = afterDateline(tokens, s.tokenStart, before);
  if (['ADP', 'SCONJ', 'ADV', 'CCONJ'].includes(tokens[start].pos)) {
    let comma = start + 1;
    while (comma < before && tokens[comma].text !== ',') comma++;
    if (comma >= before) return null;
    start = comma + 1;
  }
  if (tokens[start].pos === 'PRON') return [start, start + 1];
  return phraseStartingAt(tokens, start, s.tokenStart, before);
}

/**
 * "was reported by Reuters" names its source after "by"; "is said to", "it was reported that" name none: a vague
 * attribution, which the fact-checker should treat as unsourced.
 */
function passiveCue(view: DocView, s: Sentence, v: number, verb: VerbCue): Cue | null {
  const { tokens } = view;
  const cue = { ...cueSpan(view, v, 0), lemma: verb.lemma };
  const agent = tokens[v + 1]?.lower === 'by' ? phraseStartingAt(tokens, v + 2, s.tokenStart, s.tokenEnd) : null;
  if (agent && verb.class === 'speech') {
    const content = { start: s.start, end: view.contentEnd(s) };
    return { pattern: 'verb', cue, mention: view.charSpan(agent[0], agent[1]), content, confidence: 0.75 };
  }
  if (agent || !cues.vaguePassives.has(verb.lemma)) return null;
  const that = tokens[v + 1]?.lower === 'that' && v + 2 < s.tokenEnd ? v + 1 : -1;
  const content = that > 0 ? { start: tokens[that].start, end: view.contentEnd(s) } : { start: s.start, end: view.contentEnd(s) };
  return { pattern: 'vague', cue, mention: null, content, confidence: 0.5 };
}

/** Cues led by a reporting verb from models/cues.json: "X said (that) …", "…, X said", "said X", "X told Y: …". */
export function verbCues(view: DocView, s: Sentence): Cue[] {
  const { tokens } = view;
  const found: Cue[] = [];
  for (let v = s.tokenStart; v < s.tokenEnd; v++) {
    const verb = cueVerb(view, s, v);
    if (!verb || view.quoteAt(v)) continue;
    if (passive(view, s, v)) {
      const cue = passiveCue(view, s, v, verb);
      if (cue) found.push(cue);
      continue;
    }
    const ctx = context(view, s, v, verb);
    const met = (verb.needs ?? []).filter((n) => (n in ctx && n !== 'ahead' && n !== 'next' ? ctx[n as 'that'] : ctx.ahead(n)));
    if (verb.needs && !met.length) continue;
    // a verb allowed only at the end of its sentence ("…, the source added.") must have its content before it
    const onlyTrailing = met.length === 1 && met[0] === 'end';
    const particle = PARTICLES.has(tokens[ctx.next]?.lower ?? '') && verb.needs?.includes(tokens[ctx.next].lower) ? 1 : 0;
    const confidence = cues.classes[verb.class]?.confidence ?? 0.7;
    const base = { cue: { ...cueSpan(view, v, particle), lemma: verb.lemma }, confidence };
    // "“…,” the union's president, Tom Hale, told reporters": a comma before a verb with an object closes an aside
    // a verb the tagger read as a noun was found after its subject ("Results …, published in 1989, show …")
    const inv = (verb.object && tokens[v - 1]?.text === ',') || !isVerb(tokens[v].pos) ? null : inverted(view, s, v);
    if (inv) {
      found.push({ pattern: 'inverted', ...base, mention: view.charSpan(inv.mention[0], inv.mention[1]), content: inv.content });
      continue;
    }
    const subject = participle(view, s, v) ? clauseSubject(view, s, v) : subjectOf(tokens, s, v) ?? (coordinated(view, s, v) ? clauseSubject(view, s, v) : null);
    if (!subject || !(fitsClass(tokens[subject[1] - 1], verb) || fitsClass(headBeforeOf(tokens, subject), verb))) continue;
    const mention = view.charSpan(subject[0], subject[1]);
    const pronoun = relativeSubject(tokens, s, v);
    const relative = pronoun && pronoun[0] >= subject[1] ? view.charSpan(pronoun[0], pronoun[1]) : undefined;
    const source = relative ? { mention, relative } : { mention };
    const antecedent = objectRelative(view, s, subject[0], ctx.next);
    if (antecedent) {
      found.push({ pattern: 'verb', ...base, ...source, content: antecedent });
      continue;
    }
    const before = subject[0] > s.tokenStart ? tokens[subject[0] - 1] : undefined;
    const afterQuote = !!before && view.isQuoteMark(subject[0] - 1) && endsClause(view, subject[0] - 1) && !ctx.that && !ctx.colon;
    // after a comma the cue closes its sentence, or is an aside the claim resumes after ("But to prevent
    // problems, he said, officials should be vigilant")
    const as = asClauseAt(view, s, subject[0], ctx.next + particle);
    const asClause = as >= 0;
    const trailing = asClause || afterQuote || (before?.text === ',' && (ctx.end || resumesAfter(view, ctx.next + particle, s.tokenStart, subject[0])));
    if (onlyTrailing && !trailing) continue;
    const reported = trailing ? aroundAside(view, s, contentBefore(view, s, asClause ? as : subject[0]), ctx.next + particle) : contentAfter(view, s, ctx.next + particle);
    const content = reported && relative ? relativeClauseEnd(view, reported) : reported;
    if (!content) continue;
    found.push({ pattern: trailing ? 'inverted' : 'verb', ...base, ...source, content });
  }
  return endBeforeNextClause(view, found);
}

/**
 * "The mayor, as the Times reported, resigned", "…, as one of the advisers pointed out.": an "as" clause set off by a
 * comma, its verb closing it, frames the rest of the sentence; the index of its "as", or -1. After an opening
 * adverbial ("Of course, as X observed, …") the content is what follows, as for any cue.
 */
function asClauseAt(view: DocView, s: Sentence, subject: number, after: number): number {
  const { tokens } = view;
  const as = subject - 1;
  if (as - 1 <= s.tokenStart || tokens[as].lower !== 'as' || tokens[as - 1].text !== ',') return -1;
  if (after < s.tokenEnd && !/^[,.!?]$/.test(tokens[after].text)) return -1;
  return ['ADV', 'ADP', 'CCONJ', 'SCONJ'].includes(tokens[s.tokenStart].pos) ? -1 : as;
}

/**
 * "The senator, who has long dismissed calls to resign, floated …": a relative clause's content ends at the
 * comma after which the main clause's verb resumes (on the train texts, 35 claims that ran on into the main clause).
 */
function relativeClauseEnd(view: DocView, content: Span): Span {
  const { tokens } = view;
  const [a, b] = view.tokenRange(content);
  for (let i = a + 1; i < b; i++) {
    if (tokens[i].text !== ',' || view.quoteAt(i)) continue;
    let k = i + 1;
    while (k < b && tokens[k].pos === 'ADV') k++;
    if (k < b && isVerb(tokens[k].pos)) return { start: content.start, end: tokens[i - 1].end };
  }
  return content;
}

/**
 * Where a later cue opens its own clause, an earlier content ends before it: "Analysts said A, citing B" (a
 * participle after a comma, reporting for the same subject) and "Obama said A, and aid groups warned B" (a new
 * subject after a comma and a conjunction, or after a semicolon). Only contents running over the clause are cut.
 */
function endBeforeNextClause(view: DocView, found: Cue[]): Cue[] {
  const { tokens } = view;
  const cuts = found.flatMap((c) => {
    if (c.pattern !== 'verb') return [];
    const [first, last] = view.tokenRange(c.cue!);
    for (let v = first; v < last; v++) {
      const comma = commaBeforeParticiple(tokens, 0, v);
      if (comma >= 0) return [comma];
    }
    const [m] = view.tokenRange(c.mention!);
    if (tokens[m - 1]?.text === ';') return [m - 1];
    return cues.contentEnds.beforeCue.has(tokens[m - 1]?.lower ?? '') && tokens[m - 2]?.text === ',' ? [m - 2] : [];
  });
  if (!cuts.length) return found;
  return found.map((c) => {
    const cut = cuts.find((k) => tokens[k].start > c.cue!.end && tokens[k].start > c.content.start && tokens[k].start < c.content.end);
    return cut === undefined ? c : { ...c, content: { start: c.content.start, end: tokens[cut - 1].end } };
  });
}
