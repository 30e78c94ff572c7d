import { z } from 'zod';
import { SourceTypeSchema } from '../report/schema.js';

/** What a reviewer says about one attribution, and what they add: validated at the API boundary. */

const sourceName = z.string().trim().min(1, 'name the source').max(200);

export const VerdictSchema = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('correct') }).strict(),
  z.object({ verdict: z.literal('not-claim') }).strict(),
  z.object({ verdict: z.literal('wrong-source'), source: sourceName, type: SourceTypeSchema }).strict(),
]);

export const AddedInputSchema = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive(), source: sourceName, type: SourceTypeSchema })
  .strict()
  .refine((a) => a.end > a.start, 'end must come after start');

export type Verdict = z.infer<typeof VerdictSchema>;
export type AddedInput = z.infer<typeof AddedInputSchema>;
export type AddedClaim = AddedInput & { text: string };

export interface ReviewState {
  verdicts: Record<string, Verdict>;
  added: AddedClaim[];
}
