import { detect } from './detect/index.js';
import { detectLanguage, ingest, SUPPORTED_LANGUAGES, type ArticleInput } from './ingest/index.js';
import { buildReport } from './report/build.js';
import type { Units } from './report/units.js';
import type { Report } from './report/schema.js';
import { resolve } from './resolve/index.js';
import { segment } from './segment/index.js';

export type { ArticleInput } from './ingest/index.js';

export interface AnalyzeOptions {
  /** Put the analysed text in the report even when it equals the input: for the HTML page and stored reports. */
  keepText?: boolean;
  /** Combine the rules with the attribution tagger trained on PolNeAR: finer spans, more attributions, a third of the speed. */
  model?: boolean;
  /** How attributions are cut into report entries: per claim (the default) or per cue, as PARC and PolNeAR annotate. */
  units?: Units;
}

/**
 * One article in, its claim-attribution report out: ingest → segment → detect → resolve → report.
 * Every shell (CLI, queue worker, HTTP) calls this and nothing else.
 */
export function analyze(input: ArticleInput | string, options: AnalyzeOptions = {}): Report {
  const given = typeof input === 'string' ? { text: input } : input;
  const article = ingest(given);
  const language = detectLanguage(article.text);
  const supported = SUPPORTED_LANGUAGES.has(language);
  const doc = segment(article);
  const units = options.units ?? 'claims';
  // the per-cue view follows PolNeAR, which marks many more attributions than a fact-checker's claims
  const detectOptions = { model: options.model, everyCue: units === 'attributions' };
  const resolved = supported ? resolve(doc, detect(doc, detectOptions), { everyAttribution: units === 'attributions' }) : { claims: [], entities: [], unattributed: [] };
  const warnings = supported ? [] : [`language ${language} is not supported: only English is analysed`];
  return buildReport(doc, resolved, {
    language,
    supported,
    warnings,
    carryText: article.format === 'html' || options.keepText === true,
    units,
  });
}
