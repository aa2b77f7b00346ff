// The corpus on disk: corroborate.yaml, the documents its globs match, and
// their bytes. The engine never touches the file system; this module does it
// for the CLI and the language server alike.

import { lstatSync, promises as fs, readFileSync, realpathSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { Corpus } from '../engine/corpus';
import { diagnostic, type Diagnostic } from '../engine/diagnostics';
import type { EncodingProblem } from '../engine/document';
import { REGISTRY_FILE, type Registry } from '../engine/registry';
import { decode } from './decode';

/** Past this many matches the globs are surely wrong (a home folder, say). */
export const MAX_DOCUMENTS = 200_000;
/** Folders never searched for documents or corpora, nor watched: the CLI and the server share this list. */
const IGNORED_FOLDERS = ['.git', 'node_modules'];
/** The same as globs, for tinyglobby. */
export const IGNORED_GLOBS = IGNORED_FOLDERS.map((folder) => `**/${folder}/**`);

/** Whether a relative path lies in an ignored folder (or is one). */
export function isIgnoredPath(relative: string): boolean {
  return relative.split(/[\\/]/).some((part) => IGNORED_FOLDERS.includes(part));
}

/** A corpus that cannot be read at all: the CLI's exit 2. */
export class CorpusUnavailable extends Error {}

export interface DocumentDiscovery {
  /** Corpus-relative paths with `/`, sorted. */
  readonly files: readonly string[];
  readonly problems: readonly Diagnostic[];
}

export interface RegistryFile {
  readonly text: string;
  /** Set when the file is not valid UTF-8: reported on corroborate.yaml. */
  readonly encoding?: EncodingProblem;
}

/** Synchronous: the language server applies a change of corroborate.yaml in one step, with no request answered in between. */
export function readRegistryFile(root: string): RegistryFile {
  const file = path.join(root, REGISTRY_FILE);
  try {
    const bytes = readFileSync(file);
    const decoded = decode(bytes);
    if (decoded.binary) return { text: '' };
    return decoded.encoding ? { text: decoded.text, encoding: decoded.encoding } : { text: decoded.text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new CorpusUnavailable(`no ${REGISTRY_FILE} in ${root}: a corpus folder holds one at its root`);
    throw new CorpusUnavailable(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Documents the registry's globs match: inside the folder, no .git or node_modules, no links out. */
export async function discoverDocuments(root: string, registry: Registry): Promise<DocumentDiscovery> {
  const problems: Diagnostic[] = [];
  const patterns = registry.documents.map((d) => d.value);
  if (patterns.length === 0) return { files: [], problems };
  // Links are followed, so a linked report is read rather than dropped in
  // silence; one that leads out of the folder is reported below instead.
  const matched = await glob(patterns, { cwd: root, ignore: IGNORED_GLOBS, onlyFiles: true, followSymbolicLinks: true, expandDirectories: false });
  const where = registry.documents[0] ?? registry.documentsRange;
  if (matched.length > MAX_DOCUMENTS) {
    problems.push(diagnostic(REGISTRY_FILE, where, 'registry', `the documents globs match ${matched.length} files, over the limit of ${MAX_DOCUMENTS}: narrow them`));
    return { files: [], problems };
  }
  const realRoot = await fs.realpath(root);
  const found: { file: string; real: string; direct: boolean }[] = [];
  // Resolving every file costs a system call per path component; folders are
  // few, so each is resolved once, and only a file that is itself a link is.
  const realFolders = new Map<string, string | undefined>();
  const realFolder = (folder: string) => {
    if (!realFolders.has(folder)) realFolders.set(folder, realpathOrUndefined(folder));
    return realFolders.get(folder);
  };
  for (const file of matched.map((relative) => relative.split(path.sep).join('/')).sort()) {
    if (file === REGISTRY_FILE) continue;
    const full = path.join(root, file);
    const folder = realFolder(path.dirname(full));
    const link = lstatOrUndefined(full)?.isSymbolicLink();
    const real = link === undefined || folder === undefined ? undefined : link ? realpathOrUndefined(full) : path.join(folder, path.basename(full));
    if (real !== undefined) found.push({ file, real, direct: real === path.join(realRoot, file) });
  }
  // A file reached twice (a link to it, a linked folder) is read once: under
  // its own path when the globs match it, else under the first link.
  const seen = new Set(found.filter((f) => f.direct).map((f) => f.real));
  const files: string[] = [];
  for (const { file, real, direct } of found) {
    if (!direct) {
      if (seen.has(real)) continue;
      seen.add(real);
    }
    if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
      problems.push(diagnostic(REGISTRY_FILE, where, 'registry', `${file} links to a file outside the corpus folder and is not read: copy the file in instead`));
      continue;
    }
    files.push(file);
  }
  return { files, problems };
}

function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Reads one document into the corpus; a file that vanished or is binary
 * leaves it. Synchronous on purpose: a corpus is thousands of small files,
 * and a promise and a thread-pool round trip per file cost more than the
 * read itself.
 */
export function loadDocument(corpus: Corpus, root: string, file: string): Set<string> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(root, file));
  } catch {
    return corpus.deleteDocument(file);
  }
  const decoded = decode(bytes);
  if (decoded.binary) return corpus.deleteDocument(file);
  return corpus.setDocument(file, decoded.text, decoded.encoding);
}

export async function loadCorpus(root: string): Promise<Corpus> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new CorpusUnavailable(`${root} is not a folder`);
  const registry = readRegistryFile(root);
  const corpus = new Corpus(registry.text, registry.encoding);
  const discovery = await discoverDocuments(root, corpus.registry);
  corpus.setDiscoveryProblems(discovery.problems);
  for (const file of discovery.files) loadDocument(corpus, root, file);
  return corpus;
}
