import { describe, expect, it } from 'vitest';
import { analyze, InputError, ReportSchema, type Report } from '../src/index.js';

/** Pieces of reported speech and page furniture, shuffled into texts no article would hold. */
const PIECES = [
  'said', 'told Reuters', 'according to', 'according to AFP, the UN criticised', 'in the words of', 'says', 'added', 'warned',
  'believes', 'quoted as saying', 'citing', 'reportedly', 'possibly', 'It was reported that', 'Ann Lee', 'Ann Lee:', '- Ann Lee',
  'said Ann Lee', "Lee's", 'Mr.', 'Dr.', 'Sen.', '(D-NY)', 'U.S.', 'WHO', 'the newspaper', 'the spokesman', 'Officials',
  'well-informed diplomatic sources', 'critics', 'many', 'he', 'she', 'they', 'I', 'we', 'you', 'who', 'whose', 'which', 'that',
  'himself', 'both', 'each', 'the', 'a', 'of', 'by', 'as', 'and', 'but', 'not', 'has', 'was', 'is', 'will', 'published',
  'familiar with', 'on Friday', 'last week', 'Monday', '2016', 'poll', 'study', 'found', '"It is late," he said.', '"', '“', '”',
  "'", '‘', '’', ',', '.', ':', ';', '—', '-', '(', ')', '?', '!', '...', '…', '\n', '\n\n', '\t', 'PARIS (AP) —',
  '(Reporting by Ann Lee; Editing by Bob Wu)', 'VIDEO:', 'Related Articles', 'Copyright', '#', '😀', 'Z̷a', 'é',
];

/** A seeded generator, so that a failure names the text that caused it. */
function* texts(seed: number, count: number): Generator<string> {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let n = 0; n < count; n++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 60) }, () => PIECES[Math.floor(next() * PIECES.length)] + (next() < 0.8 ? ' ' : ''));
    yield words.join('');
  }
}

const spansOf = (r: Report) =>
  r.attributions.flatMap((a) => [a.content, a.cue, a.source.mention]).concat(r.sources.flatMap((s) => s.mentions)).filter((s) => s !== null);

describe('hostile text', () => {
  it('never fails but with an InputError, and every report validates, its spans indexing the text', () => {
    let reports = 0;
    for (const text of texts(7, 300)) {
      for (const options of [{}, { model: true, units: 'attributions' as const }]) {
        let report: Report;
        try {
          report = analyze(text, { ...options, keepText: true });
        } catch (e) {
          expect(e, JSON.stringify(text)).toBeInstanceOf(InputError);
          continue;
        }
        reports++;
        expect(ReportSchema.safeParse(report).success, JSON.stringify(text)).toBe(true);
        for (const span of spansOf(report)) expect(report.document.text!.slice(span.start, span.end), JSON.stringify(text)).toBe(span.text);
      }
    }
    expect(reports).toBeGreaterThan(500);
  });

  it('a cue at the very start of a sentence has no time phrase before it to look into', () => {
    // "whose as" made the subject's search look at the token before the first one
    expect(analyze('added told ...whose as ').attributions).toEqual([]);
  });
});
