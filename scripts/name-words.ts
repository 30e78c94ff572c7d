import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { MODELS_DIR } from '../src/paths.js';

/**
 * Regenerates models/name-words.json from compromise's lexicon: the words that tell a name's kind. Each word
 * gets the kinds its compromise tags belong to: F a first name or honorific, M a man's and W a woman's first
 * name, P a person, L a last name, G a place, O an organisation. `orgWords` are the words that end organisation
 * names ("Council", "Authority").
 */
const { one, two } = nlp.model() as unknown as {
  one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> };
  two: { orgWords: Record<string, true> };
};
const isKind = (tag: string, kind: string) => tag === kind || (one.tagSet[tag]?.parents ?? []).includes(kind);
const FLAGS: Array<[string, (tag: string) => boolean]> = [
  ['F', (t) => ['FirstName', 'MaleName', 'FemaleName', 'Honorific'].includes(t)],
  ['M', (t) => t === 'MaleName'],
  ['W', (t) => t === 'FemaleName'],
  ['P', (t) => t === 'Person'],
  ['L', (t) => t === 'LastName'],
  ['G', (t) => isKind(t, 'Place')],
  ['O', (t) => isKind(t, 'Organization')],
];

const words: Record<string, string> = {};
for (const [word, found] of Object.entries(one.lexicon).sort(([a], [b]) => a.localeCompare(b))) {
  const tags = Array.isArray(found) ? found : [found];
  const flags = FLAGS.filter(([, has]) => tags.some(has)).map(([flag]) => flag).join('');
  if (flags) words[word] = flags;
}
const out = {
  source: `compromise ${(nlp as unknown as { version: string }).version}: model().one.lexicon, model().two.orgWords (scripts/name-words.ts)`,
  words,
  orgWords: Object.keys(two.orgWords).sort(),
};
const path = join(MODELS_DIR, 'name-words.json');
writeFileSync(path, JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${path}: ${Object.keys(words).length} words, ${out.orgWords.length} organisation words`);
