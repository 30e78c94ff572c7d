import type { ReviewState } from '../../../review/schema.js';
import type { Report } from '../../schema.js';
import { articleHtml } from './article.js';
import { esc } from './escape.js';
import { page } from './page.js';
import { addFormHtml, claimsHtml, coloursOf, sourcesHtml, unattributedHtml } from './panel.js';

export { contentSecurityPolicy, page } from './page.js';
export { esc } from './escape.js';

export interface ReviewView {
  /** Base path of this article's review API. */
  api: string;
  state: ReviewState;
  /** Navigation and sign-in state, already HTML. */
  nav: string;
}

/** The report as one self-contained page; with `review`, the same page with the reviewer's controls. */
export function html(report: Report, review?: ReviewView): string {
  const text = report.document.text;
  if (text === undefined) throw new Error('the HTML report needs the analysed text in the report (analyze with keepText)');
  const colours = coloursOf(report);
  const d = report.document;
  const title = d.title ?? d.id;
  const reviewed = review ? report.attributions.filter((a) => Object.hasOwn(review.state.verdicts, a.id)).length : 0;
  const body = [
    review?.nav ?? '',
    `<header><h1>${esc(title)}</h1>`,
    `<p class="counts">${report.attributions.length} claims from ${report.sources.length} sources; ${report.unattributed.length} unattributed.`,
    review ? ` <span id="review-progress">${reviewed} of ${report.attributions.length} reviewed</span>` : '',
    '</p>',
    ...report.warnings.map((w) => `<p class="warning">${esc(w)}</p>`),
    '</header><main class="layout">',
    articleHtml(report, text, colours, review?.state.added),
    '<aside id="panel">',
    sourcesHtml(report, colours),
    unattributedHtml(report),
    claimsHtml(report, review?.state),
    review ? addFormHtml(review.state.added) : '',
    '</aside></main>',
  ].join('');
  return page({ title: `${title}: claims and sources`, body, review: review?.api, served: review !== undefined });
}
