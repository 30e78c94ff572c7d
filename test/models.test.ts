import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cues } from '../src/models/index.js';
import { claims } from './helpers/claims.js';

const lexicon = JSON.parse(readFileSync(new URL('../models/cues.json', import.meta.url), 'utf8')) as { verbs: Array<{ lemma: string }> };

describe('models/cue-forms.json', () => {
  it('holds every verb of cues.json (npm run models:cue-forms after adding one)', () => {
    expect(lexicon.verbs.filter((v) => cues.forms.get(v.lemma) !== v.lemma).map((v) => v.lemma)).toEqual([]);
  });

  it.each([
    ['said', 'say'],
    ['told', 'tell'],
    ['written', 'write'],
    ['tweeted', 'tweet'],
    ['quipped', 'quip'],
    ['pledging', 'pledge'],
    ['criticized', 'criticize'],
    ['criticised', 'criticise'],
  ])('%s is a form of %s', (form, lemma) => {
    expect(cues.forms.get(form)).toBe(lemma);
  });

  it('finds a reporting verb through its form', () => {
    expect(claims('The senator tweeted that the deal was dead.').map((c) => [c.source, c.cue, c.content])).toEqual([['senator', 'tweeted', 'that the deal was dead']]);
  });
});
