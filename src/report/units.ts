import { viewOf } from '../detect/doc-view.js';
import { attributionSpan, kindOf, type Claim } from '../resolve/claims.js';
import { inside, readingOrder, SpanIndex, textOrder, touching, trimmed, union } from '../spans.js';
import type { Doc } from '../types.js';

/**
 * How a report cuts what is said into entries.
 * - `claims`: what a fact-checker reviews. A source that speaks twice over one stretch of text ("she said A and
 *   added B") gives one entry, and a quotation gives an entry per sentence, the part that runs on after its cue
 *   ("“A,” she said. “B.”") included, so that every sentence is checked against its source.
 * - `attributions`: one entry per cue, as PARC and PolNeAR annotate reported speech: "said A and added B" are two,
 *   and "“A,” she said. “B.”" is one whose content runs from the first part of the quotation to the last. With the
 *   tagger, every cue it finds is an entry, not only those a claim needs (learnedCues in src/tagger).
 */
export const UNITS = ['claims', 'attributions'] as const;
export type Units = (typeof UNITS)[number];

/** The same source twice over one stretch of text is one claim: the first in text order takes in the others. */
export function oneClaimPerSource(claims: Claim[]): Claim[] {
  const cued = claims.filter((c) => c.pattern !== 'floating');
  const bySentence = new SpanIndex(cued.map((c) => ({ span: c.sentence, item: c })));
  const kept = new Map<Claim, Claim>();
  for (const c of [...cued].sort(textOrder)) {
    const twin = bySentence
      .overlapping(c.sentence)
      .filter((k) => k !== c && k.entity === c.entity && kept.has(k))
      .sort((x, y) => x.sentence.start - y.sentence.start)[0];
    if (twin) {
      const into = kept.get(twin)!;
      into.content = union(into.content, c.content);
    } else kept.set(c, { ...c });
  }
  // a claim that took in a twin before it may now start earlier
  return claims.flatMap((c) => (c.pattern === 'floating' ? [c] : kept.has(c) ? [kept.get(c)!] : [])).sort(readingOrder);
}

/**
 * A quotation over several sentences is checked sentence by sentence, as the claim-level gold counts it: one
 * entry per sentence, each with the cue that opened the quotation ("said, “I think … game.\n\nIt was …”" is two).
 * Only claims take this cut; an attribution keeps its whole content.
 */
export function bySentence(doc: Doc, claims: Claim[]): Claim[] {
  const view = viewOf(doc);
  return claims.flatMap((c) => {
    const sentences = touching(doc.sentences, c.content);
    if (sentences.length < 2 || c.kind === 'indirect') return [c];
    return sentences.flatMap((s) => {
      const content = trimmed(doc.text, { start: Math.max(s.start, c.content.start), end: Math.min(s.end, c.content.end) });
      // a quotation mark left alone in a sentence of its own says nothing
      if (!view.letters(content)) return [];
      const kind = c.kind === 'direct' ? c.kind : kindOf(view, content, attributionSpan(c.cue, c.mention));
      return [{ ...c, content, sentence: { start: s.start, end: s.end }, kind }];
    });
  });
}

/** One entry per cue: a quotation that goes on after its cue in the same paragraph belongs to the attribution before it. */
export function oneAttributionPerCue(doc: Doc, claims: Claim[]): Claim[] {
  const paragraphAt = (at: number) => touching(doc.sentences, { start: at, end: at + 1 })[0]?.paragraph;
  const out: Claim[] = [];
  for (const c of claims) {
    const last = out[out.length - 1];
    if (c.pattern === 'floating' && last && last.entity === c.entity && paragraphAt(c.content.start) === paragraphAt(last.content.end - 1)) {
      last.content = union(last.content, c.content);
      last.sentence = union(last.sentence, c.sentence);
      if (last.kind !== c.kind) last.kind = 'mixed';
      continue;
    }
    out.push({ ...c });
  }
  return outermost(doc, out);
}

/**
 * Which entries PolNeAR would mark inside another's content. "Stein said she plans to join the protest": an
 * attribution whose source opens the content (right after its "that", if any) is nested in it, and PolNeAR marks
 * only the outer one (on its train split, 6% of these are annotated). Deeper inside a content, it depends on
 * whose bounds the content has: in a content the tagger bounded, a cue is nested speech ("what he called …",
 * "because he doubted …": about a quarter of them annotated, in `--model`'s per-cue view of train), while a rule's
 * content more often has run on too far, over a cue of its own (half of them annotated), and those stay. Two cues
 * inside each other's content are left to resolution, which decides which frames which.
 */
function outermost(doc: Doc, entries: Claim[]): Claim[] {
  const contents = new SpanIndex(entries.flatMap((o) => (o.cue ? [{ span: o.content, item: o }] : [])));
  return entries.filter((c) => {
    const cue = c.cue;
    if (!cue) return true;
    return !contents.overlapping(cue).some((o) => o !== c && (opensContent(doc, o, c) || (taggerBounded(o) && inside(cue, o.content) && !(o.cue && inside(o.cue, c.content)))));
  });
}

function opensContent(doc: Doc, outer: Claim, c: Claim): boolean {
  const at = c.mention?.start;
  return at !== undefined && outer.content.start <= at && outer.content.end >= c.cue!.end && OPENING.test(doc.text.slice(outer.content.start, at));
}

/** An entry whose content the tagger bounded: a learned cue's, or a rule's that took the tagger's bounds. */
const taggerBounded = (c: Claim) => c.pattern === 'learned' || (!!c.refined && c.refined.content.start === c.content.start && c.refined.content.end === c.content.end);

/** What may stand between a content's start and a source that opens it: "that", quotation marks, spaces. */
const OPENING = /^(?:that\b)?[\s"“‘']*$/i;
