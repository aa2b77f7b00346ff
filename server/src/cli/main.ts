// `corroborate`: check and export a corpus, or serve it over LSP.
// Exit codes: 0 no errors, 1 errors in the corpus, 2 usage or I/O failure.

import { Command, CommanderError, Option } from 'commander';
import * as path from 'node:path';
import { CorpusUnavailable, loadCorpus } from '../workspace/corpusFiles';
import { checkJsonParts, checkTextParts, exportCsv, exportRecords } from './report';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

interface Output {
  write(text: string): void;
}

/** Writes pieces of output in batches of about a megabyte: fewer writes than pieces, never one string too long. */
function writeParts(out: Output, parts: Iterable<string>): void {
  let batch = '';
  for (const part of parts) {
    batch += part;
    if (batch.length >= 1 << 20) {
      out.write(batch);
      batch = '';
    }
  }
  if (batch !== '') out.write(batch);
}

function program(out: Output, err: Output, setExit: (code: number) => void, startLanguageServer: () => void): Command {
  const cli = new Command('corroborate')
    .description('Check a corpus of news reports annotated with claim markup, export its claims, or serve it to an editor.')
    .configureOutput({
      writeOut: (s) => out.write(s),
      writeErr: (s) => err.write(s),
      // One line, like the CLI's other failures, so scripts can show it as is.
      outputError: (message, write) => write(`corroborate: ${message.trim().replace(/^error: /, '')} (run corroborate --help for usage)\n`),
    })
    .exitOverride();

  cli
    .command('check')
    .description('Check the corpus in DIR (the folder holding corroborate.yaml) and print every diagnostic: path:line:col: severity code: message, then a summary. Exit 0 without errors, 1 with errors, 2 when the corpus cannot be read.')
    .argument('[dir]', 'the corpus folder', '.')
    .addOption(new Option('--format <format>', 'text, or json: one JSON object {documents, mentions, claims, diagnostics}').choices(['text', 'json']).default('text'))
    .action(async (dir: string, options: { format: 'text' | 'json' }) => {
      const corpus = await loadCorpus(path.resolve(dir));
      const diagnostics = corpus.allDiagnostics();
      writeParts(out, options.format === 'json' ? checkJsonParts(corpus, diagnostics) : checkTextParts(corpus, diagnostics));
      if (options.format === 'json') out.write('\n');
      setExit(diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK);
    });

  cli
    .command('export')
    .description('Export one record per (claim, property): file, range, claim id, event, property, raw value, low, high, claimant, source, origin, hedged and the quoted text.')
    .argument('[dir]', 'the corpus folder', '.')
    .addOption(new Option('--format <format>', 'json (an array of records) or csv (with a header row)').choices(['json', 'csv']).default('json'))
    .action(async (dir: string, options: { format: 'json' | 'csv' }) => {
      const records = exportRecords(await loadCorpus(path.resolve(dir)));
      out.write(options.format === 'csv' ? exportCsv(records) : JSON.stringify(records, null, 2) + '\n');
      setExit(EXIT_OK);
    });

  cli
    .command('lsp')
    .description('Run the language server, for any LSP editor (VS Code, Neovim, Helix, Emacs…). The workspace folders holding a corroborate.yaml are the corpora.')
    .requiredOption('--stdio', 'talk LSP over standard input and output')
    // The LSP spec's way for an editor to name itself; VS Code's client always passes it, and the connection reads it from argv.
    .option('--clientProcessId <pid>', "the editor's process id: the server exits when that process is gone")
    .action(() => startLanguageServer());

  // The overview lists commands only; scripts' authors want the options at a glance too.
  cli.addHelpText('after', () => {
    const help = cli.createHelp();
    const lines = ['', 'Command options:'];
    for (const command of cli.commands) {
      for (const option of help.visibleOptions(command)) {
        if (option.long === '--help') continue;
        lines.push(`  ${command.name()} ${help.optionTerm(option)}: ${help.optionDescription(option)}`);
      }
    }
    return lines.join('\n');
  });

  return cli;
}

/** Runs the CLI; resolves with the exit code (the language server keeps the process alive itself). */
export async function runCli(argv: readonly string[], out: Output, err: Output, startLanguageServer: () => void): Promise<number> {
  let exitCode = EXIT_OK;
  const cli = program(out, err, (code) => (exitCode = code), startLanguageServer);
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    if (argv.length === 0) {
      cli.outputHelp();
      return EXIT_USAGE;
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof CorpusUnavailable) {
      err.write(`corroborate: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      err.write(`corroborate: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
