// `value-not-in-text`: a claim whose count or date contradicts the one value
// its own words give for that property — "une quarantaine de soldats tués"
// annotated killed=4. It catches annotation typos, the commonest silent
// error of a hand-annotated dataset, and fires only where the value readers
// are sure (DESIGN.md): exactly one value read for the property in the
// claim's words, tied to it by the desk's or the built-in cues, read from a
// figure rather than by a convention for vague quantities, and disjoint
// from the claim's value. Relative dates resolve only against a full-day
// `published`, as the date reader does; a date whose year the words neither
// give nor fix is no sure value, nor is a relative one inside a quotation
// (the speaker's "Monday" counts from the day they spoke, which the report
// does not give), and a weekday is read in two weeks where writers use it
// for both ("last Monday", "à compter de mercredi"). A toll told in parts
// ("six soldiers and 34 volunteers", killed=40) is the words' own value.

import type { Corpus } from '../corpus';
import { diagnostic, type Diagnostic } from '../diagnostics';
import { assertionsOf, valueRangeOf, type Assertion, type Claim } from '../claims';
import type { DocumentFacts } from '../document';
import { shorten } from '../names';
import { readCountValues, type CountValue } from '../read/counts';
import { weekdayOf } from '../read/calendar';
import { readDateValues, type DateValue } from '../read/dates';
import type { ReadOptions } from '../read/languages';
import { readWordsBriefly, type Words } from '../read/words';
import type { Registry } from '../registry';
import type { ParsedDocument, TextRange } from '../syntax';
import { readValue, type PropertyDefinition, type ValueReading } from '../values';
import { insideQuotation } from './attribution';
import { claimWordReader, type ValueInWords } from './finder';
import { keyWords } from './lexicon';
import { readOptionsOf } from './model';
import { markupInto } from './units';

/** Claims longer than this (a page with no full stop, spans nested thousands deep) are not read: a claim is a sentence or two. */
const MAX_CLAIM_LENGTH = 3000;

function checkable(assertion: Assertion, dateProperties: number): boolean {
  const type = assertion.property.type;
  // Among several date properties, which one a date in the words speaks of is a guess.
  return assertion.value.type === 'interval' && (type === 'count' || (type === 'date' && dateProperties === 1));
}

/** A claim's checkable assertions, or undefined for none (most claims of a document): a loop, no closure or array per claim. */
function checkedOf(claim: Claim, dateProperties: number): readonly Assertion[] | undefined {
  if (claim.end - claim.start > MAX_CLAIM_LENGTH) return undefined;
  const assertions = assertionsOf(claim);
  let count = 0;
  for (const assertion of assertions) if (checkable(assertion, dateProperties)) count++;
  if (count === 0) return undefined;
  // Most checked claims check every assertion they make (a toll, a date): their own list then, not a copy of it.
  if (count === assertions.length) return assertions;
  return assertions.filter((assertion) => checkable(assertion, dateProperties));
}

/**
 * The warnings found per document as read and per registry (its cues, its
 * aliases): an edit re-checks hundreds of documents whose findings moved,
 * and their words, which this reads, did not.
 */
const checkedDocuments = new WeakMap<DocumentFacts, { readonly registry: Registry; readonly diagnostics: readonly Diagnostic[] }>();

/** The `value-not-in-text` warnings of one document, on the values at fault. */
export function valueNotInText(corpus: Corpus, facts: DocumentFacts): readonly Diagnostic[] {
  const kept = checkedDocuments.get(facts);
  if (kept?.registry === corpus.registry) return kept.diagnostics;
  const diagnostics = readValuesNotInText(corpus, facts);
  checkedDocuments.set(facts, { registry: corpus.registry, diagnostics });
  return diagnostics;
}

function readValuesNotInText(corpus: Corpus, facts: DocumentFacts): Diagnostic[] {
  if (facts.encoding !== undefined) return [];
  const dateProperties = datePropertyCount(corpus.registry);
  let options: ReadOptions | undefined;
  let document: { readonly text: string; readonly parsed: ParsedDocument } | undefined;
  // Built only for a claim whose words may contradict it: most claims' words agree with their values.
  let read: ((range: TextRange, words: Words) => ValueInWords[]) | undefined;
  const found: Diagnostic[] = [];
  for (const claim of facts.claims) {
    const checked = checkedOf(claim, dateProperties);
    if (checked === undefined) continue;
    options ??= readOptionsOf(corpus.registry, facts);
    document ??= { text: facts.text, parsed: facts.parsed };
    const range = { start: claim.start + 1, end: claim.close };
    // Words reused from claim to claim: what is read from them keeps none, and the next claim is cut only after this one's warnings.
    const markupLength = markupInto(document.parsed, range.start, range.end, markupScratch);
    const words = readWordsBriefly({ text: document.text, start: range.start, end: range.end, markup: markupScratch, markupLength });
    const contradicting = contradictingReadings(words, checked, options);
    if (contradicting === undefined) continue;
    read ??= claimWordReader(corpus, facts);
    // The same words, so the date expressions found above are not looked for again.
    const values = read(range, words);
    for (const assertion of checked) {
      const said = onlyValueOf(values, assertion.property.key);
      const readings = contradicting.get(assertion);
      // `readings.outside` holds only sure readings outside the value: one the passage ties to the property that is not among them agrees, or is a guess.
      if (said === undefined || said.vague || readings?.outside.has(said.value) !== true) continue;
      if (siblingHolds(assertion, assertionsOf(claim), said.value)) continue;
      if (valueStandsUntied(assertion, readings.inside, values)) continue;
      const key = assertion.property.key;
      const words = `'${shorten(said.words, 60)}'`;
      found.push(
        diagnostic(
          facts.file,
          valueRangeOf(assertion),
          'value-not-in-text',
          `${key}=${assertion.valueText}, but the claim's words say ${words} (${key}=${said.value}): correct the value, or the words the claim covers`,
          { fix: { kind: 'value-in-text', value: said.value, words: said.words } },
        ),
      );
    }
  }
  return found;
}

/**
 * The one value the passage ties to `key`, or undefined when it ties none or
 * several. A loop rather than a filtered list: filter's lists do not all
 * have one V8 map, and the check's optimized copy of readValuesNotInText
 * was thrown away at the first list of another map (`--trace-deopt`:
 * "wrong map" at its `length`) and compiled again.
 */
function onlyValueOf(values: readonly ValueInWords[], key: string): ValueInWords | undefined {
  let only: ValueInWords | undefined;
  for (const value of values) {
    if (value.key !== key) continue;
    if (only !== undefined) return undefined;
    only = value;
  }
  return only;
}

/** Where each claim's markup is written (its first entries, as many as markupInto says), reused from claim to claim. */
const markupScratch: { start: number; end: number }[] = [];

/** How many date properties the registry defines. */
function datePropertyCount(registry: Registry): number {
  let count = 0;
  for (const property of registry.properties.values()) if (property.type === 'date') count++;
  return count;
}

/** The last word of a key, which names what it counts: "us-soldiers-wounded" → "wounded". */
function lastWordOf(key: string): string {
  const words = keyWords(key);
  return words[words.length - 1];
}

/**
 * Whether another of the claim's values, under a key ending in the same word,
 * holds the value read: in "Two Americans and eight Nigerien soldiers were
 * wounded" (us-soldiers-wounded=2 nigerien-troops-wounded=8) the cue
 * "wounded" fits both keys alike, so which of the two the figure belongs to
 * is the annotator's reading, not a typo the words prove.
 */
function siblingHolds(assertion: Assertion, assertions: readonly Assertion[], said: string): boolean {
  const word = lastWordOf(assertion.property.key);
  return assertions.some(
    (other) => other !== assertion && other.property.type === assertion.property.type && lastWordOf(other.property.key) === word && other.value.type === 'interval' && !outside(other, said),
  );
}

/** Whether a value read from the words lies wholly outside the assertion's (`?` and unreadable values never do). */
function outside(assertion: Assertion, said: string): boolean {
  return liesOutside(assertion, readValue(assertion.property, said, undefined));
}

/** `outside`, for a value already read for the assertion's property. */
function liesOutside(assertion: Assertion, reading: ValueReading | undefined): boolean {
  if (assertion.value.type !== 'interval' || reading === undefined) return false;
  if (!reading.ok || reading.value.type !== 'interval') return false;
  return reading.value.high < assertion.value.low || assertion.value.high < reading.value.low;
}

/**
 * Whether the claim's own value stands in its words as a figure that the
 * cues tie to no other property: in "The toll in the two villages rose to
 * 105" (killed=105) the cue "toll" ties "two" to the dead, yet the annotator
 * evidently read the 105 written there, so the words prove no typo. A
 * figure the cues give to another property ("40 killed and 4 wounded",
 * killed=4) is no such evidence: the figures were swapped.
 */
function valueStandsUntied(assertion: Assertion, inside: readonly string[], values: readonly ValueInWords[]): boolean {
  const key = assertion.property.key;
  return inside.some((figure) => !values.some((value) => value.key !== key && value.value === figure));
}

/**
 * Whether a weekday read alone (`weekdays`; `undefined` when the words fix
 * the day) stands for a day well before the one it resolves to, the week
 * before publication: a claim dated on that weekday more than a week
 * earlier is a report looking back ("un an après, … le vendredi soir"), not
 * a typo. A week off is still a typo.
 */
export function lookingBack(assertion: Assertion, said: string, weekdays: readonly number[] | undefined): boolean {
  if (weekdays === undefined || assertion.value.type !== 'interval') return false;
  const reading = readValue(assertion.property, said, undefined);
  if (!reading.ok || reading.value.type !== 'interval' || assertion.value.high >= reading.value.low - 7) return false;
  for (let day = assertion.value.low; day <= Math.min(assertion.value.high, assertion.value.low + 6); day++) {
    if (weekdays.includes(weekdayOf(day))) return true;
  }
  return false;
}

/** The sure readings of a claim's words for one checked assertion: those outside its value, and those within it. */
interface SureReadings {
  readonly outside: ReadonlySet<string>;
  readonly inside: readonly string[];
}

/**
 * Per checked assertion that some reading contradicts, the counts or dates
 * the readers find in a claim's words, outside its value and within it. The
 * warning's one value can only be a reading outside — a figure, not a vague
 * quantity; a date whose year the words give or fix, not the year nearest
 * to publication, which a report looking back a year gets wrong — so a
 * claim whose readings all agree is spared the reading of the whole passage
 * that ties values to properties (cues, attribution).
 */
function contradictingReadings(words: Words, checked: readonly Assertion[], options: ReadOptions): Map<Assertion, SureReadings> | undefined {
  let counts: readonly (CountValue | DateValue)[] = NO_READINGS;
  let dates: readonly (CountValue | DateValue)[] = NO_READINGS;
  for (const assertion of checked) {
    // The count reader's values (no why: most claims' agree): the vague ones are passed over below, not filtered into a copy.
    if (assertion.property.type === 'count') counts = readCountValues(words, options);
    else if (dates === NO_READINGS) dates = sureDates(words, options);
  }
  let contradicting: Map<Assertion, SureReadings> | undefined;
  for (const assertion of checked) {
    const readings = assertion.property.type === 'count' ? counts : dates;
    const known = readingsFor(assertion.property);
    // Each reading's value read once for the property, for the parts and for the comparison (undefined for a vague one).
    for (let r = 0; r < readings.length; r++) {
      const reading = readings[r];
      parsedScratch[r] = reading.value === null || reading.kind === 'vague' ? undefined : readKnown(known, assertion.property, reading.value);
    }
    if (assertion.property.type === 'count' && partsAddUp(assertion, parsedScratch, readings.length)) continue;
    // Gathered in the shared lists, copied only for the few assertions some reading contradicts.
    let outsideCount = 0;
    let insideCount = 0;
    for (let r = 0; r < readings.length; r++) {
      const reading = readings[r];
      if (reading.value === null || reading.kind === 'vague') continue;
      const otherWeek = 'otherWeek' in reading ? reading.otherWeek : undefined;
      if (!liesOutside(assertion, parsedScratch[r])) insideScratch[insideCount++] = reading.value;
      else if (otherWeek !== undefined && !outside(assertion, otherWeek)) insideScratch[insideCount++] = otherWeek;
      else if (!lookingBack(assertion, reading.value, 'weekdays' in reading ? reading.weekdays : undefined)) outsideScratch[outsideCount++] = reading.value;
    }
    if (outsideCount > 0) (contradicting ??= new Map()).set(assertion, { outside: new Set(outsideScratch.slice(0, outsideCount)), inside: insideScratch.slice(0, insideCount) });
  }
  return contradicting;
}

const NO_READINGS: readonly (CountValue | DateValue)[] = [];

/**
 * The readers' values as readValue reads them, per count tolerance and for
 * dates (what readValue's reading of a count or a date depends on besides
 * the text): the figures and days of a corpus's claims are a few thousand,
 * and each was read again at every claim that holds it ("40" parsed into
 * the same interval tens of thousands of times a check, a resolved day
 * written as text by the date reader and parsed back here).
 */
const knownReadings = new Map<number | 'date' | 'count', Map<string, ValueReading>>();
/** How many values a table keeps before it starts over: the language server checks one corpus's claims for as long as it runs. */
const KNOWN_VALUES = 8192;

function readingsFor(property: PropertyDefinition): Map<string, ValueReading> {
  const key = property.type === 'date' ? 'date' : (property.tolerance ?? 'count');
  let known = knownReadings.get(key);
  if (known === undefined) knownReadings.set(key, (known = new Map<string, ValueReading>()));
  return known;
}

function readKnown(known: Map<string, ValueReading>, property: PropertyDefinition, value: string): ValueReading {
  let reading = known.get(value);
  if (reading === undefined) {
    if (known.size >= KNOWN_VALUES) known.clear();
    reading = readValue(property, value, undefined);
    known.set(value, reading);
  }
  return reading;
}

/**
 * Where contradictingReadings gathers, reused from claim to claim (only the
 * first entries, as many as it wrote, are its): most claims' lists are
 * thrown away at once, and emptying an array lets its storage go.
 */
const parsedScratch: (ValueReading | undefined)[] = [];
const outsideScratch: string[] = [];
const insideScratch: string[] = [];

/** The date readings that may be a warning's: the year given or fixed, and a relative date outside a quotation. */
function sureDates(words: Words, options: ReadOptions): DateValue[] {
  const start = words.list[0]?.start ?? 0;
  const readings = readDateValues(words, options);
  // The readings' own list when every one is sure, as most are: no copy, no closure per claim.
  let sure = 0;
  while (sure < readings.length && isSure(words, start, readings[sure])) sure++;
  if (sure === readings.length) return readings;
  return readings.filter((reading) => isSure(words, start, reading));
}

function isSure(words: Words, start: number, reading: DateValue): boolean {
  return !reading.yearGuessed && !(reading.kind === 'relative' && insideQuotation(words, start, reading.start));
}

/** Figures beyond this many in one claim are not summed: a claim is a sentence or two, and the subsets double with each figure. */
const MAX_PARTS = 8;

/**
 * Whether two or more exact figures of the words (their counts read for the
 * assertion's property, the first `length` of `counts`) add up to the claim's
 * value: "killed six soldiers and 34 volunteers" annotated killed=40 is the
 * toll told in parts (found by the twenty-third evaluation corpus's
 * annotator), not a typo of "six".
 */
function partsAddUp(assertion: Assertion, counts: readonly (ValueReading | undefined)[], length: number): boolean {
  if (assertion.value.type !== 'interval') return false;
  const { low, high } = assertion.value;
  // The first MAX_PARTS figures, in a scratch array: a claim with one figure, nearly every one, makes no list.
  let figures = 0;
  for (let r = 0; r < length; r++) {
    const read = counts[r];
    if (read?.ok === true && read.value.type === 'interval' && read.value.low === read.value.high) {
      if (figures < MAX_PARTS) partsScratch[figures] = read.value.low;
      figures++;
    }
  }
  if (figures < 2) return false;
  const parts = Math.min(figures, MAX_PARTS);
  for (let subset = 1; subset < 1 << parts; subset++) {
    if ((subset & (subset - 1)) === 0) continue;
    let sum = 0;
    for (let i = 0; i < parts; i++) if ((subset & (1 << i)) !== 0) sum += partsScratch[i];
    if (sum >= low && sum <= high) return true;
  }
  return false;
}

const partsScratch = new Float64Array(MAX_PARTS);
