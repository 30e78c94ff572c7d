import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { viewOf } from '../src/detect/doc-view.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { TAGGER_FILE } from '../src/tagger/index.js';
import { readBrat } from '../src/tagger/brat.js';
import { readDocument, trainingDoc } from '../src/tagger/corpus.js';
import { runs } from '../src/tagger/features.js';
import { serialize, tag, train } from '../src/tagger/model.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const EVAL = join(PACKAGE_ROOT, '..', 'shared', 'eval');
const POLNEAR = join(EVAL, 'polnear');
if (!existsSync(POLNEAR)) {
  console.error(`npm run train needs PolNeAR at ${POLNEAR} (the shared evaluation folder, not part of this repository); it is absent here.`);
  process.exit(1);
}

function split(name: string): Array<{ stem: string; text: string; ann: string }> {
  const dir = join(POLNEAR, name);
  const anns = readdirSync(join(dir, 'attributions'));
  return readdirSync(join(dir, 'text'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((f) => {
      const stem = basename(f, '.txt');
      const ann = anns.find((a) => a.startsWith(`${stem}_`) || a === `${stem}.ann`);
      return ann ? [{ stem, text: readFileSync(join(dir, 'text', f), 'utf8'), ann: readFileSync(join(dir, 'attributions', ann), 'utf8') }] : [];
    });
}

const t0 = Date.now();
const docs = split('train').map((d) => trainingDoc(d.text, readBrat(d.text, d.ann)));
console.log(`read ${docs.length} training articles in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const model = train(docs, {
  epochs: Number(option('--epochs', '6')),
  seed: Number(option('--seed', '1')),
  runs: Number(option('--runs', '5')),
  bits: Number(option('--bits', '18')),
  progress: (role, epoch, rate) => console.log(`${role} epoch ${epoch}: ${(100 * rate).toFixed(2)}% of tokens wrong`),
});
const out = option('--out', TAGGER_FILE);
const file = serialize(model);
writeFileSync(out, file);
console.log(`wrote ${out} (${(file.length / 1e6).toFixed(1)} MB) after ${((Date.now() - t0) / 1000).toFixed(0)} s`);

/** Scores reports written one JSON file per dev article with PolNeAR's own scorer. */
function score(title: string, report: (text: string) => object): void {
  const pred = mkdtempSync(join(tmpdir(), 'claimtrace-dev-'));
  for (const d of split('dev')) writeFileSync(join(pred, `${d.stem}.json`), JSON.stringify(report(d.text)));
  console.log(`${title}\n${execFileSync('node', [join(EVAL, 'score-polnear.mjs'), '--split', 'dev', '--pred', pred], { encoding: 'utf8' })}`);
}

score('PolNeAR dev, the tagger alone:', (text) => {
  const { doc, facts } = readDocument(text);
  const tagged = tag(model, facts);
  const view = viewOf(doc);
  const span = ([from, to]: [number, number]) => view.charSpan(from, to);
  return {
    attributions: [
      ...runs(tagged.source.labels).map((r) => ({ source: { mention: span(r) } })),
      ...tagged.contents.map((c) => ({ cue: span(c.cue), ...(c.content ? { content: span([c.content.start, c.content.end + 1]) } : {}) })),
    ],
  };
});
if (out === TAGGER_FILE) score('PolNeAR dev, analyze() with the model, one entry per cue (claimtrace analyze --model --units attributions):', (text) => analyze(text, { model: true, units: 'attributions' }));
