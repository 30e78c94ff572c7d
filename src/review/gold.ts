import type { Attribution, Report } from '../report/schema.js';
import { touching } from '../spans.js';
import type { SourceType, Span } from '../types.js';
import type { ReviewState } from './schema.js';

/** One article of claim-level gold, in the format of ../shared/eval/README.md, so score.mjs reads it. */
export interface Gold {
  id: string;
  text: string;
  entities: Record<string, { type: SourceType; aliases: string[] }>;
  attributions: Array<{ sentence: string; source: string; mention?: string; cue?: string; kind?: Attribution['kind']; optional: boolean }>;
  unattributed: string[];
  boilerplate: string[];
}


/**
 * A reviewed report as gold. Gold is per sentence: a claim over several sentences gives one entry for each.
 * Claims the reviewer confirmed or corrected are required; claims nobody reviewed are optional (reporting
 * them costs nothing); claims marked "not a claim" are left out; claims the reviewer added carry no cue or
 * kind, since the reviewer gave none.
 */
export function goldOf(id: string, report: Report, review: ReviewState): Gold {
  const text = report.document.text;
  if (text === undefined) throw new Error(`report ${report.document.id} carries no text`);
  const entities: Gold['entities'] = {};
  const entries = new Map<string, Gold['attributions'][number]>();
  const put = (span: Span, source: string, type: SourceType, fields: { mention?: string; cue?: string; kind?: Attribution['kind'] }, optional: boolean) => {
    entities[source] ??= { type, aliases: [] };
    for (const s of touching(report.sentences, span)) {
      const sentence = text.slice(s.start, s.end);
      const key = `${s.start}\0${source.toLowerCase()}`;
      const known = entries.get(key);
      if (!known || (known.optional && !optional)) entries.set(key, { sentence, source, ...fields, optional });
    }
  };
  for (const a of report.attributions) {
    const verdict = review.verdicts[a.id];
    const spoken = { cue: a.cue?.text, kind: a.kind };
    if (!verdict) put(a.content, a.source.name, a.source.type, spoken, true);
    else if (verdict.verdict === 'correct') put(a.content, a.source.name, a.source.type, { mention: a.source.mention?.text, ...spoken }, false);
    else if (verdict.verdict === 'wrong-source') put(a.content, verdict.source, verdict.type, spoken, false);
  }
  for (const added of review.added) put(added, added.source, added.type, {}, false);
  const attributed = new Set([...entries.values()].filter((e) => !e.optional).map((e) => e.sentence));
  return {
    id,
    text: `${id}.txt`,
    entities,
    attributions: [...entries.values()],
    unattributed: report.unattributed.map((u) => u.text).filter((u) => !attributed.has(u)),
    boilerplate: report.boilerplate.map((b) => b.text),
  };
}
