import { analyze, type AnalyzeOptions } from '../../src/index.js';

/** A report's attributions reduced to what a reader checks: who, through which words, saying what. */
export function claims(text: string, options: AnalyzeOptions = {}) {
  const report = analyze(text, options);
  const name = (id: string) => report.sources.find((s) => s.id === id)?.name;
  return report.attributions.map((a) => ({
    source: a.source.name,
    type: a.source.type,
    mention: a.source.mention?.text ?? null,
    cue: a.cue?.text ?? null,
    content: a.content.text,
    kind: a.kind,
    via: a.via.map(name),
    hedged: a.hedged,
    pattern: a.pattern,
  }));
}
