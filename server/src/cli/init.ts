// `corroborate init [DIR]`: a starter corroborate.yaml, and with --adopt,
// front matter for the reports already in DIR. It never overwrites a
// registry and never changes a byte of a report's text: front matter is
// inserted before the first byte (after a byte-order mark), in the file's
// own line ending.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { readRegistry, REGISTRY_FILE } from '../engine/registry';
import { CorpusUnavailable, discoverDocuments } from '../workspace/corpusFiles';
import { STARTER_REGISTRY } from './starter';

/** A corroborate.yaml is there already: init changes nothing (exit 2). */
export class RegistryExists extends Error {}

export interface InitOptions {
  /** Add front matter to the reports that have none. */
  readonly adopt: boolean;
  /** With adopt: `published:` from each file's modification date. */
  readonly publishedFromMtime: boolean;
}

export interface InitResult {
  /** DIR-relative paths of the reports that received front matter. */
  readonly adopted: readonly string[];
  /** Reports without front matter left as they were (no --adopt). */
  readonly withoutFrontMatter: readonly string[];
  /** Reports that could not be adopted, with the reason. */
  readonly failed: readonly { readonly file: string; readonly reason: string }[];
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;

function hasBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && UTF8_BOM.every((b, i) => bytes[i] === b);
}

/** The first line break of the file, as it is written there; `\n` when it has none. */
function lineBreakOf(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === LF) return '\n';
    if (bytes[i] === CR) return bytes[i + 1] === LF ? '\r\n' : '\r';
  }
  return '\n';
}

/**
 * Whether the text opens with a front matter fence, closed or not: a `---`
 * first line (blanks after it allowed), the parser's rule. A report whose
 * front matter is broken is left for the checker to flag, not given a second.
 */
function opensWithFence(bytes: Uint8Array, start: number): boolean {
  const dash = 0x2d;
  if (bytes[start] !== dash || bytes[start + 1] !== dash || bytes[start + 2] !== dash) return false;
  for (let i = start + 3; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || b === CR) return true;
    if (b !== 0x20 && b !== 0x09) return false;
  }
  return true;
}

/** A local calendar date, YYYY-MM-DD: the day the file's date shows in a file manager. */
function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The front matter init adds: `source:` is left for the user, and the checker flags it until filled. */
export function starterFrontMatter(lineBreak: string, published?: string): string {
  const lines = ['---', "source:     # the outlet that published this report: an actor id from corroborate.yaml"];
  if (published !== undefined) lines.push(`published: ${published}`);
  lines.push('---');
  return lines.map((line) => line + lineBreak).join('');
}

/**
 * The file's bytes with front matter before them, or undefined when the
 * file is not a report to adopt (binary, or it has front matter already).
 */
export function withFrontMatter(bytes: Uint8Array, published?: string): Uint8Array | undefined {
  if (bytes.includes(0)) return undefined;
  const bom = hasBom(bytes) ? 3 : 0;
  if (opensWithFence(bytes, bom)) return undefined;
  const inserted = Buffer.from(starterFrontMatter(lineBreakOf(bytes), published), 'utf8');
  return Buffer.concat([bytes.subarray(0, bom), inserted, bytes.subarray(bom)]);
}

/**
 * Rewrites a file through a temporary sibling and a rename, so an
 * interrupted run leaves the old file or the new one, never half of one;
 * the file's permissions and modification time are kept.
 */
async function replaceFile(file: string, bytes: Uint8Array): Promise<void> {
  const stat = await fs.stat(file);
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.corroborate-${process.pid}`);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx', mode: stat.mode & 0o7777 });
    await fs.utimes(temporary, stat.atime, stat.mtime);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

export async function initCorpus(root: string, options: InitOptions): Promise<InitResult> {
  const stat = await fs.stat(root).catch(() => undefined);
  if (stat && !stat.isDirectory()) throw new CorpusUnavailable(`${root} is not a folder`);
  await fs.mkdir(root, { recursive: true });
  const registryFile = path.join(root, REGISTRY_FILE);
  try {
    // 'wx' creates the file or fails: no window in which an existing one could be replaced.
    await fs.writeFile(registryFile, STARTER_REGISTRY, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new RegistryExists(`${registryFile} exists already: init never replaces it (edit it, or remove it to start again)`);
    }
    throw error;
  }

  const { files } = await discoverDocuments(root, readRegistry(STARTER_REGISTRY));
  const adopted: string[] = [];
  const withoutFrontMatter: string[] = [];
  const failed: { file: string; reason: string }[] = [];
  for (const file of files) {
    const full = path.join(root, ...file.split('/'));
    try {
      const bytes = await fs.readFile(full);
      const published = options.adopt && options.publishedFromMtime ? localDate((await fs.stat(full)).mtime) : undefined;
      const adoptedBytes = withFrontMatter(bytes, published);
      if (!adoptedBytes) continue;
      if (!options.adopt) {
        withoutFrontMatter.push(file);
        continue;
      }
      await replaceFile(full, adoptedBytes);
      adopted.push(file);
    } catch (error) {
      failed.push({ file, reason: (error as Error).message });
    }
  }
  return { adopted, withoutFrontMatter, failed };
}
