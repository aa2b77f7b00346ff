// One corpus as the language server sees it: a folder with corroborate.yaml,
// its files on disk, and the editor buffers that override them while open.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Corpus } from '../engine/corpus';
import { REGISTRY_FILE } from '../engine/registry';
import { discoverDocuments, loadCorpus, loadDocument, readRegistryFile } from '../workspace/corpusFiles';
import { decode } from '../workspace/decode';

export class CorpusHost {
  /** Files whose text comes from an editor buffer rather than the disk. */
  private readonly open = new Set<string>();

  private constructor(
    readonly root: string,
    readonly corpus: Corpus,
  ) {}

  static async load(root: string): Promise<CorpusHost> {
    return new CorpusHost(root, await loadCorpus(root));
  }

  /** The corpus-relative path of a file URI inside this corpus's folder, or undefined. */
  fileOf(uri: string): string | undefined {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    const relative = path.relative(this.root, parsed.fsPath);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return relative.split(path.sep).join('/');
  }

  uriOf(file: string): string {
    return URI.file(path.join(this.root, ...file.split('/'))).toString();
  }

  /** The text the corpus holds for a file (a document or corroborate.yaml). */
  textOf(file: string): string | undefined {
    return file === REGISTRY_FILE ? this.corpus.registry.text : this.corpus.document(file)?.text;
  }

  isOpen(file: string): boolean {
    return this.open.has(file);
  }

  /**
   * A buffer's text replaces the file's while it is open. Invalid UTF-8 on
   * disk stays reported, and no edit is offered, until the file is saved
   * valid: the editor decoded those bytes somehow, and saving loses them.
   */
  setBuffer(file: string, text: string): Set<string> {
    this.open.add(file);
    if (file === REGISTRY_FILE) return this.corpus.setRegistry(text, this.corpus.registryEncodingProblem);
    return this.corpus.setDocument(file, text, this.corpus.document(file)?.encoding);
  }

  /** The buffer closed: the disk is the truth again. */
  async closeBuffer(file: string): Promise<Set<string>> {
    this.open.delete(file);
    return this.reloadFromDisk(file);
  }

  /** Reads a file that changed on disk, unless an editor buffer owns it. */
  async reloadFromDisk(file: string): Promise<Set<string>> {
    if (this.open.has(file)) return this.followDiskEncoding(file);
    if (file === REGISTRY_FILE) {
      const read = await readRegistryFile(this.root).catch(() => undefined);
      if (read === undefined || read.text === this.corpus.registry.text) return new Set();
      return this.corpus.setRegistry(read.text, read.encoding);
    }
    if (!this.corpus.has(file)) return new Set();
    return loadDocument(this.corpus, this.root, file);
  }

  /** An open file saved to disk: its bytes say whether it is still invalid UTF-8; its text stays the buffer's. */
  private async followDiskEncoding(file: string): Promise<Set<string>> {
    const bytes = await fs.readFile(path.join(this.root, ...file.split('/'))).catch(() => undefined);
    if (bytes === undefined) return new Set();
    const decoded = decode(bytes);
    const encoding = decoded.binary ? undefined : decoded.encoding;
    if (file === REGISTRY_FILE) {
      if (encoding?.offset === this.corpus.registryEncodingProblem?.offset) return new Set();
      return this.corpus.setRegistry(this.corpus.registry.text, encoding);
    }
    const facts = this.corpus.document(file);
    if (!facts || facts.encoding?.offset === encoding?.offset) return new Set();
    return this.corpus.setDocument(file, facts.text, encoding);
  }

  /** Runs the globs again: files created or deleted, or globs edited. Returns touched files. */
  async rediscover(): Promise<{ touched: Set<string>; membershipChanged: boolean }> {
    const discovery = await discoverDocuments(this.root, this.corpus.registry);
    this.corpus.setDiscoveryProblems(discovery.problems);
    const touched = new Set<string>([REGISTRY_FILE]);
    const wanted = new Set(discovery.files);
    let membershipChanged = false;
    for (const file of this.corpus.files()) {
      if (wanted.has(file)) continue;
      membershipChanged = true;
      for (const t of this.corpus.deleteDocument(file)) touched.add(t);
      touched.add(file);
    }
    for (const file of discovery.files) {
      if (this.corpus.has(file)) continue;
      membershipChanged = true;
      for (const t of loadDocument(this.corpus, this.root, file)) touched.add(t);
    }
    return { touched, membershipChanged };
  }

  /** Opening an unsaved buffer of a corpus file: take its text now rather than the disk's. */
  adoptBuffer(file: string, text: string): Set<string> | undefined {
    if (file !== REGISTRY_FILE && !this.corpus.has(file)) return undefined;
    return this.setBuffer(file, text);
  }

}
