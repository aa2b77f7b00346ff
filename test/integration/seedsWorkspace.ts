// The workspace every editor test opens: a temporary copy of seeds/, so that
// quick fixes, renames and a person's edits during a test never reach the
// sample corpus the rest of the suite (and the docs) rely on.
import { rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(__dirname, '..', '..');
export const SEEDS = path.join(REPOSITORY_ROOT, 'seeds');

export interface SeedsWorkspace {
  readonly folder: string;
  remove(): Promise<void>;
}

export async function copySeedsWorkspace(): Promise<SeedsWorkspace> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'corroborate-workspace-'));
  // A folder named like the original, so titles and the explorer read "seeds" as in the docs.
  const folder = path.join(parent, 'seeds');
  // A runner stopped by Ctrl-C exits without reaching its clean-up; the copy goes anyway.
  const removeOnExit = (): void => rmSync(parent, { recursive: true, force: true });
  process.once('exit', removeOnExit);
  await cp(SEEDS, folder, { recursive: true });
  return {
    folder,
    remove: async () => {
      process.removeListener('exit', removeOnExit);
      await rm(parent, { recursive: true, force: true });
    },
  };
}
