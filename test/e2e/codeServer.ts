// Starts and stops code-server (VS Code served to a browser) and the headless
// chromium that drives it. Desktop VS Code cannot be downloaded on the
// project's machines; code-server is installed from the npm registry by
// test/e2e/install-code-server.sh.
//
// Run directly, it serves an editor with the extension loaded until stopped
// (`npm run editor` builds the extension first). It opens a temporary copy of
// seeds/, removed when the editor stops, so that the editor's autosave never
// touches the checkout; --workspace opens a folder of yours as it is:
//
//   npx tsx test/e2e/codeServer.ts [--workspace <folder>] [--port <port>] \
//     [--extension-development-path <folder>] [--vsix <file>]...
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { copySeedsWorkspace } from '../integration/seedsWorkspace';
import { describeError, waitFor } from './waitFor';

const execFileAsync = promisify(execFile);

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');

const LOOPBACK = '127.0.0.1';
const INSTALL_SCRIPT = path.join(__dirname, 'install-code-server.sh');
const SERVER_OUTPUT_LINES_KEPT = 400;

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The tests want a workbench that does nothing on its own: no welcome page,
 * no update checks, no recommendations.
 */
const QUIET_WORKBENCH_SETTINGS = {
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  // A workspace inside a git checkout would otherwise raise "A git repository was found in the parent folders".
  'git.openRepositoryInParentFolders': 'never',
};

export interface CodeServer {
  /** `http://127.0.0.1:PORT`, what the browser opens. */
  readonly origin: string;
  /** `127.0.0.1:PORT`, the authority of this server's `vscode-remote://` URIs. */
  readonly authority: string;
  /** Holds the server's and the extension host's logs under `logs/`. */
  readonly userDataDir: string;
  /** The last lines code-server printed, for failure reports. */
  recentOutput(): string;
  /** Ends code-server and everything it started, then deletes its throwaway folders. */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  readonly binary: string;
  /** Variables for code-server and the extension host it starts, over the isolated environment. */
  readonly environment?: Readonly<Record<string, string>>;
  /** Packaged extensions installed before the server starts, so the workbench loads them. */
  readonly vsixFiles?: readonly string[];
  /** The port to serve on; a free one when not given. */
  readonly port?: number;
  readonly startTimeoutMs?: number;
}

/**
 * The code-server binary to drive: $CODE_SERVER_BIN when set, otherwise the
 * one install-code-server.sh installs (it is idempotent and returns at once
 * when everything is in place), so the version and cache location are decided
 * in that one script.
 */
export async function resolveCodeServerBinary(): Promise<string> {
  const fromEnvironment = process.env.CODE_SERVER_BIN;
  if (fromEnvironment) return fromEnvironment;
  // The script's progress (stderr) is shown as it comes: a first install
  // takes minutes, which would otherwise pass without a word.
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(Buffer.concat(chunks).toString('utf8'));
      else reject(new Error(`${INSTALL_SCRIPT} failed (${signal ?? `exit code ${code}`})`));
    });
  });
  const binary = stdout.trim().split('\n').at(-1);
  if (!binary) throw new Error(`${INSTALL_SCRIPT} printed no code-server path`);
  return binary;
}

export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'corroborate-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'config.yaml');
  // Without a config file of its own, code-server writes a default one (with a
  // password) into the user's home.
  await writeFile(configFile, 'auth: none\ncert: false\n');
  await mkdir(path.join(userDataDir, 'User'), { recursive: true });
  await writeFile(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_WORKBENCH_SETTINGS, null, 2));
  const environment = { ...(await isolatedEnvironment(root)), ...options.environment };
  const folderArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];

  try {
    if (options.vsixFiles && options.vsixFiles.length > 0) {
      await installExtensions(options.binary, folderArgs, environment, options.vsixFiles);
    }
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }

  const port = options.port ?? (await findFreePort());
  const authority = `${LOOPBACK}:${port}`;
  const origin = `http://${authority}`;
  const child = spawn(
    options.binary,
    [
      ...folderArgs,
      '--bind-addr', authority,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
    ],
    // Its own process group, so stopping it also ends the extension host and
    // the other helpers it forks.
    { env: environment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<never>((_resolve, reject) => {
    child.once('exit', (code, signal) => reject(new Error(`code-server exited (${signal ?? `code ${code}`}) before it answered HTTP`)));
    child.once('error', reject);
  });
  exited.catch(() => undefined); // Only awaited during start-up; a later exit is reported by the tests themselves.
  const processGroup = child.pid;
  if (processGroup === undefined) {
    const reason = await exited.catch((error: unknown) => error);
    await rm(root, { recursive: true, force: true });
    throw reason;
  }

  const outputLines: string[] = [];
  const keepOutput = (chunk: Buffer): void => {
    outputLines.push(...chunk.toString('utf8').split('\n').filter((line) => line.length > 0));
    outputLines.splice(0, Math.max(0, outputLines.length - SERVER_OUTPUT_LINES_KEPT));
  };
  child.stdout.on('data', keepOutput);
  child.stderr.on('data', keepOutput);
  const recentOutput = (): string => outputLines.join('\n');

  // If the test process dies without stopping the server (an uncaught error,
  // process.exit), the detached group would outlive it.
  const killGroupOnExit = (): void => {
    signalGroup(processGroup, 'SIGKILL');
    rmSync(root, { recursive: true, force: true });
  };
  process.once('exit', killGroupOnExit);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      process.removeListener('exit', killGroupOnExit);
      await endProcessGroup(processGroup);
      await rm(root, { recursive: true, force: true });
    })();
    return stopped;
  };

  try {
    await Promise.race([
      exited,
      waitFor(async () => ((await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok ? true : undefined), {
        what: `code-server to answer ${origin}/healthz`,
        timeoutMs: options.startTimeoutMs ?? 60_000,
        pollMs: 100,
      }),
    ]);
  } catch (error) {
    await stop();
    throw new Error(`${describeError(error)}\n--- code-server output ---\n${recentOutput()}`);
  }

  return { origin, authority, userDataDir, recentOutput, stop };
}

export interface WorkbenchLocation {
  /** The folder the workbench opens. */
  readonly folder: string;
  /** A folder holding an extension's package.json, loaded as under development (only one is). */
  readonly extensionDevelopmentPath?: string;
  /** A suite module whose `run()` the extension host calls once the workbench is up. */
  readonly extensionTestsPath?: string;
}

/** The page that opens the workbench as `location` describes. */
export function workbenchUrl(server: CodeServer, location: WorkbenchLocation): string {
  // The extension host runs beside code-server, so the suite and the
  // extension are named by their paths on this machine as remote resources.
  const remote = (folder: string): string => `vscode-remote://${server.authority}${pathToFileURL(path.resolve(folder)).pathname}`;
  const payload: [string, string][] = [];
  if (location.extensionDevelopmentPath !== undefined) payload.push(['extensionDevelopmentPath', remote(location.extensionDevelopmentPath)]);
  if (location.extensionTestsPath !== undefined) payload.push(['extensionTestsPath', remote(location.extensionTestsPath)]);
  const url = new URL(server.origin);
  url.searchParams.set('folder', path.resolve(location.folder));
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.href;
}

export async function launchChromium(): Promise<Browser> {
  // Playwright gives chromium a throwaway profile, but its crash reporter and
  // dconf still write under the user's config folder, and chromium its
  // scratch files under TMPDIR; this folder takes both and is deleted when
  // the browser goes away.
  const home = await mkdtemp(path.join(os.tmpdir(), 'corroborate-chromium-'));
  // Also when the test process ends before the browser does.
  const removeHomeOnExit = (): void => rmSync(home, { recursive: true, force: true });
  process.once('exit', removeHomeOnExit);
  const removeHome = (): Promise<void> => {
    process.removeListener('exit', removeHomeOnExit);
    return rm(home, { recursive: true, force: true });
  };
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_ARGS],
      env: { ...process.env, XDG_CONFIG_HOME: home, XDG_CACHE_HOME: home, TMPDIR: home },
    });
    browser.once('disconnected', () => void removeHome());
    return browser;
  } catch (error) {
    await removeHome();
    throw error;
  }
}

/**
 * The caller's environment, minus what would make code-server talk to an
 * enclosing VS Code, a marketplace or the user's home, and with its
 * temporary files (IPC sockets, the TypeScript server's folder, unpacked
 * extensions) inside `root`, which stop() deletes.
 */
async function isolatedEnvironment(root: string): Promise<NodeJS.ProcessEnv> {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI and friends (set in a VS Code terminal) route
    // `--install-extension` to that VS Code instead of this server.
    if (!name.startsWith('VSCODE_')) environment[name] = value;
  }
  // An empty gallery turns the marketplace off: the machines reach none, and
  // the workbench would otherwise look the installed extensions up on
  // open-vsx.org and log the failure.
  environment.EXTENSIONS_GALLERY = '{}';
  environment.XDG_CONFIG_HOME = path.join(root, 'config-home');
  environment.XDG_DATA_HOME = path.join(root, 'data-home');
  environment.TMPDIR = path.join(root, 'tmp');
  // VS Code puts its IPC sockets there when it is set; it must be private to
  // the user, and short: a socket's path has at most 107 characters.
  environment.XDG_RUNTIME_DIR = path.join(root, 'run');
  await mkdir(environment.TMPDIR);
  await mkdir(environment.XDG_RUNTIME_DIR, { mode: 0o700 });
  return environment;
}

async function installExtensions(
  binary: string,
  folderArgs: readonly string[],
  environment: NodeJS.ProcessEnv,
  vsixFiles: readonly string[],
): Promise<void> {
  const installArgs = vsixFiles.flatMap((file) => ['--install-extension', path.resolve(file)]);
  try {
    await execFileAsync(binary, [...folderArgs, ...installArgs], { env: environment, timeout: 120_000, killSignal: 'SIGKILL' });
  } catch (error) {
    // execFile's error carries what the command printed, which says why.
    const output = typeof error === 'object' && error !== null && 'stdout' in error && 'stderr' in error ? `\n${String(error.stdout)}${String(error.stderr)}` : '';
    throw new Error(`installing ${vsixFiles.join(', ')} into code-server failed: ${describeError(error)}${output}`);
  }
}

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not read the port of a probe socket');
  return address.port;
}

async function endProcessGroup(processGroup: number): Promise<void> {
  signalGroup(processGroup, 'SIGTERM');
  try {
    await waitFor(() => (processGroupIsGone(processGroup) ? true : undefined), {
      what: `code-server's process group ${processGroup} to end after SIGTERM`,
      timeoutMs: 10_000,
    });
  } catch {
    signalGroup(processGroup, 'SIGKILL');
    await waitFor(() => (processGroupIsGone(processGroup) ? true : undefined), {
      what: `code-server's process group ${processGroup} to end after SIGKILL`,
      timeoutMs: 5_000,
    });
  }
}

function signalGroup(processGroup: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-processGroup, signal);
  } catch (error) {
    if (!isNoSuchProcess(error)) throw error;
  }
}

function processGroupIsGone(processGroup: number): boolean {
  try {
    process.kill(-processGroup, 0);
    return false;
  } catch (error) {
    if (isNoSuchProcess(error)) return true;
    throw error;
  }
}

function isNoSuchProcess(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ESRCH';
}

/** A TCP port as typed on the command line. */
function parsePort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) throw new Error(`--port takes a port number from 1 to 65535, not ${text}`);
  return port;
}

/**
 * Serves an editor with the extension loaded, for a person or a screenshot,
 * until SIGINT or SIGTERM: on a throwaway copy of seeds/, or on the folder
 * --workspace names (relative to where `npm run editor` was typed).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      workspace: { type: 'string' },
      port: { type: 'string' },
      'extension-development-path': { type: 'string', default: REPOSITORY_ROOT },
      vsix: { type: 'string', multiple: true, default: [] },
    },
    strict: true,
  });
  const port = values.port === undefined ? undefined : parsePort(values.port);
  // npm runs scripts from the package root and says in INIT_CWD where the command was typed.
  const typedIn = process.env.INIT_CWD ?? process.cwd();
  const copy = values.workspace === undefined ? await copySeedsWorkspace() : undefined;
  const folder = copy?.folder ?? path.resolve(typedIn, values.workspace ?? '.');
  try {
    const server = await startCodeServer({ binary: await resolveCodeServerBinary(), vsixFiles: values.vsix, ...(port === undefined ? {} : { port }) });
    const stopRequested = new Promise<void>((resolve) => {
      // Ctrl-C reaches this process more than once (from the terminal, and relayed
      // by tsx and npm): with a one-shot handler the second would kill it before
      // the clean-up below has deleted code-server's throwaway folders.
      process.on('SIGINT', () => resolve());
      process.on('SIGTERM', () => resolve());
    });
    const url = workbenchUrl(server, { folder, extensionDevelopmentPath: path.resolve(typedIn, values['extension-development-path']) });
    const opened = copy ? `a copy of seeds/ (${folder}), deleted when the editor stops` : folder;
    process.stdout.write(`code-server is serving the editor on ${opened} at\n${url}\nPress Ctrl-C to stop it.\n`);
    await stopRequested;
    await server.stop();
  } finally {
    await copy?.remove();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
