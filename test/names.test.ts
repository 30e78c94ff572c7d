import { describe, expect, it } from 'vitest';
import { tagName } from '../src/resolve/names.js';

describe('name words from compromise\'s lexicon', () => {
  it.each([
    ['Harriet Vance of The Globe and Mail', { person: 'Harriet Vance', place: false, organization: false }],
    ['Homeland Security Secretary Jeh Johnson', { person: 'Jeh Johnson', place: false, organization: false }],
    ['Jeff Rathke', { person: 'Jeff Rathke', place: false, organization: false }],
    ['Calder Transport Authority', { person: null, place: false, organization: true }],
    ['Google', { person: null, place: false, organization: true }],
    ['Paris', { person: null, place: true, organization: false }],
    ['New Zealand Herald', { person: null, place: true, organization: true }],
    ['Okafor', { person: null, place: false, organization: false }],
  ])('%s', (name, tags) => {
    expect(tagName(name)).toEqual(tags);
  });
});
