// What the corpus teaches the assist: for each property, enum value and
// event, the words its annotated claims contain — near the value for counts,
// dates and entity values, in the whole claim for enum values, events and
// declined figures, and with the parties they name for what a claim of an
// enum or actor property is about — counted over claims, and discounted by how many claims
// of any kind hold the word (a word every claim has tells nothing). A word's
// weight for a target is p(word | target's claims) × log(1 + N / df(word)).
//
// The model is kept beside a corpus and updated from the documents that
// changed since it last learnt: those the corpus names (Corpus.changedSince)
// after an edit or a registry edit that keeps the documents' facts and the
// `vague:` table (an alias), else, after a registry edit that re-reads the
// facts or changes that table, found by a pass that compares every
// document's facts by identity (the corpus replaces a document's facts
// when its text changes). Each document's share is
// computed once per facts object and desk `vague:` table, so a registry edit
// that leaves the documents' facts as they were teaches nothing new; and
// what a claim's own words give (its terms, the values read and the terms
// near them) is kept per parsed text, so a registry edit that re-reads
// every document's facts re-derives the shares from those readings instead
// of reading every claim again. Learning goes document by document and may stop between any two
// (`learnSome`): the language server learns in slices between requests,
// and `of` learns all at once for the CLI.

import type { Corpus } from '../corpus';
import { assertionsOf, type Assertion, type Claim } from '../claims';
import type { DocumentFacts } from '../document';
import { unlessStale } from '../texts';
import { readCounts, readDurations, type CountReading, type DurationUnit } from '../read/counts';
import { readDates, type DateReading } from '../read/dates';
import type { ReadOptions } from '../read/languages';
import { readWords, type Words } from '../read/words';
import { foldText } from '../aliases';
import type { PropertyEntry, Registry } from '../registry';
import { parseDocument } from '../parser';
import type { ParsedDocument } from '../syntax';
import { readValue, valueKey } from '../values';
import { PackedLists, type PackedReader, PairTable, TextVocabulary, Vocabulary } from './packed';
import { keyWords } from './lexicon';
import { neighbourhood, termsOf, wordIndexAt, type WeightedTerm } from './terms';
import { markupWithin, spansWithin } from './units';

/**
 * What one document adds to the model: its claims' strings (terms,
 * targets, events, property keys) as ordinals of the model's `Vocabulary`,
 * and their words as ordinals of its `TextVocabulary`, as one list of the
 * model's `PackedLists` (outside V8's heap) in four sections, each a count
 * and then its entries:
 * - each claim: its words (as a key, so that a republished claim, or one
 *   span claimed for two events, counts once), its claimant where its words
 *   do not name it (ordinal + 1, or 0), its term count and terms (with the
 *   parties it names), for the document frequency;
 * - each observation: its target, the claim's words, the claimant as above
 *   (for the targets that learn the parties), its term count and terms;
 * - each claim's event and the properties it asserts (which events a
 *   property's claims are about): the claim's words, the (event, property)
 *   pair as one key, the event, the property;
 * - each claim of an actor property: the property, and 1 when its value is
 *   the claimant, else 0.
 */
interface Share {
  /** The share's list in the model's PackedLists, or NO_CODES for a share that teaches nothing. */
  readonly codes: number;
  /** Text property → values as annotated (folded), for finding them again: few, kept as written. */
  readonly textValues: readonly (readonly [string, string, string])[];
}

const NO_TEXT_VALUES: Share['textValues'] = [];

/** The codes of a share that teaches nothing: four empty sections, kept in no list. */
const NO_CODES = -1;

/** The share of a document that teaches nothing. */
const EMPTY_SHARE: Share = { codes: NO_CODES, textValues: NO_TEXT_VALUES };

/**
 * A document's share as the model keeps it, with the facts and desk
 * `vague:` table it was computed from: one object a document, where a
 * record and its share were two (0.3 MB at 10,000 reports).
 */
interface Included extends Share {
  readonly facts: DocumentFacts;
  readonly vague: string;
}

/** What a share holds, section by section, as `readShare` hands it over. */
interface ShareVisitor {
  /** `claimant`: the claimant's party term when the claim's words do not name it, else -1. */
  claim(said: number, claimant: number, terms: readonly number[]): void;
  observation(target: number, said: number, claimant: number, terms: readonly number[]): void;
  eventProperty(said: number, key: number, event: number, property: number): void;
  selfValue(property: number, self: boolean): void;
}

/**
 * A list of terms in a share: twice its length and then its terms, or, for
 * a list the share wrote before (a claim's terms, written again for each
 * target it teaches), its number among the lists of the claims' section
 * (times four, plus one) or of the observations' (times four, plus three).
 * The same lists of ordinals are written the same: two shares teach the
 * same when their codes are equal.
 */
function listHeader(length: number): number {
  return 2 * length;
}

function claimListHeader(index: number): number {
  return 4 * index + 1;
}

function observationListHeader(index: number): number {
  return 4 * index + 3;
}

/** Reads a list as `listHeader` and the others wrote it; a list read before is handed over again, not copied. */
function readList(read: PackedReader, lists: readonly (readonly number[])[][]): readonly number[] {
  const header = read.next();
  if (header % 2 === 1) return lists[(header % 4) >> 1][header >> 2];
  return read.list(header / 2);
}

/** Walks a share's sections in the order they were written: the one reading of the layout, for learning and for letting go. */
function readShare(shareLists: PackedLists, codes: number, visit: ShareVisitor): void {
  if (codes === NO_CODES) return;
  const read = shareLists.reader(codes);
  const claimLists: (readonly number[])[] = [];
  const observationLists: (readonly number[])[] = [];
  const lists = [claimLists, observationLists];
  for (let n = read.next(); n > 0; n--) {
    const said = read.next();
    const claimant = read.next() - 1;
    const terms = readList(read, lists);
    claimLists.push(terms);
    visit.claim(said, claimant, terms);
  }
  for (let n = read.next(); n > 0; n--) {
    const target = read.next();
    const said = read.next();
    const claimant = read.next() - 1;
    const terms = readList(read, lists);
    observationLists.push(terms);
    visit.observation(target, said, claimant, terms);
  }
  for (let n = read.next(); n > 0; n--) visit.eventProperty(read.next(), read.next(), read.next(), read.next());
  for (let n = read.next(); n > 0; n--) visit.selfValue(read.next(), read.next() === 1);
}

/**
 * Writes a share's sections as `readShare` reads them, holding each string
 * it names in the vocabulary, and each claim's words in the vocabulary of
 * words (`said`: its ordinals are of that vocabulary, not of the other).
 */
class ShareWriter {
  private readonly claims: number[] = [];
  private readonly observations: number[] = [];
  private readonly eventProperties: number[] = [];
  private readonly selfValues: number[] = [];
  private readonly counts = [0, 0, 0, 0];
  /** Each section's lists by their ordinals joined, → their number in the section: a list written again is written as that number. */
  private readonly claimLists = new Map<string, number>();
  private readonly observationLists = new Map<string, number>();
  private claimListCount = 0;
  private observationListCount = 0;
  /** The words held last and their ordinal: a claim's entries follow one another, and each holds its words once more. */
  private lastSaid: { readonly text: string; readonly ordinal: number } | undefined;

  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly saids: TextVocabulary,
  ) {}

  claim(said: string, terms: readonly string[], claimant?: string): void {
    this.counts[0]++;
    this.claims.push(this.holdSaid(said), this.claimantCode(claimant));
    const [key, ordinals] = this.holdList(terms);
    const before = this.claimLists.get(key);
    if (before === undefined) this.claimLists.set(key, this.claimListCount);
    this.claimListCount++;
    this.addList(this.claims, before === undefined ? undefined : claimListHeader(before), ordinals);
  }

  observation(target: string, said: string, terms: readonly string[], claimant?: string): void {
    this.counts[1]++;
    this.observations.push(this.vocabulary.hold(target), this.holdSaid(said), this.claimantCode(claimant));
    const [key, ordinals] = this.holdList(terms);
    const claimList = this.claimLists.get(key);
    const before = this.observationLists.get(key);
    if (before === undefined) this.observationLists.set(key, this.observationListCount);
    this.observationListCount++;
    const header = claimList !== undefined ? claimListHeader(claimList) : before !== undefined ? observationListHeader(before) : undefined;
    this.addList(this.observations, header, ordinals);
  }

  eventProperty(said: string, event: string, property: string): void {
    this.counts[2]++;
    this.eventProperties.push(this.holdSaid(said), this.vocabulary.hold(`${event}\u0001${property}`), this.vocabulary.hold(event), this.vocabulary.hold(property));
  }

  selfValue(property: string, self: boolean): void {
    this.counts[3]++;
    this.selfValues.push(this.vocabulary.hold(property), self ? 1 : 0);
  }

  /** The share's list, added to `lists`. */
  codes(lists: PackedLists): number {
    const [claims, observations, eventProperties, selfValues] = this.counts;
    return lists.add([claims, ...this.claims, observations, ...this.observations, eventProperties, ...this.eventProperties, selfValues, ...this.selfValues]);
  }

  private holdSaid(said: string): number {
    if (this.lastSaid?.text === said) {
      this.saids.holdAgain(this.lastSaid.ordinal);
      return this.lastSaid.ordinal;
    }
    const ordinal = this.saids.hold(said);
    this.lastSaid = { text: said, ordinal };
    return ordinal;
  }

  /** The claimant's ordinal plus one, or 0 for none. */
  private claimantCode(claimant: string | undefined): number {
    return claimant === undefined ? 0 : this.vocabulary.hold(claimant) + 1;
  }

  /** The terms' ordinals, each term held once more (however the list is written), and the ordinals joined, as a key. */
  private holdList(terms: readonly string[]): [string, number[]] {
    const ordinals = terms.map((term) => this.vocabulary.hold(term));
    return [ordinals.join(' '), ordinals];
  }

  /**
   * A list as its header (listHeader, or a list written before) and, when
   * written anew, its ordinals one at a time: a claim over a whole long
   * report has thousands of terms, too many to pass as arguments.
   */
  private addList(section: number[], before: number | undefined, ordinals: readonly number[]): void {
    if (before !== undefined) {
      section.push(before);
      return;
    }
    section.push(listHeader(ordinals.length));
    for (const ordinal of ordinals) section.push(ordinal);
  }
}

/**
 * Whether two shares teach the same: written over one vocabulary while both
 * are held, the same strings have the same ordinals. A share written has a
 * claim, so its list is never the empty share's four zeros.
 */
function sameShare(lists: PackedLists, a: Share, b: Share): boolean {
  const sameCodes = a.codes === b.codes || (a.codes !== NO_CODES && b.codes !== NO_CODES && lists.equal(a.codes, b.codes));
  return sameCodes && a.textValues.length === b.textValues.length && a.textValues.every((entry, k) => entry.every((part, p) => part === b.textValues[k][p]));
}

/** Every string a share names, used once less, and its list let go. */
function releaseShare(vocabulary: Vocabulary, saids: TextVocabulary, lists: PackedLists, share: Share): void {
  const release = (ordinal: number) => vocabulary.release(ordinal);
  readShare(lists, share.codes, {
    claim: (said, claimant, terms) => {
      saids.release(said);
      [...(claimant >= 0 ? [claimant] : []), ...terms].forEach(release);
    },
    observation: (target, said, claimant, terms) => {
      saids.release(said);
      [target, ...(claimant >= 0 ? [claimant] : []), ...terms].forEach(release);
    },
    eventProperty: (said, key, event, property) => {
      saids.release(said);
      [key, event, property].forEach(release);
    },
    selfValue: (property) => release(property),
  });
  if (share.codes !== NO_CODES) lists.free(share.codes);
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
  /** An enum or actor property, whatever its value: what its claims speak of, their words and the parties they name. */
  property: (property: string) => `property\u0000${property}`,
  /** The party an actor property's claims give as its value (partyTerm), and the parties those claims name besides their claimant. */
  partyValue: (property: string) => `party-value\u0000${property}`,
  partyNamed: (property: string) => `party-named\u0000${property}`,
  /** The party an actor property's claims give as their value where they name another party but not it (recordedTerm): "[EIGS]" recorded as `@islamic-state`. */
  recordedAs: (property: string) => `recorded-as\u0000${property}`,
  /** A built-in cue of a stance (an accusation, a denial) for an enum value that affirms or denies. */
  stance: (property: string, value: string) => `stance\u0000${property}\u0000${value}`,
  declined: (property: string) => `declined\u0000${property}`,
  event: (event: string) => `${EVENT_PREFIX}${event}`,
};

/**
 * A party a claim or a passage names, as a term: which parties a claim
 * names tells what it is about ("[Dan Na Ambassagou]" in the claims of
 * `dna-involved`), where its words alone (an accusation, a denial) do not.
 */
export function partyTerm(id: string): string {
  return `@${id}`;
}

/** A party named in a claim and the value the claim gives instead of it, as one term of `target.recordedAs`. */
function recordedTerm(named: string, value: string): string {
  return `@${named}\u0000@${value}`;
}

/** The read options of a document, with the desk's vague table. */
export function readOptionsOf(registry: Registry, facts: DocumentFacts): ReadOptions {
  const { language, published } = facts.frontMatter;
  const vague = deskVague(registry);
  // Each field set as it is there, not spread from an object made for it: the value check asks this of every report it reads.
  const options: { -readonly [K in keyof ReadOptions]: ReadOptions[K] } = {};
  if (language !== undefined) options.language = language;
  if (published !== undefined) options.published = published;
  if (vague !== undefined) options.vague = vague;
  return options;
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

/** `tree`: the document's, parsed from `facts.text`. */
export function claimText(facts: DocumentFacts, tree: ParsedDocument, claim: Claim): ClaimText {
  const start = claim.start + 1;
  const end = claim.close;
  const words = readWords({ text: facts.text, start, end, markup: markupWithin(tree, start, end) });
  const mentions = spansWithin(tree, start, end).flatMap((nested) =>
    nested.block.kind === 'mention' ? [{ start: nested.start, end: nested.end, ids: nested.block.refs.map((ref) => ref.id) }] : [],
  );
  return { words, mentions };
}

/** The words near the words that give one of a claim's values, or undefined when no reader gives that value. */
/** Names of the unit of a count of days or of hours, in a key's parts or its `measure:`. */
const DURATION_UNIT_NAMES: ReadonlyMap<string, DurationUnit> = new Map([
  ...['days', 'day', 'jours', 'jour'].map((name) => [name, 'days'] as const),
  ...['hours', 'hour', 'heures', 'heure'].map((name) => [name, 'hours'] as const),
]);

/** The unit a desk counts a property in, if a duration: `mourning-days`, `duration-hours`, or `measure: days`. */
export function durationUnitOf(property: PropertyEntry): DurationUnit | undefined {
  // Remembered per property: the passage read asks it of every count property at every passage, and the key's words are split to answer.
  const known = durationUnits.get(property);
  if (known !== undefined) return known === NO_DURATION ? undefined : known;
  const unit = readDurationUnit(property);
  durationUnits.set(property, unit ?? NO_DURATION);
  return unit;
}

const NO_DURATION = 'none';
const durationUnits = new WeakMap<PropertyEntry, DurationUnit | typeof NO_DURATION>();

function readDurationUnit(property: PropertyEntry): DurationUnit | undefined {
  for (const name of [...keyWords(property.key), property.measure?.value.toLowerCase()]) {
    const unit = name === undefined ? undefined : DURATION_UNIT_NAMES.get(name);
    if (unit !== undefined) return unit;
  }
  return undefined;
}

function valueNeighbourhood(read: ClaimWords, assertion: Assertion): readonly string[] | undefined {
  const { property } = assertion;
  // A count of hours is read from its claims' durations, which the count reader passes over as measures.
  const readings = property.type === 'date' ? read.dates : durationUnitOf(property) === 'hours' ? [...read.counts, ...read.hours] : read.counts;
  for (const { value, near } of readings) {
    const reading = readValue(property, value, undefined);
    if (reading.ok && valueKey(reading.value) === assertion.valueKey) return near;
  }
  return undefined;
}

/** A value a claim's words give (as the markup writes it), and the terms near it. */
interface ValueNear {
  readonly value: string;
  readonly near: readonly string[];
}

/**
 * What a claim's own words give, whatever the registry says of its
 * properties: all the share needs of them, and no more (the words
 * themselves are not kept).
 */
interface ClaimWords {
  /** Its words as a key: a republished claim, or one span claimed for two events, counts once. */
  readonly said: string;
  /** Its distinct terms, names and figures left out. */
  readonly whole: readonly string[];
  readonly counts: readonly ValueNear[];
  /** Its durations, in hours. */
  readonly hours: readonly ValueNear[];
  readonly dates: readonly ValueNear[];
  /** Each nested mention's ids and the terms near it. */
  readonly mentions: readonly { readonly ids: readonly string[]; readonly near: readonly string[] }[];
  /** The parties it names (partyTerm), distinct. */
  readonly parties: readonly string[];
}

/**
 * Each kept tree's claims read, by the claim span's start, for one desk
 * `vague:` table (the only part of the registry the readers read): a
 * registry edit re-reads documents' facts over the same parsed text, and
 * their claims' words need not be read again.
 */
const claimWords = new WeakMap<ParsedDocument, { readonly vague: string; readonly byStart: Map<number, ClaimWords> }>();

/**
 * Reads a document's claims, one after another, for a pass over every
 * document (the cues learnt, the neighbours indexed). Over a tree the
 * corpus keeps, the readings are kept beside it (claimWords); a tree it does
 * not keep is parsed for this pass alone, and its readings are not kept
 * either, so that both die young: kept beside a tree that was let go a few
 * reports later, they still outlived two of V8's scavenges, and learning the
 * cues of 10,000 reports moved about 30 MB of them to the old generation.
 */
function claimReader(facts: DocumentFacts, options: ReadOptions, vague: string): (claim: Claim) => ClaimWords {
  const kept = facts.keptTree();
  if (kept === undefined) {
    const tree = parseDocument(facts.text);
    return (claim) => readClaimWords(facts, tree, claim, options);
  }
  let entry = claimWords.get(kept);
  if (entry?.vague !== vague) claimWords.set(kept, (entry = { vague, byStart: new Map() }));
  const { byStart } = entry;
  return (claim) => {
    let read = byStart.get(claim.start);
    if (read === undefined) byStart.set(claim.start, (read = readClaimWords(facts, kept, claim, options)));
    return read;
  };
}

function readClaimWords(facts: DocumentFacts, tree: ParsedDocument, claim: Claim, options: ReadOptions): ClaimWords {
  const { words, mentions } = claimText(facts, tree, claim);
  const counts = readCounts(words, options);
  const dates = readDates(words, options);
  const near = (start: number, end: number) => neighbourhood(words, wordIndexAt(words, start), wordIndexAt(words, end), mentions).terms.map((t) => t.term);
  const values = (readings: readonly (CountReading | DateReading)[]) =>
    readings.flatMap((reading) => (reading.value === null ? [] : [{ value: reading.value, near: near(reading.start, reading.end) }]));
  // Names and figures are no cue of the words a claim is made of: its other words are.
  const whole = termsOf(words, [...mentions, ...counts, ...dates]).map((t) => t.term);
  return {
    said: words.list.map((word) => word.text).join(' '),
    whole,
    parties: [...new Set(mentions.flatMap((mention) => mention.ids.map(partyTerm)))],
    counts: values(counts),
    hours: values(readDurations(words, options, 'hours')),
    dates: values(dates),
    mentions: mentions.map((mention) => ({ ids: mention.ids, near: near(mention.start, mention.end) })),
  };
}

/** Reads a document's claims' distinct terms, names and figures left out, as the model reads them (see claimReader). */
export function claimTermsReader(registry: Registry, facts: DocumentFacts): (claim: Claim) => readonly string[] {
  const read = claimReader(facts, readOptionsOf(registry, facts), vagueKeyOf(registry));
  return (claim) => read(claim).whole;
}

const vagueKeys = new WeakMap<Registry, string>();

/** The desk's `vague:` table as a key: two registries with the same table read claims' words alike. */
export function vagueKeyOf(registry: Registry): string {
  let key = vagueKeys.get(registry);
  if (key === undefined) vagueKeys.set(registry, (key = JSON.stringify([...(deskVague(registry) ?? [])])));
  return key;
}

/** The folded form under which a text value is found again. */
export function foldedPhrase(text: string): string {
  return foldText(text).folded.replace(/\s+/gu, ' ').trim();
}

/** What a document teaches, written with the model's vocabulary (its strings held until the share is let go). */
function shareOf(registry: Registry, facts: DocumentFacts, vague: string, vocabulary: Vocabulary, saids: TextVocabulary, lists: PackedLists): Share {
  // A report without claims teaches nothing, and is not parsed again.
  if (facts.claims.length === 0) return EMPTY_SHARE;
  // Every claim read before the vocabulary holds anything: a text read again from disk may turn out stale (StaleText).
  const reads = facts.claims.map(claimReader(facts, readOptionsOf(registry, facts), vague));
  const share = new ShareWriter(vocabulary, saids);
  const textValues: [string, string, string][] = [];
  for (const [index, claim] of facts.claims.entries()) {
    const read = reads[index];
    const { said, whole } = read;
    // A claim names its claimant too, by `by=` (or its outlet's) where its words do not.
    const claimant = claim.claimant === undefined ? undefined : partyTerm(claim.claimant);
    const added = claimant === undefined || read.parties.includes(claimant) ? undefined : claimant;
    const parties = added === undefined ? read.parties : [...read.parties, added];
    // The words' terms and the parties they name; the claimant they do not name goes beside them (see CueModel.apply).
    const named = read.parties.length === 0 ? whole : [...whole, ...read.parties];
    const observe = (name: string, terms: readonly string[]) => share.observation(name, said, terms);
    const observeWithParties = (name: string) => share.observation(name, said, named, added);
    // The parties count among a claim's terms for how rare they are: a party every claim names tells nothing.
    share.claim(said, named, added);
    if (claim.event !== undefined) {
      observe(target.event(claim.event), whole);
      for (const key of new Set(assertionsOf(claim).map((assertion) => assertion.property.key))) share.eventProperty(said, claim.event, key);
    }
    for (const assertion of assertionsOf(claim)) {
      const { property, value } = assertion;
      const key = property.key;
      if (value.type === 'unknown') {
        observe(target.declined(key), whole);
        continue;
      }
      switch (property.type) {
        case 'count':
        case 'date': {
          const near = valueNeighbourhood(read, assertion);
          if (near !== undefined) observe(property.type === 'count' ? target.count(key) : target.date(key), near);
          break;
        }
        case 'enum':
          if (value.type !== 'enum') break;
          observe(target.value(key, value.value), whole);
          observeWithParties(target.property(key));
          break;
        case 'entity': {
          if (value.type !== 'entity') break;
          if (property.kind === 'actor') share.selfValue(key, value.id === claim.claimant);
          if (value.id === claim.claimant) {
            observe(target.self(key), whole);
            break;
          }
          const mention = read.mentions.find((m) => m.ids.includes(value.id));
          if (mention !== undefined) observe(target.entity(key), mention.near);
          // A value the claim does not name, where it names other parties: the desk may record a party as the movement it belongs to.
          if (mention === undefined && property.kind === 'actor') observe(target.recordedAs(key), [...new Set(read.mentions.flatMap((m) => m.ids))].map((id) => recordedTerm(id, value.id)));
          if (property.kind !== 'actor' || mention === undefined) break;
          // Which party the desk's claims of the property give as its value, of the parties they name besides the claimant.
          observeWithParties(target.property(key));
          observe(target.partyValue(key), [partyTerm(value.id)]);
          observe(target.partyNamed(key), parties.filter((party) => party !== claimant));
          break;
        }
        case 'text':
          if (value.type === 'text' && value.text.length > 0) textValues.push([key, foldedPhrase(value.text), value.text]);
          break;
      }
    }
  }
  return { codes: share.codes(lists), textValues: textValues.length === 0 ? NO_TEXT_VALUES : textValues };
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

/**
 * What tells apart copies of the same words (a claim's entry, or its entry
 * under one target) that teach otherwise: a 30-bit FNV-1a hash of the
 * terms' ordinals (the same strings have the same ordinals while held), a
 * small integer as V8 keeps them. Two different term lists of the same words
 * are taken for one copy only if their hashes collide.
 */
function variantOf(terms: readonly number[]): number {
  let hash = 0x811c9dc5;
  for (const term of terms) hash = Math.imul(hash ^ term, 0x01000193);
  return hash & 0x3fff_ffff;
}

/**
 * How many copies of each claim's words the corpus holds, by variant, under
 * each target (or event and property; the claims themselves under target
 * 0): what they teach of them, or (CueModel.claimantCopies) the claimant
 * their words do not name. Copies of one variant (a republished claim
 * annotated as the original, one span claimed for two events) count once;
 * copies of the same words that teach otherwise (other mentions) each
 * count, so that what the model holds does not depend on which copy it met
 * first, and letting one go leaves the others counted, as learning afresh
 * would. Words whose copies are all of one variant (nearly all) take one
 * entry of a PairTable, and a second for how many copies when more than one.
 */
class Copies {
  /** (target, words) held → their variant when all their copies are of one, else -1 - their number in `several`. */
  private readonly single = new PairTable();
  /** Of those of one variant, the words held more than once → how many copies (absent: one). */
  private readonly repeated = new PairTable();
  /**
   * Words held in two variants or more (a republished claim, each copy its
   * outlet's claimant: 2,311 words at 10,000 reports, which had a Map of
   * variants and a string key each), by a number of their own: (number,
   * variant) → copies.
   */
  private readonly several = new PairTable();
  /**
   * By number: how many variants, and their variants XORed together, which
   * is the variant left when one is (what letting go of the last but one
   * needs, without a walk over the table).
   */
  private readonly variantCounts: number[] = [];
  private readonly variantXors: number[] = [];
  /** Numbers let go, for the next words held in several variants. */
  private readonly freeNumbers: number[] = [];

  /**
   * Counts one more (or one fewer) copy; true when that makes its variant
   * appear (or disappear), the only times it changes the model.
   */
  count(target: number, said: number, variant: number, sign: 1 | -1): boolean {
    const only = this.single.get(target, said);
    if (only !== undefined && only < 0) {
      const number = -1 - only;
      const before = this.several.get(number, variant) ?? 0;
      const after = this.several.add(number, variant, sign);
      if (before === 0 || after === 0) {
        this.variantCounts[number] += before === 0 ? 1 : -1;
        this.variantXors[number] ^= variant;
      }
      if (this.variantCounts[number] === 1) {
        const left = this.variantXors[number];
        const copies = this.several.get(number, left) ?? 1;
        this.several.delete(number, left);
        this.freeNumbers.push(number);
        this.single.set(target, said, left);
        if (copies > 1) this.repeated.set(target, said, copies);
      }
      return sign === 1 ? before === 0 : before === 1;
    }
    const copies = this.repeated.get(target, said) ?? 1;
    if (only === undefined) {
      if (sign === 1) this.single.set(target, said, variant);
      return true;
    }
    if (sign === -1) {
      if (copies === 1) this.single.delete(target, said);
      else if (copies === 2) this.repeated.delete(target, said);
      else this.repeated.set(target, said, copies - 1);
      return copies === 1;
    }
    if (only === variant) {
      this.repeated.set(target, said, copies + 1);
      return false;
    }
    const number = this.freeNumbers.pop() ?? this.variantCounts.length;
    this.variantCounts[number] = 2;
    this.variantXors[number] = only ^ variant;
    this.several.set(number, only, copies);
    this.several.set(number, variant, 1);
    this.single.set(target, said, -1 - number);
    this.repeated.delete(target, said);
    return true;
  }
}

/** The claims' own copies, in a Copies of their own: under no target. */
const CLAIMS = 0;

function bump<K>(map: Map<K, number>, key: K, by: number): void {
  const next = (map.get(key) ?? 0) + by;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

/** The cues the corpus teaches, summed over its documents. */
export class CueModel {
  /** The corpus revision and registry the model has learnt; -1 and none before it has. */
  private revision = -1;
  private registry: Registry | undefined;
  /** The pass under way: the documents of one corpus revision, learnt up to `next`. */
  private pass: { readonly revision: number; readonly registry: Registry; readonly documents: readonly DocumentFacts[]; next: number } | undefined;
  private lessons = 0;
  /** Each document's share, computed once per facts object and desk `vague:` table (the properties it reads are the facts' own). */
  private readonly included = new Map<string, Included>();
  private readonly vocabulary = new Vocabulary();
  /** The claims' words, the second of every Copies pair: 1.6 million characters at 10,000 reports, kept as their words' ordinals. */
  private readonly saids = new TextVocabulary();
  /** Each document's share's codes: one list a document, outside V8's heap. */
  private readonly shareLists = new PackedLists();
  private claims = 0;
  private readonly documentFrequency = new Map<string, number>();
  private readonly observed = new Map<string, number>();
  /**
   * (target, term), as ordinals of the vocabulary → how many of the
   * target's observations hold the term: the model's largest table, only
   * ever looked up by its pair.
   */
  private readonly termCounts = new PairTable();
  private readonly texts = new Map<string, Map<string, { count: number; written: string }>>();
  private readonly selfCounts = new Map<string, { self: number; all: number }>();
  /** Property → event → how many claims about the event assert the property. */
  private readonly propertyEvents = new Map<string, Map<string, number>>();
  /** The events most of a property's claims are about, computed when asked for, dropped by any change. */
  private readonly topEvents = new Map<string, readonly { readonly event: string; readonly share: number }[]>();
  /**
   * How many copies of each claim the corpus holds, and of each
   * observation, by target (or event and property), then by the claim's
   * words and what the copy teaches of them (Copies), all by ordinals in the
   * vocabulary (held while counted).
   */
  private readonly claimCopies = new Copies();
  private readonly observationCopies = new Copies();
  /**
   * The same for the claimant a claim's words do not name (its party term,
   * the ordinal as the variant): the copies of a republished claim, each its
   * outlet's own, count their words once and each outlet once.
   */
  private readonly claimantCopies = new Copies();
  private readonly observationClaimants = new Copies();
  /**
   * Term → the events whose claims hold it, as their targets' ordinals, in
   * the order they came to hold it (which the suggestions' ties follow): an
   * event's words, looked up from the passage's. How many of the event's
   * claims hold the term is termCounts' (target, term), not kept twice.
   */
  private readonly eventPostings = new Map<string, Set<number>>();

  /** A model that has read no claim: the desk's and built-in cues alone then tie values. */
  static readonly untaught = new CueModel();

  /** The model of a corpus as it stands now, learning what it has not yet learnt. */
  static of(corpus: Corpus): CueModel {
    const model = CueModel.kept(corpus);
    model.learn(corpus, () => true);
    return model;
  }

  /** The model of a corpus if it has learnt the corpus as it stands now, else undefined: it does not learn. */
  static current(corpus: Corpus): CueModel | undefined {
    const model = models.get(corpus);
    return model?.isCurrent(corpus) === true ? model : undefined;
  }

  /**
   * The model of a corpus after learning for at most `ms` milliseconds
   * (and one document): for a request that cannot wait for the whole
   * corpus. Learnt in part, it is the model of a corpus made of the
   * documents it has learnt so far; a small corpus is learnt all through.
   */
  static learntWithin(corpus: Corpus, ms: number): CueModel {
    const deadline = performance.now() + ms;
    CueModel.learnSome(corpus, () => performance.now() < deadline);
    return CueModel.kept(corpus);
  }

  /**
   * Learns one document of the corpus, then more while `more()` says so;
   * true once the model has learnt the corpus as it stands. An edit of the
   * corpus meanwhile is taken into the pass under way.
   */
  static learnSome(corpus: Corpus, more: () => boolean): boolean {
    return CueModel.kept(corpus).learn(corpus, more);
  }

  private static kept(corpus: Corpus): CueModel {
    let model = models.get(corpus);
    if (model === undefined) models.set(corpus, (model = new CueModel()));
    return model;
  }

  /**
   * A number that moves only when what the model teaches changes — a
   * document's claims, the desk's `vague:` table — and not with the other
   * words of a report: what is computed from the model stays current while
   * it stays the same.
   */
  get generation(): number {
    return this.lessons;
  }

  private isCurrent(corpus: Corpus): boolean {
    return corpus.revision === this.revision && corpus.registry === this.registry;
  }

  private learn(corpus: Corpus, more: () => boolean): boolean {
    if (this.isCurrent(corpus)) return true;
    if (this.pass === undefined && this.readsAlike(corpus.registry) && this.learnChanges(corpus)) return true;
    let pass = this.pass;
    // Documents learnt in an earlier pass whose facts stand are passed over quickly: a new pass after an edit costs little.
    if (pass?.revision !== corpus.revision || pass.registry !== corpus.registry) {
      this.pass = pass = { revision: corpus.revision, registry: corpus.registry, documents: [...corpus.allFacts()], next: 0 };
    }
    const { documents } = pass;
    while (pass.next < documents.length) {
      this.include(corpus.registry, documents[pass.next++]);
      if (pass.next < documents.length && !more()) return false;
    }
    // Documents the corpus no longer holds; looked for only when some are gone.
    if (this.included.size > documents.length) {
      for (const file of [...this.included.keys()]) if (corpus.document(file) === undefined) this.exclude(file);
    }
    this.pass = undefined;
    this.revision = corpus.revision;
    this.registry = corpus.registry;
    return true;
  }

  /**
   * Learns only the documents set or deleted since the revision learnt, when
   * the corpus still knows which: an edit costs its own document, not a walk
   * over every document of the corpus (5 ms at 10,000 reports). False when
   * the corpus does not know: a whole pass is needed.
   */
  private learnChanges(corpus: Corpus): boolean {
    const changed = corpus.changedSince(this.revision);
    if (changed === undefined) return false;
    for (const file of changed) {
      const facts = corpus.document(file);
      if (facts !== undefined) this.include(corpus.registry, facts);
      else this.exclude(file);
    }
    this.revision = corpus.revision;
    this.registry = corpus.registry;
    return true;
  }

  /**
   * Whether the documents' shares read with `registry` are those the model
   * learnt: a registry edit that re-reads the documents' facts makes the
   * corpus forget which documents changed (changedSince is undefined), so
   * only the `vague:` table, the one part of the registry a share reads
   * besides the facts, is left to compare. An alias or a description added
   * then costs the documents edited since, not a pass over every one.
   */
  private readsAlike(registry: Registry): boolean {
    return this.registry === registry || (this.registry !== undefined && vagueKeyOf(this.registry) === vagueKeyOf(registry));
  }

  /** A document the corpus no longer holds (or can no longer read): what it taught is taken back. */
  private exclude(file: string): void {
    const entry = this.included.get(file);
    if (entry === undefined) return;
    this.apply(entry, -1);
    if (!sameShare(this.shareLists, entry, EMPTY_SHARE)) this.lessons++;
    releaseShare(this.vocabulary, this.saids, this.shareLists, entry);
    this.included.delete(file);
  }

  /** A document's share in place of what the model had of it. */
  private include(registry: Registry, facts: DocumentFacts): void {
    const entry = this.included.get(facts.file);
    const vague = vagueKeyOf(registry);
    // The share the model already has: the same facts, read with the same `vague:` table.
    if (entry?.facts === facts && entry.vague === vague) return;
    // A report changed on disk whose change is not followed yet teaches what it taught until its watcher event reads it again.
    const share = unlessStale(() => shareOf(registry, facts, vague, this.vocabulary, this.saids, this.shareLists));
    if (share === undefined) return;
    this.included.set(facts.file, { facts, vague, codes: share.codes, textValues: share.textValues });
    // Prose typed around the claims, or a registry edit that re-read the facts, teaches what the model already has.
    if (!sameShare(this.shareLists, share, entry ?? EMPTY_SHARE)) {
      if (entry !== undefined) this.apply(entry, -1);
      this.apply(share, 1);
      this.lessons++;
    }
    // Let go only now: the new share may name what only the old one held.
    if (entry !== undefined) releaseShare(this.vocabulary, this.saids, this.shareLists, entry);
  }

  private apply(share: Share, sign: 1 | -1): void {
    const text = (ordinal: number) => this.vocabulary.text(ordinal);
    readShare(this.shareLists, share.codes, {
      claim: (said, claimant, terms) => {
        if (this.claimCopies.count(CLAIMS, said, variantOf(terms), sign)) {
          this.claims += sign;
          for (const term of terms) bump(this.documentFrequency, text(term), sign);
        }
        if (claimant >= 0 && this.claimantCopies.count(CLAIMS, said, claimant, sign)) bump(this.documentFrequency, text(claimant), sign);
      },
      observation: (target, said, claimant, terms) => {
        const name = text(target);
        if (claimant >= 0 && this.observationClaimants.count(target, said, claimant, sign)) this.termCounts.add(target, claimant, sign);
        if (!this.observationCopies.count(target, said, variantOf(terms), sign)) return;
        bump(this.observed, name, sign);
        const event = name.startsWith(EVENT_PREFIX);
        for (const term of terms) {
          const count = this.termCounts.add(target, term, sign);
          // An event's posting comes with its first claim holding the term, and goes with its last.
          if (!event || count > 1 || (count === 1 && sign === -1)) continue;
          let events = this.eventPostings.get(text(term));
          if (events === undefined) this.eventPostings.set(text(term), (events = new Set()));
          if (count === 1) events.add(target);
          else events.delete(target);
          if (events.size === 0) this.eventPostings.delete(text(term));
        }
      },
      eventProperty: (said, key, event, property) => {
        // Its words and the (event, property) pair are all it teaches: one variant.
        if (!this.observationCopies.count(key, said, 0, sign)) return;
        let events = this.propertyEvents.get(text(property));
        if (events === undefined) this.propertyEvents.set(text(property), (events = new Map<string, number>()));
        bump(events, text(event), sign);
      },
      selfValue: (property, self) => {
        const entry = this.selfCounts.get(text(property)) ?? { self: 0, all: 0 };
        entry.all += sign;
        if (self) entry.self += sign;
        this.selfCounts.set(text(property), entry);
      },
    });
    for (const [property, folded, written] of share.textValues) {
      let values = this.texts.get(property);
      if (values === undefined) this.texts.set(property, (values = new Map<string, { count: number; written: string }>()));
      const entry = values.get(folded) ?? { count: 0, written };
      entry.count += sign;
      if (entry.count <= 0) values.delete(folded);
      else values.set(folded, entry);
    }
    this.topEvents.clear();
  }

  /**
   * What the model teaches, as a string that two models teaching the same
   * share whatever order they learnt in: a model updated through edits
   * equals one learnt afresh.
   */
  taught(): string {
    // Entries emptied by removals teach nothing: a model learnt afresh never had them.
    const sorted = <V>(map: ReadonlyMap<string, V>, value: (v: V) => unknown, empty: (v: V) => boolean = () => false) =>
      [...map].filter(([, v]) => !empty(v)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, v]) => [key, value(v)]);
    const counts = (map: ReadonlyMap<string, number>) => sorted(map, (n) => n);
    const none = (map: ReadonlyMap<string, unknown>) => map.size === 0;
    return JSON.stringify({
      claims: this.claims,
      documentFrequency: counts(this.documentFrequency),
      observed: counts(this.observed),
      termCounts: sorted(this.termCountsByTarget(), counts, none),
      // How a text value was first written depends on the order documents were read in: only how often it was.
      texts: sorted(this.texts, (values) => sorted(values, (entry) => entry.count), none),
      selfCounts: sorted(this.selfCounts, (entry) => [entry.self, entry.all], (entry) => entry.all === 0),
      propertyEvents: sorted(this.propertyEvents, counts, none),
      eventPostings: sorted(this.eventCounts(), counts, none),
    });
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
    const count = this.termCount(name, term);
    if (count === 0) return 0;
    return (count / ((this.documentFrequency.get(term) ?? 0) + SHRINK)) * this.rarity(term);
  }

  /**
   * Of the claims of an actor property that name a party besides their
   * claimant, the share that give that party as the value, shrunk for a
   * party seen in few of them: in Moura's claims of `perpetrator`, the army
   * named is the perpetrator; in a desk's claims of `ordered-by`, the
   * army. 0 before any such claim.
   */
  partyValueShare(property: string, id: string): number {
    const term = partyTerm(id);
    const valued = this.termCount(target.partyValue(property), term);
    return valued === 0 ? 0 : valued / (this.termCount(target.partyNamed(property), term) + 1);
  }

  /** How many of the desk's claims of an actor property name party `named`, not `value`, and give `value` as the property's value. */
  recordedAs(property: string, named: string, value: string): number {
    return this.termCount(target.recordedAs(property), recordedTerm(named, value));
  }

  /** How many of a target's observations hold a term: 0 for a string no share names, as for one no observation holds. */
  private termCount(name: string, term: string): number {
    const target = this.vocabulary.find(name);
    const ordinal = target === undefined ? undefined : this.vocabulary.find(term);
    return target === undefined || ordinal === undefined ? 0 : (this.termCounts.get(target, ordinal) ?? 0);
  }

  /** An event's name and how many of its claims hold the term, for each event of the term's postings. */
  private *postingCounts(term: string, postings: ReadonlySet<number>): Generator<readonly [string, number]> {
    const ordinal = this.vocabulary.find(term);
    if (ordinal === undefined) return;
    for (const target of postings) yield [this.vocabulary.text(target).slice(EVENT_PREFIX.length), this.termCounts.get(target, ordinal) ?? 0];
  }

  /** eventPostings with their counts, term → event → count, for `taught`. */
  private eventCounts(): Map<string, Map<string, number>> {
    return new Map([...this.eventPostings].map(([term, postings]) => [term, new Map(this.postingCounts(term, postings))]));
  }

  /** termCounts as strings, target → term → count, for `taught`. */
  private termCountsByTarget(): Map<string, Map<string, number>> {
    const byTarget = new Map<string, Map<string, number>>();
    this.termCounts.forEach((target, term, count) => {
      const name = this.vocabulary.text(target);
      let counts = byTarget.get(name);
      if (counts === undefined) byTarget.set(name, (counts = new Map<string, number>()));
      counts.set(this.vocabulary.text(term), count);
    });
    return byTarget;
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
      for (const [event, count] of this.postingCounts(term, postings)) {
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
  rarity(term: string): number {
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
