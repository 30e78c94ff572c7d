import { cues, nameWords, sources, type Gender } from '../models/index.js';
import type { SourceType, Token } from '../types.js';
import { boundedCache } from '../cache.js';
import { tagName } from './names.js';
import { documentOf } from '../detect/np.js';

/** What a mention says about its source before any coreference: a pronoun, a name, or a description. */
export interface MentionInfo {
  form: 'pronoun' | 'name' | 'description';
  /** The canonical name it proposes: the name without titles, or the description without its article. */
  name: string;
  type: SourceType;
  /** Lowercased head noun of a description, or the pronoun itself. */
  head: string;
  plural: boolean;
  definite: boolean;
  /** Other names the text gives it on the spot: "(WHO)". */
  aliases: string[];
  /** What an appositive calls a named person: "Ahmed Hafez, the ministry spokesman" → spokesman. */
  role?: string;
  /** A person's, from a gendered pronoun, an honorific ("Mrs. Clinton") or a first name ("Hillary Clinton"). */
  gender?: Gender;
  /** A lone name no lexicon types ("Brafman"): typed an organisation, but a person pronoun may refer to it. */
  guessed?: boolean;
  /** The writer or the reader ("I", "we", "you"): who a fact-checker does not count as a cited source. */
  participant?: boolean;
}

const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'de', 'da', 'del', 'di', 'van', 'von', 'der', 'le', 'la', 'du', 'dos']);
const JOINERS = new Set(['of', 'and', '&', 'for', 'the', '-', '.', 'de', 'del']);
const CALENDAR = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|today|yesterday)$/i;
const POSSESSIVE = /^['’]s?$/;
const POSTMODIFIERS = new Set(['of', ',', 'on', 'at', 'from', 'for', 'by', 'in', 'with']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their']);

const capital = (t: Token) => /^[A-Z0-9]/.test(t.text) && /\w/.test(t.text);
/** Every head noun the lexicon types a source by, in one set. */
const HEADS = new Set(Object.values(sources.types).flatMap((lex) => [...lex.heads]));
const commonHead = (w: string) => HEADS.has(w);
/** Words a description's head is compared with: source heads, titles, and the heads that refer back. */
const KNOWN_HEADS = new Set([...HEADS, ...sources.titles, ...sources.peopleNouns, ...sources.coreference.keys()]);
const SINGULAR: Array<[RegExp, string]> = [[/men$/, 'man'], [/ies$/, 'y'], [/es$/, ''], [/s$/, '']];

/**
 * Heads that name people rather than something a name owns or issues: "Obama's aides" are not Obama, while
 * "Clinton's campaign", "the ministry's report" and "Trump's tweet" speak for their owner.
 */
const peopleHead = (head: string) => sources.peopleNouns.has(head) || sources.titles.has(head) || sources.types.anonymous.heads.has(head) || sources.types.vague.heads.has(head);

/** Heads match in the lexicon's form, singular or plural: "spokesmen" → "spokesman", "agencies" → "agency". */
function headWord(t: Token): string {
  if (KNOWN_HEADS.has(t.lower)) return t.lower;
  for (const [plural, singular] of SINGULAR) {
    const candidate = t.lower.replace(plural, singular);
    if (candidate !== t.lower && KNOWN_HEADS.has(candidate)) return candidate;
  }
  return t.lower;
}

interface Run {
  tokens: Token[];
  possessor: boolean;
  titled: boolean;
  /** Runs split out of one coordination ("X and Y") share this number. */
  coordination?: number;
}

const join = (tokens: Token[]) => tokens.map((t, i) => (i > 0 && tokens[i - 1].end < t.start ? ' ' : '') + t.text).join('');

/**
 * "Carly Fiorina Endorses Ted Cruz": in a title-case headline, a reporting verb's -s form after a person's name ends
 * it ("United States", "Rasmussen Reports" name no one before theirs).
 */
function headlineVerb(t: Token, name: Token[]): boolean {
  if (name.length < 2 || !/^\p{Lu}\p{Ll}+s$/u.test(t.text) || !cues.forms.has(t.lower)) return false;
  const text = join(name);
  return tagName(text).person === text;
}

/** Capitalised stretches of a mention: "Civil Defense Authority", "General Suleiman al-Amr". */
function nameRuns(tokens: Token[]): Run[] {
  const runs: Run[] = [];
  let cur: Token[] = [];
  const close = (possessor: boolean) => {
    while (cur.length && JOINERS.has(cur[cur.length - 1].lower)) cur.pop();
    while (cur.length && (cur[0].pos === 'DET' || JOINERS.has(cur[0].lower))) cur.shift();
    if (cur.length) runs.push({ tokens: cur, possessor, titled: false });
    cur = [];
  };
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const glued = next && next.start === t.end;
    if (POSSESSIVE.test(t.lower) && cur.length) return close(true);
    const prev = cur[cur.length - 1];
    if (headlineVerb(t, cur)) close(false);
    // "Nearly eight of 10 voters", "About 12% of Democrats": a capitalised adverb or preposition opens no name
    else if (capital(t) && !['PRON', 'NUM', 'ADV'].includes(t.pos) && !(t.pos === 'ADP' && !cur.length) && !(i === 0 && commonHead(t.lower))) cur.push(t);
    else if (prev && prev.end === t.start && (/\w/.test(t.text) || (next && next.start === t.end && t.text === '.'))) cur.push(t); // Secunia.com
    else if (cur.length && JOINERS.has(t.lower) && next && (capital(next) || PARTICLES.has(next.lower) || (JOINERS.has(next.lower) && tokens[i + 2] && capital(tokens[i + 2])))) cur.push(t);
    else if (PARTICLES.has(t.lower) && next && (capital(next) || next.text === '-') && (glued || capital(next))) cur.push(t);
    else if (t.text === '-' && cur.length && glued) cur.push(t);
    else close(false);
  });
  close(false);
  return runs.flatMap(splitCoordination).filter((r) => !modifier(r, tokens));
}

/** "the United Nations and United States" names two sources; "The Globe and Mail" names one. */
function splitCoordination(run: Run): Run[] {
  const and = run.tokens.findIndex((t) => t.lower === 'and');
  if (and < 2 || run.tokens.length - and - 1 < 2) return [run];
  const coordination = run.tokens[and].start;
  let right = and + 1;
  while (right < run.tokens.length - 1 && JOINERS.has(run.tokens[right].lower)) right++;
  return [{ ...run, tokens: run.tokens.slice(0, and), coordination }, ...splitCoordination({ ...run, tokens: run.tokens.slice(right), coordination })];
}

/** "the American newspaper", "Local business owners", "Well-informed sources": one capitalised word describing the noun after it. */
function modifier(run: Run, tokens: Token[]): boolean {
  const at = tokens.indexOf(run.tokens[0]);
  const next = tokens[tokens.indexOf(run.tokens[run.tokens.length - 1]) + 1];
  const words = run.tokens.filter((t, k) => k === 0 || run.tokens[k - 1].end !== t.start).length;
  if (words !== 1 || !next || capital(next) || (next.pos !== 'NOUN' && next.pos !== 'ADJ')) return false;
  return at === 0 || /(an|ese|ish|i)$/.test(run.tokens[0].text);
}

/**
 * Drops titles ("Prime Minister", "Professor", "Mr.") when a name is left behind them, and whatever qualifies the
 * title before it: "New Jersey Gov. Chris Christie", "Republican National Committee Chairman Reince Priebus".
 */
function stripTitles(run: Run): Run {
  const { tokens } = run;
  const from = title(tokens[0]) ? 0 : innerTitle(tokens);
  if (from < 0) return run;
  const k = titlesEnd(tokens, from);
  const rest = tokens.slice(k);
  if (k === from || !rest.length || rest.some((t) => nameWordType(t.lower))) return run;
  // a title inside the run needs a name after it ("Democratic Rep. Tom Hale of Nevada"), not a qualifier's noun
  const of = rest.findIndex((t) => t.lower === 'of');
  const name = of < 0 ? rest : rest.slice(0, of);
  if (from > 0 && !(name.length >= 2 && name.every((t) => !FUNCTION_WORDS.has(t.pos)) && !sources.titleQualifiers.has(tokens[k - 1].lower))) return run;
  return { ...run, tokens: rest, titled: true };
}

const title = (t: Token) => sources.titles.has(t.lower);
/** What no name after a title is made of: "CNN President On Trump" is a headline. */
const FUNCTION_WORDS = new Set(['ADP', 'DET', 'PRON', 'CCONJ', 'SCONJ', 'VERB', 'AUX', 'PART']);

/** Where the titles starting at `from` end, past the joiners between them ("Secretary of State"). */
function titlesEnd(tokens: Token[], from: number): number {
  let k = from;
  while (k < tokens.length - 1 && (title(tokens[k]) || (k > from && JOINERS.has(tokens[k].lower)))) k++;
  while (k > 0 && k < tokens.length && JOINERS.has(tokens[k].lower)) k++;
  return k;
}

/** The first capitalised title inside the run with two words after it, or -1. */
const innerTitle = (tokens: Token[]) => tokens.findIndex((t, i) => i > 0 && i < tokens.length - 2 && title(t) && /^\p{Lu}/u.test(t.text));

function nameWordType(word: string): Exclude<SourceType, 'person'> | undefined {
  for (const type of ['media', 'government', 'organization'] as const) if (sources.types[type].nameWords.has(word)) return type;
  return undefined;
}

const isTitleRun = (run: Run) => run.tokens.every((t) => title(t) || JOINERS.has(t.lower));

function typeOfName(name: string, run: Run, descriptionHead: string | undefined): SourceType {
  return knownType(name, run, descriptionHead) ?? untypedName(run);
}

/** What nothing types: several words are a person's name, one word an organisation's. */
const untypedName = (run: Run): SourceType => (words(run) >= 2 && run.tokens.every((t) => !/\d/.test(t.text)) ? 'person' : 'organization');

const words = (run: Run) => run.tokens.filter((t) => /\w/.test(t.text)).length;

/** The types the lexicon lists whole names of: outlets, and pollsters and groups no name word gives away. */
const NAMED_TYPES = ['media', 'organization'] as const;
function listedType(name: string): (typeof NAMED_TYPES)[number] | undefined {
  const lower = name.toLowerCase();
  return NAMED_TYPES.find((t) => sources.types[t].names.has(lower) || sources.types[t].names.has(`the ${lower}`));
}

/** The type the lexicons, titles and heads give a name, if any. */
function knownType(name: string, run: Run, descriptionHead: string | undefined): SourceType | undefined {
  const lower = name.toLowerCase();
  const listed = listedType(name);
  if (listed) return listed;
  if (descriptionHead) {
    const byHead = (['media', 'government', 'organization', 'document'] as const).find((t) => sources.types[t].heads.has(descriptionHead));
    if (byHead) return byHead;
    if (sources.titles.has(descriptionHead)) return 'person';
  }
  const words = lower.split(/[\s-]+/);
  const byWord = words.map(nameWordType).find(Boolean);
  if (byWord) return byWord;
  if (run.titled) return 'person';
  if (descriptionHead && commonHead(descriptionHead)) return 'organization';
  const tags = tagName(name);
  if (tags.person) return 'person';
  if (tags.place) return 'government';
  if (tags.organization) return 'organization';
  return undefined;
}

/**
 * "Republican Donald Trump", "Billionaire Ana Ruiz": a person's name of two words or more after plain words, not
 * after initials or abbreviations ("E. J. Fleming", "Ohio Gov. Kasich") or a place it continues ("South Carolina").
 */
function modifiedName(text: string, person: string): boolean {
  if (!person.includes(' ') || !text.endsWith(` ${person}`)) return false;
  const before = text.slice(0, -person.length - 1);
  return !before.includes('.') && !tagName(`${before} ${person.slice(0, person.indexOf(' '))}`).place;
}

/** The person a run names, if any: "Anna Holt" out of "Anna Holt of The Daily Ledger". */
function personIn(run: Run, descriptionHead: string | undefined): Run | null {
  if (run.titled) {
    // "Sen. Ana Ruiz of Ohio" is Ana Ruiz, whom "Ruiz" refers back to
    const of = run.tokens.findIndex((t, i) => i > 0 && t.lower === 'of');
    return of > 0 ? { ...run, tokens: run.tokens.slice(0, of) } : run;
  }
  const text = join(run.tokens);
  // "Orlando Sentinel" is an outlet, whatever its first word
  if (listedType(text)) return null;
  const found = tagName(text).person?.replace(/[,.]$/, '');
  // narrow to compromise's person only where the run also names something else ("X of The Globe", "Refugee Council
  // X") or where the person ends it after words that are no first name ("Republican Donald Trump")
  const mixed = run.tokens.some((t) => (JOINERS.has(t.lower) && t.text !== '-') || nameWordType(t.lower)) || (!!found && modifiedName(text, found));
  if (found && !mixed) return run;
  if (found && found.includes(' ') && found !== text) {
    for (let i = 0; i < run.tokens.length; i++) {
      const rest = run.tokens.slice(i);
      if (!join(rest).startsWith(found)) continue;
      return { ...run, tokens: rest.filter((t) => t.end - rest[0].start <= found.length) };
    }
  }
  return typeOfName(text, run, descriptionHead) === 'person' ? run : null;
}

function describeDescription(tokens: Token[]): MentionInfo {
  const first = tokens[0];
  const definite = DEFINITE.has(first.lower);
  // "the spokesman" is described by "spokesman"; "Some of the women" by all of it
  const body = (DEFINITE.has(first.lower) || first.pos === 'DET') && tokens[1]?.lower !== 'of' ? tokens.slice(1) : tokens;
  const cut = body.findIndex((t) => POSTMODIFIERS.has(t.lower));
  const headPart = cut > 0 ? body.slice(0, cut) : body;
  const headToken = [...headPart].reverse().find((t) => t.pos === 'NOUN' || t.pos === 'PROPN' || commonHead(t.lower)) ?? headPart[headPart.length - 1] ?? first;
  const head = headToken.lower;
  const loose = tokens.length > 1 && sources.vagueQuantifiers.has(first.lower) && tokens[1].pos !== 'NUM';
  const type = loose ? 'vague' : ((['vague', 'document', 'media', 'government', 'organization', 'anonymous'] as const).find((t) => sources.types[t].heads.has(head)) ?? 'anonymous');
  // "the post by an unknown author" picks out a new source; a bare "the post" points back to one
  return { form: 'description', name: join(body.length ? body : tokens), type, head, plural: /s$/.test(head) && head !== 'news', definite: definite && cut < 0, aliases: [] };
}

/** Reads a mention's tokens: which entities it names or describes (two for "X and Y"), and of what type. */
export function describeMention(tokens: Token[]): MentionInfo[] {
  // the same words (with the same spacing) always read the same: "he", "the spokesman", "Mr Trump" recur
  const key = tokens.map((t, i) => `${i > 0 && tokens[i - 1].end < t.start ? ' ' : ''}${t.text}/${t.pos}/${t.lemma}`).join('');
  return described(key, () => readMention(tokens)).map((info) => ({ ...info, aliases: [...info.aliases] }));
}

const described = boundedCache<MentionInfo[]>(50_000);

/** A name that can speak, by its last word: "… Study", "… Institute", "… Department". */
const speaksAsBody = (r: Run) => {
  const last = r.tokens[r.tokens.length - 1].lower;
  return sources.types.document.heads.has(last) || !!nameWordType(last);
};

function readMention(tokens: Token[]): MentionInfo[] {
  if (tokens.length === 1 && tokens[0].pos === 'PRON') {
    const w = tokens[0].lower;
    const participant = sources.participants.get(w);
    if (participant) return [{ form: 'description', name: participant, type: 'person', head: participant, plural: w !== 'i', definite: false, aliases: [], participant: true }];
    const type: SourceType = sources.personPronouns.has(w) ? 'person' : sources.pluralPronouns.has(w) ? 'anonymous' : 'organization';
    const gender = sources.genders.pronouns.get(w);
    return [{ form: 'pronoun', name: tokens[0].text, type, head: w, plural: sources.pluralPronouns.has(w), definite: true, aliases: [], ...(gender ? { gender } : {}) }];
  }
  const aliases: string[] = [];
  const paren = tokens.findIndex((t) => t.text === '(');
  let body = tokens;
  if (paren > 0) {
    const inner = tokens.slice(paren + 1, tokens.findIndex((t) => t.text === ')'));
    if (inner.length === 1 && /^[A-Z][A-Z0-9]+$/.test(inner[0].text)) aliases.push(inner[0].text);
    body = tokens.slice(0, paren);
  }
  const comma = body.findIndex((t) => t.text === ',');
  const headPart = comma > 0 ? body.slice(0, comma) : body;
  let runs = nameRuns(body)
    .filter((r) => !(r.tokens.length === 1 && (CALENDAR.test(r.tokens[0].text) || (r.tokens[0] === body[0] || r.tokens[0] === body[1]) && commonHead(r.tokens[0].lower))))
    .map(stripTitles)
    .filter((r) => !isTitleRun(r));
  const inHead = (r: Run) => headPart.includes(r.tokens[0]);
  const nouns = headPart.filter((t, i) => (!capital(t) || (i === 0 && commonHead(t.lower))) && headPart[i - 1]?.end !== t.start && (t.pos === 'NOUN' || commonHead(t.lower)));
  const headNoun = nouns[nouns.length - 1];
  const descriptionHead = headNoun && headWord(headNoun);
  // "A CNN poll of South Carolina": the place a document covers is not who speaks through it; a body or a
  // document named there is ("the results of the National Nutrition Study")
  const of = documentOf(body, 1, body.length);
  // only inside the "of" phrase: "the results of the inquiry by a UN panel" keep the panel
  const insideOf = (r: Run) => body.indexOf(r.tokens[0]) > of && !body.slice(of + 1, body.indexOf(r.tokens[0])).some((t) => t.pos === 'ADP');
  if (of > 0) runs = runs.filter((r) => !insideOf(r) || speaksAsBody(r));
  const people = runs.filter((r) => !r.possessor).map((r) => personIn(r, descriptionHead)).filter((r): r is Run => !!r);
  const owned = runs.find((r) => r.possessor && inHead(r));
  const person = [...people].reverse().find(inHead) ?? people[people.length - 1];
  const chosen =
    person ??
    [...runs].reverse().find((r) => !r.possessor && inHead(r)) ??
    (owned && descriptionHead && !peopleHead(descriptionHead) ? owned : undefined) ??
    runs.find((r) => !r.possessor);
  if (!chosen) return [{ ...describeDescription(body), aliases }];
  const partners = chosen.coordination === undefined ? [chosen] : runs.filter((r) => r.coordination === chosen.coordination);
  // the appositive's own head, before any phrase attached to it: "president of the union" → president
  const appositive = comma > 0 ? body.slice(comma + 1) : [];
  const attached = appositive.findIndex((t) => t.pos === 'ADP');
  const role = person ? [...appositive.slice(0, attached < 0 ? undefined : attached)].reverse().find((t) => t.pos === 'NOUN') : undefined;
  return partners.map((run) => {
    const gender = run === person ? genderOf(body, run) : undefined;
    return {
      ...describeName(run, run === person, body, headNoun, run === owned ? undefined : descriptionHead, aliases),
      ...(role && run === person ? { role: headWord(role) } : {}),
      ...(gender ? { gender } : {}),
    };
  });
}

/** A person's gender from the honorific before the name ("Mrs. Clinton"), else from an unambiguous first name. */
function genderOf(body: Token[], run: Run): Gender | undefined {
  const first = body.indexOf(run.tokens[0]);
  for (const t of body.slice(Math.max(0, first - 1), first + 1)) {
    const honorific = sources.genders.honorifics.get(t.lower.replace(/\.$/, ''));
    if (honorific) return honorific;
  }
  const kinds = nameWords.kinds.get(run.tokens[0].lower) ?? '';
  if (kinds.includes('M') !== kinds.includes('W')) return kinds.includes('M') ? 'm' : 'f';
  return undefined;
}

function describeName(chosen: Run, isPerson: boolean, body: Token[], headNoun: Token | undefined, descriptionHead: string | undefined, aliases: string[]): MentionInfo {
  let name = join(chosen.tokens);
  const known = isPerson ? 'person' : knownType(name, chosen, descriptionHead);
  const type = known ?? untypedName(chosen);
  // "Brafman said …": one word nothing types is an organisation until a "he" or "she" shows it is a person
  const [only] = chosen.tokens;
  const guessed = !known && chosen.tokens.length === 1 && only.pos === 'PROPN' && /^\p{Lu}\p{Ll}+[^s]$/u.test(only.text);
  // "The Home Office letter", "NCLAN studies": a document is named with its head noun
  const last = chosen.tokens[chosen.tokens.length - 1];
  if (type === 'document' && headNoun && body[body.indexOf(last) + 1] === headNoun) name = join([...chosen.tokens, headNoun]);
  // "Trump and Sanders", a coordination too short to split into two names, is two people: no "she" refers to them
  const plural = type === 'person' && chosen.tokens.some((t) => t.lower === 'and');
  return { form: 'name', name, type, head: descriptionHead ?? chosen.tokens[chosen.tokens.length - 1].lower, plural, definite: true, aliases, ...(guessed ? { guessed } : {}) };
}
