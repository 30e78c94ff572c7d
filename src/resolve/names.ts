import nlp from 'compromise';

/**
 * What a name is — a person, a place, an organisation — read from compromise's own lexicon and name-word
 * lists, word by word. Parsing each name with compromise gave much the same verdicts at about 0.4 ms a name,
 * which was a third of the engine's time; a lexicon lookup costs next to nothing.
 */
const { one, two } = nlp.model() as unknown as {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> };
  two: { orgWords: Record<string, true>; placeWords: Record<string, true> };
};

type Kind = 'Person' | 'Place' | 'Organization';
const isKind = (tag: string, kind: Kind) => tag === kind || (one.tagSet[tag]?.parents ?? []).includes(kind);
const FIRST_NAME = new Set(['FirstName', 'MaleName', 'FemaleName', 'Honorific']);

function tagsOf(word: string): string[] {
  const found = one.lexicon[word.toLowerCase().replace(/[.,]$/, '')];
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

const has = (word: string, kind: Kind) => tagsOf(word).some((t) => isKind(t, kind));
const capitalised = (word: string) => /^[A-Z]/.test(word);
const nameWord = (word: string) => capitalised(word) && !has(word, 'Place') && !has(word, 'Organization') && !two.orgWords[word.toLowerCase()];

export interface NameTags {
  /** The words that name a person, if any: "Matthew Ingram" in "Matthew Ingram of The Globe and Mail". */
  person: string | null;
  place: boolean;
  organization: boolean;
}

function personIn(words: string[]): string | null {
  let start = words.findIndex((w) => capitalised(w) && tagsOf(w).some((t) => FIRST_NAME.has(t) || t === 'Person'));
  if (start < 0) {
    const last = words.findIndex((w) => capitalised(w) && tagsOf(w).includes('LastName'));
    if (last < 0) return null;
    start = last > 0 && nameWord(words[last - 1]) ? last - 1 : last;
  }
  let end = start + 1;
  while (end < words.length && nameWord(words[end])) end++;
  return words.slice(start, end).join(' ').replace(/[,.]$/, '');
}

/** Names recur within and across articles; each verdict is kept, within bounds. */
const known = new Map<string, NameTags>();
const KNOWN_MAX = 50_000;

export function tagName(text: string): NameTags {
  let tags = known.get(text);
  if (!tags) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(text, (tags = readName(text)));
  }
  return tags;
}

function readName(text: string): NameTags {
  const words = text.split(/\s+/).filter(Boolean);
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  return {
    person: personIn(words),
    place: [...words, ...pairs].some((w) => capitalised(w) && has(w, 'Place')),
    organization: words.some((w) => capitalised(w) && has(w, 'Organization')) || (words.length > 1 && two.orgWords[last] === true),
  };
}
