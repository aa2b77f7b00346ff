// The parse trees a corpus keeps whole. A tree is most of what a document
// costs in memory (its spans, blocks, text runs and attributes), and in a
// large corpus most documents are read once and rarely asked about again:
// the corpus index and the analysis keep only the facts (claims, references,
// uses), and a feature that needs a document's tree gets it parsed again,
// about 60 µs for a report. The documents asked about last (the open ones,
// in an editor) stay parsed.

import { parseDocument } from './parser';
import { keepRecent } from './recent';
import type { ParsedDocument } from './syntax';

export class TreeCache {
  /** Least recently used first: a Map iterates in insertion order, and a tree asked for is put back at the end. */
  private readonly trees = new Map<object, ParsedDocument>();

  constructor(readonly capacity: number) {}

  /** The tree of `text`, the text `owner` was read from: the one kept, or parsed again. */
  treeOf(owner: object, text: string): ParsedDocument {
    const tree = this.trees.get(owner) ?? parseDocument(text);
    this.keep(owner, tree);
    return tree;
  }

  /** The tree kept for `owner`, if any, left where it stands among the kept: asking for it parses nothing and keeps nothing. */
  keptTree(owner: object): ParsedDocument | undefined {
    return this.trees.get(owner);
  }

  /** Keeps a tree just read, letting the least recently used go past the capacity. */
  keep(owner: object, tree: ParsedDocument): void {
    keepRecent(this.trees, owner, tree, this.capacity);
  }

  /** Lets go of the tree of facts the corpus no longer holds. */
  forget(owner: object): void {
    this.trees.delete(owner);
  }
}
