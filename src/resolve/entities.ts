import { sources, type Gender } from '../models/index.js';
import type { SourceType, Span } from '../types.js';
import type { MentionInfo } from './mention.js';

/** One real-world source, however many ways the article refers to it. */
export interface Entity {
  id: string;
  name: string;
  type: SourceType;
  plural: boolean;
  mentions: Span[];
  /** Normalised names that refer to it: the name, its surname, aliases, acronyms. */
  keys: Set<string>;
  /** Where it was last mentioned, for recency in coreference. */
  last: number;
  /** Head nouns and titles it was described with ("spokesman", "newspaper"). */
  descriptions: Set<string>;
  /** What appositives called it ("the ministry spokesman"): also among its descriptions. */
  roles: Set<string>;
  /** A person's, once a first name, an honorific or a pronoun that referred to it told it. */
  gender?: Gender;
  /** Typed an organisation for want of evidence ("Brafman"); a person pronoun that refers to it makes it a person. */
  guessed?: boolean;
}

export const normalize = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^(the|a|an) /, '');

const CONNECTIVES = new Set(['of', 'the', 'and', 'for', 'de', '&']);
const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^[A-Z]/.test(w) && !CONNECTIVES.has(w.toLowerCase()))
    .map((w) => w[0])
    .join('')
    .toLowerCase();
const acronym = (name: string) => (/^[A-Z](?:\.?[A-Z]){1,6}\.?$/.test(name) ? name.replace(/\./g, '').toLowerCase() : null);
const surname = (name: string) => normalize(name).split(' ').pop() ?? '';

/** A person "he" or "she" may mean: "she" is no man's. */
const personFits = (gender: Gender | undefined, e: Entity) => e.type === 'person' && !e.plural && !(gender && e.gender && gender !== e.gender);

const PARTICIPANTS = new Set(sources.participants.values());
/** The writer or the reader of the article ("I", "you"), not somebody it cites. */
export const isParticipant = (e: Entity) => PARTICIPANTS.has(e.name);

/** The stand-ins for pronouns nobody fitted, and for the writer and the reader: no later pronoun or description refers back to them. */
const STAND_INS = new Set([...Object.values(sources.unnamed), ...PARTICIPANTS]);

/** Which earlier entities a pronoun may refer to. */
function pronounFits(info: MentionInfo, e: Entity): boolean {
  const pronoun = info.head;
  // "The minister reportedly resigned. They said …": what only a cue with no mention stood for was never named
  if (STAND_INS.has(e.name) || !e.mentions.length) return false;
  if (sources.personPronouns.has(pronoun)) return personFits(info.gender, e);
  if (sources.pluralPronouns.has(pronoun)) return e.plural || e.type === 'organization' || e.type === 'government' || e.type === 'anonymous';
  return e.type !== 'person' && !e.plural;
}

/** "Ahmed Hafez, the ministry spokesman" is not "the senator": a title never refers back to a person given another role. */
const otherRole = (e: Entity, head: string) => sources.titles.has(head) && [...e.roles].some((r) => r !== head);

/** What the lookups read of an entity's name, worked out once when it is created. */
interface NameFacts {
  index: number;
  words: string[];
  surname: string;
}

/** Adds `item` once to the list under `key`; lists keep entities in the order they were created. */
function listed<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (!list) map.set(key, [item]);
  else if (list[list.length - 1] !== item) list.push(item);
}

/**
 * Entities of an article, in the order they are first cited, with the coreference rules that find them again.
 * Names are looked up through indexes, so that a long document with thousands of sources stays linear.
 */
export class Registry {
  readonly entities: Entity[] = [];
  private readonly facts = new Map<Entity, NameFacts>();
  /** Each key's first entity (keys only ever grow). */
  private readonly keyOwner = new Map<string, Entity>();
  private readonly initialsOwner = new Map<string, Entity>();
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byWord = new Map<string, Entity[]>();
  /** Names of one word repeated ("Ann Ann"), under that word. */
  private readonly oneWordRepeated = new Map<string, Entity[]>();
  private readonly personLastWords = new Set<string>();
  private readonly describedHeads = new Set<string>();
  private readonly nameEnds = new Set<string>();

  /** Whether a person's name ends in this word, as the article has cited them so far. */
  hasPersonEndingIn(word: string): boolean {
    return this.personLastWords.has(word);
  }

  /** Whether some entity was described with this head noun (one word), or has a name of several words ending in it. */
  knowsHead(head: string): boolean {
    return this.describedHeads.has(head) || this.nameEnds.has(head);
  }

  private byKey(key: string): Entity | undefined {
    return this.keyOwner.get(key);
  }

  private addKey(entity: Entity, key: string): void {
    entity.keys.add(key);
    const owner = this.keyOwner.get(key);
    if (!owner || this.facts.get(owner)!.index > this.facts.get(entity)!.index) this.keyOwner.set(key, entity);
  }

  private latest(fits: (e: Entity) => boolean, before: number): Entity | undefined {
    let best: Entity | undefined;
    for (const e of this.entities) if (e.last <= before && fits(e) && (!best || e.last > best.last)) best = e;
    return best;
  }

  /** The entity a mention refers to, created when the article has not cited it before; null for an unresolvable pronoun. */
  resolve(info: MentionInfo, span: Span | null): Entity | null {
    const at = span?.start ?? 0;
    let entity: Entity | undefined;
    if (info.form === 'pronoun') {
      entity = this.latest((e) => pronounFits(info, e), at) ?? (sources.personPronouns.has(info.head) ? this.guessedPerson(at) : undefined);
      if (!entity) return null;
    } else if (info.form === 'description') {
      const types = sources.coreference.get(info.head);
      if (info.definite && types) {
        entity = this.latest((e) => e.descriptions.has(info.head), at);
        if (!entity) {
          // the latest that fits, unless another role sets it apart: then someone new, not someone further back
          const fitting = this.latest((e) => !STAND_INS.has(e.name) && types.includes(e.type) && (info.plural === e.plural || e.type === 'person'), at);
          if (fitting && !otherRole(fitting, info.head)) entity = fitting;
        }
      }
      entity ??= this.byKey(normalize(info.name));
    } else {
      entity = this.findName(info);
    }
    entity ??= this.create(info);
    if (entity.type === 'person') entity.gender ??= info.gender;
    if (span) entity.mentions.push(span);
    entity.last = Math.max(entity.last, at);
    entity.descriptions.add(info.head);
    if (info.role) {
      entity.descriptions.add(info.role);
      entity.roles.add(info.role);
    }
    this.describedHeads.add(info.head);
    for (const alias of info.aliases) this.addKey(entity, normalize(alias));
    return entity;
  }

  /**
   * "Brafman said … He added": where no person fits a "he" or "she", the latest lone name nothing typed, which
   * becomes a person; not one that is some cited person's surname.
   */
  private guessedPerson(at: number): Entity | undefined {
    const entity = this.latest((e) => !!e.guessed && !this.personLastWords.has(e.name), at);
    if (entity) {
      entity.type = 'person';
      entity.guessed = false;
    }
    return entity;
  }

  /** Where the latest person a pronoun of this gender may mean was last mentioned, or -1. */
  latestPerson(gender: Gender | undefined): number {
    return this.latest((e) => personFits(gender, e), Infinity)?.last ?? -1;
  }

  /** The gender of the person a name mention gives or refers to, without citing them. */
  genderOf(info: MentionInfo): Gender | undefined {
    return info.gender ?? (info.form === 'name' ? this.findName(info)?.gender : undefined);
  }

  private findName(info: MentionInfo): Entity | undefined {
    const key = normalize(info.name);
    const exact = this.byKey(key);
    if (exact) return exact;
    const short = acronym(info.name);
    if (short) {
      const match = this.initialsOwner.get(short);
      if (match) return match;
    }
    const words = key.split(' ');
    if (words.length === 1) {
      // "Basya" after "Fuad Basya", "the Gazette" after "The Calder Gazette"
      let named: Entity | undefined;
      for (const e of this.bySurname.get(key) ?? []) if (e.type !== 'vague' && e.type !== 'anonymous' && (!named || e.last > named.last)) named = e;
      if (named) return named;
    }
    // "National Interest" and "The National Interest", "Civil Defense Authority" inside a longer name: the
    // shorter of the two has two words or more, all of them in the longer
    if (words.length < 2) return undefined;
    const candidates = new Set(this.sharingWords(words));
    return [...candidates]
      .sort((a, b) => this.facts.get(a)!.index - this.facts.get(b)!.index)
      .find((e) => {
        if (e.type !== info.type && info.type !== 'person') return false;
        const other = this.facts.get(e)!.words;
        const [small, big] = words.length <= other.length ? [words, other] : [other, words];
        return small.length >= 2 && small.every((w) => big.includes(w));
      });
  }

  private create(info: MentionInfo): Entity {
    const entity: Entity = {
      id: `s${this.entities.length + 1}`,
      name: info.name,
      type: info.type,
      plural: info.plural,
      mentions: [],
      keys: new Set(),
      last: 0,
      descriptions: new Set(),
      roles: new Set(),
      guessed: info.guessed === true,
    };
    const norm = normalize(info.name);
    const facts = { index: this.entities.length, words: norm.split(' '), surname: surname(info.name) };
    this.facts.set(entity, facts);
    this.entities.push(entity);
    this.addKey(entity, norm);
    if (info.type === 'person' && info.form === 'name') this.addKey(entity, facts.surname);
    const short = initials(info.name);
    if (!this.initialsOwner.has(short)) this.initialsOwner.set(short, entity);
    listed(this.bySurname, facts.surname, entity);
    // a name is looked up among names: "Suu Kyi" is not "Aung San Suu Kyi's political allies"
    if (info.form === 'name') for (const w of facts.words) listed(this.byWord, w, entity);
    if (info.form === 'name' && facts.words.length > 1 && facts.words.every((w) => w === facts.words[0])) listed(this.oneWordRepeated, facts.words[0], entity);
    if (entity.type === 'person') this.personLastWords.add(info.name.split(' ').pop()!);
    const lower = info.name.toLowerCase();
    if (lower.includes(' ')) this.nameEnds.add(lower.slice(lower.lastIndexOf(' ') + 1));
    return entity;
  }

  /**
   * Every entity that may share two of the name's words. A name of two different words or more finds each such
   * entity through a word other than its commonest ("Ann" among thousands of "Ann …" in a long text), save a
   * name of that one word repeated.
   */
  private sharingWords(words: string[]): Entity[] {
    const lists = [...new Set(words)].map((w) => ({ w, list: this.byWord.get(w) ?? [] }));
    if (lists.length < 2) return lists.flatMap((l) => l.list);
    const commonest = lists.reduce((a, b) => (b.list.length > a.list.length ? b : a));
    return [...lists.filter((l) => l !== commonest).flatMap((l) => l.list), ...(this.oneWordRepeated.get(commonest.w) ?? [])];
  }
}
