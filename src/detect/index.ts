import type { Cue, Doc } from '../types.js';
import { viewOf } from './doc-view.js';
import { accordingCues, colonCues, dashCues, vagueCues, wordsCues } from './phrases.js';
import { verbCues } from './verbs.js';
import { learnedCues } from '../tagger/index.js';

const PATTERNS = [verbCues, accordingCues, wordsCues, dashCues, colonCues, vagueCues];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

export interface DetectOptions {
  /** Combine the rules with the attribution tagger trained on PolNeAR (models/attribution-tagger.bin). */
  model?: boolean;
}

/** Every reporting cue in the document, with the mention and content spans it governs, in text order. */
export function detect(doc: Doc, options: DetectOptions = {}): Cue[] {
  const view = viewOf(doc);
  const found: Cue[] = [];
  for (const s of doc.sentences) {
    if (doc.boilerplate.some((b) => overlaps(b, s))) continue;
    for (const pattern of PATTERNS) found.push(...pattern(view, s));
  }
  found.sort((a, b) => (a.cue?.start ?? a.content.start) - (b.cue?.start ?? b.content.start));
  return options.model ? learnedCues(view, found) : found;
}
