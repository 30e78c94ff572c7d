import { sources } from '../models/index.js';
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

/** Which earlier entities a pronoun may refer to. */
function pronounFits(pronoun: string, e: Entity): boolean {
  if (sources.personPronouns.has(pronoun)) return e.type === 'person';
  if (sources.pluralPronouns.has(pronoun)) return e.plural || e.type === 'organization' || e.type === 'government' || e.type === 'anonymous';
  return e.type !== 'person' && !e.plural;
}

/** Entities of an article, in the order they are first cited, with the coreference rules that find them again. */
export class Registry {
  readonly entities: Entity[] = [];

  private byKey(key: string): Entity | undefined {
    return this.entities.find((e) => e.keys.has(key));
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
      entity = this.latest((e) => pronounFits(info.head, e), at);
      if (!entity) return null;
    } else if (info.form === 'description') {
      const types = sources.coreference.get(info.head);
      if (info.definite && types) {
        entity =
          this.latest((e) => e.descriptions.has(info.head), at) ??
          this.latest((e) => types.includes(e.type) && (info.plural === e.plural || e.type === 'person'), at);
      }
      entity ??= this.byKey(normalize(info.name));
    } else {
      entity = this.findName(info);
    }
    entity ??= this.create(info);
    if (span) entity.mentions.push(span);
    entity.last = Math.max(entity.last, at);
    entity.descriptions.add(info.head);
    for (const alias of info.aliases) entity.keys.add(normalize(alias));
    return entity;
  }

  private findName(info: MentionInfo): Entity | undefined {
    const key = normalize(info.name);
    const exact = this.byKey(key);
    if (exact) return exact;
    const short = acronym(info.name);
    if (short) {
      const match = this.entities.find((e) => initials(e.name) === short);
      if (match) return match;
    }
    const words = key.split(' ');
    if (words.length === 1) {
      // "Basya" after "Fuad Basya", "the Gazette" after "The Calder Gazette"
      const named = this.latest((e) => e.type !== 'vague' && e.type !== 'anonymous' && surname(e.name) === key, Infinity);
      if (named) return named;
    }
    // "National Interest" and "The National Interest", "Civil Defense Authority" inside a longer name
    return this.entities.find((e) => {
      if (e.type !== info.type && info.type !== 'person') return false;
      const other = normalize(e.name).split(' ');
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
      keys: new Set([normalize(info.name)]),
      last: 0,
      descriptions: new Set(),
    };
    if (info.type === 'person' && info.form === 'name') entity.keys.add(surname(info.name));
    this.entities.push(entity);
    return entity;
  }
}
