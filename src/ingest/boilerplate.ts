import { boilerplate as lexicon } from '../models/index.js';
import type { Span } from '../types.js';

const words = (line: string) => line.split(/\s+/).filter(Boolean).length;
const closes = (line: string) => /[.!?:;,"”’')\]]$/.test(line);

/**
 * Page furniture among the lines of an article: lines the lexicon names, lines its patterns match,
 * and short unpunctuated section labels before the headline.
 */
export function findBoilerplate(text: string): Span[] {
  const found: Span[] = [];
  let seen = 0;
  let at = 0;
  for (const raw of text.split('\n')) {
    const start = at + (raw.length - raw.trimStart().length);
    const line = raw.trim();
    at += raw.length + 1;
    if (!line) continue;
    seen++;
    const label = seen <= lexicon.sectionLabel.withinFirstLines && words(line) <= lexicon.sectionLabel.maxWords && !closes(line) && !/\d/.test(line);
    if (label || lexicon.lines.has(line.toLowerCase()) || lexicon.pattern.test(line)) {
      found.push({ start, end: start + line.length });
    }
  }
  return found;
}
