import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MAX_BYTES } from '../ingest/file.js';
import { ENGINE_VERSION } from '../paths.js';
import { FORMATS, type Format } from '../report/render/index.js';
import { UNITS, type Units } from '../report/units.js';
import { registerQueueCommands } from './queue-commands.js';

const bytes = (value: string) => {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 5MB or 200000');
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(m[2] ?? 'b').toLowerCase() as 'b'];
  return Math.round(Number(m[1]) * unit);
};

export function program(): Command {
  const cli = new Command('claimtrace')
    .description('Who is each claim in a news article attributed to, and which claims cite no one.')
    .version(ENGINE_VERSION)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  cli
    .command('analyze')
    .description('analyse articles (plain text or HTML) in-process and print or write their reports')
    .argument('<inputs...>', 'files, folders of articles, or - for standard input')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMATS).default('summary'))
    .option('-o, --out <dir>', 'write one report per article and an index.json into this folder')
    .option('--max-bytes <size>', 'refuse articles larger than this', bytes, DEFAULT_MAX_BYTES)
    .option('--model', 'combine the rules with the attribution tagger trained on PolNeAR (finer spans, slower)')
    .addOption(new Option('--units <units>', 'one entry per claim, or per cue as PARC and PolNeAR annotate').choices(UNITS).default('claims'))
    .action(async (inputs: string[], opts: { format: Format; out?: string; maxBytes: number; model?: boolean; units: Units }) => {
      // loaded on use, so that --help and usage errors answer without loading the language models
      const { analyzeCommand } = await import('./analyze.js');
      process.exitCode = await analyzeCommand(inputs, opts);
    });
  registerQueueCommands(cli);
  return cli;
}

/** Exit codes: 0 done, 1 bad input (one line each, on stderr), 2 usage. */
export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv);
  } catch (e) {
    // thrown by an action (commander has already printed the errors it raised itself)
    if (e instanceof InvalidArgumentError) {
      process.stderr.write(`claimtrace: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    process.stderr.write(`claimtrace: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
