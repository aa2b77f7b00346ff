// What the corpus teaches the assist: for each property, enum value and
// event, the words its annotated claims contain — near the value for counts,
// dates and entity values, in the whole claim for enum values, events and
// declined figures — counted over claims, and discounted by how many claims
// of any kind hold the word (a word every claim has tells nothing). A word's
// weight for a target is p(word | target's claims) × log(1 + N / df(word)).
//
// The model is kept beside a corpus and updated from the documents that
// changed since it was last asked (compared by identity: the corpus replaces
// a document's facts when its text changes), so asking for one open
// document's suggestions while typing costs a pass over the corpus's map of
// documents and the re-reading of the one that changed. Each document's
// share is computed once per facts object.

import type { Corpus } from '../corpus';
import type { Assertion, Claim, DocumentFacts } from '../document';
import { readCounts } from '../read/counts';
import { readDates } from '../read/dates';
import type { ReadOptions } from '../read/languages';
import { readWords, type Words } from '../read/words';
import { foldText } from '../aliases';
import type { Registry } from '../registry';
import { readValue, valueKey } from '../values';
import { neighbourhood, termsOf, wordIndexAt, type WeightedTerm } from './terms';
import { markupWithin, spansWithin } from './units';

/** What one document adds to the model. */
interface Share {
  /** Each claim's words (folded, as a key) and distinct terms, for the document frequency. */
  readonly claimTerms: readonly (readonly [string, readonly string[]])[];
  /** Each observation: its target, the claim's words (as a key) and its distinct terms. */
  readonly observations: readonly (readonly [string, string, readonly string[]])[];
  /** Text property → values as annotated (folded), for finding them again. */
  readonly textValues: readonly (readonly [string, string, string])[];
  /** Entity property of actors → whether the value was the claimant. */
  readonly selfValues: readonly (readonly [string, boolean])[];
  /** Each claim's words (as a key), event and the properties it asserts: which events a property's claims are about. */
  readonly eventProperties: readonly (readonly [string, string, string])[];
}

const EVENT_PREFIX = 'event\u0000';

/** Targets: what a passage's words may signal. */
export const target = {
  count: (property: string) => `count\u0000${property}`,
  date: (property: string) => `date\u0000${property}`,
  entity: (property: string) => `entity\u0000${property}`,
  /** An actor property whose value is the claimant itself ("by=@x attacker=@x"). */
  self: (property: string) => `self\u0000${property}`,
  value: (property: string, value: string) => `enum\u0000${property}\u0000${value}`,
  declined: (property: string) => `declined\u0000${property}`,
  event: (event: string) => `${EVENT_PREFIX}${event}`,
};

/** The read options of a document, with the desk's vague table. */
export function readOptionsOf(registry: Registry, facts: DocumentFacts): ReadOptions {
  const { language, published } = facts.frontMatter;
  const vague = deskVague(registry);
  return { ...(language !== undefined ? { language } : {}), ...(published !== undefined ? { published } : {}), ...(vague !== undefined ? { vague } : {}) };
}

const vagueTables = new WeakMap<Registry, ReadonlyMap<string, string> | undefined>();

/** corroborate.yaml's `vague:` table, phrase → count as written, for the value readers; undefined when it has none. */
export function deskVague(registry: Registry): ReadonlyMap<string, string> | undefined {
  if (!vagueTables.has(registry)) {
    vagueTables.set(registry, registry.vague.size === 0 ? undefined : new Map([...registry.vague.values()].map((entry) => [entry.phrase, entry.written])));
  }
  return vagueTables.get(registry);
}

/** A claim's text as the readers read it, and the mentions nested in it. */
export interface ClaimText {
  readonly words: Words;
  readonly mentions: readonly { readonly start: number; readonly end: number; readonly ids: readonly string[] }[];
}

export function claimText(facts: DocumentFacts, claim: Claim): ClaimText {
  const span = claim.span;
  const start = span.start + 1;
  const end = span.close;
  const words = readWords({ text: facts.text, start, end, markup: markupWithin(facts.parsed, start, end) });
  const mentions = spansWithin(facts.parsed, start, end).flatMap((nested) =>
    nested.block.kind === 'mention' ? [{ start: nested.start, end: nested.end, ids: nested.block.refs.map((ref) => ref.id) }] : [],
  );
  return { words, mentions };
}

/** The words of a claim near the words that give one of its values, or undefined when no reader gives that value. */
function valueNeighbourhood(text: ClaimText, assertion: Assertion, options: ReadOptions): WeightedTerm[] | undefined {
  const { property } = assertion;
  const readings = property.type === 'count' ? readCounts(text.words, options) : readDates(text.words, options);
  for (const reading of readings) {
    if (reading.value === null) continue;
    const read = readValue(property, reading.value, undefined);
    if (!read.ok || valueKey(read.value) !== assertion.valueKey) continue;
    return neighbourhood(text.words, wordIndexAt(text.words, reading.start), wordIndexAt(text.words, reading.end), text.mentions).terms;
  }
  return undefined;
}

/** The folded form under which a text value is found again. */
export function foldedPhrase(text: string): string {
  return foldText(text).folded.replace(/\s+/gu, ' ').trim();
}

function shareOf(registry: Registry, facts: DocumentFacts): Share {
  const claimTerms: [string, string[]][] = [];
  const observations: [string, string, string[]][] = [];
  const textValues: [string, string, string][] = [];
  const selfValues: [string, boolean][] = [];
  const eventProperties: [string, string, string][] = [];
  const options = readOptionsOf(registry, facts);
  const names = (terms: readonly WeightedTerm[]) => terms.map((t) => t.term);
  for (const claim of facts.claims) {
    const text = claimText(facts, claim);
    // Names and figures are no cue of what a claim is about: its other words are.
    const whole = names(termsOf(text.words, [...text.mentions, ...readCounts(text.words, options), ...readDates(text.words, options)]));
    // A claim's words as a key: a republished claim, or one span claimed for two events, counts once.
    const said = text.words.list.map((word) => word.text).join(' ');
    const observe = (name: string, terms: string[]) => observations.push([name, said, terms]);
    claimTerms.push([said, whole]);
    if (claim.event !== undefined) {
      observe(target.event(claim.event), whole);
      for (const key of new Set(claim.assertions.map((assertion) => assertion.property.key))) eventProperties.push([said, claim.event, key]);
    }
    for (const assertion of claim.assertions) {
      const { property, value } = assertion;
      const key = property.key;
      if (value.type === 'unknown') {
        observe(target.declined(key), whole);
        continue;
      }
      switch (property.type) {
        case 'count':
        case 'date': {
          const near = valueNeighbourhood(text, assertion, options);
          if (near !== undefined) observe(property.type === 'count' ? target.count(key) : target.date(key), names(near));
          break;
        }
        case 'enum':
          if (value.type === 'enum') observe(target.value(key, value.value), whole);
          break;
        case 'entity': {
          if (value.type !== 'entity') break;
          if (property.kind === 'actor') selfValues.push([key, value.id === claim.claimant]);
          if (value.id === claim.claimant) {
            observe(target.self(key), whole);
            break;
          }
          const mention = text.mentions.find((m) => m.ids.includes(value.id));
          if (mention === undefined) break;
          const first = wordIndexAt(text.words, mention.start);
          const next = wordIndexAt(text.words, mention.end);
          observe(target.entity(key), names(neighbourhood(text.words, first, next, text.mentions).terms));
          break;
        }
        case 'text':
          if (value.type === 'text' && value.text.length > 0) textValues.push([key, foldedPhrase(value.text), value.text]);
          break;
      }
    }
  }
  return { claimTerms, observations, textValues, selfValues, eventProperties };
}

/**
 * What a share reads of the registry besides the facts (whose assertions
 * carry their properties): the `vague:` table. Two registries with the same
 * key teach the same shares, so an edit elsewhere in corroborate.yaml (an
 * alias) reads no claim again.
 */
function shareKeyOf(registry: Registry): string {
  let key = shareKeys.get(registry);
  if (key === undefined) shareKeys.set(registry, (key = JSON.stringify([...(deskVague(registry) ?? [])])));
  return key;
}

const shareKeys = new WeakMap<Registry, string>();

const EMPTY_SIGNATURE = JSON.stringify({ claimTerms: [], observations: [], textValues: [], selfValues: [], eventProperties: [] } satisfies Share);

/**
 * What a share teaches, as a string: two shares with one signature teach the
 * same. Written when a document changes, never kept: kept for every
 * document, the signatures were as large as the shares.
 */
function signatureOf(share: Share): string {
  return JSON.stringify(share);
}

/** A word the claims of more events than this hold points to none of them: it is passed over when looking events up. */
const MAX_EVENTS_PER_TERM = 64;

/** How many of the events a property's claims are about are looked at: those beyond hold too small a share to count. */
const MAX_EVENTS_PER_PROPERTY = 16;

/** Added to a term's claim count when weighing it, so that a word seen once is no proof. */
const SHRINK = 2;

/** One term's evidence for a target. */
export interface Evidence {
  readonly weight: number;
  readonly term?: string;
}

/**
 * Evidence summed with diminishing returns, strongest first (1, 1/2, 1/4…):
 * two good cues beat one, but a long sentence of weak ones does not add up
 * to a cue.
 */
export function combine(evidence: readonly Evidence[]): number {
  const sorted = [...evidence].sort((a, b) => b.weight - a.weight);
  let total = 0;
  let factor = 1;
  for (const item of sorted) {
    total += factor * item.weight;
    factor /= 2;
  }
  return total;
}

/** Terms rarer than this say something about an event; commoner ones are passed over when looking events up. */
const MIN_RARITY = 0.3;

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** The cues the corpus teaches, summed over its documents. */
export class CueModel {
  private revision = -1;
  private lessons = 0;
  private registry: Registry | undefined;
  /**
   * The facts each document's share was taken from. The shares themselves
   * are not kept (for 10,000 reports they were 60 MB of words): a changed
   * document's old share is read again from its old facts to be taken off.
   */
  private readonly included = new Map<string, DocumentFacts>();
  private claims = 0;
  private readonly documentFrequency = new Map<string, number>();
  private readonly observed = new Map<string, number>();
  private readonly termCounts = new Map<string, Map<string, number>>();
  private readonly texts = new Map<string, Map<string, { count: number; written: string }>>();
  private readonly selfCounts = new Map<string, { self: number; all: number }>();
  /** Property → event → how many claims about the event assert the property. */
  private readonly propertyEvents = new Map<string, Map<string, number>>();
  /** The events most of a property's claims are about, computed when asked for, dropped by any change. */
  private readonly topEvents = new Map<string, readonly { readonly event: string; readonly share: number }[]>();
  /** How many copies of each claim's words and of each observation the corpus holds. */
  private readonly claimCopies = new Map<string, number>();
  private readonly observationCopies = new Map<string, number>();
  /** Term → event → how many of the event's claims hold the term: an event's words, looked up from the passage's. */
  private readonly eventPostings = new Map<string, Map<string, number>>();

  /** A model that has read no claim: the desk's and built-in cues alone then tie values. */
  static readonly untaught = new CueModel();

  /** The model of a corpus as it stands now. */
  static of(corpus: Corpus): CueModel {
    let model = models.get(corpus);
    if (model === undefined) models.set(corpus, (model = new CueModel()));
    model.update(corpus);
    return model;
  }

  /**
   * A number that moves only when what the model teaches changes — a
   * document's claims, the registry — and not with the other words of a
   * report: what is computed from the model stays current while it stays
   * the same.
   */
  get generation(): number {
    return this.lessons;
  }

  private update(corpus: Corpus): void {
    if (corpus.revision === this.revision && corpus.registry === this.registry) return;
    if (corpus.registry !== this.registry) {
      this.lessons++;
      // The shares stand while what they read of the registry does (shareKeyOf): an alias edit keeps them.
      if (this.registry !== undefined && shareKeyOf(corpus.registry) !== shareKeyOf(this.registry)) {
        for (const facts of this.included.values()) this.apply(shareOf(this.registry, facts), -1);
        this.included.clear();
      }
      this.registry = corpus.registry;
    }
    let documents = 0;
    for (const facts of corpus.allFacts()) {
      documents++;
      const included = this.included.get(facts.file);
      if (included === facts) continue;
      // Read with the registry of now, which reads them as the one they were added with (shareKeyOf).
      const before = included === undefined ? undefined : shareOf(corpus.registry, included);
      if (before !== undefined) this.apply(before, -1);
      const share = shareOf(corpus.registry, facts);
      if (signatureOf(share) !== (before === undefined ? EMPTY_SIGNATURE : signatureOf(before))) this.lessons++;
      this.apply(share, 1);
      this.included.set(facts.file, facts);
    }
    // Documents the corpus no longer holds; looked for only when some are gone.
    if (this.included.size > documents) {
      for (const [file, included] of this.included) {
        if (corpus.document(file) !== undefined) continue;
        const share = shareOf(corpus.registry, included);
        this.apply(share, -1);
        if (signatureOf(share) !== EMPTY_SIGNATURE) this.lessons++;
        this.included.delete(file);
      }
    }
    this.revision = corpus.revision;
  }

  private apply(share: Share, sign: 1 | -1): void {
    for (const [said, terms] of share.claimTerms) {
      if (!this.counted(this.claimCopies, said, sign)) continue;
      this.claims += sign;
      for (const term of terms) bump(this.documentFrequency, term, sign);
    }
    for (const [name, said, terms] of share.observations) {
      if (!this.counted(this.observationCopies, `${name}\u0001${said}`, sign)) continue;
      bump(this.observed, name, sign);
      let counts = this.termCounts.get(name);
      if (counts === undefined) this.termCounts.set(name, (counts = new Map<string, number>()));
      for (const term of terms) bump(counts, term, sign);
      if (!name.startsWith(EVENT_PREFIX)) continue;
      const event = name.slice(EVENT_PREFIX.length);
      for (const term of terms) {
        let events = this.eventPostings.get(term);
        if (events === undefined) this.eventPostings.set(term, (events = new Map<string, number>()));
        bump(events, event, sign);
        if (events.size === 0) this.eventPostings.delete(term);
      }
    }
    for (const [property, folded, written] of share.textValues) {
      let values = this.texts.get(property);
      if (values === undefined) this.texts.set(property, (values = new Map<string, { count: number; written: string }>()));
      const entry = values.get(folded) ?? { count: 0, written };
      entry.count += sign;
      if (entry.count <= 0) values.delete(folded);
      else values.set(folded, entry);
    }
    for (const [said, event, property] of share.eventProperties) {
      if (!this.counted(this.observationCopies, `${event}\u0001${property}\u0001${said}`, sign)) continue;
      let events = this.propertyEvents.get(property);
      if (events === undefined) this.propertyEvents.set(property, (events = new Map<string, number>()));
      bump(events, event, sign);
    }
    this.topEvents.clear();
    for (const [property, self] of share.selfValues) {
      const entry = this.selfCounts.get(property) ?? { self: 0, all: 0 };
      entry.all += sign;
      if (self) entry.self += sign;
      this.selfCounts.set(property, entry);
    }
  }

  /**
   * Counts one more (or one fewer) copy of something; true when that makes
   * it appear (or disappear), the only times it changes the model.
   */
  private counted(copies: Map<string, number>, key: string, sign: 1 | -1): boolean {
    const before = copies.get(key) ?? 0;
    bump(copies, key, sign);
    return sign === 1 ? before === 0 : before === 1;
  }

  /** How many claims the model has read. */
  get claimCount(): number {
    return this.claims;
  }

  /** How many times a target was observed (claims asserting the property, the value, the event). */
  observations(name: string): number {
    return this.observed.get(name) ?? 0;
  }

  /**
   * How much a term signals a target: how specific the term is to the
   * target's observations (the share of the claims holding it that are
   * the target's, shrunk for rare terms), times how rare it is.
   */
  weight(name: string, term: string): number {
    const count = this.termCounts.get(name)?.get(term);
    if (count === undefined) return 0;
    return (count / ((this.documentFrequency.get(term) ?? 0) + SHRINK)) * this.rarity(term);
  }

  /** What each term says of a target, the strongest first, with the term. */
  evidence(name: string, terms: readonly WeightedTerm[]): Evidence[] {
    const found: Evidence[] = [];
    for (const { term, weight } of terms) {
      const w = weight * this.weight(name, term);
      if (w > 0) found.push({ weight: w, term });
    }
    return found.sort((a, b) => b.weight - a.weight);
  }

  /** What some terms say of each event whose claims hold any of them. */
  eventEvidence(terms: readonly WeightedTerm[]): Map<string, Evidence[]> {
    const found = new Map<string, Evidence[]>();
    for (const { term, weight } of terms) {
      const rarity = this.rarity(term);
      const postings = this.eventPostings.get(term);
      if (rarity < MIN_RARITY || postings === undefined || postings.size > MAX_EVENTS_PER_TERM) continue;
      const frequency = this.documentFrequency.get(term) ?? 0;
      for (const [event, count] of postings) {
        let list = found.get(event);
        if (list === undefined) found.set(event, (list = []));
        list.push({ weight: (weight * rarity * count) / (frequency + SHRINK), term });
      }
    }
    for (const list of found.values()) list.sort((a, b) => b.weight - a.weight);
    return found;
  }

  /**
   * The events a property's claims are most about, with their share of
   * them: a toll is claimed about an attack, seldom about a visit.
   */
  eventsAsserting(property: string): readonly { readonly event: string; readonly share: number }[] {
    let top = this.topEvents.get(property);
    if (top === undefined) {
      const events = [...(this.propertyEvents.get(property) ?? [])];
      const total = events.reduce((sum, [, count]) => sum + count, 0);
      top = events
        .sort((a, b) => b[1] - a[1])
        .slice(0, MAX_EVENTS_PER_PROPERTY)
        .map(([event, count]) => ({ event, share: count / total }));
      this.topEvents.set(property, top);
    }
    return top;
  }

  /** How rare a term is among the claims: log(N / df), 0 for a term every claim holds. */
  private rarity(term: string): number {
    return Math.max(0, Math.log((this.claims + 1) / (1 + (this.documentFrequency.get(term) ?? 0))));
  }

  /** The text values annotated for a property, folded, with how they were written and how often. */
  textValues(property: string): ReadonlyMap<string, { readonly count: number; readonly written: string }> {
    return this.texts.get(property) ?? new Map();
  }

  /** Of the claims giving an actor property, the share whose value is the claimant ("by=@x attacker=@x"), or undefined when none does. */
  selfShare(property: string): number | undefined {
    const entry = this.selfCounts.get(property);
    return entry === undefined || entry.all === 0 ? undefined : entry.self / entry.all;
  }
}

const models = new WeakMap<Corpus, CueModel>();
