import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { MODELS_DIR } from '../src/paths.js';

/**
 * Regenerates models/cue-forms.json: the inflected forms of the reporting verbs in models/cues.json, each
 * mapped to its lemma, so that the engine finds verbs through one table instead of asking wink for every
 * token's lemma. Forms come from compromise's conjugation (irregular verbs: "said", "told", "written") and from
 * the regular rules, which compromise misses for verbs it reads as nouns ("tweeted", "quipped"); British and
 * American spellings both ("criticised", "criticized"). Run it after adding a verb to cues.json: a test fails
 * until then.
 */
const cues = JSON.parse(readFileSync(join(MODELS_DIR, 'cues.json'), 'utf8')) as { verbs: Array<{ lemma: string }> };

/** -s, -ed and -ing forms by rule, with and without a doubled final consonant ("slammed", "visited"). */
function regular(v: string): string[] {
  const last = v.slice(-1);
  const s = /(s|x|z|ch|sh)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const ed = v.endsWith('e') ? [`${v}d`] : /[^aeiou]y$/.test(v) ? [`${v.slice(0, -1)}ied`] : [`${v}ed`, `${v}${last}ed`];
  const ing = v.endsWith('ie') ? [`${v.slice(0, -2)}ying`] : /[^e]e$/.test(v) ? [`${v.slice(0, -1)}ing`] : [`${v}ing`, `${v}${last}ing`];
  return [s, ...ed, ...ing];
}

const spellings = (v: string) => [...new Set([v, v.replace(/ize$/, 'ise'), v.replace(/ise$/, 'ize'), v.replace(/or$/, 'our')])];

/** Every one-word form of a verb spelt so: "will say" is two tokens, and "say" is there already. */
function formsOf(spelling: string): string[] {
  const doc = nlp(spelling);
  doc.tag('Infinitive'); // a bare "pledge" or "tweet" would otherwise be read as a noun
  const conjugated = Object.values((doc.verbs().conjugate()[0] ?? {}) as Record<string, string>);
  return [spelling, ...conjugated, ...regular(spelling)].filter((f) => !/\s/.test(f)).map((f) => f.toLowerCase());
}

const lemmas = [...new Set(cues.verbs.map((v) => v.lemma))];
const forms: Record<string, string> = Object.fromEntries(lemmas.map((l) => [l, l]));
// each lemma's own spelling first, so that "criticized" stays with "criticize" when both are in the lexicon
for (const lemma of lemmas) for (const form of formsOf(lemma)) forms[form] ??= lemma;
for (const lemma of lemmas) for (const spelling of spellings(lemma).slice(1)) for (const form of formsOf(spelling)) forms[form] ??= lemma;
const sorted = Object.fromEntries(Object.entries(forms).sort(([a], [b]) => a.localeCompare(b)));
const path = join(MODELS_DIR, 'cue-forms.json');
const source = `compromise ${(nlp as unknown as { version: string }).version} verbs().conjugate() and the regular rules, over the lemmas in cues.json (scripts/cue-forms.ts)`;
writeFileSync(path, JSON.stringify({ source, forms: sorted }, null, 1) + '\n');
console.log(`wrote ${path}: ${Object.keys(sorted).length} forms of ${lemmas.length} verbs`);
