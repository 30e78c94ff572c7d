import type { Report } from '../schema.js';
import { csv } from './csv.js';
import { html } from './html/index.js';
import { markdown } from './markdown.js';
import { summary } from './summary.js';

const RENDERERS = {
  summary,
  json: (r: Report) => JSON.stringify(r, null, 2) + '\n',
  jsonl: (r: Report) => JSON.stringify(r) + '\n',
  md: markdown,
  csv,
  html: (r: Report) => html(r),
} as const;

export type Format = keyof typeof RENDERERS;
export const FORMATS = Object.keys(RENDERERS) as Format[];
export const EXTENSIONS: Record<Format, string> = { summary: 'txt', json: 'json', jsonl: 'jsonl', md: 'md', csv: 'csv', html: 'html' };

export const render = (report: Report, format: Format): string => RENDERERS[format](report);
