import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze, ReportSchema, reportJsonSchema } from '../src/index.js';
import { readArticleFile } from '../src/ingest/file.js';

const SAMPLES = new URL('../samples/', import.meta.url).pathname;

describe('report schema', () => {
  it('docs/report.schema.json is generated from the zod schema (npm run schema)', () => {
    const published = JSON.parse(readFileSync(new URL('../docs/report.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(reportJsonSchema());
  });

  it.each(readdirSync(SAMPLES))('the report of samples/%s validates, and every span indexes the analysed text', (name) => {
    const report = ReportSchema.parse(analyze(readArticleFile(SAMPLES + name)));
    const text = report.document.text ?? readFileSync(SAMPLES + name, 'utf8');
    for (const a of report.attributions) {
      expect(text.slice(a.content.start, a.content.end)).toBe(a.content.text);
      if (a.cue) expect(text.slice(a.cue.start, a.cue.end)).toBe(a.cue.text);
      if (a.source.mention) expect(text.slice(a.source.mention.start, a.source.mention.end)).toBe(a.source.mention.text);
      expect(report.sources.some((s) => s.id === a.source.id)).toBe(true);
      for (const id of a.via) expect(report.sources.some((s) => s.id === id)).toBe(true);
    }
  });
});
