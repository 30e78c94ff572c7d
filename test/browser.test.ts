import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../scripts/browser.js';
import { buildServer } from '../src/http/server.js';
import { QueueClient } from '../src/queue/client.js';
import { startWorkers } from '../src/queue/worker.js';
import { bySource } from '../src/report/render/shared.js';
import type { Report } from '../src/report/schema.js';
import { cleanup, quietLog, redisAvailable, testConfig, until } from './helpers/redis.js';

const online = await redisAvailable();
if (!hasChromium()) {
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing, and CI needs it for the browser test (apt-get install chromium)`);
  console.warn(`\n!!! ${CHROMIUM} is missing: the browser test is SKIPPED. apt-get install chromium to run it.\n`);
}
const TOKEN = 'test-token-browser';
const SAMPLE = readFileSync(new URL('../samples/harbour-bridge.txt', import.meta.url), 'utf8');

describe.skipIf(!online || !hasChromium())('review app in a real browser', () => {
  const config = testConfig();
  let client: QueueClient;
  let workers: Awaited<ReturnType<typeof startWorkers>>;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let jobId: string;
  let report: Report;

  beforeAll(async () => {
    client = await new QueueClient(config).ready();
    workers = await startWorkers(config, { concurrency: 1 }, quietLog);
    app = await buildServer(client, { token: TOKEN });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    ({ jobId } = await client.submit({ text: SAMPLE, id: 'harbour-bridge' }));
    report = await until(() => client.store.get(jobId));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await workers?.close();
    await client?.close();
    await cleanup(config);
  });

  it('shows the report as the JSON has it, keeps a correction across a reload, and refuses writes without sign-in', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // CSP violations and script errors land here; the refused writes below log their expected 401s
    page.on('console', (m) => m.type() === 'error' && !/status of 401|favicon/.test(`${m.text()} ${m.location().url}`) && problems.push(m.text()));

    // not signed in: reading works, writing is refused
    await page.goto(`${base}/articles/${jobId}`);
    const claim = report.attributions.find((a) => a.content.text.startsWith("the mayor's office"))!;
    await page.locator(`#claim-${claim.id} button[data-verdict=correct]`).click();
    await expect.poll(() => page.locator(`#claim-${claim.id} .status`).textContent()).toBe('log in to review');
    const refused = await page.evaluate(async (url) => (await fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"verdict":"correct"}' })).status, `/api/reviews/${jobId}/attributions/${claim.id}`);
    expect(refused).toBe(401);

    await page.goto(`${base}/login?next=/`);
    await page.fill('input[name=token]', TOKEN);
    await page.click('form.login button[type=submit]');
    await page.waitForURL(`${base}/`);
    await page.click(`a[href="/articles/${jobId}"]`);
    await page.waitForURL(`${base}/articles/${jobId}`);

    // the page shows what the JSON report says
    const highlighted = await page.$$eval('mark.claim', (marks) => [...new Set(marks.flatMap((m) => m.getAttribute('data-claims')!.split(' ')))]);
    expect(highlighted.sort()).toEqual(report.attributions.map((a) => a.id).sort());
    const sources = await page.$$eval('button.source', (buttons) => buttons.map((b) => [b.querySelector('.name')!.textContent, b.querySelector('.type, .flag')!.textContent, b.querySelector('.count')!.textContent]));
    expect(sources).toEqual(bySource(report).map(({ source, claims }) => [source.name, source.type, String(claims.length)]));
    const claimText = await page.$$eval(`mark.claim[data-claims~="${claim.id}"]`, (marks) => marks.map((m) => m.textContent).join(''));
    expect(claimText).toBe(claim.content.text);

    // details from the keyboard, and a source's claims on click
    await page.locator(`mark.claim[data-claims~="${claim.id}"]`).first().focus();
    await expect.poll(() => page.locator('#tip').isVisible()).toBe(true);
    expect(await page.locator('#tip').textContent()).toContain('Calder Gazette');
    await page.locator('button.source', { hasText: 'Calder Gazette' }).click();
    const lit = await page.$$eval('mark.claim.on', (marks) => [...new Set(marks.flatMap((m) => m.getAttribute('data-claims')!.split(' ')))]);
    const gazette = report.sources.find((s) => s.name === 'Calder Gazette')!.id;
    expect(lit.sort()).toEqual(report.attributions.filter((a) => a.source.id === gazette || a.via.includes(gazette)).map((a) => a.id).sort());

    // a correction, kept across a reload
    await page.fill(`#claim-${claim.id} input[name=source]`, 'Calder Herald');
    await page.selectOption(`#claim-${claim.id} select[name=type]`, 'media');
    await page.click(`#claim-${claim.id} form.fix button[type=submit]`);
    await expect.poll(() => page.locator(`#claim-${claim.id} .status`).textContent()).toBe('source corrected: Calder Herald');
    await page.reload();
    expect(await page.getAttribute(`#claim-${claim.id}`, 'class')).toBe('verdict-wrong-source');
    expect(await page.inputValue(`#claim-${claim.id} input[name=source]`)).toBe('Calder Herald');
    expect(await page.textContent('#review-progress')).toBe(`1 of ${report.attributions.length} reviewed`);

    // a missed attribution, added by selecting its text
    const sentence = 'Ferry operators added four crossings a day on Monday.';
    await page.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('u0')!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await expect.poll(() => page.locator('#add .selection').textContent()).toBe(sentence);
    await page.fill('#add input[name=source]', 'harbour master');
    await page.click('#add button[type=submit]');
    await expect.poll(() => page.locator('#add .status').textContent()).toBe('added');
    const state = (await (await context.request.get(`${base}/api/reviews/${jobId}`)).json()) as { added: Array<{ start: number; end: number; text: string }> };
    expect(state.added).toEqual([{ start: SAMPLE.indexOf(sentence), end: SAMPLE.indexOf(sentence) + sentence.length, source: 'harbour master', type: 'person', text: sentence }]);

    expect(problems).toEqual([]);

    // Bull Board, for the signed-in reviewer, under its own CSP (which keeps out the web fonts it asks for)
    await page.goto(`${base}/admin/queues`);
    await expect.poll(() => page.getByText('articles', { exact: true }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(problems.filter((p) => !p.includes('https://fonts.googleapis.com/'))).toEqual([]);
    await context.close();
  });

  it('runs none of the scripts an article carries', async () => {
    const hostile = 'Officials said <script>window.pwned = 1</script> was <img src=x onerror="window.pwned = 2"> "fine" on Monday.';
    const { jobId: id } = await client.submit({ text: hostile, id: 'hostile' });
    await until(() => client.store.get(id));
    const page = await browser.newPage();
    await page.goto(`${base}/articles/${id}`);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.textContent('#article')).toBe(hostile);
    await page.close();
  });
});
