// The corpus on disk: corroborate.yaml, the documents its globs match, and
// their bytes. The engine never touches the file system; this module does it
// for the CLI and the language server alike.

import { lstatSync, promises as fs, readFileSync, realpathSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { Corpus, type CorpusOptions } from '../engine/corpus';
import { diagnostic, type Diagnostic } from '../engine/diagnostics';
import type { EncodingProblem } from '../engine/document';
import { REGISTRY_FILE, type Registry } from '../engine/registry';
import { decode } from './decode';
import { LEAVE_OUT, loadDocument } from './documentFile';
import { emptyGlobProblems, GLOB_OPTIONS, NestedCorpora, passedOver } from './globs';
import { readInParallel, type ReaderThreads } from './readers';

/** Past this many matches the globs are surely wrong (a home folder, say). */
export const MAX_DOCUMENTS = 200_000;

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

/**
 * Documents the registry's globs match: inside the folder, no .git or
 * node_modules, no links out, and none in a subfolder that holds its own
 * corroborate.yaml (the nearest registry owns a document).
 */
export async function discoverDocuments(root: string, registry: Registry): Promise<DocumentDiscovery> {
  const problems: Diagnostic[] = [];
  const patterns = registry.documents.map((d) => d.value);
  if (patterns.length === 0) return { files: [], problems };
  const matched = await glob(patterns, { cwd: root, ...GLOB_OPTIONS });
  const where = registry.documents[0] ?? registry.documentsRange;
  if (matched.length > MAX_DOCUMENTS) {
    problems.push(diagnostic(REGISTRY_FILE, where, 'registry', `the documents globs match ${matched.length} files, over the limit of ${MAX_DOCUMENTS}: narrow them`));
    return { files: [], problems };
  }
  const nested = new NestedCorpora(root);
  const skipped = await passedOver(root, patterns, nested);
  const owned = [...matched.map((relative) => relative.split(path.sep).join('/')), ...skipped.entries]
    .filter((file) => file !== REGISTRY_FILE && nested.ownerOf(path.posix.dirname(file)) === undefined)
    .sort();
  problems.push(...(await emptyGlobProblems(root, registry.documents, owned, nested)));
  for (const { folder, error } of skipped.unlisted) {
    const named = folder === '' ? 'the corpus folder' : `${folder}/`;
    const fix = error === 'EACCES' || error === 'EPERM' ? `permission denied. Give yourself access (chmod u+rx ${folder === '' ? '.' : folder})` : `${error}: check the disk`;
    problems.push(diagnostic(REGISTRY_FILE, where, 'unreadable', `${named} cannot be listed, so no document in it is read: ${fix}, ${LEAVE_OUT}`));
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
  for (const file of owned) {
    const full = path.join(root, file);
    const folder = realFolder(path.dirname(full));
    const link = lstatOrUndefined(full)?.isSymbolicLink();
    const own = folder === undefined ? undefined : path.join(folder, path.basename(full));
    // A link whose target is gone is read as itself, to be reported unreadable.
    const real = link === undefined ? undefined : link ? (realpathOrUndefined(full) ?? own) : own;
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
 * Reads the corpus in `root`. With `threads`, a corpus of enough documents
 * is read on them as well as on this thread (readers.ts): the same corpus.
 */
export async function loadCorpus(root: string, options?: CorpusOptions, threads?: ReaderThreads): Promise<Corpus> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new CorpusUnavailable(`${root} is not a folder`);
  const registry = readRegistryFile(root);
  const corpus = new Corpus(registry.text, registry.encoding, options);
  const discovery = await discoverDocuments(root, corpus.registry);
  corpus.setDiscoveryProblems(discovery.problems);
  if (threads !== undefined && threads.count > 0 && discovery.files.length >= threads.fromDocuments) {
    await readInParallel(corpus, root, registry, discovery.files, threads);
  } else {
    for (const file of discovery.files) loadDocument(corpus, root, file);
  }
  return corpus;
}
