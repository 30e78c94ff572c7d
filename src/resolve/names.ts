import { boundedCache } from '../cache.js';
import { nameWords } from '../models/index.js';

/**
 * What a name is — a person, a place, an organisation — read word by word from compromise's lexicon, kept in
 * models/name-words.json. Parsing each name with compromise gave the same dev and PolNeAR scores at about
 * 0.4 ms a name, a third of the engine's time, and loading compromise cost every worker 30 MB.
 */
const kindsOf = (word: string) => nameWords.kinds.get(word.toLowerCase().replace(/[.,]$/, '')) ?? '';
const capitalised = (word: string) => /^[A-Z]/.test(word);
const nameWord = (word: string) => capitalised(word) && !/[GO]/.test(kindsOf(word)) && !nameWords.orgWords.has(word.toLowerCase());

export interface NameTags {
  /** The words that name a person, if any: "Anna Holt" in "Anna Holt of The Daily Ledger". */
  person: string | null;
  place: boolean;
  organization: boolean;
}

function personIn(words: string[]): string | null {
  let start = words.findIndex((w) => capitalised(w) && /[FP]/.test(kindsOf(w)));
  if (start < 0) {
    const last = words.findIndex((w) => capitalised(w) && kindsOf(w).includes('L'));
    if (last < 0) return null;
    start = last > 0 && nameWord(words[last - 1]) ? last - 1 : last;
  }
  let end = start + 1;
  while (end < words.length && nameWord(words[end])) end++;
  return words.slice(start, end).join(' ').replace(/[,.]$/, '');
}

const cached = boundedCache<NameTags>(50_000);

export const tagName = (text: string): NameTags => cached(text, () => readName(text));

function readName(text: string): NameTags {
  const words = text.split(/\s+/).filter(Boolean);
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  return {
    person: personIn(words),
    place: [...words, ...pairs].some((w) => capitalised(w) && kindsOf(w).includes('G')),
    organization: words.some((w) => capitalised(w) && kindsOf(w).includes('O')) || (words.length > 1 && nameWords.orgWords.has(last)),
  };
}
