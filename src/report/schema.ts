import { z } from 'zod';
import { UNITS } from './units.js';

/** The report: the one contract between the engine, its shells (CLI, queue, HTTP) and the scorers. */

export const SCHEMA_VERSION = '1.1.0';

const offset = z.number().int().nonnegative();
export const SpanSchema = z.object({ start: offset, end: offset }).describe('JavaScript string offsets into the analysed text, end exclusive');
export const TextSpanSchema = SpanSchema.extend({ text: z.string() });

export const SourceTypeSchema = z.enum(['person', 'organization', 'media', 'government', 'document', 'anonymous', 'vague']);
export const ClaimKindSchema = z.enum(['direct', 'indirect', 'mixed']);

export const SourceSchema = z.object({
  id: z.string(),
  name: z.string().describe('canonical name: the fullest name the article gives, or an unnamed source in its own words'),
  type: SourceTypeSchema,
  mentions: z.array(TextSpanSchema),
});

export const AttributionSchema = z.object({
  id: z.string(),
  sentence: SpanSchema.describe('the sentence or sentences holding the claim'),
  content: TextSpanSchema,
  cue: TextSpanSchema.extend({ lemma: z.string() }).nullable().describe('null for a quotation that continues the last speaker'),
  source: z.object({
    id: z.string(),
    name: z.string(),
    type: SourceTypeSchema,
    mention: TextSpanSchema.nullable().describe('the words at the cue that stand for the source (a name, a description, a pronoun, a relative "who"), resolved to name; null where none stands there'),
  }),
  via: z.array(z.string()).describe('ids of the sources that relay this one, outermost last'),
  kind: ClaimKindSchema,
  pattern: z.enum(['verb', 'inverted', 'according', 'words', 'dash', 'colon', 'vague', 'floating', 'learned']),
  hedged: z.boolean(),
  hedges: z.array(z.string()),
  confidence: z.number().min(0).max(1),
});

export const ReportSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  engine: z.object({ name: z.literal('claimtrace'), version: z.string() }),
  document: z.object({
    id: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    chars: z.number().int().nonnegative(),
    format: z.enum(['text', 'html']),
    language: z.string().describe('ISO 639-3; und when too short to tell'),
    supported: z.boolean().describe('false when the language is not one the engine reads: no attributions are given'),
    title: z.string().optional(),
    text: z.string().optional().describe('the analysed text: given when it differs from the input (HTML), and in stored and HTML-rendered reports'),
  }),
  sentences: z.array(SpanSchema.extend({ index: z.number().int().nonnegative() })),
  sources: z.array(SourceSchema),
  units: z
    .enum(UNITS)
    .describe('how attributions are cut: claims, one per source and stretch of text and one per sentence of a quotation (the default); attributions, one per cue, a quotation interrupted by its cue whole, as PARC and PolNeAR annotate'),
  attributions: z.array(AttributionSchema),
  unattributed: z.array(z.object({ sentence: SpanSchema, text: z.string() })),
  boilerplate: z.array(TextSpanSchema),
  warnings: z.array(z.string()),
});

export type Report = z.infer<typeof ReportSchema>;
export type Attribution = z.infer<typeof AttributionSchema>;
export type Source = z.infer<typeof SourceSchema>;

/** The JSON Schema published in docs/report.schema.json. */
export const reportJsonSchema = () => z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' });
