import type { Cue, Doc } from '../types.js';
import { viewOf } from './doc-view.js';
import { accordingCues, colonCues, dashCues, vagueCues, wordsCues } from './phrases.js';
import { verbCues } from './verbs.js';
import { textOrder, touching } from '../spans.js';
import { learnedCues } from '../tagger/index.js';

const PATTERNS = [verbCues, accordingCues, wordsCues, dashCues, colonCues, vagueCues];

export interface DetectOptions {
  /** Combine the rules with the attribution tagger trained on PolNeAR (models/attribution-tagger.bin). */
  model?: boolean;
  /** With the model: every cue it finds, not only those a claim needs (see LearnedOptions). */
  everyCue?: boolean;
}

/** Every reporting cue in the document, with the mention and content spans it governs, in text order. */
export function detect(doc: Doc, options: DetectOptions = {}): Cue[] {
  const view = viewOf(doc);
  const found: Cue[] = [];
  for (const s of doc.sentences) {
    if (touching(doc.boilerplate, s).length) continue;
    for (const pattern of PATTERNS) found.push(...pattern(view, s));
  }
  found.sort(textOrder);
  return options.model ? learnedCues(view, found, { everyCue: options.everyCue }) : found;
}
