import { cues } from '../models/index.js';
import type { Cue, Sentence, Span } from '../types.js';
import type { DocView } from './doc-view.js';
import { phraseEndingAt, phraseStartingAt, withAppositive } from './np.js';

const matchesAt = (view: DocView, i: number, words: string[]) => words.every((w, k) => w === '*' || view.tokens[i + k]?.lower === w);

/** Content around a cue phrase that stands apart from its clause: after it when it leads, before it when it trails, else the whole sentence. */
function contentAround(view: DocView, s: Sentence, first: number, last: number): Span | null {
  const { tokens } = view;
  const end = view.contentEnd(s);
  const leads = first === s.tokenStart || tokens[first - 1].lower === 'that';
  if (leads) {
    let k = last;
    while (k < s.tokenEnd && /^[,:]$/.test(tokens[k].text)) k++;
    if (k >= s.tokenEnd) return null;
    const quote = view.quoteOpening(k);
    return { start: tokens[k].start, end: Math.max(end, quote?.end ?? 0) };
  }
  const trails = last >= s.tokenEnd || /^[.!?]$/.test(tokens[last].text);
  if (trails) {
    let stop = first - 1;
    while (stop > s.tokenStart && /^[,;]$/.test(tokens[stop].text)) stop--;
    const quote = view.quoteClosing(stop);
    return { start: Math.min(quote?.start ?? s.start, s.start), end: tokens[stop].end };
  }
  return { start: s.start, end };
}

/** The words "according to" phrases start with: every other token is passed over at once. */
const ACCORDING_FIRST = new Set(cues.according.map((w) => w[0]));
const ANY_FIRST = ACCORDING_FIRST.has('*');

/** "according to X", "as reported by X", "citing X". */
export function accordingCues(view: DocView, s: Sentence): Cue[] {
  const found: Cue[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!(ANY_FIRST || ACCORDING_FIRST.has(view.tokens[i].lower)) || view.quoteAt(i)) continue;
    const words = cues.according.find((w) => matchesAt(view, i, w));
    if (!words) continue;
    const after = i + words.length;
    const source = phraseStartingAt(view.tokens, after, s.tokenStart, s.tokenEnd);
    if (!source) continue;
    const content = contentAround(view, s, i, source[1]);
    if (!content) continue;
    found.push({
      pattern: 'according',
      cue: { ...view.charSpan(i, after), lemma: words.join(' ') },
      mention: view.charSpan(source[0], source[1]),
      content,
      confidence: 0.9,
    });
  }
  return found;
}

/** "in X's words" and "in the words of X". */
export function wordsCues(view: DocView, s: Sentence): Cue[] {
  const { tokens } = view;
  const found: Cue[] = [];
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (tokens[i].lower !== 'in' || view.quoteAt(i)) continue;
    let source: [number, number] | null = null;
    let last = -1;
    if (matchesAt(view, i, ['in', 'the', 'words', 'of'])) {
      source = phraseStartingAt(tokens, i + 4, s.tokenStart, s.tokenEnd);
      last = source ? source[1] : -1;
    } else {
      let w = -1;
      for (let k = i + 1; k < Math.min(s.tokenEnd, i + 8) && w < 0; k++) if (tokens[k].lower === 'words') w = k;
      if (w > 0 && /^['’]s?$/.test(tokens[w - 1].lower)) {
        source = phraseEndingAt(tokens, w - 2, i + 1, w);
        last = w + 1;
      }
    }
    if (!source || last < 0) continue;
    const content = contentAround(view, s, i, last);
    if (!content) continue;
    found.push({ pattern: 'words', cue: { ...view.charSpan(i, last > source[1] ? last : source[0]), lemma: 'in words' }, mention: view.charSpan(source[0], source[1]), content, confidence: 0.85 });
  }
  return found;
}

/** `"…" - X`: a quotation signed by a dash at the end of its paragraph. */
export function dashCues(view: DocView, s: Sentence): Cue[] {
  const { tokens } = view;
  const para = view.doc.paragraphs[s.paragraph];
  if (s.end < para.end) return [];
  for (let d = s.tokenEnd - 2; d >= s.tokenStart && d >= s.tokenEnd - 20; d--) {
    if (!cues.dashes.has(tokens[d].text)) continue;
    const quote = d > 0 ? view.quoteClosing(d - 1) : undefined;
    const core = phraseStartingAt(tokens, d + 1, s.tokenStart, s.tokenEnd);
    const source = core && withAppositive(tokens, core, s);
    if (!quote || !source || source[1] < s.tokenEnd - 1) return [];
    return [{ pattern: 'dash', cue: { ...view.charSpan(d, d + 1), lemma: 'dash' }, mention: view.charSpan(source[0], source[1]), content: { start: quote.start, end: quote.end }, confidence: 0.85 }];
  }
  return [];
}

/** "reportedly", "allegedly": the writer passes on a claim without naming whose it is. */
export function vagueCues(view: DocView, s: Sentence): Cue[] {
  for (let i = s.tokenStart; i < s.tokenEnd; i++) {
    if (!cues.vagueAdverbs.has(view.tokens[i].lower) || view.quoteAt(i)) continue;
    return [{ pattern: 'vague', cue: { ...view.charSpan(i, i + 1), lemma: view.tokens[i].lower }, mention: null, content: { start: s.start, end: view.contentEnd(s) }, confidence: 0.5 }];
  }
  return [];
}

/** "PENCE: Well, look, ..." and "Kerry: By law, ...": a speaker's name and a colon opening a paragraph. */
export function colonCues(view: DocView, s: Sentence): Cue[] {
  const { tokens } = view;
  const para = view.doc.paragraphs[s.paragraph];
  if (para.heading) return [];
  let first = s.tokenStart;
  if (view.isQuoteMark(first)) first++;
  if (tokens[first]?.start > para.start + 1) return [];
  let colon = first;
  while (colon < s.tokenEnd && colon - first < 5 && tokens[colon].pos === 'PROPN') colon++;
  if (colon === first || tokens[colon]?.text !== ':' || colon + 1 >= s.tokenEnd) return [];
  if (cues.notLabels.has(view.doc.text.slice(tokens[first].start, tokens[colon - 1].end).toLowerCase())) return [];
  // "Clinton: 2,316. Sanders: 1,547.": a tally, not what they said
  if (tokens[colon + 1].pos === 'NUM' && (colon + 2 >= s.tokenEnd || /^[.,;]$/.test(tokens[colon + 2].text))) return [];
  const content = { start: tokens[colon + 1].start, end: para.end };
  return [{ pattern: 'colon', cue: { ...view.charSpan(colon, colon + 1), lemma: ':' }, mention: view.charSpan(first, colon), content, confidence: 0.7 }];
}
