import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../src/index.js';

/** The CLI as a user runs it: the built bin (npm test builds first), real files, exit codes and stderr. */
const BIN = new URL('../bin/claimtrace.js', import.meta.url).pathname;
const SAMPLES = new URL('../samples/', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8' });

const scratch = mkdtempSync(join(tmpdir(), 'claimtrace-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('claimtrace analyze', () => {
  it('prints a readable summary of an article: sources with type and count, then unattributed claims', () => {
    const r = run(['analyze', join(SAMPLES, 'harbour-bridge.txt')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Marta Ellison  [person]  ×5');
    expect(r.stdout).toContain('Calder Gazette  [media]  ×3');
    expect(r.stdout).toContain('Unattributed claims (check these first)');
    expect(r.stdout).toContain('? The bridge opened in 1987 and carries about 60,000 vehicles a day.');
  });

  it('writes JSON that the report schema accepts', () => {
    const r = run(['analyze', '--format', 'json', join(SAMPLES, 'malaria-trial.txt')]);
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.document.id).toBe('malaria-trial');
  });

  it('--model adds the learned tagger: an attribution the rules miss, valid under the report schema', () => {
    const text = 'Union leaders accused the mayor of ignoring workers.';
    const plain = ReportSchema.parse(JSON.parse(run(['analyze', '--format', 'json', '-'], text).stdout));
    expect(plain.attributions).toEqual([]);
    const r = run(['analyze', '--model', '--format', 'json', '-'], text);
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.attributions.map((a) => [a.source.name, a.cue?.text, a.content.text, a.pattern])).toEqual([['Union leaders', 'accused', 'the mayor of ignoring workers', 'learned']]);
  });

  it('--units attributions gives one entry per cue; an unknown unit is a usage error', () => {
    const text = '“This is a disgusting day,” said Tom Hale. “The mayor is a fraud.”';
    const r = run(['analyze', '--units', 'attributions', '--format', 'json', '-'], text);
    expect(r.status).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect([report.units, report.attributions.map((a) => a.content.text)]).toEqual(['attributions', [text]]);
    const bad = run(['analyze', '--units', 'sentences', '-'], text);
    expect([bad.status, bad.stderr]).toEqual([2, "error: option '--units <units>' argument 'sentences' is invalid. Allowed choices are claims, attributions.\n"]);
  });

  it('renders jsonl, markdown and csv', () => {
    const file = join(SAMPLES, 'transfer-talks.txt');
    const jsonl = run(['analyze', '-f', 'jsonl', file, file]).stdout.trim().split('\n');
    expect(jsonl).toHaveLength(2);
    expect(JSON.parse(jsonl[1]).document.id).toBe('transfer-talks');
    expect(run(['analyze', '-f', 'md', file]).stdout).toMatch(/^# transfer-talks\n[\s\S]*\| Paulo Reis \| person \| 2 \|/);
    const csv = run(['analyze', '-f', 'csv', file]).stdout.split('\n');
    expect(csv[0]).toBe('document,id,source,source_type,via,cue,kind,hedged,confidence,content_start,content_end,content');
    expect(csv.some((line) => line.startsWith('transfer-talks,') && line.includes(',Miguel Antunes,person,'))).toBe(true);
  });

  it('renders one self-contained HTML page per article, and needs --out for several', () => {
    const page = run(['analyze', '-f', 'html', `${SAMPLES}harbour-bridge.txt`]);
    expect(page.status).toBe(0);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).toContain('<mark class="claim');
    expect(page.stdout).not.toMatch(/(src|href)="https?:/);
    const several = run(['analyze', '-f', 'html', SAMPLES]);
    expect([several.status, several.stderr]).toEqual([2, 'claimtrace: --format html with several articles needs --out DIR (one page per article)\n']);
    const out = join(scratch, 'pages');
    expect(run(['analyze', '-f', 'html', '--out', out, SAMPLES]).status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['council-vote.html', 'harbour-bridge.html', 'index.json', 'malaria-trial.html', 'transfer-talks.html']);
  });

  it('reads standard input with -', () => {
    const r = run(['analyze', '-f', 'json', '-'], 'The minister said the bridge would reopen in May.');
    expect(JSON.parse(r.stdout).attributions[0].source.name).toBe('minister');
  });

  it('analyses a folder into one report per article plus an index, reporting the bad file and keeping the good ones', () => {
    const dir = join(scratch, 'mixed');
    const out = join(scratch, 'out');
    spawnSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'good.txt'), 'The minister said the bridge would reopen in May.');
    writeFileSync(join(dir, 'also-good.html'), '<p>The mayor said the tram would be late.</p>');
    writeFileSync(join(dir, 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = run(['analyze', dir, '--out', out, '-f', 'json']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(['claimtrace: empty.txt is empty', 'claimtrace: photo.jpg is a binary file, not text or HTML']);
    expect(readdirSync(out).sort()).toEqual(['also-good.json', 'good.json', 'index.json']);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    expect(index.articles.map((a: { id: string }) => a.id)).toEqual(['also-good', 'good']);
    expect(index.failures).toEqual([
      { input: join(dir, 'empty.txt'), error: 'empty.txt is empty' },
      { input: join(dir, 'photo.jpg'), error: 'photo.jpg is a binary file, not text or HTML' },
    ]);
  });

  it('refuses a 50 MB file with a clear size error before reading it', () => {
    const big = join(scratch, 'big.txt');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    const r = run(['analyze', big]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('claimtrace: big.txt is 50.0 MB, over the 5.0 MB limit (raise it with --max-bytes)\n');
  });

  it('says a missing path is missing', () => {
    const r = run(['analyze', join(scratch, 'nope.txt')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`claimtrace: ${join(scratch, 'nope.txt')}: no such file or folder\n`);
  });

  it('reports non-English text as unsupported, without failing', () => {
    const spanish = 'El alcalde dijo el lunes que el puente permanecerá cerrado durante al menos seis semanas, porque los inspectores encontraron grietas en dos de los cables principales de la estructura.';
    const r = run(['analyze', '-f', 'json', '-'], spanish);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).document).toMatchObject({ language: 'spa', supported: false });
  });

  it('exits 2 on a usage error and 0 on --help, for every command', () => {
    expect(run(['analyze']).status).toBe(2);
    expect(run(['analyze', '--format', 'pdf', 'x.txt']).status).toBe(2);
    expect(run(['frobnicate']).status).toBe(2);
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('analyze [options] <inputs...>');
    const sub = run(['analyze', '--help']);
    expect(sub.status).toBe(0);
    expect(sub.stdout).toContain('--format <format>');
  });
});
