import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { analyze, type AnalyzeOptions as EngineOptions } from '../analyze.js';
import { InputError } from '../ingest/errors.js';
import { EXTENSIONS, render, type Format } from '../report/render/index.js';
import { CSV_HEADER, csvRows } from '../report/render/csv.js';
import type { Report } from '../report/schema.js';
import type { Units } from '../report/units.js';
import { expandInputs, type Job } from './inputs.js';
import { InvalidArgumentError } from 'commander';

export interface AnalyzeOptions {
  format: Format;
  out?: string;
  maxBytes: number;
  model?: boolean;
  units: Units;
}

interface Outcome {
  label: string;
  report?: Report;
  error?: string;
}

const PROGRESS_FROM = 5;

function run(job: Job, options: EngineOptions): Outcome {
  try {
    return { label: job.label, report: analyze(job.read(), options) };
  } catch (e) {
    if (e instanceof InputError) return { label: job.label, error: e.message };
    if (e instanceof Error && 'code' in e) return { label: job.label, error: `${job.label}: ${e.message}` };
    throw e;
  }
}

/** Writes each report into `dir` as <id>.<ext>, plus index.json listing every article and every failure. */
function writeOut(dir: string, outcomes: Outcome[], format: Format): void {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  const index = outcomes.map((o) => {
    if (!o.report) return { input: o.label, error: o.error };
    let name = o.report.document.id;
    for (let n = 2; used.has(name); n++) name = `${o.report.document.id}-${n}`;
    used.add(name);
    const file = `${name}.${EXTENSIONS[format]}`;
    writeFileSync(join(dir, file), render(o.report, format));
    const r = o.report;
    return { input: o.label, id: r.document.id, report: file, claims: r.attributions.length, sources: r.sources.length, unattributed: r.unattributed.length };
  });
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ articles: index.filter((x) => !('error' in x)), failures: index.filter((x) => 'error' in x) }, null, 2) + '\n');
}

function printAll(reports: Report[], format: Format): void {
  if (format === 'json' && reports.length > 1) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else if (format === 'csv') process.stdout.write([CSV_HEADER.join(','), ...reports.flatMap(csvRows)].join('\n') + '\n');
  else process.stdout.write(reports.map((r) => render(r, format)).join(format === 'summary' ? '\n' : ''));
}

/** `claimtrace analyze`: returns the exit code (0 all analysed, 1 some input was bad). */
export async function analyzeCommand(paths: string[], opts: AnalyzeOptions): Promise<number> {
  const jobs = await expandInputs(paths, opts.maxBytes);
  if (opts.format === 'html' && jobs.length > 1 && !opts.out) throw new InvalidArgumentError('--format html with several articles needs --out DIR (one page per article)');
  const bar = jobs.length >= PROGRESS_FROM && process.stderr.isTTY ? new cliProgress.SingleBar({ stream: process.stderr, format: 'analysing {bar} {value}/{total} {file}' }, cliProgress.Presets.shades_classic) : null;
  bar?.start(jobs.length, 0, { file: '' });
  const outcomes: Outcome[] = [];
  const options = { keepText: opts.format === 'html', model: opts.model === true, units: opts.units };
  for (const job of jobs) {
    outcomes.push(run(job, options));
    bar?.increment(1, { file: job.label });
  }
  bar?.stop();
  const reports = outcomes.flatMap((o) => (o.report ? [o.report] : []));
  if (opts.out) writeOut(opts.out, outcomes, opts.format);
  else if (reports.length) printAll(reports, opts.format);
  const failures = outcomes.filter((o) => o.error);
  for (const f of failures) process.stderr.write(`claimtrace: ${f.error}\n`);
  return failures.length ? 1 : 0;
}
