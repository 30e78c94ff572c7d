/** Plain data shared by the pipeline stages. Offsets are JavaScript string indices into `Doc.text`. */

export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  index: number;
  text: string;
  lower: string;
  /** The lemma of a reporting verb's form (models/cue-forms.json); any other word's lowercase form. */
  lemma: string;
  pos: string;
}

export interface Paragraph extends Span {
  index: number;
  /** A line with no closing punctuation: a title, a section heading, a dateline. Not a claim. */
  heading: boolean;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  heading: boolean;
}

/** A quotation, from its opening mark to its closing mark inclusive; it may run over sentences and paragraphs. */
export interface Quote extends Span {
  closed: boolean;
}

export interface Article {
  id: string;
  /** SHA-256 of the input as given (the HTML for a page), hex: the document's identity in the report. */
  sha256: string;
  text: string;
  format: 'text' | 'html';
  title?: string;
  boilerplate: Span[];
}

export interface Doc extends Article {
  tokens: Token[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: Quote[];
}

export type SourceType = 'person' | 'organization' | 'media' | 'government' | 'document' | 'anonymous' | 'vague';
export type ClaimKind = 'direct' | 'indirect' | 'mixed';

/** A reporting cue found by `detect`, with the spans it governs; not yet tied to an entity. */
export interface Cue {
  /** `learned`: found by the attribution tagger alone (models/attribution-tagger.bin). */
  pattern: 'verb' | 'inverted' | 'according' | 'words' | 'dash' | 'colon' | 'vague' | 'floating' | 'learned';
  cue: (Span & { lemma: string }) | null;
  mention: Span | null;
  /**
   * The relative pronoun that stands for the mention at the cue ("Mr. Kamin, who emphasized …"): the report gives it
   * as the source's mention, as PolNeAR marks it, while resolution reads the phrase it stands for.
   */
  relative?: Span;
  content: Span;
  confidence: number;
  /**
   * The tagger's spans for a rule's cue: reported in place of the rule's, while resolution keeps reading the
   * rule's, whose narrower content the nesting and coreference rules were written for. `of` is the rule's content
   * they refine: a claim whose content resolution changed (merged, or a floating quote's) keeps its own spans.
   */
  refined?: { of: Span; cue: Span & { lemma: string }; mention: Span | null; content: Span };
}
