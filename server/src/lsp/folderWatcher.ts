// The server's own watch of a workspace folder, for clients that do not offer
// file watching. Node watches folders, not files: a folder's watch reports
// every name written, created, deleted or renamed in it, so a file replaced by
// a rename (`sed -i`, an editor's atomic save) is seen under its name, and the
// writes after it too — a watch on the file itself would stay on the inode
// that was replaced. A folder created is watched at once and its files
// reported; a folder deleted or replaced is dropped or watched again. A
// folder is known by its inode and its birth time together: one deleted and
// created again under the same name often gets the same inode number (ext4
// reuses it at once), and the watch on the deleted one hears nothing more.
// The workspace folder is looked at every second besides, as no parent's
// watch reports it: while a process works in it (the server's own working
// folder is often the workspace), its deletion is not reported to its own
// watch either, so one deleted and created again would go unseen. Nothing
// is throttled: every event is reported, and the server reads the file as it
// is when it gets to it, so the last write of a burst is never lost.

import { lstatSync, readdirSync, watch, type BigIntStats, type FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver/node';
import { isIgnoredPath } from '../workspace/globs';

export interface DiskChange {
  /** An absolute path. */
  readonly path: string;
  readonly type: FileChangeType;
}

/** How often the workspace folder is looked at: missing, or replaced by another under its name. */
const ROOT_POLL_MS = 1000;

export class FolderWatcher {
  /** Every folder watched, with the stats it had then: one replaced under the same name is watched again. */
  private readonly watched = new Map<string, { readonly watcher: FSWatcher; readonly stats: BigIntStats }>();
  private readonly poll: NodeJS.Timeout;
  private closed = false;
  private warnedOfLimit = false;

  constructor(
    readonly root: string,
    private readonly report: (changes: readonly DiskChange[]) => void,
    private readonly warn: (message: string) => void,
  ) {
    this.watchTree(root, []);
    this.poll = setInterval(() => this.checkRoot(), ROOT_POLL_MS);
    this.poll.unref();
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
      if (!stats?.isDirectory() || !this.watchFolder(next, stats)) continue;
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

  private watchFolder(folder: string, stats: BigIntStats): boolean {
    if (this.watched.has(folder)) return true;
    try {
      const watcher = watch(folder, { persistent: false }, (event, name) => this.onEvent(folder, event, name));
      watcher.on('error', () => this.recheck(folder));
      this.watched.set(folder, { watcher, stats });
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
      if (isSameFolder(this.watched.get(full)?.stats, stats)) return;
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
    if (stats?.isDirectory() && isSameFolder(watched?.stats, stats)) return true;
    this.unwatchTree(folder);
    const found: DiskChange[] = [];
    const back = stats?.isDirectory() === true && this.watchTree(folder, found);
    const changes: DiskChange[] = [{ path: folder, type: FileChangeType.Deleted }];
    if (back) changes.push({ path: folder, type: FileChangeType.Created }, ...found);
    this.report(changes);
    return false;
  }

  /** The workspace folder watched is still the one there; one missing that is back is watched, and all it holds reported. */
  private checkRoot(): void {
    if (this.watched.has(this.root)) {
      this.recheck(this.root);
      return;
    }
    const found: DiskChange[] = [];
    if (this.watchTree(this.root, found)) this.report([{ path: this.root, type: FileChangeType.Created }, ...found]);
  }

  private ignored(full: string): boolean {
    return isIgnoredPath(path.relative(this.root, full));
  }
}

/** Whether a folder is the one watched, not another created under its name. */
function isSameFolder(watched: BigIntStats | undefined, now: BigIntStats): boolean {
  return watched !== undefined && watched.ino === now.ino && watched.dev === now.dev && watched.birthtimeNs === now.birthtimeNs;
}

function lstatOrUndefined(file: string): BigIntStats | undefined {
  try {
    return lstatSync(file, { bigint: true });
  } catch {
    return undefined;
  }
}
