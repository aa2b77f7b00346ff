// What features compute from one state of the corpus (hover cards) is kept
// until the corpus changes: a store per corpus, replaced by a new one at
// each revision. (The lenses' figures follow each event instead:
// matrix.ts's keptSummary.)

import type { Corpus } from '../engine/corpus';

/** A function giving the store of a corpus as it stands now, `create`d anew whenever the corpus has changed since. */
export function perRevision<T>(create: () => T): (corpus: Corpus) => T {
  const kept = new WeakMap<Corpus, { readonly revision: number; readonly store: T }>();
  return (corpus) => {
    let entry = kept.get(corpus);
    if (entry?.revision !== corpus.revision) kept.set(corpus, (entry = { revision: corpus.revision, store: create() }));
    return entry.store;
  };
}
