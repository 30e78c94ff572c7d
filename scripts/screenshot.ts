import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/index.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { html } from '../src/report/render/html/index.js';
import { launchChromium } from './browser.js';

/** The README's picture of the report page: a sample article, one claim's details open. */
const SAMPLE = join(PACKAGE_ROOT, 'samples', 'harbour-bridge.txt');
const OUT = join(PACKAGE_ROOT, 'docs', 'report-page.png');

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-shot-'));
const page = join(dir, 'report.html');
writeFileSync(page, html(analyze({ text: readFileSync(SAMPLE, 'utf8'), id: 'harbour-bridge' }, { keepText: true })));
const browser = await launchChromium();
try {
  const tab = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await tab.goto(`file://${page}`);
  await tab.locator('mark.claim').nth(2).hover();
  await tab.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true });
}
