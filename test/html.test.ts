import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { analyze, ReportSchema, SCHEMA_VERSION, type Report } from '../src/index.js';
import { bySource } from '../src/report/render/shared.js';
import { html } from '../src/report/render/html/index.js';

const SAMPLE = readFileSync(new URL('../samples/harbour-bridge.txt', import.meta.url), 'utf8');
const dom = (page: string) => parseHTML(page).document;
const sha = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/** A hand-made report whose text and source name try to break out of the page. */
function hostile(): Report {
  const text = 'Officials said <script>window.pwned=1</script> and <img src=x onerror="window.pwned=1"> were "fine".\r\nPrices rose 4% in May.';
  const content = { start: 15, end: 92 };
  const name = `<img src=x onerror=alert(1)>" onmouseover="alert(2)`;
  const source = { id: 's1', name, type: 'vague' as const, mentions: [{ start: 0, end: 9, text: 'Officials' }] };
  return ReportSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    engine: { name: 'claimtrace', version: '0.0.0' },
    document: { id: '<b>id</b>', sha256: '0'.repeat(64), chars: text.length, format: 'text', language: 'eng', supported: true, title: '</title><script>alert(3)</script>', text },
    sentences: [{ index: 0, start: 0, end: 92 }, { index: 1, start: 94, end: text.length }],
    sources: [source],
    units: 'claims',
    attributions: [
      {
        id: 'a1" onfocus="alert(4)',
        sentence: { start: 0, end: 92 },
        content: { ...content, text: text.slice(content.start, content.end) },
        cue: { start: 10, end: 14, text: 'said', lemma: 'say' },
        source: { id: 's1', name, type: 'vague', mention: source.mentions[0] },
        via: [],
        kind: 'mixed',
        pattern: 'verb',
        hedged: false,
        hedges: [],
        confidence: 0.8,
      },
    ],
    unattributed: [{ sentence: { start: 94, end: text.length }, text: text.slice(94) }],
    boilerplate: [],
    warnings: ['<i>warning</i>'],
  });
}

describe('HTML report', () => {
  it('shows hostile article text and source names literally and runs nothing but its own script', () => {
    const report = hostile();
    const page = html(report);
    const doc = dom(page);
    expect(doc.getElementById('article')!.textContent).toBe(report.document.text);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0].textContent).toBe(readFileSync(new URL('../src/report/render/assets/report.js', import.meta.url), 'utf8'));
    const handlers = [...doc.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name).filter((n) => n.startsWith('on')));
    expect(handlers).toEqual([]);
    expect(doc.title).toBe('</title><script>alert(3)</script>: claims and sources');
    expect(doc.querySelector('button.source .name')!.textContent).toBe(report.sources[0].name);
    expect(doc.querySelector('mark.claim')!.getAttribute('data-claims')).toBe('a1" onfocus="alert(4)');
    expect(doc.querySelector('.warning')!.textContent).toBe('<i>warning</i>');
  });

  it('allows by hash exactly the inline script and style it carries, and nothing from elsewhere', () => {
    const doc = dom(html(hostile()));
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`script-src ${sha(doc.querySelector('script')!.textContent!)}`);
    expect(csp).toContain(`style-src ${sha(doc.querySelector('style')!.textContent!)}`);
    expect(csp).toContain("connect-src 'none'");
  });

  it('highlights every claim in its source colour, lists sources with counts, and marks what cites no one', () => {
    const report = analyze(SAMPLE, { keepText: true });
    const doc = dom(html(report));
    expect(doc.getElementById('article')!.textContent).toBe(SAMPLE);
    const marks = [...doc.querySelectorAll('mark.claim')];
    const highlighted = new Set(marks.flatMap((m) => m.getAttribute('data-claims')!.split(' ')));
    expect([...highlighted].sort()).toEqual(report.attributions.map((a) => a.id).sort());
    for (const a of report.attributions) {
      const text = marks.filter((m) => m.getAttribute('data-claims')!.split(' ').includes(a.id)).map((m) => m.textContent).join('');
      expect(text).toBe(a.content.text);
    }
    const listed = [...doc.querySelectorAll('button.source')].map((b) => [b.querySelector('.name')!.textContent, b.querySelector('.count')!.textContent]);
    expect(listed).toEqual(bySource(report).map(({ source, claims }) => [source.name, String(claims.length)]));
    const ellison = doc.querySelector('button.source')!;
    expect(ellison.textContent).toContain('Marta Ellison');
    const colour = [...ellison.classList].find((c) => /^c\d+$/.test(c));
    const ellisonClaims = report.attributions.filter((a) => a.source.name === 'Marta Ellison').map((a) => a.id);
    for (const m of marks.filter((m) => ellisonClaims.includes(m.getAttribute('data-claims')!.split(' ')[0]))) expect(m.classList.contains(colour!)).toBe(true);
    expect([...doc.querySelectorAll('.flag')].map((f) => f.closest('button')?.querySelector('.name')?.textContent).filter(Boolean)).toEqual(
      bySource(report).filter(({ source }) => source.type === 'anonymous' || source.type === 'vague').map(({ source }) => source.name),
    );
    expect([...doc.querySelectorAll('.unattributed')].map((u) => u.textContent)).toEqual(report.unattributed.map((u) => u.text));
    expect([...doc.querySelectorAll('.unattributed-list a')].map((a) => a.getAttribute('href'))).toEqual(report.unattributed.map((_, i) => `#u${i}`));
    expect(doc.querySelector('.boilerplate')!.textContent).toBe('World');
  });

  it('gives each claim its source, cue, kind, via chain, hedges and confidence', () => {
    const report = analyze(SAMPLE, { keepText: true });
    const doc = dom(html(report));
    const gazette = report.attributions.find((a) => a.content.text.startsWith("the mayor's office"))!;
    const rows = [...doc.querySelectorAll(`#claim-${gazette.id} dl.claim dt`)].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(rows).toEqual([
      ['Source', 'Calder Gazette media'],
      ['Mention', 'the Gazette'],
      ['Cue', 'According to'],
      ['Kind', 'indirect'],
      ['Via', '—'],
      ['Hedge', 'reportedly'],
      ['Confidence', gazette.confidence.toFixed(2)],
    ]);
  });

  it('needs the analysed text, which plain-text reports carry only when asked', () => {
    expect(() => html(analyze(SAMPLE))).toThrow(/needs the analysed text/);
  });
});
