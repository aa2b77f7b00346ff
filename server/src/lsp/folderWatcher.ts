// The server's own watch of a workspace folder, for clients that do not offer
// file watching. Node watches folders, not files: a folder's watch reports
// every name written, created, deleted or renamed in it, so a file replaced by
// a rename (`sed -i`, an editor's atomic save) is seen under its name, and the
// writes after it too — a watch on the file itself would stay on the inode
// that was replaced. A folder created is watched at once and its files
// reported; a folder deleted or replaced is dropped or watched again; a
// workspace folder that is missing is looked for again every second until it
// exists. Nothing is throttled: every event is reported, and the server reads
// the file as it is when it gets to it, so the last write of a burst is never
// lost.

import { lstatSync, readdirSync, watch, type FSWatcher, type Stats } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { isIgnoredPath } from '../workspace/globs';

export interface DiskChange {
  /** An absolute path. */
  readonly path: string;
  readonly type: FileChangeType;
}

/** How often a missing workspace folder is looked for. */
const MISSING_FOLDER_POLL_MS = 1000;

export class FolderWatcher {
  /** Every folder watched, with the inode it had then: one replaced under the same name is watched again. */
  private readonly watched = new Map<string, { readonly watcher: FSWatcher; readonly ino: number }>();
  private poll: NodeJS.Timeout | undefined;
  private closed = false;
  private warnedOfLimit = false;

  constructor(
    readonly root: string,
    private readonly report: (changes: readonly DiskChange[]) => void,
    private readonly warn: (message: string) => void,
  ) {
    if (!this.watchTree(root, [])) this.awaitRoot();
  }

  close(): void {
    this.closed = true;
    clearInterval(this.poll);
    this.unwatchTree(this.root);
  }

  /**
   * Watches a folder and every folder under it (links are not followed, as
   * the corpus discovery does not follow them into folders), and lists the
   * files found in `found`. False when `folder` is not a folder.
   */
  private watchTree(folder: string, found: DiskChange[]): boolean {
    const pending = [folder];
    let any = false;
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const stats = lstatOrUndefined(next);
      if (!stats?.isDirectory() || !this.watchFolder(next, stats.ino)) continue;
      any = true;
      let entries;
      try {
        entries = readdirSync(next, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const full = path.join(next, entry.name);
        if (this.ignored(full)) continue;
        if (entry.isDirectory()) pending.push(full);
        else found.push({ path: full, type: FileChangeType.Created });
      }
    }
    return any;
  }

  private watchFolder(folder: string, ino: number): boolean {
    if (this.watched.has(folder)) return true;
    try {
      const watcher = watch(folder, { persistent: false }, (event, name) => this.onEvent(folder, event, name));
      watcher.on('error', () => this.recheck(folder));
      this.watched.set(folder, { watcher, ino });
      return true;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A folder removed between listing and watching is reported by its parent.
      if (code === 'ENOENT') return false;
      if (code === 'ENOSPC' || code === 'EMFILE') {
        // The system's limit on watches: said once, not once per folder.
        if (!this.warnedOfLimit) this.warn(`cannot watch ${folder} and maybe other folders (${code}): the system's limit on file watches is reached; raise it (on Linux, fs.inotify.max_user_watches) or use an editor that watches files`);
        this.warnedOfLimit = true;
      } else {
        this.warn(`cannot watch ${folder}: ${(error as Error).message}`);
      }
      return false;
    }
  }

  private unwatchTree(folder: string): void {
    for (const [watchedFolder, { watcher }] of this.watched) {
      if (watchedFolder !== folder && !watchedFolder.startsWith(folder + path.sep)) continue;
      watcher.close();
      this.watched.delete(watchedFolder);
    }
  }

  private onEvent(folder: string, event: string, name: string | null): void {
    if (this.closed || !this.watched.has(folder)) return;
    if (!this.recheck(folder)) return;
    if (name === null) {
      // The platform did not say which name changed: everything in the folder may have.
      const found: DiskChange[] = [];
      this.unwatchTree(folder);
      this.watchTree(folder, found);
      this.report(found.map((change) => ({ path: change.path, type: FileChangeType.Changed })));
      return;
    }
    const full = path.join(folder, name);
    if (this.ignored(full)) return;
    const stats = lstatOrUndefined(full);
    if (stats === undefined) {
      this.unwatchTree(full);
      this.report([{ path: full, type: FileChangeType.Deleted }]);
    } else if (stats.isDirectory()) {
      if (this.watched.get(full)?.ino === stats.ino) return;
      this.unwatchTree(full);
      const found: DiskChange[] = [];
      this.watchTree(full, found);
      this.report([{ path: full, type: FileChangeType.Created }, ...found]);
    } else {
      this.report([{ path: full, type: event === 'change' ? FileChangeType.Changed : FileChangeType.Created }]);
    }
  }

  /**
   * Whether a watched folder is still the one watched. One deleted is
   * dropped and reported; one replaced under the same name is watched again
   * and its files reported.
   */
  private recheck(folder: string): boolean {
    const watched = this.watched.get(folder);
    const stats = lstatOrUndefined(folder);
    if (watched && stats?.isDirectory() && stats.ino === watched.ino) return true;
    this.unwatchTree(folder);
    const found: DiskChange[] = [];
    const back = stats?.isDirectory() === true && this.watchTree(folder, found);
    const changes: DiskChange[] = [{ path: folder, type: FileChangeType.Deleted }];
    if (back) changes.push({ path: folder, type: FileChangeType.Created }, ...found);
    this.report(changes);
    if (!back && folder === this.root) this.awaitRoot();
    return false;
  }

  /** The workspace folder is missing: look for it every second, and once it is back, report all it holds. */
  private awaitRoot(): void {
    if (this.closed || this.poll) return;
    this.poll = setInterval(() => {
      const found: DiskChange[] = [];
      if (!this.watchTree(this.root, found)) return;
      clearInterval(this.poll);
      this.poll = undefined;
      this.report([{ path: this.root, type: FileChangeType.Created }, ...found]);
    }, MISSING_FOLDER_POLL_MS);
    this.poll.unref();
  }

  private ignored(full: string): boolean {
    return isIgnoredPath(path.relative(this.root, full));
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}
