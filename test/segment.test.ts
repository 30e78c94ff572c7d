import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { viewOf } from '../src/detect/doc-view.js';
import { tokenize } from '../src/nlp.js';

const doc = (text: string) => segment(ingest({ text }));
const sentences = (text: string) => {
  const d = doc(text);
  return d.sentences.map((s) => d.text.slice(s.start, s.end));
};
const quotes = (text: string) => {
  const d = doc(text);
  return d.quotes.map((q) => d.text.slice(q.start, q.end));
};

describe('sentences', () => {
  it('keeps a quoted question and its "asked X" together', () => {
    expect(sentences('"Is it over?" asked Mr. Smith. The U.S. State Dept. said so.')).toEqual(['"Is it over?" asked Mr. Smith.', 'The U.S. State Dept. said so.']);
  });

  it('keeps a domain name whole and a dash signature with its quote', () => {
    expect(sentences('The firm Secunia.com has said so.')).toEqual(['The firm Secunia.com has said so.']);
    expect(sentences('"It is a long game." - Matthew Ingram')).toEqual(['"It is a long game." - Matthew Ingram']);
  });

  it('never ends a sentence inside parentheses ("(R-S.C.)")', () => {
    expect(sentences('Rep. Dana Hollis (R-Ohio) said the claim reeked of double standards. He left.')).toEqual(['Rep. Dana Hollis (R-Ohio) said the claim reeked of double standards.', 'He left.']);
    // a parenthesis never closed joins nothing
    expect(sentences('The vote (a first for the U.S. Senate. It passed.')).toEqual(['The vote (a first for the U.S. Senate.', 'It passed.']);
  });

  it('never runs a sentence across a line break, and marks headings', () => {
    const d = doc('Safe Passage\nThe minister left on Sunday.');
    expect(d.sentences.map((s) => [d.text.slice(s.start, s.end), s.heading])).toEqual([
      ['Safe Passage', true],
      ['The minister left on Sunday.', false],
    ]);
  });
});

describe('quotations', () => {
  it('pairs curly and straight marks, and the doubled apostrophes of some newsrooms', () => {
    expect(quotes('He said “no” and "yes" and \'\'maybe.\'\'')).toEqual(['“no”', '"yes"', "''maybe.''"]);
  });

  it('runs over paragraphs that reopen with a fresh mark', () => {
    expect(quotes('She said, "We checked.\n\n"We were right."\n\nThen she left.')).toEqual(['"We checked.\n\n"We were right."']);
  });

  it('runs over a paragraph that only closes it', () => {
    expect(quotes('He said, "It felt good.\n\nWe could have scored more."')).toEqual(['"It felt good.\n\nWe could have scored more."']);
  });

  it('opens at a closing mark that starts a paragraph with no quotation open: a misprint', () => {
    expect(quotes('Readers wrote in.\n\n”The bridge is our shame.” ― Ida Berg')).toEqual(['”The bridge is our shame.”']);
    // with a quotation open, the same mark closes it
    expect(quotes('He said, “It felt good.\n\n”We could have scored more.')).toEqual(['“It felt good.\n\n”']);
  });

  it('closes an unbalanced quote at its paragraph end', () => {
    const d = doc('He said, "It felt good.\n\nThe match ended.');
    expect(d.quotes).toEqual([{ start: 9, end: 23, closed: false }]);
  });
});

describe('letters in a span', () => {
  it('counts letters and digits of any script, a letter beyond the BMP as two, as a string does', () => {
    const text = 'Zoë said: “Ça va, 𝒜lpha 42!” 😀 — naïve';
    const view = viewOf(doc(text));
    const byRegex = (a: number, b: number) => text.slice(a, b).replace(/[^\p{L}\p{N}]/gu, '').length;
    for (const [a, b] of [[0, text.length], [0, 3], [10, 29], [18, 26], [29, 32], [text.length - 5, text.length]]) {
      expect(view.letters({ start: a, end: b })).toBe(byRegex(a, b));
    }
    expect(view.letters({ start: 0, end: text.length })).toBe(24);
  });
});

describe('tokens', () => {
  it('split a possessive the same way whatever wink read before: an article reads the same in a long-running worker', () => {
    const read = (text: string) => tokenize(text).tokens.map((t) => [t.text, t.pos]);
    const article = "Democrats pounced on Mr. Trump's RT interview.";
    const first = read(article);
    // wink keeps a sentence-final possessive whole, and remembers it whole for every later document
    expect(read("It was Trump's. Nobody doubted it was the nation's.")).toEqual([
      ['It', 'PRON'], ['was', 'AUX'], ['Trump', 'PROPN'], ["'s", 'PART'], ['.', 'PUNCT'],
      ['Nobody', 'PRON'], ['doubted', 'VERB'], ['it', 'PRON'], ['was', 'AUX'], ['the', 'DET'], ['nation', 'NOUN'], ["'s", 'PART'], ['.', 'PUNCT'],
    ]);
    expect(read(article)).toEqual(first);
    expect(first.slice(3, 7)).toEqual([['Mr.', 'PROPN'], ['Trump', 'PROPN'], ["'s", 'PART'], ['RT', 'PROPN']]);
  });

  it('are read from a long text in pieces with the offsets and sentences the text has as a whole', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Hale said the council would vote on item ${i}. "It is long overdue," she told reporters.`);
    const text = paragraphs.join('\n\n');
    const { tokens, sentences } = tokenize(text);
    expect(text.length).toBeGreaterThan(30_000);
    expect(tokens.every((t, i) => t.index === i && text.slice(t.start, t.end) === t.text)).toBe(true);
    const ends = ({ tokens: ts, sentences: ss }: ReturnType<typeof tokenize>) => ss.map(([a, b]) => [ts[a].text, ts[b - 1].text]);
    expect(ends({ tokens, sentences })).toEqual(paragraphs.flatMap((p) => ends(tokenize(p))));
    expect(sentences.map(([a, b]) => text.slice(tokens[a].start, tokens[b - 1].end)).slice(-2)).toEqual(['Hale said the council would vote on item 399.', '"It is long overdue," she told reporters.']);
  });

  it('are cut past 400 tokens, after the last comma or semicolon of the second half where there is one', () => {
    // a text with no full stops would be one sentence, and reading claims within it grows with its square
    const lengths = (text: string) => doc(text).sentences.map((x) => x.tokenEnd - x.tokenStart);
    const plain = Array.from({ length: 300 }, (_, i) => `officials said ${i} and`).join(' ');
    expect(lengths(plain)).toEqual([400, 400, 400]);
    const commas = Array.from({ length: 150 }, (_, i) => `officials said ${i} ${i % 30 === 29 ? ',' : 'and'}`).join(' ');
    expect(lengths(commas)).toEqual([360, 240]);
    const cut = doc(commas);
    expect(cut.tokens[cut.sentences[0].tokenEnd - 1].text).toBe(',');
  });

  it('take a run of 257 or more non-space characters whole, as a sentence of its own, so that wink never reads it', () => {
    // wink's time grows with the square of a word's length: 200,000 characters took it 40 s
    const blob = 'QUJD'.repeat(50_000);
    const text = `Hale said the pier was safe. ${blob} Ruiz said it was not.`;
    const { tokens, sentences } = tokenize(text);
    const read = sentences.map(([a, b]) => text.slice(tokens[a].start, tokens[b - 1].end));
    expect(read).toEqual(['Hale said the pier was safe.', blob, 'Ruiz said it was not.']);
    expect(tokens.find((t) => t.text === blob)).toMatchObject({ start: 29, end: 29 + blob.length, pos: 'X' });
    expect(tokens.every((t, i) => t.index === i && text.slice(t.start, t.end) === t.text)).toBe(true);
    // a run of 256 characters is still wink's to read, inside its sentence
    const sentencesOf = (t: string) => tokenize(t).sentences.map(([a, b]) => tokenize(t).tokens.slice(a, b).map((x) => x.text));
    const url = `https://example.org/${'a'.repeat(236)}`;
    expect(sentencesOf(`See ${url} now.`)).toEqual([['See', url, 'now', '.']]);
    expect(sentencesOf(`See ${url}a now.`)).toEqual([['See'], [`${url}a`], ['now', '.']]);
  });
});
