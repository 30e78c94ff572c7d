import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, InputError } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { decodeText } from '../src/ingest/file.js';

const sample = (name: string) => readFileSync(new URL(`../samples/${name}`, import.meta.url), 'utf8');

describe('ingest', () => {
  it('keeps plain text exactly as read, so offsets index the input', () => {
    const text = 'World\n\n  The bridge is closed.  \n';
    const report = analyze(text);
    expect(report.document.chars).toBe(text.length);
    expect(report.document.text).toBeUndefined();
    for (const s of report.sentences) expect(text.slice(s.start, s.end).trim()).toBe(text.slice(s.start, s.end));
  });

  it('lists page furniture as boilerplate and keeps it out of the claims', () => {
    const report = analyze(sample('harbour-bridge.txt'));
    expect(report.boilerplate.map((b) => b.text)).toEqual(['World', 'Tuesday, March 3, 2026', 'Related Articles', 'Back to top button']);
    expect(report.unattributed.some((u) => /Related|Back to top/.test(u.text))).toBe(false);
  });

  it('a wire credit line is furniture, not a claim of the reporter\'s', () => {
    const report = analyze('The mayor said the port would close.\n\n(Reporting by Ana Ruiz in Calder; Editing by Omar Farah)');
    expect(report.boilerplate.map((b) => b.text)).toEqual(['(Reporting by Ana Ruiz in Calder; Editing by Omar Farah)']);
    expect(report.attributions.map((a) => a.source.name)).toEqual(['mayor']);
  });

  it('extracts the article from a web page; offsets then index document.text', () => {
    const report = analyze({ html: sample('council-vote.html') });
    const text = report.document.text!;
    expect(report.document.format).toBe('html');
    expect(report.document.title).toBe('Council Votes to Expand Night Bus Network');
    expect(text).toContain('Eastbrook City Council voted 9 to 4');
    expect(text).not.toMatch(/analytics|Opinion|Tram line delayed/);
    for (const a of report.attributions) expect(text.slice(a.content.start, a.content.end)).toBe(a.content.text);
    expect(report.attributions.map((a) => a.source.name)).toContain('Ruth Adeyemi');
  });

  it('sniffs HTML given as text', () => {
    expect(ingest({ text: '<p>The mayor said the bridge was safe.</p>' }).format).toBe('html');
  });

  it('reads malformed HTML without failing', () => {
    const report = analyze({ html: '<div><p>The mayor said the bridge was safe.<p>Unclosed <b>tags <i>everywhere</div></span>' });
    expect(report.attributions.map((a) => a.source.name)).toEqual(['mayor']);
  });

  it('reads a page nested thousands of elements deep whole, siblings after the nesting included', () => {
    // Readability's time grows steeply with depth (5,000 deep took it many minutes), and a recursive walk overflowed
    const deep = (n: number) => `${'<div>'.repeat(n)}<p>The mayor said the bridge was safe.</p>${'</div>'.repeat(n)}<p>The minister said it was not.</p>`;
    for (const n of [200, 20_000]) {
      expect(ingest({ html: deep(n) }).text).toBe('The mayor said the bridge was safe.\n\nThe minister said it was not.');
    }
    expect(analyze({ html: deep(5_000) }).attributions.map((a) => [a.source.name, a.content.text])).toEqual([
      ['mayor', 'the bridge was safe'],
      ['minister', 'it was not'],
    ]);
  });

  it('reads a page of thousands of paragraphs in one pass over each element\'s children', () => {
    // linkedom builds childNodes anew at every access: reading it per child took 14 s for 8,000 paragraphs
    const page = `<html><body><article>${Array.from({ length: 6_000 }, (_, i) => `<p>Officials said item ${i} is late.</p>`).join('')}</article></body></html>`;
    const report = analyze({ html: page });
    expect(report.attributions).toHaveLength(6_000);
    expect([report.attributions[0].content.text, report.attributions[5_999].content.text]).toEqual(['item 0 is late', 'item 5999 is late']);
  });

  it('refuses empty input, pages with no text, and bytes that are not text', () => {
    expect(() => analyze('')).toThrow(InputError);
    expect(() => analyze('   \n ')).toThrow('the article is empty');
    expect(() => analyze({ html: '<html><body><script>x()</script></body></html>' })).toThrow('no article text found in the HTML');
    expect(() => decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'image.png')).toThrow('image.png is a binary file, not text or HTML');
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41]), 'latin.txt')).toThrow('latin.txt is not valid UTF-8 text');
  });

  it('reports an unsupported language instead of guessing', () => {
    const report = analyze('Der Bürgermeister sagte am Montag, dass die Brücke für mindestens sechs Wochen gesperrt bleibt, weil die Inspektoren Risse gefunden haben.');
    expect(report.document.language).toBe('deu');
    expect(report.document.supported).toBe(false);
    expect(report.attributions).toEqual([]);
    expect(report.warnings).toEqual(['language deu is not supported: only English is analysed']);
  });
});
