// Corpora built in memory: the engine reads text, so a test that gives it
// text needs no folder. What only a folder has (globs, links, bytes to
// decode) is tested through `writeCorpus` (./tempFolder) and the workspace.

import { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { SEEDS } from './tempFolder';

/**
 * A corpus of `files` (corroborate.yaml and documents, by corpus-relative
 * path), each read as a document in the order given. The globs are not run:
 * every file other than corroborate.yaml is a document.
 */
export function corpusOf(files: Readonly<Record<string, string>>): Corpus {
  const registry = files[REGISTRY_FILE];
  if (registry === undefined) throw new Error(`corpusOf needs a ${REGISTRY_FILE}`);
  const corpus = new Corpus(registry);
  for (const [file, text] of Object.entries(files)) if (file !== REGISTRY_FILE) corpus.setDocument(file, text);
  return corpus;
}

/** The annotated sample corpus, read from seeds/ where it is (reading writes nothing). */
export function seedsCorpus(): Promise<Corpus> {
  return loadCorpus(SEEDS);
}
