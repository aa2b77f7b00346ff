// Runs an extension test suite inside code-server's extension host, the way
// @vscode/test-web does in a browser: the workbench is opened with an
// extensionDevelopmentPath and an extensionTestsPath in its `payload`, the
// extension host loads the suite module and calls its `run()`, and the
// workbench reports the suite's log and exit code through two functions the
// page must expose, codeAutomationLog and codeAutomationExit.
//
// The suite module is the one @vscode/test-electron runs: a CommonJS module
// exporting `run(): Promise<void>` that rejects when a test fails. It must be
// JavaScript (the extension host cannot load TypeScript).
//
//   npx tsx test/e2e/runExtensionTests.ts --workspace <folder> \
//     [--extension-development-path <folder>] [--extension-tests-path <module>] \
//     [--vsix <file>]... [--timeout-ms <n>] [--artifacts <folder>]
import { cp, mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { format, parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, REPOSITORY_ROOT, resolveCodeServerBinary, startCodeServer, workbenchUrl, type CodeServer } from './codeServer';
import { describeError, withDeadline } from './waitFor';

const DEFAULT_TIMEOUT_MS = 300_000;
/** Starts each line of the suite's own output (test/integration/index.ts reads it from the environment). */
const SUITE_LOG_MARK = '[corroborate suite] ';

export interface ExtensionTestRun {
  readonly codeServerBinary: string;
  /** The folder holding the extension's package.json; the workbench loads it as under development. */
  readonly extensionDevelopmentPath: string;
  /** The suite module (or a folder with an index.js) whose `run()` the extension host calls. */
  readonly extensionTestsPath: string;
  /** The folder the workbench opens. */
  readonly workspaceFolder: string;
  /** Other extensions the suite needs: only the development extension is loaded from a folder. */
  readonly vsixFiles?: readonly string[];
  /** For the whole run, from code-server's start to the suite's exit code. */
  readonly timeoutMs?: number;
  /** Where a failed run leaves a screenshot and code-server's logs. */
  readonly artifactsDir?: string;
  /** Receives the suite's log line by line; stdout when not given. */
  readonly log?: (line: string) => void;
}

/** Resolves with the suite's exit code: 0 when every test passed. */
export async function runExtensionTests(run: ExtensionTestRun): Promise<number> {
  const deadline = Date.now() + (run.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const remaining = (): number => Math.max(0, deadline - Date.now());
  const log = run.log ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const extensionDevelopmentPath = path.resolve(run.extensionDevelopmentPath);
  const extensionTestsPath = path.resolve(run.extensionTestsPath);
  const workspaceFolder = path.resolve(run.workspaceFolder);
  await requireExists(extensionDevelopmentPath, 'extension development folder');
  await requireExists(extensionTestsPath, 'extension tests module (build the suite first)');
  await requireExists(workspaceFolder, 'workspace folder');

  const server = await startCodeServer({
    binary: run.codeServerBinary,
    vsixFiles: run.vsixFiles ?? [],
    startTimeoutMs: remaining(),
    environment: { CORROBORATE_SUITE_LOG_MARK: SUITE_LOG_MARK },
  });
  // The suite's lines (marked by test/integration/index.ts) are its report;
  // the workbench's own messages matter only when the suite fails.
  const workbenchLog: string[] = [];
  const receive = (entry: string): void => {
    for (const line of entry.split('\n')) {
      const marked = line.indexOf(SUITE_LOG_MARK);
      if (marked >= 0) log(line.slice(marked + SUITE_LOG_MARK.length));
      else workbenchLog.push(line);
    }
  };
  let browser: Browser | undefined;
  let page: Page | undefined;
  let exitCode = 1;
  try {
    browser = await launchChromium();
    page = await browser.newPage();
    const openedPage = page;

    let reportExit: (code: number) => void = () => undefined;
    const suiteExit = new Promise<number>((resolve, reject) => {
      reportExit = resolve;
      openedPage.once('crash', () => reject(new Error('the workbench page crashed')));
    });
    suiteExit.catch(() => undefined); // A crash during page.goto is reported when suiteExit is awaited below.
    // Exposed before the page loads: the workbench looks them up as it starts.
    await page.exposeFunction('codeAutomationLog', (type: unknown, args: unknown) => receive(formatLogEntry(type, args)));
    await page.exposeFunction('codeAutomationExit', (code: unknown) => reportExit(typeof code === 'number' ? code : 1));
    openedPage.on('pageerror', (error) => receive(`[page error] ${error.message}`));

    const url = workbenchUrl(server, { folder: workspaceFolder, extensionDevelopmentPath, extensionTestsPath });
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: remaining() });
    exitCode = await withDeadline(suiteExit, {
      what: `the extension tests in ${extensionTestsPath} to report their exit code (the whole run has ${run.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms)`,
      timeoutMs: remaining(),
    });
    return exitCode;
  } finally {
    if (exitCode !== 0) {
      log('[e2e] the workbench log of the failed run:');
      for (const line of workbenchLog) log(`  ${line}`);
      await saveFailureArtifacts(run.artifactsDir ?? path.join(REPOSITORY_ROOT, '.test-artifacts', 'e2e'), server, page, log);
    }
    await browser?.close();
    await server.stop();
  }
}

/**
 * codeAutomationLog receives a console method's name and its arguments
 * unformatted: mocha's reporters log `'%s passing', count`, so the arguments
 * are formatted the way console.log would.
 */
function formatLogEntry(type: unknown, args: unknown): string {
  const parts: unknown[] = Array.isArray(args) ? args : [args];
  const text = format(...parts);
  return type === 'error' || type === 'warn' ? `[${type}] ${text}` : text;
}

async function requireExists(location: string, what: string): Promise<void> {
  try {
    await stat(location);
  } catch {
    throw new Error(`${what} not found: ${location}`);
  }
}

async function saveFailureArtifacts(directory: string, server: CodeServer, page: Page | undefined, log: (line: string) => void): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
    await writeFile(path.join(directory, 'code-server-output.log'), server.recentOutput());
    // Holds the extension host's and the server's own logs.
    await cp(path.join(server.userDataDir, 'logs'), path.join(directory, 'logs'), { recursive: true, force: true });
    await page?.screenshot({ path: path.join(directory, 'workbench.png'), timeout: 10_000 });
    log(`[e2e] failure artifacts (screenshot, code-server logs) in ${directory}`);
  } catch (error) {
    log(`[e2e] could not save all failure artifacts to ${directory}: ${describeError(error)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      'extension-development-path': { type: 'string', default: REPOSITORY_ROOT },
      'extension-tests-path': { type: 'string', default: path.join(REPOSITORY_ROOT, 'test', 'out', 'integration') },
      vsix: { type: 'string', multiple: true, default: [] },
      'timeout-ms': { type: 'string', default: String(DEFAULT_TIMEOUT_MS) },
      artifacts: { type: 'string' },
    },
    strict: true,
  });
  if (!values.workspace) throw new Error('--workspace <folder> is required: the folder the workbench opens');
  const timeoutMs = Number(values['timeout-ms']);
  if (!Number.isInteger(timeoutMs) || timeoutMs <= 0) throw new Error(`--timeout-ms must be a positive integer, got ${values['timeout-ms']}`);

  const started = Date.now();
  const exitCode = await runExtensionTests({
    codeServerBinary: await resolveCodeServerBinary(),
    extensionDevelopmentPath: values['extension-development-path'],
    extensionTestsPath: values['extension-tests-path'],
    workspaceFolder: values.workspace,
    vsixFiles: values.vsix,
    timeoutMs,
    ...(values.artifacts === undefined ? {} : { artifactsDir: values.artifacts }),
  });
  process.stdout.write(`[e2e] extension tests exited with code ${exitCode} after ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = exitCode;
}

if (require.main === module) {
  // Ctrl-C or a CI timeout: exiting runs code-server's exit hook, which ends its process group.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  main().catch((error: unknown) => {
    process.stderr.write(`[e2e] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
