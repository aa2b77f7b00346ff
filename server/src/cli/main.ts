// `corroborate`: start, check, export and report on a corpus, suggest claims for it, or serve it over LSP.
// Exit codes: 0 no errors, 1 errors in the corpus, 2 usage or I/O failure.
// A command sets its code before it writes its output, so that a reader who
// goes away early (a closed pipe) still gets the code of the run.

import { Command, CommanderError, Option } from 'commander';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { Corpus } from '../engine/corpus';
import { REGISTRY_FILE } from '../engine/registry';
import { CorpusUnavailable, loadCorpus, type LoadOptions } from '../workspace/corpusFiles';
import { readDiagnosticGuide } from './diagnosticGuide';
import { initCorpus, RegistryExists, type InitResult } from './init';
import { writeParts, type Output } from './output';
import { eventsCsv, eventsJson, eventTable } from './events';
import { checkJsonParts, checkTextParts, exportCsv, exportRecords } from './report';
import { prepareReport, ReportUnwritable, type ReportFormat } from './reportCommand';
import { sarifParts } from './sarif';
import { suggestionsOfFiles, suggestJsonParts, suggestTextParts } from './suggest';
import { pathFromWorkingFolder, terminalPath } from './terminal';
import { w3cParts } from './w3c';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_USAGE = 2;

export interface CliEnvironment {
  readonly out: Output;
  readonly err: Output;
  /** The working folder: DIR arguments are resolved against it, and text output names files relative to it. */
  readonly cwd: string;
  readonly version: string;
  /** The text of docs/diagnostics.md, which the SARIF rules' help comes from. */
  readonly diagnosticsGuide: string;
  startLanguageServer(): void;
}

/** One line per example in `--help`: every command shows how it is run. */
const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  init: ['corroborate init mycorpus', 'corroborate init reports --adopt --published-from-mtime'],
  check: ['corroborate check mycorpus', 'corroborate check mycorpus --format json > findings.json', 'corroborate check mycorpus --format sarif > corroborate.sarif'],
  export: [
    'corroborate export mycorpus --format csv > claims.csv',
    'corroborate export mycorpus --format events > events.csv',
    'corroborate export mycorpus --format w3c > mycorpus/annotations.jsonld',
  ],
  report: ['corroborate report mycorpus --html report.html', 'corroborate report mycorpus --format md > report.md'],
  suggest: ['corroborate suggest mycorpus', 'corroborate suggest mycorpus mycorpus/reports/afp-0412.txt --format json'],
  lsp: ['corroborate lsp --stdio'],
};

/** More than this many files in init's lists are summed up, not listed. */
const LISTED_FILES = 10;

/** Whether a path names a file (not a folder, not nothing). */
async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A word as a POSIX shell reads it back: quoted only when it has to be. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function initReport(root: string, dir: string, result: InitResult, cwd: string): string {
  const shown = (file: string) => `  ${terminalPath(pathFromWorkingFolder(root, file, cwd))}\n`;
  const list = (files: readonly string[]) =>
    files.slice(0, LISTED_FILES).map(shown).join('') + (files.length > LISTED_FILES ? `  … and ${files.length - LISTED_FILES} more\n` : '');
  const plural = (n: number) => (n === 1 ? '1 report' : `${n} reports`);
  const checkCommand = path.resolve(cwd, dir) === cwd ? 'corroborate check' : `corroborate check ${shellWord(dir)}`;
  let text = `Created ${terminalPath(path.relative(cwd, path.join(root, REGISTRY_FILE)))}: a starter registry. Name your outlets, parties, places and events in it.\n`;
  if (result.adopted.length > 0) {
    text += `Added front matter to ${plural(result.adopted.length)}; fill in the outlet's id after source: in each:\n${list(result.adopted)}`;
  }
  if (result.withoutFrontMatter.length > 0) {
    text +=
      `${plural(result.withoutFrontMatter.length)} without front matter, whose claims have no claimant until it names their outlet:\n${list(result.withoutFrontMatter)}` +
      `Add it by hand (---, source: <outlet id>, ---), or remove corroborate.yaml and run \`corroborate init ${shellWord(dir)} --adopt\`.\n`;
  }
  return text + `Next: annotate a report, then run \`${checkCommand}\`.\n`;
}

function program(env: CliEnvironment, setExit: (code: number) => void): Command {
  const { out, err } = env;
  const cli = new Command('corroborate')
    .description('Start, check, export and report on a corpus of news reports annotated with claim markup, or serve it to an editor.')
    .version(env.version, '-v, --version', 'print the version')
    .configureOutput({
      writeOut: (s) => out.write(s),
      writeErr: (s) => err.write(s),
      // One line, like the CLI's other failures, so scripts can show it as is.
      outputError: (message, write) => write(`corroborate: ${message.trim().replace(/^error: /, '')} (run corroborate --help for usage)\n`),
    })
    .exitOverride();

  cli
    .command('init')
    .description('Start a corpus in DIR (created if missing) with a commented corroborate.yaml to edit. Never replaces an existing one: then it exits 2 and changes nothing.')
    .argument('[dir]', 'the corpus folder', '.')
    .option('--adopt', 'add front matter to the reports in DIR that have none, leaving source: for you to fill; the article text is not touched')
    .option('--published-from-mtime', "with --adopt: set published: to each file's modification date")
    .action(async (dir: string, options: { adopt?: boolean; publishedFromMtime?: boolean }, command: Command) => {
      if (options.publishedFromMtime && !options.adopt) command.error('--published-from-mtime goes with --adopt', { exitCode: EXIT_USAGE });
      const root = path.resolve(env.cwd, dir);
      const result = await initCorpus(root, { adopt: options.adopt ?? false, publishedFromMtime: options.publishedFromMtime ?? false });
      for (const { file, reason } of result.failed) err.write(`corroborate: could not add front matter to ${terminalPath(pathFromWorkingFolder(root, file, env.cwd))}: ${reason}\n`);
      setExit(result.failed.length > 0 ? EXIT_USAGE : EXIT_OK);
      out.write(initReport(root, dir, result, env.cwd));
    });

  /** A command on the corpus in DIR, read once, its output chosen with --format. */
  const corpusCommand = <F extends string>(
    name: string,
    description: string,
    format: { readonly description: string; readonly choices: readonly F[] },
    run: (root: string, corpus: Corpus, format: F) => void,
    corpusOptions: LoadOptions = {},
  ) =>
    cli
      .command(name)
      .description(description)
      .argument('[dir]', 'the corpus folder', '.')
      .addOption(new Option('--format <format>', format.description).choices(format.choices).default(format.choices[0]))
      .action(async (dir: string, options: { format: F }) => {
        const root = path.resolve(env.cwd, dir);
        run(root, await loadCorpus(root, corpusOptions), options.format);
      });

  corpusCommand(
    'check',
    'Check the corpus in DIR (the folder holding corroborate.yaml) and print every diagnostic: path:line:col: severity code: message, paths relative to the current folder, then a summary. Exit 0 without errors, 1 with errors, 2 when the corpus cannot be read.',
    {
      description: 'text; json: one object {documents, mentions, claims, diagnostics}, paths relative to DIR; sarif: a SARIF 2.1.0 log for code scanning',
      choices: ['text', 'json', 'sarif'] as const,
    },
    (root, corpus, format) => {
      const diagnostics = corpus.allDiagnostics();
      setExit(diagnostics.some((d) => d.severity === 'error') ? EXIT_ERRORS : EXIT_OK);
      if (format === 'json') {
        writeParts(out, checkJsonParts(corpus, diagnostics));
        out.write('\n');
      } else if (format === 'sarif') {
        const guide = readDiagnosticGuide(env.diagnosticsGuide);
        writeParts(out, sarifParts(corpus, diagnostics, { root, cwd: env.cwd, version: env.version, guide }));
      } else {
        writeParts(out, checkTextParts(corpus, diagnostics, (file) => pathFromWorkingFolder(root, file, env.cwd)));
      }
    },
    // What check reports is found while a document is read (value-not-in-text reads the tree then, the alias findings
    // the words) or from its facts, and placed by each report's line index: no tree is asked for again, so only the
    // one being read is kept. The texts stay: letting each go once read (the language server's releaseTexts) took
    // 44 MB off the peak but 4-7 % more CPU on the main thread at 10,000 reports, and the peak target is met without
    // it (docs/performance-history.md, "The cold check without its texts"). The groups are filled once every report is
    // read, each list sorted once, not kept in order claim by claim.
    { treesKept: 1, groupAfterReading: true },
  );

  corpusCommand(
    'export',
    'Export the claims: json or csv, one record per (claim, property) with file, range, claim id, event, property, raw value, low, high, claimant, source, origin, hedged and the quoted text; events or events-json, one row per event as conflict-event datasets have it (dates, location, actors, figures per measured property, notes); w3c, one W3C Web Annotation per claim and mention.',
    {
      description: 'json (an array of records), csv (with a header row), events (CSV, one row per event), events-json (the same rows typed) or w3c (a JSON-LD AnnotationCollection)',
      choices: ['json', 'csv', 'events', 'events-json', 'w3c'] as const,
    },
    (root, corpus, format) => {
      setExit(EXIT_OK);
      // Errors in corroborate.yaml lose what they concern (broken YAML, every document): said on stderr, as below.
      const registryErrors = corpus.diagnostics(REGISTRY_FILE).filter((d) => d.severity === 'error').length;
      if (registryErrors > 0) {
        err.write(`corroborate: ${REGISTRY_FILE} has ${registryErrors === 1 ? '1 error' : `${registryErrors} errors`}: what they concern may be missing from the export (run corroborate check)\n`);
      }
      // A document that cannot be read has no claims to export: said on stderr, so the export is not taken for the whole corpus.
      const unread = corpus.files().filter((file) => corpus.document(file) === undefined);
      if (unread.length > 0) {
        const named = unread.map((file) => terminalPath(pathFromWorkingFolder(root, file, env.cwd)));
        const list = named.length > 5 ? `${named.slice(0, 5).join(', ')} and ${named.length - 5} more` : named.join(', ');
        err.write(`corroborate: ${unread.length === 1 ? '1 document' : `${unread.length} documents`} could not be read and ${unread.length === 1 ? 'is' : 'are'} not in the export: ${list} (run corroborate check)\n`);
      }
      if (format === 'w3c') {
        writeParts(out, w3cParts(corpus, `Claims and mentions annotated in ${path.basename(root)}`));
        return;
      }
      if (format === 'events' || format === 'events-json') {
        const table = eventTable(corpus);
        out.write(format === 'events' ? eventsCsv(table) : eventsJson(table));
        return;
      }
      const records = exportRecords(corpus);
      out.write(format === 'csv' ? exportCsv(records) : JSON.stringify(records, null, 2) + '\n');
    },
  );

  cli
    .command('report')
    .description(
      'Write the claims report of the corpus in DIR: an overview of its events, and for each event the claims matrix (properties × claimants, each cell with its state) and the timeline of who said what first. Exit 0 without errors in the corpus, 1 with errors (the report is written all the same), 2 when the corpus cannot be read or FILE written.',
    )
    .argument('[dir]', 'the corpus folder', '.')
    .option('--html <file>', 'write the report to FILE as one self-contained HTML page')
    .addOption(new Option('--format <format>', 'md: a Markdown summary; html: the page; printed, unless --output is given').choices(['md', 'html']))
    .option('--output <file>', 'with --format: write to FILE instead of printing')
    .action(async (dir: string, options: { html?: string; format?: ReportFormat; output?: string }, command: Command) => {
      if (options.html !== undefined && (options.format !== undefined || options.output !== undefined)) {
        command.error('--html FILE is the page written to FILE: use it without --format and --output', { exitCode: EXIT_USAGE });
      }
      if (options.html === undefined && options.format === undefined) command.error('report needs --html FILE or --format md', { exitCode: EXIT_USAGE });
      const root = path.resolve(env.cwd, dir);
      const file = options.html ?? options.output;
      const run = prepareReport({ root, corpus: await loadCorpus(root), format: options.format ?? 'html', ...(file !== undefined ? { file } : {}), cwd: env.cwd, version: env.version });
      setExit(run.errors > 0 ? EXIT_ERRORS : EXIT_OK);
      if (run.errors > 0) err.write(`corroborate: the corpus has ${run.errors === 1 ? '1 error' : `${run.errors} errors`}: what they concern may be missing from the report (run corroborate check)\n`);
      run.write(out);
    });

  cli
    .command('suggest')
    .description(
      'Propose claims for the passages of the documents (all of DIR\'s by default) that state a checkable fact no claim covers: the span, the claimant, the event and the values read from the words. Nothing is written. Exit 0 whatever the corpus holds, 2 on a usage or I/O failure.',
    )
    .argument('[dir]', 'the corpus folder', '.')
    .argument('[files...]', 'documents of the corpus to read, relative to the current folder')
    .addOption(new Option('--format <format>', 'text, one line per suggestion; json: one object {suggestions: [...]}, paths relative to DIR').choices(['text', 'json'] as const).default('text'))
    .action(async (dir: string, files: string[], options: { format: 'text' | 'json' }, command: Command) => {
      // `corroborate suggest report.txt`: a first argument that is a file names a document of the corpus here.
      if (files.length === 0 && (await isFile(path.resolve(env.cwd, dir)))) [dir, files] = ['.', [dir]];
      const root = path.resolve(env.cwd, dir);
      const corpus = await loadCorpus(root);
      const wanted = files.map((file) => {
        const relative = path.relative(root, path.resolve(env.cwd, file)).split(path.sep).join('/');
        if (relative.startsWith('../') || relative === '..' || path.isAbsolute(relative) || !corpus.has(relative)) {
          command.error(`${file} is not a document of the corpus in ${dir}`, { exitCode: EXIT_USAGE });
        }
        return relative;
      });
      const chosen = wanted.length > 0 ? wanted : corpus.files();
      const suggestions = suggestionsOfFiles(corpus, chosen);
      setExit(EXIT_OK);
      if (options.format === 'json') writeParts(out, suggestJsonParts(corpus, suggestions));
      else writeParts(out, suggestTextParts(corpus, suggestions, new Set(chosen).size, (file) => pathFromWorkingFolder(root, file, env.cwd)));
    });

  cli
    .command('lsp')
    .description('Run the language server, for any LSP editor (VS Code, Neovim, Helix, Emacs…). The workspace folders holding a corroborate.yaml are the corpora.')
    .requiredOption('--stdio', 'talk LSP over standard input and output')
    // The LSP spec's way for an editor to name itself; VS Code's client always passes it, and the connection reads it from argv.
    .option('--clientProcessId <pid>', "the editor's process id: the server exits when that process is gone")
    .action(() => env.startLanguageServer());

  for (const command of cli.commands) {
    const examples = EXAMPLES[command.name()] ?? [];
    command.addHelpText('after', `\nExamples:\n${examples.map((line) => `  $ ${line}\n`).join('')}`);
  }

  // The overview lists commands only; scripts' authors want the options and an example of each at a glance too.
  cli.addHelpText('after', () => {
    const help = cli.createHelp();
    const lines = ['', 'Command options:'];
    for (const command of cli.commands) {
      for (const option of help.visibleOptions(command)) {
        if (option.long === '--help') continue;
        lines.push(`  ${command.name()} ${help.optionTerm(option)}: ${help.optionDescription(option)}`);
      }
    }
    lines.push('', 'Examples:');
    for (const command of cli.commands) for (const example of EXAMPLES[command.name()] ?? []) lines.push(`  $ ${example}`);
    return lines.join('\n');
  });

  return cli;
}

/** Runs the CLI; resolves with the exit code (the language server keeps the process alive itself). */
export async function runCli(argv: readonly string[], env: CliEnvironment): Promise<number> {
  let exitCode = EXIT_OK;
  const cli = program(env, (code) => (exitCode = code));
  try {
    await cli.parseAsync([...argv], { from: 'user' });
    if (argv.length === 0) {
      cli.outputHelp();
      return EXIT_USAGE;
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    if (error instanceof CorpusUnavailable || error instanceof RegistryExists || error instanceof ReportUnwritable) {
      env.err.write(`corroborate: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') {
      env.err.write(`corroborate: ${(error as Error).message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
