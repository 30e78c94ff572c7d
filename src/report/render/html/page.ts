import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../../paths.js';
import { esc } from './escape.js';

const asset = (name: string) => readFileSync(join(PACKAGE_ROOT, 'src', 'report', 'render', 'assets', name), 'utf8');
const STYLE = asset('report.css');
const SCRIPT = asset('report.js');
const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

/**
 * The page runs only its own inline script and style (allowed by hash), fetches nothing from elsewhere and,
 * unless served by the review app, sends nothing anywhere: article text is untrusted.
 */
export function contentSecurityPolicy({ served }: { served: boolean }): string {
  const self = served ? "'self'" : "'none'";
  return [
    "default-src 'none'",
    `script-src ${hash(SCRIPT)}`,
    `style-src ${hash(STYLE)}`,
    'img-src data:',
    `connect-src ${self}`,
    `form-action ${self}`,
    "base-uri 'none'",
  ].join('; ');
}

export interface Shell {
  title: string;
  body: string;
  /** Set when the review app serves the page: the base path of this article's review API. */
  review?: string;
  served?: boolean;
}

/** One self-contained HTML document. */
export function page({ title, body, review, served = false }: Shell): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy({ served }))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    `</head><body${review ? ` data-review="${esc(review)}"` : ''}>`,
    body,
    '<div id="tip" role="tooltip" hidden></div>',
    `<script>${SCRIPT}</script>`,
    '</body></html>',
  ].join('\n');
}
