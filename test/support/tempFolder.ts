// Folders on disk for the tests that need one (the CLI, the server over
// stdio, links, bytes that are not UTF-8). Every folder lives under one root
// per test process, made on first use under os.tmpdir() and removed when the
// process ends, so a run leaves $TMPDIR as it found it whatever the test did
// with its folder; `removeFolder` frees a big one early.
//
// A corpus the engine can read from text alone needs no folder: use
// `corpusOf` (./corpus) instead.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');
export const SEEDS = path.join(REPO, 'seeds');

/** A corpus's files by corpus-relative path (with `/`): text, or bytes as they are on disk. */
export type CorpusFiles = Readonly<Record<string, string | Uint8Array>>;

let runRoot: string | undefined;

function removeRunRoot(): void {
  if (runRoot !== undefined) fs.rmSync(runRoot, { recursive: true, force: true });
  runRoot = undefined;
}

/** On SIGINT/SIGTERM, clean up, then let the signal do what it would have done. */
function removeOnSignal(signal: NodeJS.Signals): void {
  const handler = () => {
    removeRunRoot();
    process.removeListener(signal, handler);
    process.kill(process.pid, signal);
  };
  process.on(signal, handler);
}

function root(): string {
  if (runRoot === undefined) {
    runRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-test-'));
    process.on('exit', removeRunRoot);
    removeOnSignal('SIGINT');
    removeOnSignal('SIGTERM');
  }
  return runRoot;
}

/** A new empty folder, removed with the others when the process ends. */
export function tempFolder(name = 'folder'): string {
  return fs.mkdtempSync(path.join(root(), `${name}-`));
}

/** Removes a folder made by `tempFolder` before the process ends (a large one, say). */
export function removeFolder(folder: string): void {
  const inside = path.relative(root(), folder);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw new Error(`${folder} is not a test folder`);
  fs.rmSync(folder, { recursive: true, force: true });
}

/** Writes `files` into `folder` (a new temporary one unless given), creating subfolders; returns the folder. */
export function writeCorpus(files: CorpusFiles, folder = tempFolder('corpus')): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(folder, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return folder;
}

/** A temporary copy of seeds/, for tests that change files on disk (tests never write to seeds/). */
export function copySeeds(): string {
  const folder = tempFolder('seeds');
  fs.cpSync(SEEDS, folder, { recursive: true });
  return folder;
}
