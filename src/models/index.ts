import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MODELS_DIR as dir } from '../paths.js';
import type { SourceType } from '../types.js';

/** The engine's linguistic knowledge, read once from the JSON files in `models/` (see models/README.md). */

const read = <T>(name: string): T => JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;

export interface VerbCue {
  lemma: string;
  class: string;
  object?: boolean;
  needs?: string[];
}
interface CueFile {
  classes: Record<string, { confidence: number; sourceHeads?: string[] }>;
  verbs: VerbCue[];
  according: string[][];
  words: string[][];
  vague: { adverbs: string[]; passives: string[]; source: string };
  verbGroup: { pos: string[]; except: string[] };
  contentEnds: { clauses: string[]; lastClauses: string[]; beforeCue: string[] };
  dashes: string[];
  notLabels: string[];
  /** "was quoted as saying": passive forms after which "as" + a participle reports for the clause's subject. */
  quotedAs: string[];
}
/** What "he" and "she" tell of a person. */
export type Gender = 'm' | 'f';

interface TypeLexicon {
  names?: string[];
  nameWords?: string[];
  heads?: string[];
}
interface SourceFile {
  titles: string[];
  titleQualifiers: string[];
  toughAdjectives: string[];
  vagueQuantifiers: string[];
  partitives: string[];
  beForms: string[];
  unnamed: Record<'m' | 'f' | 'person' | 'plural' | 'thing', string>;
  personPronouns: string[];
  pluralPronouns: string[];
  thingPronouns: string[];
  participants: Record<string, string>;
  relativePronouns: string[];
  /** "The UN and the US have both criticised": quantifiers that float after their subject, towards the verb. */
  floatingQuantifiers: string[];
  /** "Ford itself said": reflexives that float after their subject like the quantifiers. */
  intensifiers: string[];
  /** Whom "he" and "she" may refer to: the gender of pronouns and of honorifics ("Mrs. Clinton"). */
  genders: { pronouns: Record<string, Gender>; honorifics: Record<string, Gender> };
  /** "Officials familiar with the talks", "people close to the president": an adjective's preposition after a noun. */
  modifierPrepositions: string[];
  /** "Mrs. Clinton's advisers": nouns for people, who are not the name that owns them. */
  peopleNouns: string[];
  /** "Officials in Washington say": the prepositions that open a noun's modifier, not a clause ("after", "since"). */
  nounPrepositions: string[];
  /** "The council on Friday pledged", "who in 2010 said": time expressions that may stand between a subject and its verb. */
  time: { openers: string[]; alone: string[]; words: string[] };
  types: Record<Exclude<SourceType, 'person'>, TypeLexicon>;
  coreference: Record<string, string[] | string>;
}
interface BoilerplateFile {
  lines: string[];
  patterns: string[];
  sectionLabel: { maxWords: number; withinFirstLines: number };
}

const cueFile = read<CueFile>('cues.json');
const sourceFile = read<SourceFile>('sources.json');
const boilerplateFile = read<BoilerplateFile>('boilerplate.json');
const hedgeFile = read<{ words: string[] }>('hedges.json');
const nameWordFile = read<{ words: Record<string, string>; orgWords: string[] }>('name-words.json');
const cueFormFile = read<{ forms: Record<string, string> }>('cue-forms.json');

const lower = (xs: string[] = []) => new Set(xs.map((x) => x.toLowerCase()));

export const cues = {
  verbs: new Map(cueFile.verbs.map((v) => [v.lemma, v])),
  classes: cueFile.classes,
  according: cueFile.according,
  words: cueFile.words,
  vagueAdverbs: lower(cueFile.vague.adverbs),
  vaguePassives: lower(cueFile.vague.passives),
  vagueSource: cueFile.vague.source,
  dashes: new Set(cueFile.dashes),
  /** "Correction: An earlier version …", "VIDEO: …": the labels of a page's notes and links, which a colon after them makes no speaker. */
  notLabels: lower(cueFile.notLabels),
  quotedAs: lower(cueFile.quotedAs),
  /** What a cue verb takes along before it: auxiliaries, negation, adverbs ("has also said", "did not say"). */
  verbGroup: { pos: new Set(cueFile.verbGroup.pos), except: lower(cueFile.verbGroup.except) },
  /**
   * Words that, after a comma, open a clause that is no part of the content before it ("…, but critics …"); the
   * `last` ones only when no comma follows ("…, who is 70."), since one that does may close an aside.
   */
  contentEnds: { clauses: lower(cueFile.contentEnds.clauses), last: lower(cueFile.contentEnds.lastClauses), beforeCue: lower(cueFile.contentEnds.beforeCue) },
  /** Every inflected form of a reporting verb → its lemma ("said" → "say"), from cue-forms.json. */
  forms: new Map(Object.entries(cueFormFile.forms)),
};

export const sources = {
  titles: lower(sourceFile.titles),
  /** Titles that only qualify the next one ("Health Minister"), so never stand before a name alone. */
  titleQualifiers: lower(sourceFile.titleQualifiers),
  /** "… is hard to say": before "to" and a verb, an adjective whose subject is the verb's object, not who speaks. */
  toughAdjectives: lower(sourceFile.toughAdjectives),
  /** Words that take a part of the group after "of" and head the phrase: "many of his supporters", "most of them". */
  partitives: lower(sourceFile.partitives),
  /** "Many residents", "some individuals": a group counted this loosely is vague, whatever its head ("residents" alone is anonymous); "Some 22 percent" is counted. */
  vagueQuantifiers: lower(sourceFile.vagueQuantifiers),
  /** The forms of "be", whose subject an adjective before "to" and a verb describes ("was quick to point out"). */
  beForms: lower(sourceFile.beForms),
  /** Whom a pronoun that nobody cited before fits stands for: "he" → "unnamed man". */
  unnamed: sourceFile.unnamed,
  personPronouns: lower(sourceFile.personPronouns),
  pluralPronouns: lower(sourceFile.pluralPronouns),
  thingPronouns: lower(sourceFile.thingPronouns),
  /** "I", "we", "you": the writer and the reader of the article, a source only where every attribution counts (PolNeAR's "I know"). */
  participants: new Map(Object.entries(sourceFile.participants)),
  relativePronouns: lower(sourceFile.relativePronouns),
  floatingQuantifiers: lower(sourceFile.floatingQuantifiers),
  intensifiers: lower(sourceFile.intensifiers),
  genders: { pronouns: new Map(Object.entries(sourceFile.genders.pronouns)), honorifics: new Map(Object.entries(sourceFile.genders.honorifics)) },
  modifierPrepositions: lower(sourceFile.modifierPrepositions),
  peopleNouns: lower(sourceFile.peopleNouns),
  nounPrepositions: lower(sourceFile.nounPrepositions),
  time: { openers: lower(sourceFile.time.openers), alone: lower(sourceFile.time.alone), words: lower(sourceFile.time.words) },
  types: Object.fromEntries(
    Object.entries(sourceFile.types).map(([type, lex]) => [type, { names: lower(lex.names), nameWords: lower(lex.nameWords), heads: lower(lex.heads) }]),
  ) as Record<Exclude<SourceType, 'person'>, { names: Set<string>; nameWords: Set<string>; heads: Set<string> }>,
  /** Head noun of a definite description → the source types it may refer back to. */
  coreference: (() => {
    const m = new Map<string, SourceType[]>();
    for (const [type, heads] of Object.entries(sourceFile.coreference)) {
      if (!Array.isArray(heads)) continue;
      for (const h of heads) m.set(h, [...(m.get(h) ?? []), type as SourceType]);
    }
    return m;
  })(),
};

export const boilerplate = {
  lines: lower(boilerplateFile.lines),
  /** The patterns as one alternation: every line of every article is tried against it. */
  pattern: new RegExp(boilerplateFile.patterns.map((p) => `(?:${p})`).join('|'), 'i'),
  sectionLabel: boilerplateFile.sectionLabel,
};

export const hedges = lower(hedgeFile.words);

/**
 * compromise's name words: word → kinds (F first name or honorific, M a man's and W a woman's first name,
 * P person, L last name, G place, O organisation).
 */
export const nameWords = {
  kinds: new Map(Object.entries(nameWordFile.words)),
  orgWords: new Set(nameWordFile.orgWords),
};
