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
import { assertionsOf, type Claim } from '../claims';
import type { DocumentFacts } from '../document';
import type { Registry } from '../registry';
import { unlessStale } from '../texts';
import type { CueModel } from './model';
import { claimTermsReader, vagueKeyOf } from './model';
import { PackedLists, Vocabulary } from './packed';

/** A value some neighbours assert: an enum value, an actor (`@id`), or, for a count, the property alone (value undefined). */
export interface NeighbourVote {
  readonly key: string;
  readonly kind: 'enum' | 'actor' | 'count';
  readonly value?: string;
  /** How many of the neighbours assert it, and their summed similarity. */
  readonly claims: number;
  readonly score: number;
}

/** A value one of the desk's claims asserts, as `NeighbourVote` names it. */
interface Assertion {
  readonly key: string;
  readonly kind: NeighbourVote['kind'];
  readonly value?: string;
}

/** An assertion as one string, for the vocabulary: kind, key and value (none for a count). */
function assertionKey({ key, kind, value }: Assertion): string {
  return value === undefined ? `${kind}\u0000${key}` : `${kind}\u0000${key}\u0000${value}`;
}

function assertionOf(written: string): Assertion {
  const [kind, key, value] = written.split('\u0000') as [Assertion['kind'], string, string | undefined];
  return value === undefined ? { key, kind } : { key, kind, value };
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

/** A claim the finder may take values from: its terms and the values it asserts. */
interface DeskClaim {
  readonly terms: readonly string[];
  readonly assertions: readonly Assertion[];
}

/** A report's claims that assert a value the finder may take. */
function claimsOf(registry: Registry, facts: DocumentFacts): DeskClaim[] {
  const claims: DeskClaim[] = [];
  // Made for the first claim the index holds: a report without one is not parsed again.
  let termsOfClaim: ((claim: Claim) => readonly string[]) | undefined;
  for (const claim of facts.claims) {
    const assertions: Assertion[] = [];
    for (const { property, value } of assertionsOf(claim)) {
      if (property.type === 'enum' && value.type === 'enum') assertions.push({ key: property.key, kind: 'enum', value: value.value });
      // An actor given as the claimant's own act ("by=@x attacker=@x") says nothing of a party the passage names.
      else if (property.type === 'entity' && property.kind === 'actor' && value.type === 'entity' && value.id !== claim.claimant) assertions.push({ key: property.key, kind: 'actor', value: `@${value.id}` });
      else if (property.type === 'count' && value.type !== 'unknown') assertions.push({ key: property.key, kind: 'count' });
    }
    if (assertions.length > 0) claims.push({ terms: (termsOfClaim ??= claimTermsReader(registry, facts))(claim), assertions });
  }
  return claims;
}

/**
 * A report's claims as the index holds them, read once per reading of the
 * report and of the desk's `vague:` table, the one part of corroborate.yaml
 * their words depend on: an alias edit keeps them (their words are read
 * again from the text, which costs 2 s at 10,000 reports). Each claim is a
 * slot of the index.
 */
interface IndexedReport {
  readonly facts: DocumentFacts;
  readonly vague: string;
  readonly language: string;
  readonly slots: readonly number[];
}

/**
 * The index of a corpus's claims by language, kept up to date as the model
 * is: an edit re-reads its own report (Corpus.changedSince), not the 50,000
 * claims of a newsroom's corpus, whose words are read again from the text.
 * Each claim is a slot: its terms and assertions as ordinals of the index's
 * vocabulary, packed, and its length as a vector; the postings find the
 * slots by term, in the order the claims came in.
 */
class NeighbourIndex {
  private revision = -1;
  private registry: Registry | undefined;
  private vague: string | undefined;
  private readonly byFile = new Map<string, IndexedReport>();
  /**
   * Language → term → the slots of the claims holding it, in the order they
   * came: an array of small integers, 8 bytes a slot, where a `Set` took
   * about three times as much (its hash table, and its room to grow).
   */
  private readonly byLanguage = new Map<string, Map<string, number[]>>();
  private readonly vocabulary = new Vocabulary();
  /** By slot (a list's handle): the claim's term count and terms, then its assertion count and assertions, outside V8's heap. */
  private readonly claims = new PackedLists();
  /** By slot: the claim's length as a vector, and the model generation it was computed for (rarities move only when the desk's claims do). */
  private readonly norms: number[] = [];
  private readonly normGenerations: number[] = [];

  postingsOf(corpus: Corpus, language: string): ReadonlyMap<string, readonly number[]> | undefined {
    if (corpus.revision !== this.revision || corpus.registry !== this.registry) this.update(corpus);
    return this.byLanguage.get(language);
  }

  /** A claim's length as a vector, computed once per model generation. */
  normOf(model: CueModel, slot: number): number {
    if (this.normGenerations[slot] !== model.generation) {
      this.norms[slot] = vectorLength(model, this.read(slot).terms.map((term) => this.vocabulary.text(term)));
      this.normGenerations[slot] = model.generation;
    }
    return this.norms[slot];
  }

  /** What a claim asserts, in the order it asserts it. */
  assertionsOf(slot: number): Assertion[] {
    return this.read(slot).assertions.map((assertion) => assertionOf(this.vocabulary.text(assertion)));
  }

  /** A slot's claim, as ordinals. */
  private read(slot: number): { readonly terms: readonly number[]; readonly assertions: readonly number[] } {
    const read = this.claims.reader(slot);
    const terms = read.list(read.next());
    return { terms, assertions: read.list(read.next()) };
  }

  private update(corpus: Corpus): void {
    // A registry edit that keeps the reports' facts (an alias) and the `vague:` table keeps every claim's words: only the reports
    // edited since need a look. One that re-reads the reports makes the corpus forget which changed (changedSince is undefined).
    const vague = vagueKeyOf(corpus.registry);
    const changed = this.registry === corpus.registry || this.vague === vague ? corpus.changedSince(this.revision) : undefined;
    if (changed === undefined) {
      // Every report looked at again (a new `vague:` table, or more edits than the corpus remembers): those whose claims stand are passed over.
      const held = new Set<string>();
      for (const facts of corpus.allFacts()) {
        held.add(facts.file);
        this.put(corpus.registry, facts.file, facts);
      }
      for (const file of [...this.byFile.keys()]) if (!held.has(file)) this.put(corpus.registry, file, undefined);
    } else {
      for (const file of changed) this.put(corpus.registry, file, corpus.document(file));
    }
    this.revision = corpus.revision;
    this.registry = corpus.registry;
    this.vague = vague;
  }

  /** A report's claims in place of those the index had of it (none when the report is gone). */
  private put(registry: Registry, file: string, facts: DocumentFacts | undefined): void {
    const old = this.byFile.get(file);
    const vague = vagueKeyOf(registry);
    if (old !== undefined && old.facts === facts && old.vague === vague) return;
    const claims = facts === undefined ? [] : unlessStale(() => claimsOf(registry, facts));
    if (claims === undefined) return;
    if (old !== undefined) for (const slot of old.slots) this.remove(old.language, slot);
    if (facts === undefined || claims.length === 0) {
      this.byFile.delete(file);
      return;
    }
    const language = facts.frontMatter.language ?? '';
    this.byFile.set(file, { facts, vague, language, slots: claims.map((claim) => this.add(language, claim)) });
  }

  private add(language: string, claim: DeskClaim): number {
    const terms = claim.terms.map((term) => this.vocabulary.hold(term));
    const assertions = claim.assertions.map((assertion) => this.vocabulary.hold(assertionKey(assertion)));
    const slot = this.claims.add([terms.length, ...terms, assertions.length, ...assertions]);
    this.norms[slot] = 0;
    this.normGenerations[slot] = -1;
    const postings = this.postingsIn(language);
    for (const term of terms) {
      const text = this.vocabulary.text(term);
      const slots = postings.get(text);
      if (slots === undefined) postings.set(text, [slot]);
      // A term a claim holds twice is posted once, as a set holds it.
      else if (slots[slots.length - 1] !== slot) slots.push(slot);
    }
    return slot;
  }

  private postingsIn(language: string): Map<string, number[]> {
    let postings = this.byLanguage.get(language);
    if (postings === undefined) this.byLanguage.set(language, (postings = new Map<string, number[]>()));
    return postings;
  }

  private remove(language: string, slot: number): void {
    const { terms, assertions } = this.read(slot);
    const postings = this.postingsIn(language);
    for (const term of terms) {
      const text = this.vocabulary.text(term);
      const slots = postings.get(text);
      const at = slots === undefined ? -1 : slots.indexOf(slot);
      if (slots === undefined || at < 0) continue;
      // The slots after it keep their order: the nearest claims' ties follow it. A walk over at most the term's claims of one language.
      slots.splice(at, 1);
      if (slots.length === 0) postings.delete(text);
    }
    for (const ordinal of [...terms, ...assertions]) this.vocabulary.release(ordinal);
    this.claims.free(slot);
  }
}

const indexes = new WeakMap<Corpus, NeighbourIndex>();

function indexOf(corpus: Corpus): NeighbourIndex {
  let index = indexes.get(corpus);
  if (index === undefined) indexes.set(corpus, (index = new NeighbourIndex()));
  return index;
}

/**
 * What the desk's claims nearest a passage's terms assert, most supported
 * first: the values that at least NEIGHBOUR_CLAIMS of them, each at least
 * NEIGHBOUR_SIMILARITY close, assert.
 */
export function neighbourVotes(corpus: Corpus, model: CueModel, language: string | undefined, terms: readonly string[]): NeighbourVote[] {
  if (terms.length === 0) return [];
  const index = indexOf(corpus);
  const postings = index.postingsOf(corpus, language ?? '');
  if (postings === undefined) return [];
  const weight = (term: string) => model.rarity(term);
  // The passage as a vector over the words of the desk's claims: a word none of them holds says nothing of which are near
  // (as a TF-IDF vectorizer leaves out words outside its vocabulary), and would make a long sentence far from every claim.
  const passageNorm = vectorLength(model, terms.filter((term) => postings.has(term)));
  if (passageNorm === 0) return [];
  const dot = new Map<number, number>();
  for (const term of terms) {
    const list = postings.get(term);
    if (list === undefined || list.length > MAX_POSTINGS) continue;
    const w = weight(term) ** 2;
    if (w === 0) continue;
    for (const slot of list) dot.set(slot, (dot.get(slot) ?? 0) + w);
  }
  const near = [...dot]
    .map(([slot, product]) => ({ slot, similarity: product / (passageNorm * index.normOf(model, slot)) }))
    .filter((neighbour) => neighbour.similarity >= NEIGHBOUR_SIMILARITY)
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, NEAREST);
  const votes = new Map<string, { key: string; kind: NeighbourVote['kind']; value?: string; claims: number; score: number }>();
  for (const { slot, similarity } of near) {
    for (const assertion of new Map(index.assertionsOf(slot).map((a) => [`${a.key}\u0000${a.value ?? ''}`, a])).values()) {
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
