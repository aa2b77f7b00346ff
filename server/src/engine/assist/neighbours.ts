// Claims like the desk's: a passage whose words are close to claims the
// desk annotated in its other reports is proposed with the properties those
// claims assert. The cues of model.ts weigh single words against a target;
// with a handful of claims of a property, spread over three languages, no
// word reaches a threshold, though the whole sentence reads like the claims
// ("the soldiers were on a routine reconnaissance" beside "the patrol was
// on a reconnaissance mission", annotated mission=reconnaissance). Here the
// passage is compared with each annotated claim of the same language as a
// whole: cosine similarity of their stems, each weighted by its rarity
// among the desk's claims (TF-IDF with binary term frequency).
//
// The neighbours give the property, and for an enum or an actor property
// the value, but never the claimant nor the value's proof: the finder keeps
// a value only where the passage's own words give evidence for it (the
// value's learnt words or cues, the party named, a count read there), and
// who says it comes from the passage's attribution, never from a neighbour.

import type { Corpus } from '../corpus';
import type { CueModel } from './model';
import { claimTermsOf } from './model';

/** A value some neighbours assert: an enum value, an actor (`@id`), or, for a count, the property alone (value undefined). */
export interface NeighbourVote {
  readonly key: string;
  readonly kind: 'enum' | 'actor' | 'count';
  readonly value?: string;
  /** How many of the neighbours assert it, and their summed similarity. */
  readonly claims: number;
  readonly score: number;
}

interface IndexedClaim {
  readonly terms: readonly string[];
  /** The length of its vector, by the rarity of its terms as the model weighs them (the index lives as long as that model generation). */
  readonly norm: number;
  readonly assertions: readonly { readonly key: string; readonly kind: NeighbourVote['kind']; readonly value?: string }[];
}

interface LanguageIndex {
  readonly claims: IndexedClaim[];
  /** Term → the claims holding it, by their index. */
  readonly postings: Map<string, number[]>;
}

/** The cosine a claim must reach to count as a neighbour (tuned leave-one-out over the six read corpora: docs/assist.md). */
const NEIGHBOUR_SIMILARITY = 0.3;
/** How many claims at least must assert a value for it to be proposed: one claim is an anecdote, two a habit of the desk. */
const NEIGHBOUR_CLAIMS = 2;
/** How many of the nearest claims vote. */
const NEAREST = 8;
/**
 * A term more claims of a language than this hold is passed over when
 * looking neighbours up (it still weighs in the norms): it says little,
 * and its postings would make each passage cost a walk over the corpus.
 */
const MAX_POSTINGS = 256;

/** The length of a set of terms as a vector, each term weighing its rarity among the desk's claims. */
function vectorLength(model: CueModel, terms: readonly string[]): number {
  return Math.sqrt(terms.reduce((sum, term) => sum + model.rarity(term) ** 2, 0));
}

const indexes = new WeakMap<CueModel, { readonly generation: number; readonly corpus: Corpus; readonly byLanguage: ReadonlyMap<string, LanguageIndex> }>();

/** The desk's claims with a property the finder may take from them, by the language of their report; rebuilt when the model learns. */
function indexOf(corpus: Corpus, model: CueModel): ReadonlyMap<string, LanguageIndex> {
  const known = indexes.get(model);
  if (known !== undefined && known.generation === model.generation && known.corpus === corpus) return known.byLanguage;
  const byLanguage = new Map<string, LanguageIndex>();
  for (const facts of corpus.allFacts()) {
    const language = facts.frontMatter.language ?? '';
    for (const claim of facts.claims) {
      const assertions: IndexedClaim['assertions'][number][] = [];
      for (const { property, value } of claim.assertions) {
        if (property.type === 'enum' && value.type === 'enum') assertions.push({ key: property.key, kind: 'enum', value: value.value });
        // An actor given as the claimant's own act ("by=@x attacker=@x") says nothing of a party the passage names.
        else if (property.type === 'entity' && property.kind === 'actor' && value.type === 'entity' && value.id !== claim.claimant) assertions.push({ key: property.key, kind: 'actor', value: `@${value.id}` });
        else if (property.type === 'count' && value.type !== 'unknown') assertions.push({ key: property.key, kind: 'count' });
      }
      if (assertions.length === 0) continue;
      let index = byLanguage.get(language);
      if (index === undefined) byLanguage.set(language, (index = { claims: [], postings: new Map() }));
      const terms = claimTermsOf(corpus.registry, facts, claim);
      const at = index.claims.push({ terms, norm: vectorLength(model, terms), assertions }) - 1;
      for (const term of terms) {
        const list = index.postings.get(term);
        if (list === undefined) index.postings.set(term, [at]);
        else list.push(at);
      }
    }
  }
  indexes.set(model, { generation: model.generation, corpus, byLanguage });
  return byLanguage;
}

/**
 * What the desk's claims nearest a passage's terms assert, most supported
 * first: the values that at least NEIGHBOUR_CLAIMS of them, each at least
 * NEIGHBOUR_SIMILARITY close, assert.
 */
export function neighbourVotes(corpus: Corpus, model: CueModel, language: string | undefined, terms: readonly string[]): NeighbourVote[] {
  const index = indexOf(corpus, model).get(language ?? '');
  if (index === undefined || terms.length === 0) return [];
  const weight = (term: string) => model.rarity(term);
  // The passage as a vector over the words of the desk's claims: a word none of them holds says nothing of which are near
  // (as a TF-IDF vectorizer leaves out words outside its vocabulary), and would make a long sentence far from every claim.
  const passageNorm = vectorLength(model, terms.filter((term) => index.postings.has(term)));
  if (passageNorm === 0) return [];
  const dot = new Map<number, number>();
  for (const term of terms) {
    const list = index.postings.get(term);
    if (list === undefined || list.length > MAX_POSTINGS) continue;
    const w = weight(term) ** 2;
    if (w === 0) continue;
    for (const at of list) dot.set(at, (dot.get(at) ?? 0) + w);
  }
  const near = [...dot]
    .map(([at, product]) => ({ claim: index.claims[at], similarity: product / (passageNorm * index.claims[at].norm) }))
    .filter((neighbour) => neighbour.similarity >= NEIGHBOUR_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, NEAREST);
  const votes = new Map<string, { key: string; kind: NeighbourVote['kind']; value?: string; claims: number; score: number }>();
  for (const { claim, similarity } of near) {
    for (const assertion of new Map(claim.assertions.map((a) => [`${a.key}\u0000${a.value ?? ''}`, a])).values()) {
      const id = `${assertion.key}\u0000${assertion.value ?? ''}`;
      const vote = votes.get(id) ?? { ...assertion, claims: 0, score: 0 };
      vote.claims++;
      vote.score += similarity;
      votes.set(id, vote);
    }
  }
  return [...votes.values()].filter((vote) => vote.claims >= NEIGHBOUR_CLAIMS).sort((a, b) => b.score - a.score);
}

/** The `why` of a value the neighbours gave: "like 3 claims of the desk asserting mission=reconnaissance". */
export function neighbourWhy(vote: NeighbourVote): string {
  return `like ${vote.claims} claims of the desk asserting ${vote.key}${vote.value !== undefined ? `=${vote.value}` : ''}`;
}
