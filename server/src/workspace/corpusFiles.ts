// The corpus on disk: corroborate.yaml, the documents its globs match, and
// their bytes. The engine never touches the file system; this module does it
// for the CLI and the language server alike.

import { lstatSync, promises as fs, readdirSync, readFileSync, realpathSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { Corpus, type CorpusOptions } from '../engine/corpus';
import { diagnostic, type Diagnostic } from '../engine/diagnostics';
import type { EncodingProblem } from '../engine/document';
import { REGISTRY_FILE, type Registry } from '../engine/registry';
import type { DiskText } from '../engine/texts';
import { decodeRegistry } from './decode';
import { LEAVE_OUT, readDocument, type DocumentRead } from './documentRead';
import { emptyGlobProblems, GLOB_OPTIONS, NestedCorpora, passedOver, patternTaking } from './globs';
import { readAhead } from './readAhead';
import { withoutOptimizing } from './runOnce';

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
    return decodeRegistry(readFileSync(file));
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
    const fix =
      error === 'EACCES' || error === 'EPERM'
        ? `permission denied. Give yourself access (chmod u+rx ${folder === '' ? '.' : folder})`
        : error === 'ENOENT' && folder.includes('\uFFFD')
          ? 'its name is not UTF-8 (an archive\'s Latin-1, say): rename it in UTF-8'
          : `${error}: check the disk`;
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
  // Which files are links, from their folder's listing: one readdir per
  // folder rather than an lstat per file; a name the listing lacks is asked of lstat.
  const listings = new Map<string, ReadonlyMap<string, boolean> | undefined>();
  const isLink = (folder: string, full: string): boolean | undefined => {
    if (!listings.has(folder)) listings.set(folder, linksIn(folder));
    return listings.get(folder)?.get(path.basename(full)) ?? lstatOrUndefined(full)?.isSymbolicLink();
  };
  for (const file of owned) {
    const full = path.join(root, file);
    const parent = path.dirname(full);
    const folder = realFolder(parent);
    const link = isLink(parent, full);
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
      problems.push(diagnostic(REGISTRY_FILE, patternTaking(registry.documents, file) ?? where, 'registry', `${file} links to a file outside the corpus folder and is not read: copy the file in instead`));
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

/** Each entry of a folder, and whether it is a link; undefined when the folder cannot be listed. */
function linksIn(folder: string): ReadonlyMap<string, boolean> | undefined {
  try {
    const links = new Map<string, boolean>();
    for (const entry of readdirSync(folder, { withFileTypes: true })) links.set(entry.name, entry.isSymbolicLink());
    return links;
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
 * Reads one document into the corpus. A file that vanished or is binary
 * leaves it; one that cannot be read stays, with an `unreadable` error.
 * Synchronous on purpose: a corpus is thousands of small files, and a
 * promise and a thread-pool round trip per file cost more than the read
 * itself.
 */
export function loadDocument(corpus: Corpus, root: string, file: string): Set<string> {
  return setRead(corpus, file, readDocument(path.join(root, file)));
}

function setRead(corpus: Corpus, file: string, read: DocumentRead): Set<string> {
  if (read === undefined) return corpus.deleteDocument(file);
  if ('unreadable' in read) return corpus.setUnreadable(file, read.unreadable);
  return corpus.setDocument(file, read.text, read.encoding, true);
}

/** A document's text as on disk now, for a corpus that lets texts go (CorpusOptions.rereadFrom); undefined when it cannot be read. */
function diskTextOf(root: string, file: string): DiskText | undefined {
  const read = readDocument(path.join(root, file));
  return read === undefined || 'unreadable' in read ? undefined : read;
}

/** The reader thread's script, beside the bundle (esbuild.mjs). */
const READER_SCRIPT = path.join(__dirname, 'corpusReader.js');
/**
 * Below this many documents the reports are read on the main thread: the
 * main thread waits for the reader to start (45–150 ms measured on a loaded
 * 2-core machine), while each report read there costs it about 25 µs
 * (300 reports: the same main-thread CPU either way; 1,000: 35 ms less
 * with the reader, the whole process 30 ms more).
 */
const READ_AHEAD_FROM = 2_000;

export interface LoadOptions extends Omit<CorpusOptions, 'rereadFrom'> {
  /** Let the texts of documents go once read, and read them again from the folder when asked (the language server). */
  readonly releaseTexts?: boolean;
}

export async function loadCorpus(root: string, options: LoadOptions = {}): Promise<Corpus> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (!stat?.isDirectory()) throw new CorpusUnavailable(`${root} is not a folder`);
  const registry = readRegistryFile(root);
  const { releaseTexts, ...rest } = options;
  const corpusOptions: CorpusOptions = releaseTexts === true ? { ...rest, rereadFrom: (file) => diskTextOf(root, file) } : rest;
  // The registry is read here, once: its code is not worth optimizing (runOnce.ts).
  const corpus = withoutOptimizing(() => new Corpus(registry.text, registry.encoding, corpusOptions));
  const discovery = await discoverDocuments(root, corpus.registry);
  corpus.setDiscoveryProblems(discovery.problems);
  const { files } = discovery;
  if (files.length < READ_AHEAD_FROM) for (const file of files) loadDocument(corpus, root, file);
  else await readAhead(READER_SCRIPT, files.map((file) => path.join(root, file)), (index, read) => setRead(corpus, files[index], read));
  return corpus;
}
