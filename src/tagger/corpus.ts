import { viewOf } from '../detect/doc-view.js';
import { detect } from '../detect/index.js';
import { ingest } from '../ingest/index.js';
import { segment } from '../segment/index.js';
import { trimmed } from '../spans.js';
import type { Doc, Span } from '../types.js';
import { extent, type BratAttribution } from './brat.js';
import { bio, tokenFacts } from './features.js';
import type { TrainingDoc } from './model.js';

/** The spans the scorer compares hold no surrounding whitespace or punctuation. */
const TRIM = /[\s"'“”‘’.,;:!?()[\]—–-]/;

/** A document with the rules' cues read: what the tagger sees at analysis time. */
export function readDocument(text: string): { doc: Doc; facts: ReturnType<typeof tokenFacts> } {
  const doc = segment(ingest({ text }));
  return { doc, facts: tokenFacts(doc, viewOf(doc), detect(doc)) };
}

/** A document and its gold attributions: BIO labels for cues and sources, token ranges per attribution. */
export function trainingDoc(text: string, attributions: BratAttribution[]): TrainingDoc & { doc: Doc } {
  const { doc, facts } = readDocument(text);
  const view = viewOf(doc);
  const range = (fragments: Span[] | undefined): [number, number] | null => {
    if (!fragments) return null;
    const whole = extent(fragments);
    const bare = trimmed(text, whole, TRIM);
    // a cue that is punctuation alone (":") keeps its mark
    const r = view.tokenRange(bare.end > bare.start ? bare : whole);
    return r[1] > r[0] ? r : null;
  };
  const layer = (role: 'cue' | 'source') => {
    const ranges = attributions.map((a) => range(a[role])).filter((r): r is [number, number] => r !== null);
    // the longest first, so that an enclosing span wins over the spans inside it
    return bio(facts.n, ranges.sort((x, y) => y[1] - y[0] - (x[1] - x[0])));
  };
  const gold = { cue: layer('cue'), source: layer('source') };
  const ranges = attributions.flatMap((a) => {
    const cue = range(a.cue);
    const content = range(a.content);
    return cue ? [{ cue, ...(content ? { content: { start: content[0], end: content[1] - 1 } } : {}) }] : [];
  });
  return { doc, facts, gold, attributions: ranges, segments: doc.sentences.map((s) => s.tokenStart) };
}
