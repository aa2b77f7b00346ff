// What the documents globs may take, and why a glob took nothing: nested
// corpora (a subfolder with its own corroborate.yaml owns the files below
// it), and the `empty-glob` warning with where the files it might have meant
// are.

import { lstatSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { glob, type GlobOptions } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../engine/diagnostics';
import { REGISTRY_FILE, type Positioned } from '../engine/registry';

/** Folders never searched for documents or corpora, nor watched: the CLI and the language server share this list. */
const IGNORED_FOLDERS = ['.git', 'node_modules'];
/** The same as globs, for tinyglobby. */
export const IGNORED_GLOBS = IGNORED_FOLDERS.map((folder) => `**/${folder}/**`);

/** Whether a relative path lies in an ignored folder (or is one). */
export function isIgnoredPath(relative: string): boolean {
  return relative.split(/[\\/]/).some((part) => IGNORED_FOLDERS.includes(part));
}

/**
 * How documents globs run. Links are followed, so a linked report is read
 * rather than dropped in silence; one that leads out of the folder is
 * reported by discovery instead.
 */
export const GLOB_OPTIONS = {
  ignore: IGNORED_GLOBS,
  onlyFiles: true,
  followSymbolicLinks: true,
  expandDirectories: false,
} as const satisfies GlobOptions;

/** The options tinyglobby gives picomatch, so a pattern matches a path here as it does there. */
const MATCH_OPTIONS: picomatch.PicomatchOptions = { dot: false, posix: true, fastpaths: false };

/** Whether a folder holds a corroborate.yaml of its own, as the language server finds corpora: a file, not a link. */
function holdsRegistry(folder: string): boolean {
  try {
    return lstatSync(path.join(folder, REGISTRY_FILE), { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    // A folder that cannot be searched holds nothing the corpus can read: discovery reports it as unlisted.
    return false;
  }
}

/**
 * The subfolders of a corpus that hold their own corroborate.yaml. The
 * nearest registry owns a document, as ESLint's and Vale's nearest
 * configuration does: the outer corpus's globs stop at such a folder.
 */
export class NestedCorpora {
  /** Per corpus-relative folder ('' for the root), the nested corpus folder it lies in, if any. */
  private readonly owners = new Map<string, string | undefined>([['', undefined]]);

  constructor(private readonly root: string) {}

  /** The outermost nested corpus folder holding `folder` (corpus-relative, `/`), or undefined when it is this corpus's. */
  ownerOf(folder: string): string | undefined {
    const key = folder === '.' ? '' : folder;
    if (this.owners.has(key)) return this.owners.get(key);
    const above = this.ownerOf(path.posix.dirname(key));
    const owner = above ?? (holdsRegistry(path.join(this.root, key)) ? key : undefined);
    this.owners.set(key, owner);
    return owner;
  }
}

/**
 * A documents pattern as tinyglobby reads it before matching: without a
 * trailing `/`, and normalized, so `./d/*.txt`, `d//*.txt` and `d/./*.txt`
 * all read `d/*.txt`. Matched as written, they would call files the glob
 * found unmatched.
 */
function asGlobbed(pattern: string): string {
  const negated = pattern.startsWith('!') && !pattern.startsWith('!(');
  const body = negated ? pattern.slice(1) : pattern;
  const normalized = path.posix.normalize(body.endsWith('/') ? body.slice(0, -1) : body);
  return negated ? `!${normalized}` : normalized;
}

/** The first documents pattern that takes `file` (corpus-relative, `/`): where a problem with that file points. */
export function patternTaking(patterns: readonly Positioned<string>[], file: string): Positioned<string> | undefined {
  return patterns.find((pattern) => {
    const globbed = asGlobbed(pattern.value);
    return !picomatch.scan(globbed).negated && picomatch(globbed, MATCH_OPTIONS)(file);
  });
}

/** What the documents globs match that tinyglobby passes over in silence. */
export interface PassedOver {
  /** Corpus-relative paths (`/`) of entries that are neither a file nor a link to one: named pipes, sockets, devices, links whose target is gone. */
  readonly entries: readonly string[];
  /** Corpus-relative folders (`/`) that could not be listed, each with the error, where the globs could have found documents. */
  readonly unlisted: readonly { readonly folder: string; readonly error: string }[];
}

/**
 * tinyglobby lists regular files and the links it can follow, and skips
 * everything else without a word: a named pipe named like a report, a link
 * whose target was deleted, a folder it may not list. A document the globs
 * match is never dropped silently (the `unreadable` error), so a second walk
 * finds what the first passed over. It lists only folders the patterns can
 * reach, stats only links, and follows no linked folder (tinyglobby does, but
 * a walk that follows links must guard against cycles for no gain here).
 */
export async function passedOver(root: string, written: readonly string[], nested: NestedCorpora): Promise<PassedOver> {
  const patterns = written.map(asGlobbed);
  const positive = patterns.filter((p) => !p.startsWith('!'));
  const negative = patterns.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const matchesPositive = picomatch(positive, MATCH_OPTIONS);
  const matchesNegative = negative.length > 0 ? picomatch(negative, MATCH_OPTIONS) : () => false;
  const reaches = positive.map((pattern) => ({ base: picomatch.scan(pattern).base, depth: pattern.split('/').length, anyDepth: pattern.includes('**') }));
  // Whether a file in `folder` (or below it) could match some pattern.
  const canHoldMatches = (folder: string): boolean => {
    const depth = folder === '' ? 0 : folder.split('/').length;
    return reaches.some(
      ({ base, depth: patternDepth, anyDepth }) =>
        (base === '' || folder === base || folder.startsWith(base + '/') || base.startsWith(folder === '' ? '' : folder + '/')) && (anyDepth || depth < patternDepth),
    );
  };
  const entries: string[] = [];
  const unlisted: { folder: string; error: string }[] = [];
  const folders = [''];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    let listed;
    try {
      listed = await fs.readdir(path.join(root, folder), { withFileTypes: true });
    } catch (error) {
      unlisted.push({ folder, error: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
      continue;
    }
    for (const entry of listed) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.includes(entry.name) && nested.ownerOf(relative) === undefined && canHoldMatches(relative)) folders.push(relative);
        continue;
      }
      if (entry.isFile() || !matchesPositive(relative) || matchesNegative(relative)) continue;
      // A link tinyglobby could follow is one it listed (or a folder); only a broken one is passed over.
      if (entry.isSymbolicLink() && (await fs.stat(path.join(root, relative)).then(() => true, () => false))) continue;
      entries.push(relative);
    }
  }
  return { entries: entries.sort(), unlisted: unlisted.sort((a, b) => (a.folder < b.folder ? -1 : 1)) };
}

/**
 * An `empty-glob` warning on each documents pattern that gives the corpus no
 * file: naming the folder it looked in, and where files with its extension
 * are, since the usual cause is reports kept in another folder.
 */
export async function emptyGlobProblems(root: string, patterns: readonly Positioned<string>[], owned: readonly string[], nested: NestedCorpora): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const pattern of patterns) {
    const globbed = asGlobbed(pattern.value);
    const scan = picomatch.scan(globbed);
    // A negated pattern takes files away; matching nothing is its normal state.
    if (scan.negated) continue;
    const matches = picomatch(globbed, MATCH_OPTIONS);
    if (owned.some((file) => matches(file))) continue;
    const looked = await lookedIn(root, scan.base, nested);
    const hint = await filesLike(root, pattern.value, nested);
    // corroborate.yaml is never a report: a pattern that takes only it does take a file, so the warning cannot say it takes none.
    const found = matches(REGISTRY_FILE) ? `matches no report, only ${REGISTRY_FILE} itself, which is never read as one` : 'matches no file';
    // Windows separates folders with \, which a glob reads as an escape: `reports\*.txt` looks for a file named `reports*.txt`.
    const slashes = pattern.value.includes('\\') ? ` A \\ in a glob escapes the character after it: separate folders with /, as in ${pattern.value.replaceAll('\\', '/')}.` : '';
    problems.push(diagnostic(REGISTRY_FILE, pattern, 'empty-glob', `\`${pattern.value}\` ${found}: ${looked}.${hint}${slashes} Correct the pattern, or remove it`));
  }
  return problems;
}

/** The folder a pattern looked in, and why it holds nothing for this corpus. */
async function lookedIn(root: string, base: string, nested: NestedCorpora): Promise<string> {
  if (base === '') return 'it looked in the folder of corroborate.yaml';
  const stat = await fs.stat(path.join(root, base)).catch(() => undefined);
  if (!stat?.isDirectory()) return `it looked in ${base}/, and there is no such folder next to corroborate.yaml`;
  const owner = nested.ownerOf(base);
  if (owner !== undefined) return `it looked in ${base}/, which belongs to the corpus of ${owner}/${REGISTRY_FILE}`;
  return `it looked in ${base}/`;
}

/** How many files share the pattern's extension, and in which folders, as a hint; '' when it names none. */
async function filesLike(root: string, pattern: string, nested: NestedCorpora): Promise<string> {
  const extension = /\.([\w-]+)$/.exec(pattern)?.[1];
  if (extension === undefined) return '';
  const found = await glob([`**/*.${extension}`], { cwd: root, ...GLOB_OPTIONS });
  const own = new Map<string, number>();
  const inNested = new Map<string, number>();
  for (const relative of found) {
    const file = relative.split(path.sep).join('/');
    if (file === REGISTRY_FILE) continue;
    const folder = path.posix.dirname(file);
    const owner = nested.ownerOf(folder);
    const tally = owner === undefined ? own : inNested;
    const key = owner ?? folder;
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  const count = (tally: Map<string, number>) => [...tally.values()].reduce((a, b) => a + b, 0);
  const files = (n: number) => `${n} .${extension} ${n === 1 ? 'file' : 'files'}`;
  const hints: string[] = [];
  if (own.size > 0) hints.push(` This corpus folder has ${files(count(own))}: ${largest(own, (folder) => (folder === '.' ? 'next to corroborate.yaml' : `in ${folder}/`))}.`);
  if (inNested.size > 0) {
    const n = count(inNested);
    hints.push(` ${files(n)} ${n === 1 ? 'lies' : 'lie'} in folders that have their own ${REGISTRY_FILE} and so are corpora of their own: ${largest(inNested, (folder) => `${folder}/`)}.`);
  }
  return hints.join('');
}

/** The three folders with the most files, as `name (n)`, then how many more. */
function largest(tally: Map<string, number>, name: (folder: string) => string): string {
  const sorted = [...tally].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  const shown = sorted.slice(0, 3).map(([folder, n]) => `${name(folder)} (${n})`);
  if (sorted.length > 3) shown.push(`and ${sorted.length - 3} more folders`);
  return shown.join(', ');
}
