// What the documents globs may take: nested corpora (a subfolder with its
// own corroborate.yaml owns the files below it).

import { lstatSync } from 'node:fs';
import * as path from 'node:path';
import type { GlobOptions } from 'tinyglobby';
import { REGISTRY_FILE } from '../engine/registry';

/**
 * How documents globs run. Links are followed, so a linked report is read
 * rather than dropped in silence; one that leads out of the folder is
 * reported by discovery instead.
 */
export const GLOB_OPTIONS = {
  ignore: ['**/.git/**', '**/node_modules/**'],
  onlyFiles: true,
  followSymbolicLinks: true,
  expandDirectories: false,
} as const satisfies GlobOptions;

/** Whether a folder holds a corroborate.yaml of its own, as the language server finds corpora: a file, not a link. */
function holdsRegistry(folder: string): boolean {
  return lstatSync(path.join(folder, REGISTRY_FILE), { throwIfNoEntry: false })?.isFile() === true;
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
