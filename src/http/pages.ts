import { esc, page } from '../report/render/html/index.js';

export interface ArticleRow {
  key: string;
  title: string;
  analysedAt: number;
  claims: number;
  sources: number;
  unattributed: number;
  reviewed: number;
}

export interface BatchRow {
  id: string;
  name: string;
  finishedAt: string;
  articles: number;
  failures: number;
  unattributed: number;
}

export function nav(signedIn: boolean): string {
  const who = signedIn
    ? '<form method="post" action="/logout" class="who">signed in · <button type="submit">log out</button></form>'
    : '<a class="who" href="/login">log in to review</a>';
  return `<nav class="top"><a href="/">Articles</a><a href="/admin/queues">Queues</a>${who}</nav>`;
}

const served = (title: string, body: string) => page({ title, body, served: true });

const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

function batchesTable(batches: BatchRow[]): string {
  if (!batches.length) return '';
  const rows = batches.map(
    (b) => `<tr><td><a href="/?batch=${encodeURIComponent(b.id)}">${esc(b.name)}</a></td><td>${when(Date.parse(b.finishedAt))}</td><td class="n">${b.articles}</td><td class="n">${b.failures}</td><td class="n">${b.unattributed}</td></tr>`,
  );
  return `<h2>Batches</h2><table class="list" id="batches"><thead><tr><th>Batch</th><th>Finished (UTC)</th><th>Articles</th><th>Failures</th><th>Unattributed</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The review app's front page: finished batches and analysed articles, newest first; or the articles of one batch. */
export function articlesPage(rows: ArticleRow[], batches: BatchRow[], batch: string | undefined, signedIn: boolean): string {
  const options = batches.map((b) => `<option value="${esc(b.id)}"${b.id === batch ? ' selected' : ''}>${esc(b.name)} (${b.articles})</option>`).join('');
  const filter = `<form method="get" action="/" class="meta"><label>Batch <select name="batch"><option value="">all articles</option>${options}</select></label> <button type="submit">Show</button></form>`;
  const body = rows.map((r) => {
    const progress = r.claims ? `<progress max="${r.claims}" value="${r.reviewed}"></progress> ${r.reviewed}/${r.claims}` : '—';
    return `<tr><td><a href="/articles/${encodeURIComponent(r.key)}">${esc(r.title)}</a></td><td>${when(r.analysedAt)}</td><td class="n">${r.claims}</td><td class="n">${r.sources}</td><td class="n">${r.unattributed}</td><td>${progress}</td></tr>`;
  });
  const table = rows.length
    ? `<table class="list" id="articles"><thead><tr><th>Article</th><th>Analysed (UTC)</th><th>Claims</th><th>Sources</th><th>Unattributed</th><th>Reviewed</th></tr></thead><tbody>${body.join('')}</tbody></table>`
    : '<p>No analysed articles yet: submit some with <code>claimtrace submit</code>.</p>';
  const shown = batches.find((b) => b.id === batch);
  const heading = shown ? `Articles of batch ${esc(shown.name)}` : 'Analysed articles';
  return served('claimtrace review', `${nav(signedIn)}<header><h1>${heading}</h1>${filter}</header><main>${shown ? '' : batchesTable(batches)}<h2>Articles</h2>${table}</main>`);
}

export function loginPage(next: string, problem?: string): string {
  const form = [
    '<form method="post" action="/login" class="login"><h1>Log in to review</h1>',
    problem ? `<p class="warning">${esc(problem)}</p>` : '',
    '<label>Token <input type="password" name="token" required autocomplete="current-password"></label>',
    `<input type="hidden" name="next" value="${esc(next)}">`,
    '<button type="submit">Log in</button></form>',
  ].join('');
  return served('Log in: claimtrace', form);
}
