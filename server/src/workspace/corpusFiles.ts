// The corpus on disk: corroborate.yaml, the documents its globs match, and
// their bytes. The engine never touches the file system; this module does it
// for the CLI and the language server alike.

import { closeSync, constants, fstatSync, lstatSync, openSync, promises as fs, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { glob } from 'tinyglobby';
import { Corpus, type CorpusOptions } from '../engine/corpus';
import { diagnostic, type Diagnostic } from '../engine/diagnostics';
import type { EncodingProblem } from '../engine/document';
import { REGISTRY_FILE, type Registry } from '../engine/registry';
import type { DiskText } from '../engine/texts';
import { decode } from './decode';
import { emptyGlobProblems, GLOB_OPTIONS, NestedCorpora, passedOver } from './globs';
import { withoutOptimizing } from './runOnce';

/** Past this many matches the globs are surely wrong (a home folder, say). */
export const MAX_DOCUMENTS = 200_000;
/**
 * Past this size a document is not read but reported `unreadable`: no report
 * is this long (the tests check 20 MB ones), and a file of a gigabyte would
 * exhaust the memory of the editor's server or exceed what a string holds.
 */
export const DOCUMENT_MAX_BYTES = 64 * 1024 * 1024;

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

/** A document's bytes as text; undefined when the file is gone or binary; or why it cannot be read. */
type DocumentRead = { readonly text: string; readonly encoding?: EncodingProblem } | { readonly unreadable: string } | undefined;

const LEAVE_OUT = 'or change the documents globs so that they leave it out';

/**
 * Opened without waiting: a named pipe opened to be read otherwise waits
 * for a writer, forever. The file is then told apart on the open file
 * itself (fstat), which spares each report a stat of its path. A terminal
 * among the documents must not become the server's controlling terminal
 * (O_NOCTTY, which Windows does not have).
 */
const OPEN_TO_READ = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

function readDocument(full: string): DocumentRead {
  let fd: number;
  try {
    fd = openSync(full, OPEN_TO_READ);
  } catch {
    // Gone, a link that leads nowhere, no permission, a socket: each told as it always was.
    return readDocumentByPath(full);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    const refused = refusal(stat);
    if (refused !== undefined) return refused;
    bytes = readOpenFile(fd, stat.size);
  } catch (error) {
    return readFailure(full, error);
  } finally {
    closeSync(fd);
  }
  return textOf(bytes);
}

/** Why a file is not read, from its stat: it is no file, or too large. */
function refusal(stat: Stats): DocumentRead {
  if (!stat.isFile()) return { unreadable: `this is ${whatIsIt(stat)}, not a file, and is not read: replace it with the report, ${LEAVE_OUT}` };
  if (stat.size > DOCUMENT_MAX_BYTES) {
    const size = `${(stat.size / 1024 / 1024).toFixed(1)} MB`;
    return { unreadable: `this file is ${size}, over the limit of ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB for a document, and is not read: split it into one file per report, ${LEAVE_OUT}` };
  }
  return undefined;
}

/** The `size` bytes fstat gave, as readFileSync reads them; a size of 0 (a /proc file, say) is read to its end by readFileSync itself. */
function readOpenFile(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const read = readSync(fd, bytes, filled, size - filled, null);
    if (read === 0) break;
    filled += read;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

/** The way a document was read before it was opened first: kept for the paths that cannot be opened, whose stat says why. */
function readDocumentByPath(full: string): DocumentRead {
  let bytes: Buffer;
  try {
    // Checked before reading: opening a named pipe waits for a writer, forever.
    const stat = statSync(full);
    const refused = refusal(stat);
    if (refused !== undefined) return refused;
    bytes = readFileSync(full);
  } catch (error) {
    return readFailure(full, error);
  }
  return textOf(bytes);
}

/** Why a document could not be read, from the error its stat, open or read threw; undefined when it is gone. */
function readFailure(full: string, error: unknown): DocumentRead {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    const target = linkTargetOrUndefined(full);
    return target === undefined ? undefined : { unreadable: `this is a link to ${target}, which does not exist, and is not read: point the link at the report, or delete it, ${LEAVE_OUT}` };
  }
  if (code === 'ELOOP') return { unreadable: `this link leads back to itself, through links, and is not read: point it at the report, ${LEAVE_OUT}` };
  if (code === 'EACCES' || code === 'EPERM') return { unreadable: `this file cannot be read: permission denied. Give yourself read access (chmod u+r), ${LEAVE_OUT}` };
  return { unreadable: `this file cannot be read (${(error as Error).message}): check the disk, ${LEAVE_OUT}` };
}

function textOf(bytes: Buffer): DocumentRead {
  const decoded = decode(bytes);
  if (decoded.binary) return undefined;
  return decoded.encoding ? { text: decoded.text, encoding: decoded.encoding } : { text: decoded.text };
}

/** Where a link points, as written in it; undefined when the path is not a link (or is gone). */
function linkTargetOrUndefined(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

function whatIsIt(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'a special file';
}

/**
 * Reads one document into the corpus. A file that vanished or is binary
 * leaves it; one that cannot be read stays, with an `unreadable` error.
 * Synchronous on purpose: a corpus is thousands of small files, and a
 * promise and a thread-pool round trip per file cost more than the read
 * itself.
 */
export function loadDocument(corpus: Corpus, root: string, file: string): Set<string> {
  const read = readDocument(path.join(root, file));
  if (read === undefined) return corpus.deleteDocument(file);
  if ('unreadable' in read) return corpus.setUnreadable(file, read.unreadable);
  return corpus.setDocument(file, read.text, read.encoding, true);
}

/** A document's text as on disk now, for a corpus that lets texts go (CorpusOptions.rereadFrom); undefined when it cannot be read. */
function diskTextOf(root: string, file: string): DiskText | undefined {
  const read = readDocument(path.join(root, file));
  return read === undefined || 'unreadable' in read ? undefined : read;
}

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
  for (const file of discovery.files) loadDocument(corpus, root, file);
  return corpus;
}
