// One corpus as the language server sees it: a folder with corroborate.yaml,
// its files on disk, and the editor buffers that override them while open.
// Everything here is synchronous except finding and loading the corpus: a
// change to one file is applied in one step, so no request ever sees it half
// done.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Corpus } from '../engine/corpus';
import { LineIndex } from '../engine/lineIndex';
import { REGISTRY_FILE } from '../engine/registry';
import { discoverDocuments, loadCorpus, loadDocument, readRegistryFile, type DocumentDiscovery } from '../workspace/corpusFiles';
import { decode, decodeRegistry } from '../workspace/decode';
import { LineIndexCache, type RelatedFile, type RelatedFiles } from './convert';

/**
 * Documents whose parse trees the server keeps whole: the open ones and the
 * last asked about, many more than an analyst has open. The rest of a large
 * corpus is held as facts, its trees parsed again when asked (see TreeCache).
 */
const TREES_KEPT = 32;

/** The lines of a file the corpus holds no text of (an unreadable document): its diagnostics sit at its start. */
const EMPTY_LINES = new LineIndex('');

export class CorpusHost {
  /** Files whose text comes from an editor buffer rather than the disk, with the buffer's version. */
  private readonly buffers = new Map<string, number>();
  private readonly lineIndexes = new LineIndexCache();
  /** The URIs of the files the corpus holds: a workspace pull names every one of them, and building a URI is not free (4 µs). */
  private readonly uris = new Map<string, string>();
  /** The related entries' files of the corpus's current revision: see relatedFiles(). */
  private related: { readonly revision: number; readonly files: RelatedFiles } | undefined;

  private constructor(
    readonly root: string,
    readonly corpus: Corpus,
  ) {}

  static async load(root: string): Promise<CorpusHost> {
    return new CorpusHost(root, await loadCorpus(root, { treesKept: TREES_KEPT, releaseTexts: true }));
  }

  /** The corpus-relative path of a file inside this corpus's folder, or undefined. */
  fileOfPath(fsPath: string): string | undefined {
    const relative = path.relative(this.root, fsPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }

  fileOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    return parsed.scheme === 'file' ? this.fileOfPath(parsed.fsPath) : undefined;
  }

  uriOf(file: string): string {
    const known = this.uris.get(file);
    if (known !== undefined) return known;
    const uri = URI.file(path.join(this.root, ...file.split('/'))).toString();
    if (this.holds(file)) this.uris.set(file, uri);
    return uri;
  }

  /** A file the corpus no longer holds: nothing of it is kept. */
  private forgetFile(file: string): void {
    this.buffers.delete(file);
    this.lineIndexes.forget(file);
    this.uris.delete(file);
  }

  /** Whether the corpus holds this file: one of its documents, or its corroborate.yaml. */
  holds(file: string): boolean {
    return file === REGISTRY_FILE || this.corpus.has(file);
  }

  /**
   * The URI and lines of each file related entries name, looked up once a
   * file while the corpus's revision stays (every change to a document or
   * the registry moves it): a hot-event edit's 92,416 related entries at
   * 50,000 reports name each file many times, and each look-up cost a
   * `Corpus.has`, three maps and an object of its own.
   */
  relatedFiles(): RelatedFiles {
    const revision = this.corpus.revision;
    if (this.related?.revision === revision) return this.related.files;
    const known = new Map<string, RelatedFile | null>();
    const generation = {};
    const files: RelatedFiles = {
      generation,
      of: (file) => {
        let found = known.get(file);
        if (found === undefined) {
          found = this.holds(file) ? { uri: this.uriOf(file), lines: this.lineIndex(file) } : null;
          known.set(file, found);
        }
        return found ?? undefined;
      },
    };
    this.related = { revision, files };
    return files;
  }

  /** The line index of a file's text as the corpus holds it: a document's is its facts', kept when its text is let go. */
  lineIndex(file: string): LineIndex {
    if (file === REGISTRY_FILE) return this.lineIndexes.get(file, this.corpus.registry.text);
    return this.corpus.document(file)?.layout.lines ?? EMPTY_LINES;
  }

  /** The version of the editor buffer whose text the corpus holds for a file; undefined when the disk's. */
  bufferVersion(file: string): number | undefined {
    return this.buffers.get(file);
  }

  /**
   * An open buffer's text replaces the file's. Invalid UTF-8 on disk stays
   * reported, and no edit is offered, until the file is saved valid: the
   * editor decoded those bytes somehow, and saving loses them. Undefined for
   * a file the corpus does not hold.
   */
  useBuffer(file: string, text: string, version: number): Set<string> | undefined {
    if (!this.holds(file)) return undefined;
    this.buffers.set(file, version);
    if (file === REGISTRY_FILE) return this.corpus.setRegistry(text, this.corpus.registryEncodingProblem, this.openFiles());
    return this.corpus.setDocument(file, text, this.corpus.document(file)?.encoding);
  }

  /** The files the client has open: after an alias edit, the documents whose hints are shown. */
  private openFiles(): ReadonlySet<string> {
    return new Set(this.buffers.keys());
  }

  /**
   * The buffer closed: the disk is the truth again. The file itself is
   * among the touched files, even when its text is the disk's: its hints go.
   * A corroborate.yaml that cannot be read keeps the buffer's text until the
   * disk says more: the workspace hears of it from the watcher. Undefined
   * when the corpus did not hold the buffer.
   */
  closeBuffer(file: string): Set<string> | undefined {
    if (!this.buffers.delete(file)) return undefined;
    this.lineIndexes.forget(file);
    let touched: Set<string>;
    try {
      touched = this.reloadFromDisk(file);
    } catch {
      touched = new Set();
    }
    return touched.add(file);
  }

  /**
   * Reads a file that changed on disk, unless an editor buffer owns it.
   * Throws CorpusUnavailable when corroborate.yaml cannot be read.
   */
  reloadFromDisk(file: string): Set<string> {
    if (this.buffers.has(file)) return this.followDiskEncoding(file);
    if (file === REGISTRY_FILE) {
      const read = readRegistryFile(this.root);
      return this.corpus.setRegistry(read.text, read.encoding, this.openFiles());
    }
    if (!this.corpus.has(file)) return new Set();
    const touched = loadDocument(this.corpus, this.root, file);
    if (!this.corpus.has(file)) this.forgetFile(file);
    return touched;
  }

  /**
   * Whether the disk holds another text than the corpus for a file the
   * client has not opened: written since it was read, and its watcher event
   * not yet followed. A file that cannot be read is left to that event.
   */
  diskMovedOn(file: string): boolean {
    if (this.buffers.has(file) || !this.holds(file)) return false;
    try {
      if (file === REGISTRY_FILE) return readRegistryFile(this.root).text !== this.corpus.registry.text;
      const decoded = decode(readFileSync(path.join(this.root, ...file.split('/'))));
      return decoded.binary || this.corpus.document(file)?.layout.holds(decoded.text) !== true;
    } catch {
      return false;
    }
  }

  /** An open file saved to disk: its bytes say whether it is still invalid UTF-8; its text stays the buffer's. */
  private followDiskEncoding(file: string): Set<string> {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.root, ...file.split('/')));
    } catch {
      return new Set();
    }
    if (file === REGISTRY_FILE) {
      const { encoding } = decodeRegistry(bytes);
      if (encoding?.offset === this.corpus.registryEncodingProblem?.offset) return new Set();
      return this.corpus.setRegistry(this.corpus.registry.text, encoding);
    }
    const decoded = decode(bytes);
    const encoding = decoded.binary ? undefined : decoded.encoding;
    const facts = this.corpus.document(file);
    if (!facts || facts.encoding?.offset === encoding?.offset) return new Set();
    return this.corpus.setDocument(file, facts.text, encoding);
  }

  /** Runs the globs: files created or deleted, or globs edited. The result goes to applyDiscovery. */
  discover(): Promise<DocumentDiscovery> {
    return discoverDocuments(this.root, this.corpus.registry);
  }

  /**
   * Brings the documents in line with what the globs found, in one step.
   * A document that comes in takes the disk's text: the workspace applies
   * open buffers right after. Returns touched files and whether the set of
   * documents changed.
   */
  applyDiscovery(discovery: DocumentDiscovery): { touched: Set<string>; membershipChanged: boolean } {
    this.corpus.setDiscoveryProblems(discovery.problems);
    const touched = new Set<string>([REGISTRY_FILE]);
    const wanted = new Set(discovery.files);
    let membershipChanged = false;
    for (const file of this.corpus.files()) {
      if (wanted.has(file)) continue;
      membershipChanged = true;
      for (const t of this.corpus.deleteDocument(file)) touched.add(t);
      touched.add(file);
      this.forgetFile(file);
    }
    for (const file of discovery.files) {
      if (this.corpus.has(file)) continue;
      membershipChanged = true;
      for (const t of loadDocument(this.corpus, this.root, file)) touched.add(t);
    }
    return { touched, membershipChanged };
  }
}
