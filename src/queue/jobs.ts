import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ENGINE_VERSION } from '../paths.js';

/** One job is one article: exactly one of text, html, a path the workers can read, or a URL to fetch. */
export const ArticleJobSchema = z
  .object({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    path: z.string().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    id: z.string().min(1).max(200).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** Analyse with the learned attribution tagger too (`analyze --model`). */
    model: z.boolean().optional(),
  })
  .strict()
  .refine((j) => [j.text, j.html, j.path, j.url].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of text, html, path or url',
  });

export type ArticleJob = z.infer<typeof ArticleJobSchema>;

/** What an article job returns: enough for a batch report, while the report itself lives in the result store. */
export interface ArticleResult {
  jobId: string;
  id: string;
  claims: number;
  unattributed: number;
  sources: Array<{ name: string; type: string; claims: number }>;
  unattributedClaims: string[];
}

/** A zod error as one line a person can act on. */
export const reasonOf = (error: z.ZodError) => error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');

/**
 * The job id: the article's content hash with the engine version, so that the same article is analysed once
 * per engine version (and once more with the model). A path is hashed by its content when the submitter can read
 * it; a URL by itself.
 */
export function jobIdFor(job: ArticleJob): string {
  let content: string;
  if (job.text !== undefined) content = `text\0${job.text}`;
  else if (job.html !== undefined) content = `html\0${job.html}`;
  else if (job.path !== undefined) content = `text\0${readable(job.path) ?? job.path}`;
  else content = `url\0${job.url}`;
  const engine = job.model ? `${ENGINE_VERSION}+model` : ENGINE_VERSION;
  return `a-${createHash('sha256').update(`${engine}\0${content}`).digest('hex').slice(0, 40)}`;
}

function readable(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
