import { SourceTypeSchema, type Attribution, type Report } from '../../schema.js';
import { bySource, clip } from '../shared.js';
import type { Colours } from './article.js';
import { esc } from './escape.js';
import type { AddedClaim, ReviewState, Verdict } from '../../../review/schema.js';

/** Sources a fact-checker cannot check by name. */
const UNNAMED = new Set(['anonymous', 'vague']);

/** The source type, flagged when the source is unnamed. */
const typeLabel = (type: string) => (UNNAMED.has(type) ? `<span class="flag" title="unnamed: cannot be checked by name">${type}</span>` : `<span class="type">${type}</span>`);

export const coloursOf = (report: Report): Colours => new Map(bySource(report).map(({ source }, i) => [source.id, i % 12]));

export function sourcesHtml(report: Report, colours: Colours): string {
  const items = bySource(report).map(({ source, claims }) => {
    return `<li><button type="button" class="source c${colours.get(source.id)}" data-source="${esc(source.id)}" aria-pressed="false"><span class="swatch"></span><span class="name">${esc(source.name)}</span> ${typeLabel(source.type)}<span class="count" title="claims">${claims.length}</span></button></li>`;
  });
  return `<section><h2>Sources</h2>${items.length ? `<ul class="sources">${items.join('')}</ul>` : '<p>No attributed claims.</p>'}</section>`;
}

export function unattributedHtml(report: Report): string {
  if (!report.unattributed.length) return '';
  const items = report.unattributed.map((u, i) => `<li><a href="#u${i}">${esc(clip(u.text, 140))}</a></li>`);
  return `<section><h2>Unattributed claims <span class="type">check these first</span></h2><ol class="unattributed-list">${items.join('')}</ol></section>`;
}

function detail(report: Report, a: Attribution): string {
  const name = (id: string) => report.sources.find((s) => s.id === id)?.name ?? id;
  const rows: Array<[string, string]> = [
    ['Source', `${esc(a.source.name)} ${typeLabel(a.source.type)}`],
    ['Mention', a.source.mention ? esc(a.source.mention.text) : '—'],
    ['Cue', a.cue ? esc(a.cue.text) : 'continues the quotation'],
    ['Kind', a.kind],
    ['Via', a.via.length ? a.via.map((id) => esc(name(id))).join(' ← ') : '—'],
    ['Hedge', a.hedges.length ? a.hedges.map(esc).join(', ') : '—'],
    ['Confidence', a.confidence.toFixed(2)],
  ];
  return `<dl class="claim">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

const VERDICT_LABELS = { correct: 'marked correct', 'wrong-source': 'source corrected', 'not-claim': 'marked not a claim' };

const typeOptions = (selected?: string) =>
  SourceTypeSchema.options.map((t) => `<option value="${t}"${t === selected ? ' selected' : ''}>${t}</option>`).join('');

function reviewControls(a: Attribution, verdict?: Verdict): string {
  const corrected = verdict?.verdict === 'wrong-source' ? verdict : undefined;
  const status = verdict ? `${VERDICT_LABELS[verdict.verdict]}${corrected ? `: ${esc(corrected.source)}` : ''}` : '';
  return [
    `<div class="review" data-claim="${esc(a.id)}">`,
    '<button type="button" data-verdict="correct">Correct</button>',
    '<button type="button" data-verdict="not-claim">Not a claim</button>',
    `<form class="fix"><label class="sr-only" for="fix-${esc(a.id)}">Right source</label>`,
    `<input id="fix-${esc(a.id)}" name="source" required maxlength="200" placeholder="right source" value="${esc(corrected?.source ?? '')}">`,
    `<select name="type" aria-label="type of the right source">${typeOptions(corrected?.type ?? a.source.type)}</select>`,
    '<button type="submit">Wrong source</button></form>',
    `<span class="status" role="status">${status}</span></div>`,
  ].join('');
}

/** Every claim with its details (the tooltip shows a copy) and, in the review app, the reviewer's controls. */
export function claimsHtml(report: Report, review?: ReviewState): string {
  const items = report.attributions.map((a) => {
    const verdict = review?.verdicts[a.id];
    const cls = verdict ? ` class="verdict-${verdict.verdict}"` : '';
    const controls = review ? reviewControls(a, verdict) : '';
    return `<li id="claim-${esc(a.id)}" data-claim="${esc(a.id)}"${cls}><span class="quote">${esc(clip(a.content.text, 160))}</span>${detail(report, a)}${controls}</li>`;
  });
  return items.length ? `<section><h2>Claims</h2><ol class="claims">${items.join('')}</ol></section>` : '';
}

export function addFormHtml(added: AddedClaim[]): string {
  const items = added.map((a) => `<li>${esc(a.source)} (${esc(a.type)}): ${esc(clip(a.text, 120))}</li>`).join('');
  return [
    '<section><h2>Add a missed attribution</h2>',
    '<form class="add" id="add"><span>Select the claim in the article, then name its source.</span>',
    '<span class="selection" aria-live="polite"></span>',
    '<label>Source <input name="source" required maxlength="200"></label>',
    `<label>Type <select name="type">${typeOptions('person')}</select></label>`,
    '<button type="submit" disabled>Add attribution</button><span class="status" role="status"></span></form>',
    `<ol id="added-list">${items}</ol></section>`,
  ].join('');
}
