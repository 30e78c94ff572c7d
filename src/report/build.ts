import { ENGINE_VERSION } from '../paths.js';
import type { Claim } from '../resolve/claims.js';
import type { Entity } from '../resolve/entities.js';
import { inside, touching } from '../spans.js';
import type { Doc, Span } from '../types.js';
import { SCHEMA_VERSION, type Report } from './schema.js';
import { bySentence, oneAttributionPerCue, oneClaimPerSource, type Units } from './units.js';

export interface Resolved {
  claims: Claim[];
  entities: Entity[];
  unattributed: Span[];
}

export interface DocumentInfo {
  language: string;
  supported: boolean;
  warnings: string[];
  /** Whether the report carries the analysed text. */
  carryText: boolean;
  units: Units;
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * A claim with the tagger's spans in place of the rule's: its cue and mention, and its content where that still
 * is the one the rule found (resolution may have merged it). The model's content stands inside the claim's
 * sentences, or where it runs on around its cue ("“It's over,” she said. “We lost.”") from no later than the
 * rule's first word; and only over at least as many sentences as the rule's: a quotation the rules followed over
 * several sentences keeps its full length, which the model, looking one sentence back, would cut short. A
 * quotation that continues a claim (no cue of its own) keeps its own spans.
 */
function reported(doc: Doc, claim: Claim): Claim {
  const r = claim.refined;
  if (!r || !claim.cue) return claim;
  const sentences = (x: Span) => touching(doc.sentences, x).length;
  const firstWord = claim.content.start + (/^[^\p{L}\p{N}]*/u.exec(doc.text.slice(claim.content.start, claim.content.end))?.[0].length ?? 0);
  const around = r.content.start <= r.cue.start && r.cue.end <= r.content.end && r.content.start >= claim.sentence.start && r.content.start <= firstWord;
  const same = r.of.start === claim.content.start && r.of.end === claim.content.end;
  const fits = same && (inside(r.content, claim.sentence) || around) && sentences(r.content) >= sentences(claim.content);
  return { ...claim, cue: r.cue, mention: r.mention, content: fits ? r.content : claim.content };
}

/** The report object for one article: plain JSON, offsets into the analysed text. */
export function buildReport(doc: Doc, resolved: Resolved, info: DocumentInfo): Report {
  const withText = (s: Span) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) });
  // a relative pronoun at the cue is the words that stand for the source there ("Mr. Kamin, who emphasized")
  const mentionOf = (c: Claim) => {
    const at = c.relative ?? c.mention;
    return at ? withText(at) : null;
  };
  const citedSet = new Set(resolved.claims.flatMap((c) => [c.entity, ...c.via]));
  const cited = resolved.entities.filter((e) => citedSet.has(e));
  // a claim's own spans are compared with the model's before claims merge, and after attributions are whole
  const entries = info.units === 'claims' ? bySentence(doc, oneClaimPerSource(resolved.claims).map((c) => reported(doc, c))) : oneAttributionPerCue(doc, resolved.claims.map((c) => reported(doc, c)));
  return {
    schemaVersion: SCHEMA_VERSION,
    engine: { name: 'claimtrace', version: ENGINE_VERSION },
    document: {
      id: doc.id,
      sha256: doc.sha256,
      chars: doc.text.length,
      format: doc.format,
      language: info.language,
      supported: info.supported,
      ...(doc.title ? { title: doc.title } : {}),
      ...(info.carryText ? { text: doc.text } : {}),
    },
    sentences: doc.sentences.map((s) => ({ index: s.index, start: s.start, end: s.end })),
    sources: cited.map((e) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions.map(withText) })),
    units: info.units,
    attributions: entries.map((c, i) => ({
      id: `a${i + 1}`,
      sentence: { start: c.sentence.start, end: c.sentence.end },
      content: withText(c.content),
      cue: c.cue ? { ...withText(c.cue), lemma: c.cue.lemma } : null,
      source: { id: c.entity.id, name: c.entity.name, type: c.entity.type, mention: mentionOf(c) },
      via: c.via.map((e) => e.id),
      kind: c.kind,
      pattern: c.pattern,
      hedged: c.hedges.length > 0,
      hedges: c.hedges,
      confidence: round(c.confidence),
    })),
    unattributed: resolved.unattributed.map((s) => ({ sentence: { start: s.start, end: s.end }, text: doc.text.slice(s.start, s.end) })),
    boilerplate: doc.boilerplate.map(withText),
    warnings: info.warnings,
  };
}
