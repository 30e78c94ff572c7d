import { sources } from '../models/index.js';
import type { Sentence, Token } from '../types.js';

/** Noun-phrase extents over wink's POS tags: enough syntax to find who is speaking, without a parser. */

const NOMINAL = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const INNER_PUNCT = new Set(['-', '.', '&', "'", '’']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const LINKS = new Set(['of', 'for', 'at', 'on', 'by', 'from']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my']);

export const isNoun = (t: Token | undefined) => !!t && (t.pos === 'NOUN' || t.pos === 'PROPN');
const isName = (t: Token | undefined) => !!t && (t.pos === 'PROPN' || /^[A-Z]/.test(t.text)) && /\w/.test(t.text);

export type Range = [number, number];

/** Hyphenated compounds ("well-informed", "al-Assad") act as one word whatever their parts were tagged. */
function hyphenated(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  const left = tokens[i - 1];
  const right = tokens[i + 1];
  return /^\w/.test(t.text) && ((right?.text === '-' && right.start === t.end) || (left?.text === '-' && left.end === t.start));
}

export const gerund = (t: Token) => t.pos === 'VERB' && t.lower.endsWith('ing');

/** "eight of 10 voters", "12% of Democrats", "many of his supporters": what takes a part of the group after "of". */
const partitive = (t: Token) => t.pos === 'NUM' || t.text === '%' || sources.partitives.has(t.lower);

/** Tokens that may stand inside a noun phrase, given its neighbours (left and right). */
function inside(tokens: Token[], i: number, lo: number, hi: number): boolean {
  const t = tokens[i];
  const left = i > lo ? tokens[i - 1] : undefined;
  const right = i + 1 < hi ? tokens[i + 1] : undefined;
  if (NOMINAL.has(t.pos) && t.pos !== 'DET') return true;
  if (hyphenated(tokens, i)) return true;
  if (POSSESSIVE.has(t.text) || t.pos === 'PART' && POSSESSIVE.has(t.lower)) return !!left && isNoun(left);
  if (INNER_PUNCT.has(t.text)) return !!left && !!right && /\w$/.test(left.text) && /^\w/.test(right.text) && left.end === t.start && t.end === right.start;
  if (t.lower === 'and' || t.lower === '&') return isName(left) && isName(right);
  if (t.lower === 'of' && !!left && !!right && partitive(left)) return NOMINAL.has(right.pos) || right.pos === 'PRON' || POSSESSIVE_PRONOUNS.has(right.lower) || right.pos === 'VERB';
  if (LINKS.has(t.lower)) return !!left && !!right && isNoun(left) && (NOMINAL.has(right.pos) || POSSESSIVE_PRONOUNS.has(right.lower));
  if (t.text === '%') return left?.pos === 'NUM';
  // "48 percent of registered members": a participle after "of" and before its noun
  if (t.pos === 'VERB' && t.lower.endsWith('ed') && left?.lower === 'of' && right?.pos === 'NOUN') return true;
  if (POSSESSIVE_PRONOUNS.has(t.lower)) return !!right && NOMINAL.has(right.pos);
  // "an Internet posting made ...": a gerund the tagger read as a verb, heading the phrase before it
  if (gerund(t) && !!left && NOMINAL.has(left.pos) && (!right || !NOMINAL.has(right.pos))) return true;
  // "the leaked letter": a participle used as an adjective
  if (t.pos === 'VERB' && t.lower.endsWith('ed') && !!left && (left.pos === 'DET' || left.pos === 'ADJ') && !!right && (right.pos === 'NOUN' || right.pos === 'ADJ')) return true;
  return false;
}

/** Whether the run of names ending at `last` follows a verb, an auxiliary or an adverb: it completes a predicate. */
function predicateBefore(tokens: Token[], last: number, lo: number): boolean {
  let j = last;
  while (j >= lo && tokens[j].pos === 'PROPN') j--;
  return j >= lo && ['VERB', 'AUX', 'ADV'].includes(tokens[j].pos);
}

/** The noun phrase that ends at token `last`, scanning left no further than `lo`. */
export function phraseEndingAt(tokens: Token[], last: number, lo: number, hi: number): Range | null {
  let i = last;
  while (i >= lo) {
    const t = tokens[i];
    if (t.pos === 'DET') {
      i--;
      // a determiner opens the phrase, unless a linking preposition joins it to a longer one
      if (i >= lo && LINKS.has(tokens[i].lower) && inside(tokens, i, lo, hi)) continue;
      // "the United Nations and the United States": coordinated names, unless the first closes a clause's
      // predicate ("Bhutan is largely Buddhist and the United Nations says")
      if (i > lo && tokens[i].lower === 'and' && tokens[i - 1].pos === 'PROPN' && tokens[i + 2]?.pos === 'PROPN' && !predicateBefore(tokens, i - 1, lo)) {
        i--;
        continue;
      }
      break;
    }
    if (!inside(tokens, i, lo, hi)) break;
    i--;
  }
  let start = i + 1;
  while (start <= last && !NOMINAL.has(tokens[start].pos) && !POSSESSIVE_PRONOUNS.has(tokens[start].lower) && !hyphenated(tokens, start)) start++;
  // "Nearly eight of 10 voters", "About 12% of Democrats": the adverb of a number opening the phrase
  if (start - 1 >= lo && start <= last && tokens[start].pos === 'NUM' && (tokens[start - 1].pos === 'ADV' || tokens[start - 1].lower === 'about')) start--;
  let end = last + 1;
  while (end > start && !isNoun(tokens[end - 1]) && tokens[end - 1].pos !== 'NUM' && !(tokens[end - 1].pos === 'ADJ' && end - 1 === last)) end--;
  return end > start ? [start, end] : null;
}

/** The noun phrase that starts at token `first`, scanning right no further than `hi`. */
export function phraseStartingAt(tokens: Token[], first: number, lo: number, hi: number): Range | null {
  let i = first;
  if (i < hi && (tokens[i].pos === 'DET' || POSSESSIVE_PRONOUNS.has(tokens[i].lower))) i++;
  while (i < hi) {
    const t = tokens[i];
    if (t.pos === 'DET' && i > first && LINKS.has(tokens[i - 1].lower)) {
      i++;
      continue;
    }
    if (t.pos === 'DET' || !inside(tokens, i, lo, hi)) break;
    i++;
  }
  let end = i;
  while (end > first && !isNoun(tokens[end - 1]) && tokens[end - 1].pos !== 'NUM' && !gerund(tokens[end - 1])) end--;
  return end > first ? [first, end] : null;
}

/** A phrase with the appositive after its comma, if one follows: "Omar Farah, editor at large at the Harbor Gazette". */
export function withAppositive(tokens: Token[], core: Range, s: Sentence): Range {
  if (tokens[core[1]]?.text !== ',') return core;
  const appositive = phraseStartingAt(tokens, core[1] + 1, s.tokenStart, s.tokenEnd);
  return appositive ? [core[0], appositive[1]] : core;
}

const personal = (t: Token) =>
  t.pos === 'PRON' && (sources.personPronouns.has(t.lower) || sources.pluralPronouns.has(t.lower) || sources.thingPronouns.has(t.lower) || sources.participants.has(t.lower));

/** Words that can sit between a subject and its verb: "also", "has", "had been", "reportedly", "not". */
const betweenSubjectAndVerb = (t: Token) => t.pos === 'ADV' || t.pos === 'AUX' || t.pos === 'PART' && t.lower !== "'s" && t.lower !== '’s';

/**
 * "The UN and the US have both criticised", "they each said", "Ford itself said": a quantifier or an intensifying
 * reflexive after its subject, not the subject itself.
 */
const floatingAt = (tokens: Token[], j: number, lo: number) =>
  j > lo && (sources.floatingQuantifiers.has(tokens[j].lower) || sources.intensifiers.has(tokens[j].lower)) && ['NOUN', 'PROPN', 'PRON', 'AUX'].includes(tokens[j - 1].pos);

const YEAR = /^(?:1[89]|20)\d\d$/;
const timeWord = (t: Token) => sources.time.words.has(t.lower) || (t.pos === 'NUM' && YEAR.test(t.text));

/**
 * "The council on Friday pledged", "who in 2010 said", "Lawmakers last week said": where a time expression ends at
 * `j`, the index before it; else `j`. It opens with one of its openers ("on", "last"), or is one word that
 * stands alone ("The council Friday voted"); a month or a year alone may end a name or a phrase ("the May 2015").
 */
export function beforeTimeAdjunct(tokens: Token[], j: number, lo: number): number {
  if (j < lo || !timeWord(tokens[j])) return j;
  const { openers, alone } = sources.time;
  let a = j;
  while (a - 1 >= lo && (timeWord(tokens[a - 1]) || openers.has(tokens[a - 1].lower) || ['NUM', 'ADJ'].includes(tokens[a - 1].pos))) a--;
  while (a < j && !openers.has(tokens[a].lower)) a++;
  // "USA TODAY reported": a capitalised day word is part of a name
  const opened = openers.has(tokens[a].lower) || (a === j && alone.has(tokens[j].lower) && tokens[j].text !== tokens[j].text.toUpperCase());
  return opened && a - 1 >= lo ? a - 1 : j;
}

/** "Friday", "last week": a phrase that only tells a time, which never speaks ("The deal, announced Friday, would …"). */
export const timeOnly = (tokens: Token[], [from, to]: Range) =>
  tokens.slice(from, to).every((t) => timeWord(t) || sources.time.openers.has(t.lower)) && timeWord(tokens[to - 1]);

/**
 * "said Thursday the flights would resume", "said on Friday it would": where a time expression opens at `k`, the
 * index after it; else `k`. PolNeAR leaves it out of the content (on train 133 times, against 17 inside).
 */
export function afterTimeAdjunct(tokens: Token[], k: number, hi: number): number {
  const { openers, alone } = sources.time;
  const t = tokens[k];
  const lone = !!t && alone.has(t.lower) && t.text !== t.text.toUpperCase();
  if (!t || !(lone || openers.has(t.lower))) return k;
  let b = k + 1;
  while (b < hi && (timeWord(tokens[b]) || (!lone && ['NUM', 'ADJ'].includes(tokens[b].pos)))) b++;
  // "saying this year will …", "said Thursday's speeches …": the time opens the clause's subject
  if (b < hi && (isVerb(tokens[b].pos) || /^['’]s?$/.test(tokens[b].text))) return k;
  return lone || (b > k + 1 && timeWord(tokens[b - 1])) ? b : k;
}

/** A verb or an auxiliary, by part of speech. */
export const isVerb = (pos: string) => pos === 'VERB' || pos === 'AUX';

function hasVerb(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isVerb(tokens[i].pos)) return true;
  return false;
}

/**
 * "Professor Lena Vogt, head of the survey, and chair of the institute, says": walk back over the
 * comma-separated asides (none holds a verb) to the leftmost chunk that is a whole noun phrase.
 */
function subjectBeforeAsides(tokens: Token[], lo: number, comma: number): Range | null {
  const chunks: Range[] = [];
  let end = comma;
  while (end > lo) {
    let p = end - 1;
    while (p >= lo && tokens[p].text !== ',' && !/^["“”']$/.test(tokens[p].text)) p--;
    if (hasVerb(tokens, p + 1, end)) {
      // "Results of the field trials, published in a paper by J. Moreno, show" and "Dr. Sesay, who led the trial, said": asides
      if (p >= lo && tokens[p].text === ',' && (tokens[p + 1].pos === 'VERB' || /^(who|which)$/.test(tokens[p + 1].lower))) {
        end = p;
        continue;
      }
      // "The results of the study published this week, revealed ...": the clause-initial phrase
      if (p < lo && chunks.length === 0) return phraseStartingAt(tokens, lo, lo, end);
      break;
    }
    chunks.unshift([p + 1, end]);
    if (p < lo || tokens[p].text !== ',') break; // the sentence start, or the quotation the subject follows
    end = p;
  }
  for (let k = 0; k < chunks.length; k++) {
    const [a, b] = chunks[k];
    // "Sen. Ana Ruiz (D-NY)": the phrase before a bracket that closes the chunk
    const open = tokens[b - 1].text === ')' ? tokens.slice(a, b).findIndex((t) => t.text === '(') + a : -1;
    const end = open > a ? open : b;
    const np = phraseEndingAt(tokens, end - 1, a, end);
    if (!np || np[0] !== a || np[1] !== end) continue;
    const next = chunks[k + 1];
    const appositive = next && (NOMINAL.has(tokens[next[0]].pos) || POSSESSIVE_PRONOUNS.has(tokens[next[0]].lower));
    return appositive ? [a, next[1]] : [a, b];
  }
  return null;
}

/** A verb form that can modify a noun: "published", "written", "documenting". */
const participleForm = (t: Token) => t.pos === 'VERB' && /(?:ed|en|ing)$/.test(t.lower);

/** "A study that appeared in …", "companies that had insured …": a relative pronoun and the verb of its clause. */
function opensRelative(tokens: Token[], k: number): boolean {
  if (!sources.relativePronouns.has(tokens[k].lower)) return false;
  let i = k + 1;
  while (tokens[i] && betweenSubjectAndVerb(tokens[i])) i++;
  return tokens[i]?.pos === 'VERB';
}

/**
 * A modifier after a noun: "documenting …" (an -ing form without an auxiliary is never the clause's verb),
 * "published in …" (a past form followed by a preposition, not by an object as in "revealed the plan"), "familiar
 * with …", "close to …" (an adjective with its preposition), "to be …".
 */
function opensModifier(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  if (gerund(t) || sources.nounPrepositions.has(t.lower) || opensRelative(tokens, k)) return true;
  if (participleForm(t)) return !!next && (next.pos === 'ADP' || next.pos === 'PART');
  if (t.pos === 'ADJ') return !!next && sources.modifierPrepositions.has(next.lower);
  return t.lower === 'to' && !!next && (next.pos === 'VERB' || next.pos === 'AUX');
}

/**
 * "A study published in Nature found", "A report released on Tuesday by the ministry says": the phrase right before
 * the verb lies inside a modifier of the subject, which is the sentence's first phrase, after an opening adverbial
 * if there is one ("On Tuesday, a study published …"), when a participle or "to" follows it and nothing between
 * could open a clause of its own.
 */
function modifiedSubject(tokens: Token[], lo: number, core: Range): Range | null {
  // the phrase must sit inside the modifier, after its preposition or verb: after a comma it opens the clause
  if (!['ADP', 'VERB', 'PART', 'CCONJ'].includes(tokens[core[0] - 1]?.pos ?? '')) return null;
  let intro = lo;
  while (intro < core[0] && tokens[intro].text !== ',' && tokens[intro].pos !== 'VERB' && tokens[intro].pos !== 'AUX') intro++;
  const starts = intro > lo && intro < core[0] && tokens[intro].text === ',' ? [lo, intro + 1] : [lo];
  for (const start of starts) {
    const subject = subjectBeforeModifier(tokens, start, core);
    if (subject) return subject;
  }
  return null;
}

function subjectBeforeModifier(tokens: Token[], lo: number, core: Range): Range | null {
  const first = phraseStartingAt(tokens, lo, lo, core[0]);
  const coordinated = tokens[core[0] - 1].pos === 'CCONJ';
  // "Six in 10 voters said" is a proportion of the voters, not a modified "Six"
  if (!first || first[1] >= core[0] || !tokens.slice(first[0], first[1]).some(isNoun)) return null;
  // "A second official speaking to the radio station said": the -ing form opens the modifier
  if (first[1] - first[0] > 1 && gerund(tokens[first[1] - 1])) first[1]--;
  let k = first[1];
  if (tokens[k].text === ',') k++;
  if (!opensModifier(tokens, k)) return null;
  // a relative clause has a verb of its own: "companies that had insured …"
  let from = k + 1;
  if (opensRelative(tokens, k)) {
    while (tokens[from].pos !== 'VERB') from++;
    from++;
  }
  // "Officials in Washington say": a prepositional modifier holds no verb; one that did would open a clause
  const prepositional = sources.nounPrepositions.has(tokens[k].lower);
  if (coordinated && !prepositional) return null;
  for (let i = from; i < core[0]; i++) {
    const t = tokens[i];
    if (prepositional && (t.pos === 'VERB' || t.pos === 'AUX')) return null;
    // with no verb in it, "and" in a prepositional modifier joins its nouns: "Residents in the town and nearby villages"
    if (prepositional && t.pos === 'CCONJ') continue;
    const afterTo = tokens[i - 1].lower === 'to' || tokens[i - 1].pos === 'AUX';
    if (t.pos === 'VERB' && !participleForm(t) && !afterTo) return null;
    if (t.pos === 'AUX' && tokens[i - 1].lower !== 'to') return null;
    if (['CCONJ', 'SCONJ', 'PRON'].includes(t.pos) || /^["“”;:]$/.test(t.text)) return null;
    // "The mayor resigned on Monday, as the Times reported": a comma and a preposition open a clause of their own
    if (t.text === ',' && tokens[i + 1]?.pos === 'ADP') return null;
  }
  return first;
}

/** "A poll of voters", "the results of the study": the first "of" in [from, to) right after a document's head, or -1. */
export function documentOf(tokens: Token[], from: number, to: number): number {
  for (let i = Math.max(from, 1); i < to; i++) if (tokens[i].lower === 'of' && sources.types.document.heads.has(tokens[i - 1].lower)) return i;
  return -1;
}

const PARTICIPLE_GROUP = new Set(['VERB', 'AUX', 'PART']);

/**
 * "Figures released today show", "A poll of voters to be published on Monday says": a participle and a time right
 * before the verb modify the phrase before them; where that phrase ends, or undefined.
 */
function modifiedBeforeTime(tokens: Token[], lo: number, v: number): number | undefined {
  const j = beforeTimeAdjunct(tokens, v - 1, lo);
  if (j === v - 1 || j < lo || !participleForm(tokens[j])) return undefined;
  let k = j;
  while (k > lo && PARTICIPLE_GROUP.has(tokens[k].pos)) k--;
  return PARTICIPLE_GROUP.has(tokens[k].pos) ? undefined : k;
}
const isRelative = (t: Token) => t.pos === 'PRON' && sources.relativePronouns.has(t.lower) && t.lower !== 'that';

/** The last token of the verb's subject: past adverbs, auxiliaries, floating quantifiers and time expressions. */
function subjectEnd(tokens: Token[], lo: number, v: number): number {
  let j = v - 1;
  for (let skipped = -1; skipped !== j; ) {
    skipped = j;
    while (j >= lo && (betweenSubjectAndVerb(tokens[j]) || floatingAt(tokens, j, lo))) j--;
    if (j >= lo) j = beforeTimeAdjunct(tokens, j, lo);
  }
  return j;
}

/**
 * "Sexton was quick to point out", "voters are more likely to say": where the verb's subject ends at an adjective
 * before "to", the subject is that of "be" before it. None (-1) for "It is important to remember", "Whether it
 * works is hard to say" (the subject is what is said, not who says it) or "has more to say".
 */
function predicativeSubjectEnd(tokens: Token[], lo: number, j: number): number {
  if (j < lo || tokens[j].pos !== 'ADJ' || tokens[j + 1]?.lower !== 'to') return j;
  if (sources.toughAdjectives.has(tokens[j].lower)) return -1;
  let k = j - 1;
  let copula = false;
  for (; k >= lo && betweenSubjectAndVerb(tokens[k]); k--) if (sources.beForms.has(tokens[k].lower)) copula = true;
  return copula && k >= lo && tokens[k].lower !== 'it' ? k : -1;
}

/** "Mr. Kamin, who emphasized …": the relative pronoun that stands for the verb's subject, which subjectOf finds before it. */
export function relativeSubject(tokens: Token[], s: Sentence, v: number): Range | null {
  const j = subjectEnd(tokens, s.tokenStart, v);
  return j >= s.tokenStart && isRelative(tokens[j]) ? [j, j + 1] : null;
}

/**
 * "Farmers and their lawyers say", "RT and its defenders say": two phrases joined by "and" that open their clause
 * are one subject; a phrase after a verb ("… is mainly Buddhist and the UN says") is not.
 */
function coordinatedSubject(tokens: Token[], lo: number, core: Range): Range | null {
  const and = core[0] - 1;
  if (and - 1 < lo || tokens[and].lower !== 'and') return null;
  // the second phrase has a determiner of its own: "the businessman and reality star" is one person, "current and
  // former officials" one group
  const second = tokens[core[0]];
  if (second.pos !== 'DET' && !POSSESSIVE_PRONOUNS.has(second.lower)) return null;
  const first = phraseEndingAt(tokens, and - 1, lo, core[0]);
  if (!first || !isNoun(tokens[first[1] - 1])) return null;
  const before = tokens[first[0] - 1];
  const opens = first[0] === lo || /^[,;:"“”']$/.test(before.text) || before.pos === 'SCONJ';
  return opens ? [first[0], core[1]] : null;
}

/**
 * The subject of the verb at `v`: a pronoun, a noun phrase with its appositive ("Ada Brenner, the State
 * Department's spokeswoman, said"), a title before a name ("Malaysia's Prime Minister, Najib Razak said"),
 * or the antecedent of "which"/"who".
 */
export function subjectOf(tokens: Token[], s: Sentence, v: number): Range | null {
  const found = clauseSubjectOf(tokens, s, v);
  return found && found[1] === v - 1 && tokens[v - 1].lower === 'to' ? infinitiveSubject(tokens, s, found) : found;
}

/** Heads of phrases that can speak: names, pronouns, people, bodies, documents. */
const SPEAKER_HEADS = new Set([...sources.titles, ...sources.peopleNouns, ...Object.values(sources.types).flatMap((lex) => [...lex.heads])]);
const speakerLike = (t: Token) => t.pos === 'PROPN' || t.pos === 'PRON' || SPEAKER_HEADS.has(t.lower) || SPEAKER_HEADS.has(t.lower.replace(/s$/, ''));

/**
 * "Okoro will join the show to talk about …", "Zucker took the opportunity to comment": the phrase before an
 * infinitive cue is its subject only when it can speak and follows no preposition but "for" ("for the Americans to
 * support"); otherwise the infinitive shares the subject of the verb that governs that phrase, or has none ("his
 * inability to answer").
 */
function infinitiveSubject(tokens: Token[], s: Sentence, np: Range): Range | null {
  const before = tokens[np[0] - 1];
  const speaker = speakerLike(tokens[np[1] - 1]);
  if (speaker && !(before?.pos === 'ADP' && before.lower !== 'for')) return np;
  let g = np[0] - 1;
  while (g > s.tokenStart && !isVerb(tokens[g].pos)) g--;
  if (g <= s.tokenStart || tokens[g - 1]?.lower === 'to') return null;
  return clauseSubjectOf(tokens, s, g);
}

/** The subject of the clause the verb at `v` heads, whatever the verb's form. */
function clauseSubjectOf(tokens: Token[], s: Sentence, v: number): Range | null {
  const lo = s.tokenStart;
  const j = predicativeSubjectEnd(tokens, lo, modifiedBeforeTime(tokens, lo, v) ?? subjectEnd(tokens, lo, v));
  if (j < lo) return null;
  const t = tokens[j];
  if (personal(t)) return [j, j + 1];
  if (isRelative(t)) {
    let k = j - 1;
    if (k >= lo && tokens[k].text === ',') k--;
    return k >= lo ? phraseEndingAt(tokens, k, lo, v) : null;
  }
  if (t.text === ')') {
    // "The World Health Organisation (WHO) recommends", "Rep. Gwen Moore (D-Wis.) said": a bracket inside the name
    let open = j - 1;
    while (open > lo && open > j - 9 && tokens[open].text !== '(') open--;
    if (open > lo && tokens[open].text === '(') {
      const core = phraseEndingAt(tokens, open - 1, lo, v);
      return core ? [core[0], j + 1] : null;
    }
    return null;
  }
  if (t.text === ',') return subjectBeforeAsides(tokens, lo, j);
  const core = phraseEndingAt(tokens, j, lo, v);
  if (!core) return null;
  const by = core[0] - 1;
  if (by - 2 >= lo && tokens[by].lower === 'by' && tokens[by - 1].pos === 'VERB') {
    // "A leaked memo seen by the Daily Ledger says": the memo speaks; the Ledger only saw it
    const speaker = phraseEndingAt(tokens, by - 2, lo, v);
    if (speaker) return speaker;
  }
  // an -ing verb modifies the phrase right before it ("the request of the city asking …")
  const modified = tokens[v].lower.endsWith('ing') ? null : modifiedSubject(tokens, lo, core);
  if (modified) return modified;
  const coordinated = coordinatedSubject(tokens, lo, core);
  if (coordinated) return coordinated;
  const before = core[0] - 1;
  if (before > lo && tokens[before].text === ',' && tokens.slice(core[0], core[1]).every(isName)) {
    // "Malaysia's Prime Minister, Najib Razak said": a title phrase before the comma belongs to the name
    const title = phraseEndingAt(tokens, before - 1, lo, v);
    if (title && sources.titles.has(tokens[title[1] - 1].lower)) return [title[0], core[1]];
  }
  return core;
}
