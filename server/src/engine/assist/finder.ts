// The claim finder: the passages of a document that state a checkable fact
// no claim covers, each with the claim that would annotate it — who says it
// (attribution.ts), about which event, and the values its words give,
// tied to properties by the cues the desk gave and the corpus taught.
//
// A passage is a sentence, or the part of one no claim span covers, or a
// clause when one sentence gives two values for one property ("a livré,
// samedi 25 novembre, un communiqué sur les opérations menées vendredi 24
// novembre": two dates, two claims). Values come from the value readers
// (counts, dates, hedged and declined wording), enum values from their cue
// words, entity values from the mentions, free text values from what the
// corpus already annotated word for word.

import { assertionsOf, type Claim } from '../claims';
import type { Corpus } from '../corpus';
import type { DocumentFacts } from '../document';
import { civilDate, isoDay, weekdayOf } from '../read/calendar';
import { readCounts, readDurations, type CountReading } from '../read/counts';
import { readCues, type CueReading } from '../read/cues';
import { periodOfDays, readDates, type DateReading } from '../read/dates';
import { readMeans, readSpoils } from '../read/means';
import { byLanguages, languagesOf, phraseTable, type ReadOptions, type TableEntry } from '../read/languages';
import { marksFigure } from '../read/numbers';
import { foldText } from '../aliases';
import { PhraseTable, phraseTokens, QuotationDepth, readWords, type Word, type Words } from '../read/words';
import type { PropertyEntry, Registry } from '../registry';
import type { ParsedDocument, TextRange } from '../syntax';
import { readValue } from '../values';
import { chooseAttribution, findAttributions, hasAttributionCue, insideQuotation, opensComplement, opensPluperfect, pronounBefore, type Attribution, type Construction } from './attribution';
import { BUILT_IN_CUE_WEIGHT, cueTable, registryCues, type CuePhrase, type DeskCues } from './deskCues';
import { accuses, claimsAct, claimsResponsibility, countsWhoOnly, groupRankByUse, isBehind, namesAnotherParty, needsBehind, namesWhoIsCounted, placeReferredBackIn, predicateOf, saysUnarmed, speaksOfFigures, stanceOf, textKindOf, unclaimedIn, type Stance } from './lexicon';
import { stanceTakenBy } from './stance';
import { onlyAttribution, statesNoFact } from './statementKinds';
import { dismissalsOf, isDismissed } from './dismissals';
import { claimBlock, wrapProblem, wrapProblems } from './markup';
import { EVENTS } from './entityGuess';
import { claimMentions, documentMentions, idOfSection, type Mention } from './mentions';
import { neighbourVotes, neighbourWhy } from './neighbours';
import { namesCountedNoun, qualifierEvidence, sideSibling } from './qualifiers';
import { agentsOf, type Agent } from './responsibility';
import { combine, CueModel, durationUnitOf, partyTerm, readOptionsOf, target, type Evidence } from './model';
import { BEFORE_VALUE, endsClause, neighbourhood, proximity, stemOf, termsOf, wordIndexAt, type WeightedTerm } from './terms';
import { firstSpanFrom, growToSpans, insideSpan, markupWithin, readUnits, trimRange, type Unit } from './units';
import { clauseOpenedAfterComma, holdsAuxiliary, withoutIdleEnd, type ClaimEvidence } from './claimEnds';

/** One property=value of a suggestion. */
export interface SuggestedValue extends TextRange {
  readonly key: string;
  /** As the markup writes it: `~50`, `>=20`, `2023-11-24`, `@niafunke`, `captured`, `?`, a text. */
  readonly value: string;
  /** The exact source text it was read from: `text.slice(start, end)`. */
  readonly words: string;
  readonly why: string;
}

export interface Suggestion extends TextRange {
  readonly file: string;
  /** The source text of the range, markup of nested mentions included. */
  readonly text: string;
  /** The exact replacement for the range. */
  readonly markup: string;
  /** The claimant's actor id: the document's source when the outlet states the fact; null when none is found. */
  readonly claimant: string | null;
  /** Whether the claimant is the document's source, so that the markup has no `by=`. */
  readonly bySource: boolean;
  readonly event: string | null;
  readonly properties: readonly SuggestedValue[];
  readonly hedged: boolean;
  /** In [0, 1]. */
  readonly confidence: number;
  /** One line a person can read. */
  readonly why: string;
}

export interface AssistOptions {
  /** The desk's cue phrases; by default those of corroborate.yaml. */
  readonly cues?: DeskCues;
  /** Suggestions below this confidence are left out (default 0: all). */
  readonly minConfidence?: number;
  /** What the corpus teaches; by default the corpus's model, learnt all through first. */
  readonly model?: CueModel;
}

// How sure a cue must make the finder before it ties a value to a property.
// A figure or a date read in the words, or a party the desk's claims give as
// a value, is a fact of the text already: half the evidence once asked ties
// it (counts and dates 0.6 → 0.3, parties 1.2 → 0.6; docs/assist.md, "The
// finder's thresholds"), 9 more claims matched on the eighteen read corpora
// and 6 on four newer ones, for about a point of precision. An enum value's
// cue stays at 2: lower, words learnt in one language fired on another and a
// value one claim asserted passed for the desk's habit.
const COUNT_THRESHOLD = 0.3;
const DATE_THRESHOLD = 0.3;
const ENUM_THRESHOLD = 2;
const ENTITY_THRESHOLD = 0.6;
/**
 * The evidence at which a tied count or party counts as half sure in a
 * suggestion's confidence: the thresholds they had, so that the values the
 * lower ones let in show as less sure, not the others as surer.
 */
const COUNT_HALF_SURE = 0.6;
const ENTITY_HALF_SURE = 1.2;
const EVENT_THRESHOLD = 1;
/** A passage that names an event by a mention or an alias. */
const EVENT_NAMED = 3;
/** How much the events of the rest of the document weigh (times their share), and the previous passage's. */
const DOCUMENT_WEIGHT = 0.8;
const PREVIOUS_WEIGHT = 0.4;
/** A name or place this many words from a fact counts three quarters; far from it, half. */
const NEARNESS_WORDS = 6;
/** An event's registry date describes it: a date in the passage supports the event, it never decides alone. */
const DATE_WEIGHT = 0.8;
/** A date that gives one event's days exactly says more of it than of the others it falls in, but it still never decides alone. */
const EXACT_DATE_WEIGHT = 0.95;
/** What an event's claims' words say weighs at most this: it breaks ties between the passage's own clues. */
const LEARNT_EVENT_WEIGHT = 1;
/**
 * Prepositions of direction: the place after them is where people or things
 * went, a third as likely the event's. Not the Arabic إلى, which reports use
 * as often for "raised to", "led to": read as direction (folded, "الي") it
 * moved the twenty-two corpora both ways (docs/assist.md, "The four newest
 * corpora after this stop's rounds").
 */
const TOWARDS: ReadonlySet<string> = new Set([
  ...['vers', 'to', 'towards', 'toward', 'into'],
  // French verbs whose object is where people or bodies went back to, after a bare "à" or none: "ont pu regagner [X]", "ramenés à [X]".
  ...['regagner', 'regagné', 'regagnés', 'rejoindre', 'rejoint', 'ramené', 'ramenés', 'ramenée', 'ramenées', 'rapatriés'].map((word) => foldText(word).folded),
]);
const TOWARDS_WEIGHT = 0.3;
const TOWARDS_WORDS = 6;
/** How much the events a property's claims are usually about weigh, times their share. */
const PROPERTY_EVENT_WEIGHT = 0.5;
/** Dates spanning more days than this (a year, a season) place no event. */
const MAX_DATED_DAYS = 31;
/** Sentences longer than this are no claim to wrap (a page with no full stop): they are passed over. */
const MAX_UNIT_LENGTH = 3000;
/** An enum value must beat the next value of its property by this factor. */
const ENUM_MARGIN = 1.5;
/** How much the desk's claims of a property must say a passage is about it before a stance cue or the usual party counts (fully from ABOUT_FULL). */
const ABOUT_MIN = 0.5;
const ABOUT_FULL = 1;
/**
 * A party's statement about an event whose value no reader reads ("The army
 * has said it crashed after a technical problem", "[Les rebelles] affirment
 * l'avoir abattu") is proposed bare — its claimant, event and hedging — for
 * the analyst to complete: dismissing a proposal costs a keystroke, finding
 * a missed claim a minute (docs/assist.md, "A thirty-fourth round"). Only
 * where the party itself speaks, as the subject or agent of a verb of
 * saying or of a stand, not where it is merely cited ("selon X").
 */
const SPEAKING: ReadonlySet<Construction> = new Set(['verb', 'stance', 'claimed-by', 'relay']);
/** A bare statement's confidence at most: under every suggestion with a value, whose confidence is 0.15 plus its value's share. */
const BARE_CONFIDENCE = 0.14;
/** How much the passage's own words must point to the event before a bare statement is tied to it, where its paragraph is about no event. */
const BARE_OWN_EVENT = 1;
/** What a party weighs as an actor property's value when every claim of the property naming it gave it as the value. */
const PARTY_VALUE_WEIGHT = 2;
/**
 * Words that give the date a thing was planned for ("scheduled for Dec. 16",
 * "prévu le 16 décembre", "كانت مقررة … يوم 16"): beside another date (the
 * one it was put off to), it is not the date the claim gives.
 */
const PLANNED: ReadonlySet<string> = new Set(
  ['scheduled', 'planned', 'slated', 'due', 'prévu', 'prévue', 'prévus', 'prévues', 'programmé', 'programmée', 'initialement', 'originally', 'مقرر', 'مقررة', 'المقرر', 'المقررة', 'مقررا', 'مبرمجة'].map((word) => foldText(word).folded),
);
/** Words of an act to come: "will", "next", "prochain", "sera", "المقبل", "سوف". */
const FUTURE: ReadonlySet<string> = new Set(
  [
    ...['will', 'next', 'coming', 'upcoming', 'expected', 'prochain', 'prochaine', 'prochains', 'prochaines', 'sera', 'seront', 'aura', 'auront', 'doit', 'doivent', 'devrait', 'devraient'],
    ...['المقبل', 'المقبلة', 'القادم', 'القادمة', 'سوف'],
  ].map((word) => foldText(word).folded),
);

/**
 * A month or a day whose year the words leave open, which the reader put
 * after publication as the nearer ("in March", read in October, is the
 * coming March): in a passage of a past act — no word of one to come nor
 * of a plan — it is the last such before publication, the year before.
 */
function pastYearOf(words: Words, reading: DateReading, published: string | undefined): string | undefined {
  const publishedBy = published === undefined ? undefined : daysOf(published)?.high;
  const days = reading.value === null ? undefined : daysOf(reading.value);
  if (!reading.yearGuessed || reading.value === null || publishedBy === undefined || days === undefined || days.low <= publishedBy) return undefined;
  if (words.list.some((word) => word.kind === 'word' && (FUTURE.has(word.text) || PLANNED.has(word.text)))) return undefined;
  const earlier = reading.value
    .split('..')
    .map((part) => `${Number(part.slice(0, 4)) - 1}${part.slice(4)}`)
    .join('..');
  return daysOf(earlier) === undefined ? undefined : earlier;
}

/** How many words before a date a planning word may lie ("كانت مقررة في مدينة باو الفرنسية يوم 16"). */
const PLANNED_WORDS = 6;
/** How many words may stand between a reporting verb and the date of the statement ("said on Sunday"). */
const STATEMENT_DATE_WORDS = 2;
/** Words a suggestion needs at least: shorter stretches are titles and fragments. */
const MIN_WORDS = 3;
/** A value the desk's nearest claims assert must have this many times the evidence of any other value of its property in the passage's words. */
const NEIGHBOUR_MARGIN = 1.5;
/** The least evidence the passage's words must give an enum value the neighbours assert: three quarters of what ties it with no neighbour (ENUM_THRESHOLD). */
const NEIGHBOUR_EVIDENCE = 1.5;

/** What the finder knows of a document while reading it. */
interface DocumentContext {
  readonly corpus: Corpus;
  readonly registry: Registry;
  readonly facts: DocumentFacts;
  readonly options: ReadOptions;
  readonly model: CueModel;
  readonly cues: PhraseTable<readonly CuePhrase[]>;
  readonly mentions: readonly Mention[];
  readonly textValues: ReadonlyMap<string, PhraseTable<string>>;
}

/** A value found in a passage, tied to a property. */
interface Found extends SuggestedValue {
  /** Whether the value alone makes the passage worth a claim. */
  readonly fact: boolean;
  /** How sure the tie is, in [0, 1]. */
  readonly strength: number;
  /** A vague quantity, read by the desk's convention rather than from the words' own figure. */
  readonly vague?: boolean;
  /** A date whose week ("le vendredi soir") or year ("le 4 juin") the words do not fix: the reader's guess is the one nearest to publication. */
  readonly guessed?: 'week' | 'year';
  /** An enum value said with the cue of a stance (an accusation, a denial): kept only where the claimant surely takes it. */
  readonly stance?: Stance;
  /** A date its words tie to one of several date properties ("found on 6 October": `body-recovered`), not the usual one by default. */
  readonly tied?: true;
}

/** A passage read: its words, mentions, values and attribution. */
interface Reading {
  readonly range: TextRange;
  readonly unit: Unit;
  readonly words: Words;
  readonly mentions: readonly Mention[];
  readonly values: readonly Found[];
  readonly dates: readonly DateReading[];
  /** Its terms, mentions left out. */
  readonly allTerms: readonly WeightedTerm[];
  readonly hedged?: CueReading;
  /** Its words declining a figure ("n'a pas souhaité donner de bilan", "made no mention of civilians"). */
  readonly declined: readonly CueReading[];
  readonly attribution?: Attribution;
  readonly cueMatches: readonly CueMatch[];
  /** Dates the passage gives its statement ("said on Thursday"), not its fact. */
  readonly statementDates: readonly DateReading[];
  /** Set when the passage is the outlet's account of a statement: its date, about the statement's event. */
  readonly statement?: { readonly event: string; readonly why: string };
  /** Set on a party's claim of the act its sentence reports, cut off that sentence (claimClauseCut). */
  readonly claimOfAct?: true;
  /** Set on a party's account cut off the outlet's clause that dates or places it (endAttributionCut): that clause's values, which the account is about. */
  readonly framedBy?: readonly Found[];
  /** Days counted from the event the report is about ("au lendemain du massacre"), read once the document's event is known. */
  readonly eventDays: readonly EventDay[];
  /** Figures said of a figure before them ("put it higher, at about 160"), which count what it counted. */
  readonly figuresBefore: readonly CountReading[];
}

/** A day counted from the event a report is about, for a date property. */
interface EventDay {
  readonly reading: DateReading;
  readonly offset: number;
  readonly key: string;
}

interface CueMatch {
  readonly first: number;
  readonly next: number;
  readonly start: number;
  readonly end: number;
  readonly cues: readonly CuePhrase[];
}

function contextOf(
  corpus: Corpus,
  facts: DocumentFacts,
  options: AssistOptions,
  model = options.model ?? CueModel.of(corpus),
  mentions: readonly Mention[] = documentMentions(corpus, facts),
): DocumentContext {
  const registry = corpus.registry;
  return {
    corpus,
    registry,
    facts,
    options: readOptionsOf(registry, facts),
    model,
    cues: cueTable(registry, options.cues ?? registryCues(registry)),
    mentions,
    textValues: textValueTables(registry, model),
  };
}

/** The text values the corpus annotated, per text property, as phrase tables; rebuilt when the model changes. */
const textTables = new WeakMap<CueModel, { readonly generation: number; readonly registry: Registry; readonly tables: Map<string, PhraseTable<string>> }>();

function textValueTables(registry: Registry, model: CueModel): ReadonlyMap<string, PhraseTable<string>> {
  const known = textTables.get(model);
  if (known !== undefined && known.generation === model.generation && known.registry === registry) return known.tables;
  const tables = new Map<string, PhraseTable<string>>();
  for (const property of registry.properties.values()) {
    if (property.type !== 'text') continue;
    const table = new PhraseTable<string>();
    for (const [folded, { written }] of model.textValues(property.key)) if (folded.split(' ').length <= 6) table.addLiteral(written, written);
    tables.set(property.key, table);
  }
  textTables.set(model, { generation: model.generation, registry, tables });
  return tables;
}

function mentionsIn(mentions: readonly Mention[], range: TextRange): Mention[] {
  const found: Mention[] = [];
  for (let k = firstSpanFrom(mentions, range.start); k < mentions.length && mentions[k].start < range.end; k++) if (mentions[k].end <= range.end) found.push(mentions[k]);
  return found;
}

/**
 * A range of a document cut into words for the readers, the markup of the
 * spans inside it read past. Its facts, or its text and tree as a caller
 * cutting many ranges holds them: the facts ask the corpus's tree cache
 * for the tree each time.
 */
export function wordsOf(facts: { readonly text: string; readonly parsed: ParsedDocument }, range: TextRange): Words {
  return readWords({ text: facts.text, start: range.start, end: range.end, markup: markupWithin(facts.parsed, range.start, range.end) });
}

/** The cue phrases within words [from, to) that signal a target, as evidence. */
function cueEvidence(words: Words, matches: readonly CueMatch[], name: string, from: number, to: number, value?: { readonly first: number; readonly next: number }): Evidence[] {
  const found: Evidence[] = [];
  for (const match of matches) {
    if (match.first < from || match.first >= to) continue;
    // Near a value, a cue counts as a word there would: less the further it is, less before the value than after it.
    const before = words.list[match.first]?.arabic === true ? 1 : BEFORE_VALUE;
    const nearness = value === undefined ? 1 : match.first >= value.next ? proximity(match.first - value.next + 1) : before * proximity(Math.max(1, value.first - match.next + 1));
    for (const cue of match.cues) if (cue.target === name) found.push({ weight: cue.weight * nearness, term: cue.phrase });
  }
  return found;
}

/** How sure a text value read from the passage's own words is (the means of an attack, what was taken). */
const TEXT_STRENGTH = 0.6;

/** How sure a duration read for a count of days or hours is: its unit is the property's own. */
const DURATION_STRENGTH = 0.8;

const countsByUse = new WeakMap<CueModel, { readonly generation: number; readonly registry: Registry; readonly properties: readonly PropertyEntry[] }>();

/**
 * A registry's count properties, the likeliest first: of two a figure fits
 * equally well ("at least 20 Russians had been killed", where the cues of
 * "killed" reach every sibling), the one the desk's claims give more often,
 * else the one whose group the desks of the read corpora count more often
 * (soldiers before civilians), else by key — never the one the desk
 * happened to list first in corroborate.yaml. Listed once per model
 * generation.
 */
function countPropertiesByUse(registry: Registry, model: CueModel): readonly PropertyEntry[] {
  const known = countsByUse.get(model);
  if (known !== undefined && known.generation === model.generation && known.registry === registry) return known.properties;
  const uses = (property: PropertyEntry) => model.observations(target.count(property.key));
  const properties = [...propertiesOf(registry, 'count')].sort((a, b) => uses(b) - uses(a) || groupRankByUse(a.key) - groupRankByUse(b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  countsByUse.set(model, { generation: model.generation, registry, properties });
  return properties;
}

const propertiesByType = new WeakMap<Registry, Map<PropertyEntry['type'], readonly PropertyEntry[]>>();

/** A registry's properties of one type, in registry order; listed once per registry, as every passage asks. */
function propertiesOf(registry: Registry, type: PropertyEntry['type']): readonly PropertyEntry[] {
  let byType = propertiesByType.get(registry);
  if (byType === undefined) propertiesByType.set(registry, (byType = new Map<PropertyEntry['type'], readonly PropertyEntry[]>()));
  let properties = byType.get(type);
  if (properties === undefined) byType.set(type, (properties = [...registry.properties.values()].filter((property) => property.type === type)));
  return properties;
}

interface Scored<T> {
  readonly item: T;
  readonly score: number;
  /** The term or cue phrase that weighs most. */
  readonly cue?: string;
}

function scored<T>(item: T, evidence: readonly Evidence[]): Scored<T> {
  const top = [...evidence].sort((a, b) => b.weight - a.weight)[0];
  return top?.term !== undefined ? { item, score: combine(evidence), cue: top.term } : { item, score: combine(evidence) };
}

/** The best-scored candidate, or undefined when none reaches the threshold. */
function best<T>(candidates: readonly Scored<T>[], threshold: number): Scored<T> | undefined {
  let top: Scored<T> | undefined;
  for (const candidate of candidates) if (candidate.score >= threshold && (top === undefined || candidate.score > top.score)) top = candidate;
  return top;
}

/** How sure a tie is, from its score: 0.5 at `halfSure`, 1 at three times it. */
function strengthOf(score: number, halfSure: number): number {
  return Math.min(1, 0.5 + (0.5 * (score - halfSure)) / (halfSure * 2));
}

function found(words: Words, key: string, value: string, range: TextRange, why: string, fact: boolean, strength: number): Found {
  return { key, value, start: range.start, end: range.end, words: words.text.slice(range.start, range.end), why, fact, strength };
}

/** A value's words in a passage (first, next) and the words around them (from, to). */
interface Neighbourhood {
  readonly first: number;
  readonly next: number;
  readonly from: number;
  readonly to: number;
}

/** The cue phrases of a passage, the longest at each word, overlapping ("ont été tués" and "tués ou blessés"). */
function allCueMatches(table: PhraseTable<readonly CuePhrase[]>, words: Words): CueMatch[] {
  const matches: CueMatch[] = [];
  for (let index = 0; index < words.length; index++) {
    if (!table.mayStartAt(words.list[index])) continue;
    const match = table.matchAt(words, index);
    if (match !== undefined) matches.push({ first: match.first, next: match.next, start: match.start, end: match.end, cues: match.payload });
  }
  return matches;
}

/** How many words after a declined cue may name what its figure would count: "de bilan des disparus", "how many soldiers were wounded or missing". */
const COUNTED_NOUN_WORDS = 6;

/**
 * The count properties whose cues the words right after a declined cue
 * hold, up to the end of its clause: the thing the figure not given would
 * count ("bilan des disparus": the missing, not the dead "bilan" alone would
 * say; "how many soldiers were wounded or missing": both; "عن تحديد عدد
 * القتلى في صفوف المدنيين"). Of the properties one cue names (`killed`,
 * `civilians-killed`), the one whose people the same words name, else the
 * best scored. Where no cue names one, the people the words name choose
 * among them all ("bilan des victimes civiles": `civilians-killed`); none
 * named, none.
 */
function countedAfter(registry: Registry, words: Words, cueMatches: readonly CueMatch[], after: number, candidates: readonly Scored<PropertyEntry>[]): PropertyEntry[] {
  let end = after;
  while (end < Math.min(words.length, after + COUNTED_NOUN_WORDS) && !endsClause(words.list[end])) end++;
  const window = { from: after, to: end, first: after, next: after };
  const named = new Set<PropertyEntry>();
  for (const match of cueMatches) {
    if (match.first < after || match.first >= end) continue;
    const targets = new Set(match.cues.map((cue) => cue.target));
    const choices = candidates.filter((candidate) => targets.has(target.count(candidate.item.key)));
    const chosen = ofPeopleNamed(choices) ?? best(choices, 0);
    if (chosen !== undefined) named.add(chosen.item);
  }
  const people = named.size === 0 ? ofPeopleNamed(candidates) : undefined;
  return people === undefined ? [...named] : [people.item];

  function ofPeopleNamed(choices: readonly Scored<PropertyEntry>[]): Scored<PropertyEntry> | undefined {
    return best(choices.map((candidate) => scored(candidate.item, qualifierEvidence(registry, candidate.item.key, words, window))), Number.MIN_VALUE);
  }
}

/**
 * Reads one passage: values, tied to properties, and who says them. With
 * `measuresOnly`, of the values only the counts and dates (the value check
 * asks no more of a claim's words): the enum and text values, which none of
 * them depends on, are not looked for.
 */
function readPassageAt(context: DocumentContext, unit: Unit, range: TextRange, lastSpeaker: string | undefined, words = wordsOf(context.facts, range), measuresOnly = false): Reading {
  const { registry, model, options } = context;
  const mentions = mentionsIn(context.mentions, range);
  const mentionRanges = mentions.map((m) => ({ start: m.start, end: m.end }));
  const cueMatches = allCueMatches(context.cues, words);
  const values: Found[] = [];
  const around = (start: number, end: number): Neighbourhood => {
    const first = wordIndexAt(words, start);
    const next = Math.max(first + 1, wordIndexAt(words, end));
    const { from, to } = neighbourhood(words, first, next, mentionRanges);
    return { first, next, from, to };
  };
  // The model the value check reads with has learnt nothing, so no term is evidence: the terms around a figure are not gathered.
  const taught = model !== CueModel.untaught;
  // Words a cue phrase of another target reads ("tués" in "tués ou blessés") are no learnt evidence for this one.
  const skips = new Map<string, TextRange[]>();
  const near = (name: string, where: Neighbourhood) => {
    if (!taught) return cueEvidence(words, cueMatches, name, where.from, where.to, where);
    let skip = skips.get(name);
    if (skip === undefined) skips.set(name, (skip = [...mentionRanges, ...cueMatches.filter((match) => !match.cues.some((cue) => cue.target === name))]));
    return [...model.evidence(name, neighbourhood(words, where.first, where.next, skip).terms), ...cueEvidence(words, cueMatches, name, where.from, where.to, where)];
  };
  const counts = readCounts(words, options);
  const dates = readDates(words, options);
  // A passage's terms, for enum values and events: its names and its figures are no cue.
  const allTerms = taught ? termsOf(words, [...mentionRanges, ...counts, ...dates]) : [];
  const anywhere = (name: string) => [...model.evidence(name, allTerms), ...cueEvidence(words, cueMatches, name, 0, words.length)];

  const cues = readCues(words, options);
  // The outlet's own hedge ("reportedly") outweighs a conditional beside it: it says whose voice the passage is in.
  const hedged = cues.find((cue) => cue.voice === 'sourcing') ?? cues.find((cue) => cue.cue === 'hedged');
  const declinedCues = cues.filter((cue) => cue.cue === 'declined');
  const attributions = findAttributions(context.corpus, words, mentions, options.language, lastSpeaker, declinedCues.filter((cue) => cue.subjectless !== true));
  const attribution = chooseAttribution(context.corpus, words, attributions);
  // A date right after the verb that reports the statement ("said on Sunday", "a assuré l'armée samedi") dates the statement, not the fact.
  const statementDate = (range: TextRange) => {
    if (attribution === undefined) return datesStatement(words, wordIndexAt(words, range.start), mentions);
    const ends = [attribution.cue.end, ...(attribution.mention !== undefined && attribution.mention.start >= attribution.cue.end ? [attribution.mention.end] : [])];
    const at = wordIndexAt(words, range.start);
    const afterVerb = ends.some((end) => {
      const from = wordIndexAt(words, end);
      return at >= from && at - from <= STATEMENT_DATE_WORDS && words.list.slice(from, at).every((word) => word.kind === 'word' && stemOf(word) === undefined);
    });
    // A date inside the construction ("a-t-on appris mercredi de") dates it as well.
    const inCue = range.start >= attribution.cue.start && range.end <= attribution.cue.end;
    return afterVerb || inCue || datesStatement(words, at, mentions);
  };

  const countProperties = countPropertiesByUse(registry, model);
  // A figure that counts who speaks ("plusieurs [sources sécuritaires] évoquent une vingtaine de morts", "two [residents] said") is
  // no value of what they say.
  // Any party that speaks in the passage, and "one of them": "[Local sources] say…: [one local official] put the number at…".
  const told = counts.filter((count) => !attributions.some((said) => (said.mention !== undefined && countsParty(words, count, said.mention)) || countsPronoun(words, count, said)));
  const tied = tieCounts(words, told, countProperties, cueMatches, registry, near, around);
  values.push(...tied.values.map((value) => countAtPlace(context.corpus, words, mentions, value)));
  values.push(...untiedAtPlaces(context.corpus, words, mentions, told.filter((figure) => !tied.values.some((value) => value.start === figure.start)), countProperties));
  const figuresBefore = tied.figuresBefore;

  // A count the desk measures in days or hours (`mourning-days`, `duration-hours`) takes the durations the count reader passes over
  // as measures.
  const measured = countProperties.filter((property) => durationUnitOf(property) !== undefined);
  let durations: CountReading[] | undefined;
  const durationsRead = () => (durations ??= readDurations(words, options));
  const durationUnit = measured.length === 1 ? durationUnitOf(measured[0]) : undefined;
  if (durationUnit !== undefined) {
    const property = target.count(measured[0].key);
    for (const reading of durationUnit === 'days' ? durationsRead() : readDurations(words, options, durationUnit)) {
      // Hours are also the time of day and how long a fight lasted: hours count the property only beside its cues ("deuil", "mourning").
      if (durationUnit === 'hours' && combine(near(property, around(reading.start, reading.end))) < COUNT_THRESHOLD) continue;
      values.push(found(words, measured[0].key, reading.value, reading, `${reading.why} (${measured[0].key})`, true, DURATION_STRENGTH));
    }
  }

  const dateProperties = propertiesOf(registry, 'date');
  // Among several date properties the cues choose, and the one the corpus uses most takes the dates no cue ties.
  const usualDate = [...dateProperties].sort((a, b) => model.observations(target.date(b.key)) - model.observations(target.date(a.key)))[0];
  const statementDates: DateReading[] = [];
  const planned = (reading: DateReading) => {
    const at = wordIndexAt(words, reading.start);
    return words.list.slice(Math.max(0, at - PLANNED_WORDS), at).some((word) => word.kind === 'word' && PLANNED.has(foldText(word.text).folded));
  };
  // A date the thing was planned for gives way to another the passage gives: "prévu le 16 décembre", reporté « au début de l'année 2020 ».
  const plannedDates = new Set(dates.filter(planned));
  const putOff = dates.some((reading) => reading.value !== null && !plannedDates.has(reading));
  const eventDays: EventDay[] = [];
  // Among several date properties, the one the words by the date tie (a `body-recovered` by "found"), else the usual one.
  const dateProperty = (reading: DateReading) => {
    const where = around(reading.start, reading.end);
    return dateProperties.length > 1 ? best(dateProperties.map((property) => scored(property, near(target.date(property.key), where))), DATE_THRESHOLD)?.item : undefined;
  };
  for (const reading of dates) {
    // The event's own day ("The attacks came on the day…") is its date, whatever date property the words near it tie.
    if (reading.eventOffset !== undefined && usualDate !== undefined) eventDays.push({ reading, offset: reading.eventOffset, key: (reading.eventOffset === 0 ? usualDate : (dateProperty(reading) ?? usualDate)).key });
    if (reading.value === null || usualDate === undefined || dateline(words, reading) || (putOff && plannedDates.has(reading))) continue;
    if (statementDate(reading)) {
      statementDates.push(reading);
      continue;
    }
    const tied = dateProperty(reading);
    const property = tied ?? usualDate;
    // A year alone ("depuis 2012") is background more often than a claim: it goes with a claim, it makes none.
    const precise = reading.value.length >= 7;
    // The one number of days the passage gives, from or to the day: "three days of mourning starting on Tuesday".
    const period = periodOfDays(words, reading, () => (durationsRead().length === 1 ? Number(durationsRead()[0].value) : undefined));
    const past = period === undefined ? pastYearOf(words, reading, options.published) : undefined;
    const why = period !== undefined ? `${reading.why}, '${durationsRead()[0].words}' from or to it → ${period}` : past !== undefined ? `${reading.why}: ${past}, a past act's` : reading.why;
    const value = found(words, property.key, period ?? past ?? reading.value, reading, `${why} (${property.key})`, precise, precise ? 0.7 : 0.3);
    const guessed = reading.weekdays !== undefined ? 'week' : reading.yearGuessed && past === undefined ? 'year' : undefined;
    const marked = tied === undefined ? value : { ...value, tied: true as const };
    values.push(guessed === undefined ? marked : { ...marked, guessed });
  }

  const figures = declinedCues.length > 0 && (speaksOfFigures(words) || declinedCues.some((cue) => cue.ofPeople === true));
  for (const declined of declinedCues) {
    // Which figure is declined: the count property the passage's words point to, else the one the corpus declines most.
    const where = around(declined.start, declined.end);
    const candidates = countProperties.map((property) =>
      // The people named in or beside the cue tell siblings apart ("made no mention of civilians": `civilians-killed`).
      scored(property, [
        ...anywhere(target.declined(property.key)),
        ...near(target.count(property.key), where),
        ...cueEvidence(words, cueMatches, target.count(property.key), 0, words.length),
        ...qualifierEvidence(registry, property.key, words, where),
      ]),
    );
    const usual = [...countProperties].sort((a, b) => model.observations(target.declined(b.key)) - model.observations(target.declined(a.key)) || model.observations(target.count(b.key)) - model.observations(target.count(a.key)))[0];
    // The counts the words right after the cue name ("de bilan des disparus", "how many soldiers were wounded or missing"), else
    // whom the declined toll counts, named right after its cue ("de bilan des victimes civiles", "حصيلة لقتلى المهاجمين"), picks the one
    // sibling of the chosen property's predicate that names them ("how many soldiers were wounded" stays `wounded`).
    const after = countedAfter(registry, words, cueMatches, wordIndexAt(words, declined.end), candidates);
    const chosen = best(candidates, Number.MIN_VALUE)?.item ?? usual;
    const named = chosen === undefined ? [] : countProperties.filter((property) => predicateOf(property.key) === predicateOf(chosen.key) && namesCountedNoun(registry, property.key, words, where));
    for (const property of after.length > 0 ? after : [named.length === 1 ? named[0] : chosen]) {
      if (property === undefined || values.some((value) => value.key === property.key)) continue;
      // A refusal makes a claim when a figure is at stake ("n'a pas souhaité donner de bilan"), not a mere "no comment".
      values.push(found(words, property.key, '?', declined, `${declined.why} (${property.key})`, figures, figures ? 0.8 : 0.3));
    }
  }

  if (!measuresOnly) values.push(...enumAndTextValues(context, range, words, mentions, cueMatches, [...mentionRanges, ...counts, ...dates]));
  return {
    range,
    unit,
    words,
    mentions,
    values,
    dates,
    allTerms,
    ...(hedged !== undefined ? { hedged } : {}),
    declined: declinedCues,
    ...(attribution !== undefined ? { attribution } : {}),
    cueMatches,
    statementDates,
    eventDays,
    figuresBefore,
  };
}

/** A passage's enum values and text values; `noCues`, its names and figures, are no cue of them. */
function enumAndTextValues(
  context: DocumentContext,
  range: TextRange,
  words: Words,
  mentions: readonly Mention[],
  cueMatches: readonly CueMatch[],
  noCues: readonly TextRange[],
): Found[] {
  const { registry, model, options } = context;
  const values: Found[] = [];
  // A value the passage denies is no evidence for it: "fighters, not civilians", "وليسوا مدنيين".
  const negated = negatedWords(words);
  const affirmed = cueMatches.filter((match) => !negated.some((range) => range.start <= match.start && match.start < range.end));
  const affirmedTerms = termsOf(words, [...noCues, ...negated]);
  // A value's own words in a clause a party denies are no evidence for it; the denial itself is read by the stance cues.
  const denied = deniedClauses(words);
  const assertedCues = affirmed.filter((match) => !denied.some((range) => range.start <= match.start && match.start < range.end));
  const assertedTerms = denied.length === 0 ? affirmedTerms : termsOf(words, [...noCues, ...negated, ...denied]);
  const asserted = (name: string) => [...model.evidence(name, assertedTerms), ...cueEvidence(words, assertedCues, name, 0, words.length)];
  const aboutTerms = [...affirmedTerms, ...partyTerms(mentions)];
  const enums = propertiesOf(registry, 'enum');
  // A stance (an accusation, a denial) ties a value only of the property the passage is most about, by what the desk's claims of it teach.
  const abouts = new Map(enums.filter((property) => property.values.some((value) => stanceOf(value) !== undefined)).map((property) => [property.key, combine(model.evidence(target.property(property.key), aboutTerms)) / ABOUT_FULL]));
  const most = Math.max(0, ...abouts.values());
  for (const property of enums) {
    const about = Math.min(1, abouts.get(property.key) ?? 0);
    const stance = (value: string) => (about < ABOUT_MIN || abouts.get(property.key) !== most ? [] : cueEvidence(words, affirmed, target.stance(property.key, value), 0, words.length).map((e) => ({ ...e, weight: e.weight * about })));
    const candidates = property.values.map((value) => scored(value, [...asserted(target.value(property.key, value)), ...stance(value)]));
    const chosen = best(candidates, ENUM_THRESHOLD);
    if (chosen === undefined) continue;
    const second = Math.max(0, ...candidates.filter((c) => c !== chosen).map((c) => c.score));
    if (chosen.score < ENUM_MARGIN * second) continue;
    const names = [target.value(property.key, chosen.item), target.stance(property.key, chosen.item)];
    const said = cueMatches.filter((match) => match.cues.some((c) => names.includes(c.target)));
    // Told only by the dead being unarmed, who they were goes with a toll but makes no claim alone.
    const unarmedOnly = said.length > 0 && said.every((match) => match.cues.every((c) => !names.includes(c.target) || saysUnarmed(c.phrase)));
    const where = said[0] ?? wordWithStem(words, chosen.cue) ?? { start: range.start, end: range.start };
    const value = found(words, property.key, chosen.item, where, `'${words.sourceBetween(where.start, where.end)}' → ${property.key}=${chosen.item}`, !unarmedOnly, strengthOf(chosen.score, ENUM_THRESHOLD));
    // Said with a stance cue, the value is a party's act, which the claimant must be sure to have taken (stance.ts).
    const taken = stanceOf(chosen.item);
    const stated = affirmed.some((match) => match.cues.some((cue) => cue.target === names[1]));
    values.push(taken !== undefined && stated ? { ...value, stance: taken } : value);
  }

  for (const [key, table] of context.textValues) {
    const match = table.findAll(words)[0];
    if (match === undefined) continue;
    values.push(found(words, key, words.sourceBetween(match.start, match.end), match, `'${words.sourceBetween(match.start, match.end)}' → ${key} (annotated so elsewhere in the corpus)`, true, 0.6));
  }
  // A free-text property of the means of an attack, or of what was taken, in the passage's own words.
  for (const property of propertiesOf(registry, 'text')) {
    const kind = textKindOf(property.key);
    if (kind === undefined || values.some((value) => value.key === property.key)) continue;
    const text = kind === 'means' ? readMeans(words, options) : readSpoils(words, options);
    if (text !== undefined) values.push(found(words, property.key, text.value, text, `${text.why} (${property.key})`, true, TEXT_STRENGTH));
  }
  return values;
}

/**
 * Words by which a figure is said of the figure of the sentence before:
 * "put it higher, at about 160", "put the number at about 100", "twice the
 * « approximately 50 »", "l'estiment à 160", "ce chiffre", "قدّرها بنحو
 * 160", "ضعف". They stand a few words before it.
 */
const FIGURE_REFERENCES: ReadonlySet<string> = new Set([
  ...['it', 'number', 'figure', 'total', 'tally', 'twice', 'double', 'half', 'higher', 'lower'],
  ...['chiffre', 'nombre', 'total', 'double', 'moitie', 'estime', 'estiment', 'evaluent', 'situent', 'portent'],
  ...['العدد', 'الرقم', 'ضعف', 'قدرها', 'قدروها', 'قدره', 'قدروه', 'رفعها', 'رفعه', 'رفعوا'].map((word) => foldText(word).folded),
]);
/** How many words before a figure its reference to the figure before may stand. */
const REFERENCE_WORDS = 6;

/** Whether the words before word `first` say that the figure there is said of a figure before it, within its sentence. */
function refersToFigure(words: Words, first: number): boolean {
  for (let k = first - 1, seen = 0; k >= 0 && seen < REFERENCE_WORDS; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' && ['.', ';', ':', '!', '?', '؛', '؟'].includes(word.text)) return false;
    if (word.kind !== 'word') continue;
    seen++;
    if (FIGURE_REFERENCES.has(word.text) || word.stems?.some((stem) => FIGURE_REFERENCES.has(stem.stem)) === true) return true;
  }
  return false;
}

/** Verbs by which a toll, named as their subject, gives its figure: "stands at", "s'élève à", "بلغت". Folded, as words are. */
const TOLL_VERBS: readonly (readonly string[])[] = [
  ['stands', 'at'], ['stood', 'at'], ['rose', 'to'], ['risen', 'to'], ['climbed', 'to'], ['reached'],
  ['eleve', 'a'], ['elevait', 'a'], ['atteint'], ['atteignait'], ['passe', 'a'], ['monte', 'a'], ['etablit', 'a'],
  ...[['بلغت'], ['بلغ'], ['ارتفعت', 'إلى'], ['ارتفع', 'إلى'], ['وصلت', 'إلى'], ['وصل', 'إلى']].map((verb) => verb.map((word) => foldText(word).folded)),
];
/** A cue of the subject a toll's verb gives a figure for weighs less than one by the figure: it may stand a clause away. */
const SUBJECT_CUE_WEIGHT = 0.8;

/** Whether the words right before word `first` are a toll's verb ("stands at", "s'élève à", "بلغت"). */
function tollVerbBefore(words: Words, first: number): boolean {
  // Loops, not `some` and `every` with closures over the words: asked at every figure of every passage read.
  for (const verb of TOLL_VERBS) {
    let k = 0;
    while (k < verb.length && words.at(first - verb.length + k)?.text === verb[k]) k++;
    if (k === verb.length) return true;
  }
  return false;
}

/** Conjunctions that join two figures of one predicate ("two Americans and eight Nigerien soldiers were wounded"). */
const FIGURE_CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'et', 'y']);
/** Words that open a part of the figure before: "35 civils, dont 31 femmes", "including 20 children", "35 مدنيا، بينهم 31 امرأة". */
const INCLUDING: ReadonlySet<string> = new Set(['dont', 'including', 'parmi', ...['بينهم', 'بينهن', 'منهم'].map((word) => foldText(word).folded)]);
/** How many words may lie between a figure's end and the part after it ("civils, dont"). */
const PART_WORDS = 3;

/** Whether the figure at word `first` is a part of the figure that ends at word `before`: an inclusion word a few words after that one, right before this one. */
function partOfFigure(words: Words, before: number, first: number): boolean {
  return first - before <= PART_WORDS && INCLUDING.has(words.at(first - 1)?.text ?? '');
}

/** Words for more of the group counted before: "two others", "huit autres", "ثمانية آخرين". */
const OTHERS: ReadonlySet<string> = new Set(['others', 'other', 'autres', ...['آخرين', 'آخرون', 'أخرى'].map((word) => foldText(word).folded)]);

/** Whether the word at `conjunction` joins two figures: a conjunction right before the next figure's words. */
function joinsFigures(words: Words, conjunction: number, nextFirst: number): boolean {
  const word = words.at(conjunction);
  return word !== undefined && word.kind === 'word' && FIGURE_CONJUNCTIONS.has(word.text) && nextFirst === conjunction + 1;
}

/** How many words may lie between a figure and the place it is counted at ("49 villagers had been killed in [X]", "In [X] there were 70"). */
const FIGURE_PLACE_WORDS = 6;
/** Words that end a figure's phrase: the place after them is another figure's ("70 dead and in [X] 30"). */
const FIGURE_PHRASE_ENDS: ReadonlySet<string> = new Set(['and', 'et', 'or', 'ou', 'dont', 'including', 'while', 'tandis']);
/** Prepositions of place that open a clause before its figure ("In [X] there were 70", "À [X], il y a eu 70 morts", "وفي [X]"). */
const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set(['in', 'at', 'a', 'au', 'dans', foldText('في').folded, foldText('وفي').folded]);

/**
 * A count at one of several places, where the desk counts each place apart
 * (`killed-<place>` beside `killed`): the figure with the place named right
 * after it ("70 à [Tchoma Bangou] et 30 à [Zaroumdareye]", "سبعين شخصا
 * قتلوا في [X]") or that a clause opens on ("In [X] there were 70 dead",
 * "À [X], il y a eu 70 morts") is that place's.
 */
function countAtPlace(corpus: Corpus, words: Words, mentions: readonly Mention[], value: Found): Found {
  if (!countsAtPlaces(corpus.registry)) return value;
  const place = placeOfFigure(corpus, words, mentions, value, (id) => corpus.registry.properties.get(`${value.key}-${id}`)?.type === 'count');
  if (place === undefined) return value;
  const key = `${value.key}-${place}`;
  return { ...value, key, why: `${value.why}, at @${place} (${key})` };
}

/**
 * The figures no cue ties that a place counts, where one count property is
 * kept for that place: "70 à [X] et 30 à [Y]", "and in [Y] 30" give
 * `killed-x=70`, `killed-y=30` when `killed-<place>` is the only property
 * at those places.
 */
function untiedAtPlaces(corpus: Corpus, words: Words, mentions: readonly Mention[], figures: readonly CountReading[], countProperties: readonly PropertyEntry[]): Found[] {
  if (!countsAtPlaces(corpus.registry)) return [];
  const keysAt = (id: string) => countProperties.filter((property) => property.key.endsWith(`-${id}`));
  return figures.flatMap((figure) => {
    const place = placeOfFigure(corpus, words, mentions, figure, (id) => keysAt(id).length === 1);
    if (place === undefined) return [];
    const { key } = keysAt(place)[0];
    return [found(words, key, figure.value, figure, `${figure.why}, at @${place} (${key})`, true, 0.5)];
  });
}

const placeCounts = new WeakMap<Registry, boolean>();

/** Whether a registry keeps a count for some place apart (a count property `<key>-<place id>`), read once per registry. */
function countsAtPlaces(registry: Registry): boolean {
  let found = placeCounts.get(registry);
  if (found === undefined) {
    const places = [...registry.entities.values()].filter((entity) => entity.section === 'place').map((entity) => `-${entity.id}`);
    found = propertiesOf(registry, 'count').some((property) => places.some((suffix) => property.key.endsWith(suffix)));
    placeCounts.set(registry, found);
  }
  return found;
}

/** The place a figure is counted at (countAtPlace), among those `counted` keeps a count for. */
function placeOfFigure(corpus: Corpus, words: Words, mentions: readonly Mention[], value: TextRange, counted: (id: string) => boolean): string | undefined {
  const places = mentions.flatMap((mention) => {
    const id = idOfSection(corpus, mention, 'place');
    return id !== undefined && counted(id) ? [{ id, mention }] : [];
  });
  if (places.length === 0) return undefined;
  const first = wordIndexAt(words, value.start);
  const next = wordIndexAt(words, value.end);
  const after = places.find((place) => {
    const between = words.list.slice(next, wordIndexAt(words, place.mention.start));
    return place.mention.start >= value.end && between.length <= FIGURE_PLACE_WORDS && between.every((word) => word.kind === 'word' && !FIGURE_PHRASE_ENDS.has(word.text));
  });
  const before = places.filter((place) => {
    const at = wordIndexAt(words, place.mention.start);
    const between = words.list.slice(wordIndexAt(words, place.mention.end), first);
    const preposition = words.at(at - 1);
    const opening = words.at(at - 2);
    const opensClause = opening === undefined || opening.kind === 'mark' || FIGURE_PHRASE_ENDS.has(opening.text);
    return place.mention.end <= value.start && between.length <= FIGURE_PLACE_WORDS && preposition !== undefined && PLACE_PREPOSITIONS.has(preposition.text) && opensClause && between.every((word) => word.kind !== 'number');
  }).at(-1);
  return (after ?? before)?.id;
}

/** Whether a figure opens the pronoun that speaks ("One of them said…", "L'un d'eux a dit…"). */
function countsPronoun(words: Words, count: TextRange, said: Attribution): boolean {
  if (!said.pronoun || said.cue.start < words.list[0]?.start) return false;
  const pronoun = pronounBefore(words, Math.max(0, wordIndexAt(words, said.cue.start + 1) - 1));
  return pronoun !== undefined && count.start >= pronoun.start && count.end <= pronoun.end;
}

/**
 * Whether a figure counts a party: right before its mention ("plusieurs
 * [sources]", "two [residents]") or opening it ("[one local official]") —
 * not a figure further in, which its description tells ("[a trader who lost
 * two sons]").
 */
function countsParty(words: Words, count: TextRange, party: Mention): boolean {
  if (wordIndexAt(words, count.start) === wordIndexAt(words, party.start) && count.end <= party.end) return true;
  return wordIndexAt(words, count.end) === wordIndexAt(words, party.start) && /^[\s[]*$/u.test(words.sourceBetween(count.end, party.start));
}

/** What tieCounts asks of a count property's key at every figure, read once per property: whether it counts who only ("fighters"), and its predicate. */
const countKeys = new WeakMap<PropertyEntry, { readonly whoOnly: boolean; readonly predicate: string }>();

function countKeyOf(property: PropertyEntry): { readonly whoOnly: boolean; readonly predicate: string } {
  let read = countKeys.get(property);
  if (read === undefined) countKeys.set(property, (read = { whoOnly: countsWhoOnly(property.key, property.measure?.value), predicate: predicateOf(property.key) }));
  return read;
}

const NO_EVIDENCE: readonly Evidence[] = [];

/**
 * The count properties a passage's figures are tied to: each figure's
 * cues of what befell those counted (by the figure, by a partner it shares
 * its predicate with, by the toll its verb gives), the learnt words near
 * it, and the words of a compound key for whom it counts; and the figures
 * said of a figure before them, tied once the document is read.
 */
function tieCounts(
  words: Words,
  counts: readonly CountReading[],
  countProperties: readonly PropertyEntry[],
  cueMatches: readonly CueMatch[],
  registry: Registry,
  near: (name: string, where: Neighbourhood) => Evidence[],
  around: (start: number, end: number) => Neighbourhood,
): { readonly values: Found[]; readonly figuresBefore: CountReading[] } {
  if (counts.length === 0) return { values: [], figuresBefore: [] };
  // The cues of what befell those counted ("killed", "blessés"), not of who they are ("fighters").
  const befallCues = cueMatches.filter((match) => !match.cues.some((cue) => namesWhoIsCounted(cue.phrase)));
  const windows = counts.map((reading) => around(reading.start, reading.end));
  // One list of no cues per property, shared by every figure that borrows none: they are only read.
  const noCues: readonly (readonly Evidence[])[] = countProperties.map(() => NO_EVIDENCE);
  // Each figure's cues of what befell those counted, by property, read once: by the figure, and, where a toll's verb gives it
  // ("The official death toll from the attack, which began…, stands at 132"), of the toll named as its subject.
  const befallNear = windows.map((window) => countProperties.map((property) => cueEvidence(words, befallCues, target.count(property.key), window.from, window.to, window)));
  const subjectCues = windows.map((window) =>
    tollVerbBefore(words, window.first)
      ? countProperties.map((property) => cueEvidence(words, befallCues, target.count(property.key), 0, window.from).map((e) => ({ ...e, weight: e.weight * SUBJECT_CUE_WEIGHT })))
      : noCues,
  );
  // The figure one shares its predicate with: joined to it by "and", "et", when it has no cue of its own ("Two Americans and eight
  // Nigerien soldiers were wounded", "killed four American soldiers and four of their Nigerien partners"). It reads the cues past
  // its partner, and counts another group than its partner does.
  // A part of the figure before ("35 civils, dont 31 femmes, ont été tués") shares its predicate, before or after it.
  const parts = windows.map((window, i) => i > 0 && partOfFigure(words, windows[i - 1].next, window.first));
  const partners = windows.map((window, i) => {
    if (befallNear[i].some((evidence) => evidence.length > 0) || subjectCues[i].some((evidence) => evidence.length > 0)) return undefined;
    if (i + 1 < windows.length && joinsFigures(words, window.to, windows[i + 1].first)) return i + 1;
    if (i > 0 && (joinsFigures(words, windows[i - 1].to, window.first) || parts[i])) return i - 1;
    return undefined;
  });
  const partnerCues = windows.map((_, i) => {
    const j = partners[i];
    if (j === undefined) return noCues;
    const other = windows[j];
    const [from, to] = j > i ? [other.next, other.to] : [other.from, parts[i] ? other.to : other.first];
    return countProperties.map((property) => cueEvidence(words, befallCues, target.count(property.key), from, to, other));
  });
  // The words that name whom a figure counts are its own: a group named past the next figure is that one's ("قتل 12 شخصا بينهم 5 نساء"),
  // and so is one named before a figure joined to the one before ("مقتل 84 من مرتزقة فاغنر و47 جنديا").
  const ownWords = (i: number) => ({
    ...windows[i],
    from: i > 0 && joinsFigures(words, windows[i].first - 1, windows[i].first) ? windows[i].first : Math.max(windows[i].from, windows[i - 1]?.next ?? 0),
    to: Math.min(windows[i].to, windows[i + 1]?.first ?? words.length),
  });
  // Each figure's properties, the best first, from those its cues reach.
  const ranked = windows.map((where, i) => {
    // "…and two others wounded", "وإصابة ثمانية آخرين": the others are of the figure before's group.
    const counted = ownWords(OTHERS.has(words.at(where.next)?.text ?? '') && i > 0 ? i - 1 : i);
    // Who is counted ("thirty fighters") gives way to what befell them, when a cue of it stands by the figure ("were killed").
    const borrowed = countProperties.map((_, k) => [...subjectCues[i][k], ...partnerCues[i][k]]);
    const predicates = countProperties.map((_, k) => [...befallNear[i][k], ...borrowed[k]]);
    const befell = countProperties.filter((property, k) => !countKeyOf(property).whoOnly && combine(predicates[k]) >= COUNT_THRESHOLD);
    const candidates: Scored<PropertyEntry>[] = [];
    countProperties.forEach((property, k) => {
      if (befell.length > 0 && !befell.includes(property)) return;
      const own = [...near(target.count(property.key), where), ...borrowed[k]];
      // A key's words for whom it counts ("nigerien", "children") choose among siblings a cue of their predicate points to, by the
      // figure or its partner's; they tie nothing alone ("800 soldiers are deployed").
      const candidate = scored(property, predicates[k].length === 0 ? own : [...own, ...qualifierEvidence(registry, property.key, words, counted)]);
      if (candidate.score >= COUNT_THRESHOLD) candidates.push(candidate);
    });
    candidates.sort((a, b) => b.score - a.score);
    // The noun the figure counts ("47 جنديا", "77 militants") picks the one sibling of the best property's predicate that names it,
    // over what the desk's words near the figure teach.
    const predicate = candidates.length > 0 ? countKeyOf(candidates[0].item).predicate : undefined;
    const named = candidates.filter((candidate) => countKeyOf(candidate.item).predicate === predicate && namesCountedNoun(registry, candidate.item.key, words, counted));
    return named.length === 1 ? [named[0], ...candidates.filter((candidate) => candidate !== named[0])] : candidates;
  });
  const chosen = ranked.map((list, i) => (partners[i] === undefined ? list[0] : undefined));
  // Two figures of one predicate count two groups: the two properties that together fit them best ("Quatre soldats nigériens et
  // trois militaires américains ont été tués"), else the partner's alone, as before it was shared.
  ranked.forEach((list, i) => {
    const j = partners[i];
    if (j === undefined || partners[j] !== undefined) return;
    let top: { readonly mine: Scored<PropertyEntry>; readonly theirs: Scored<PropertyEntry> } | undefined;
    for (const mine of list) {
      for (const theirs of ranked[j]) {
        if (mine.item.key !== theirs.item.key && (top === undefined || mine.score + theirs.score > top.mine.score + top.theirs.score)) top = { mine, theirs };
      }
    }
    chosen[i] = top?.mine;
    chosen[j] = top?.theirs ?? ranked[j][0];
  });
  const values: Found[] = [];
  const figuresBefore: CountReading[] = [];
  counts.forEach((reading, i) => {
    const pick = chosen[i];
    if (pick === undefined) {
      // A figure with no word of what it counts, said of the figure before ("put it higher, at about 160"), counts what that one did.
      const cued = countProperties.some((property) => cueEvidence(words, cueMatches, target.count(property.key), windows[i].from, windows[i].to, windows[i]).length > 0);
      if (!cued && refersToFigure(words, windows[i].first)) figuresBefore.push(reading);
      return;
    }
    const value = found(words, pick.item.key, reading.value, reading, `${reading.why} (${pick.item.key}${pick.cue !== undefined ? `: '${pick.cue}'` : ''})`, true, strengthOf(pick.score, COUNT_HALF_SURE));
    values.push(reading.kind === 'vague' ? { ...value, vague: true } : value);
  });
  return { values, figuresBefore };
}

/** Words that name a statement: the date a few words after one is the statement's ("dans un communiqué diffusé vendredi", "in a statement on Thursday", "في بيان نشر أمس"). */
const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  ...['communique', 'communiques', 'declaration', 'declarations', 'message', 'video', 'tweet', 'entretien', 'interview', 'statement', 'statements', 'post', 'broadcast'],
  // A published report speaks as a statement does: "said in a report on Tuesday", "dans un rapport publié vendredi", "في تقرير نشرته أمس".
  ...['report', 'rapport'],
  // So does one speaking to the press: "speaking to the Guardian this week", "interrogé jeudi par l'AFP", "متحدثا للجزيرة نت أمس".
  ...['speaking', 'talking', 'exprimant', 'interroge', 'interrogee', 'joint', 'jointe'],
  ...['بيان', 'بيانها', 'بيانه', 'بيانهم', 'تسجيل', 'رسالة', 'تصريح', 'تصريحات', 'تغريدة', 'شريط', 'تقرير', 'تقريرها', 'تقريره', 'متحدثا', 'حديث', 'حديثه', 'حديثها'].map((word) => foldText(word).folded),
]);
/** Words that open what a statement says: a date after one of them is the fact's, not the statement's. */
const COMPLEMENTIZERS: ReadonlySet<string> = new Set(['that', 'que', 'qu', ...['أن', 'إن', 'بأن'].map((word) => foldText(word).folded)]);
/** Words that open what a statement is about: a date after one is the fact's ("un communiqué sur l'attaque menée vendredi"). */
const TOPIC_WORDS: ReadonlySet<string> = new Set(['sur', 'concernant', 'about', 'concerning', 'regarding', ...['عن', 'حول', 'بشأن'].map((word) => foldText(word).folded)]);
/** How many words may lie between a statement noun and its date ("communiqué lapidaire de deux phrases, diffusé vendredi"). */
const STATEMENT_PHRASE_WORDS = 6;

function isStatementNoun(word: Word | undefined): boolean {
  return word !== undefined && word.kind === 'word' && (STATEMENT_NOUNS.has(word.text) || word.stems?.some((stem) => STATEMENT_NOUNS.has(stem.stem)) === true);
}

/**
 * Whether the date at word `at` dates a statement the passage names just
 * before it ("dans un communiqué diffusé vendredi 24 novembre"). A party's
 * name counts as one word, however long ("un rapport du [Haut-Commissariat
 * de l'ONU aux droits de l'homme] publié ce vendredi").
 */
function datesStatement(words: Words, at: number, names: readonly TextRange[]): boolean {
  let seen = 0;
  let name: TextRange | undefined;
  for (let k = at - 1; k >= 0 && seen <= STATEMENT_PHRASE_WORDS; k--) {
    const word = words.list[k];
    const inside = names.find((range) => range.start <= word.start && word.end <= range.end);
    if (inside !== undefined) {
      if (inside !== name) seen++;
      name = inside;
      continue;
    }
    if (word.kind === 'mark') {
      if (word.text === ',' || word.text === '،' || word.text === '(' || word.text === "'") continue;
      return false;
    }
    if (COMPLEMENTIZERS.has(word.text) || TOPIC_WORDS.has(word.text)) return false;
    if (isStatementNoun(word)) return true;
    seen++;
  }
  return false;
}

/** Words that deny the word after them: "not civilians", "pas des civils", "ليسوا مدنيين". */
const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'non', 'pas', 'ni', 'jamais', ...['ليس', 'ليسوا', 'ليست', 'لسنا', 'غير', 'لا', 'لم', 'لن'].map((word) => foldText(word).folded)]);
/**
 * Words a negation reads past to the word it denies: articles, quotation marks and the auxiliaries of a passive or a perfect ("pas
 * des civils", "not « civilians »", "n'a pas été capturé", "had never been captured", "n'a pas encore été pris").
 */
const NEGATION_PAST: ReadonlySet<string> = new Set(['des', 'de', 'd', 'les', 'the', 'a', 'any', "'", '«', '»', '"', '“', '”', 'ete', 'etre', 'been', 'be', 'encore', 'yet', 'ever']);
/** Verbs of denial, as words are folded: what their clause says is denied ("denied that the camp had been captured", "dément la prise du camp"). */
const DENIALS: ReadonlySet<string> = new Set([
  ...['denied', 'denies', 'deny', 'denying', 'refuted', 'refutes', 'rejected', 'rejects', 'rejecting'],
  ...['nie', 'nient', 'niant', 'nier', 'dementi', 'dement', 'dementent', 'dementant', 'dementir', 'refute', 'refutent', 'rejete', 'rejette', 'rejettent'],
  ...['نفى', 'نفت', 'نفوا', 'ينفي', 'تنفي', 'ينفون'].map((word) => foldText(word).folded),
]);
/** Marks that end the clause a denial governs. */
const DENIAL_ENDS: ReadonlySet<string> = new Set(['.', ';', ':', ',', '،', '؛', '!', '?', '؟']);

/**
 * What the clauses of the passage's verbs of denial deny, as ranges: from
 * the word after the verb to the clause's end. What a party denies is no
 * value it asserts: "[The army] denied that the camp had been captured"
 * does not say outcome=captured. A stance cue of denial (`no`, `denied`
 * values) is read as the party's act, apart from these.
 */
function deniedClauses(words: Words): TextRange[] {
  const denied: TextRange[] = [];
  words.list.forEach((word, index) => {
    if (word.kind !== 'word' || !(DENIALS.has(word.text) || word.stems?.some((s) => DENIALS.has(s.stem)) === true)) return;
    let end = index + 1;
    while (end < words.length && !(words.list[end].kind === 'mark' && DENIAL_ENDS.has(words.list[end].text))) end++;
    if (end > index + 1) denied.push({ start: words.list[index + 1].start, end: words.list[end - 1].end });
  });
  return denied;
}

/** The words a negation denies, as ranges: the first word after each negation, articles and quotation marks passed over. */
function negatedWords(words: Words): TextRange[] {
  const denied: TextRange[] = [];
  words.list.forEach((word, index) => {
    if (word.kind !== 'word' || !(NEGATIONS.has(word.text) || word.stems?.some((s) => NEGATIONS.has(s.stem)) === true)) return;
    let k = index + 1;
    while (k < words.length && NEGATION_PAST.has(words.list[k].text)) k++;
    const next = words.at(k);
    if (next !== undefined && next.kind === 'word') denied.push({ start: next.start, end: next.end });
  });
  return denied;
}

/**
 * Whether a word among the few before a place, in its phrase, says what the
 * place is to the passage: `test` answers true (it does), false (the phrase
 * says otherwise: stop) or undefined (look further back).
 */
function saidBefore(words: Words, mention: TextRange, test: (word: Word) => boolean | undefined): boolean {
  const at = wordIndexAt(words, mention.start);
  for (let k = at - 1; k >= 0 && k >= at - TOWARDS_WORDS; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' && word.text !== "'" && word.text !== '’') return false;
    const said = test(word);
    if (said !== undefined) return said;
  }
  return false;
}

/** Whether a place is where something went: a preposition of direction among the few words before it, in its phrase ("évacués vers les centres de santé de [Kaya]"). */
function headedTowards(words: Words, mention: TextRange): boolean {
  return saidBefore(words, mention, (word) => (TOWARDS.has(word.text) ? true : undefined));
}

/**
 * Words of an office held at a place ("le maire de [X]", "the mayor of [X]",
 * "the chief of [X]", "رئيس بلدية [X]"), and the words that may stand
 * between it and the place ("le maire de la commune rurale de [X]"): the
 * place names whom the passage speaks of, not where its event happened.
 */
const OFFICES: ReadonlySet<string> = new Set(
  ['maire', 'maires', 'prefet', 'gouverneur', 'depute', 'mayor', 'mayors', 'prefect', 'governor', 'chief', 'chef', 'رئيس', 'عمدة', 'محافظ'].map((word) => foldText(word).folded),
);
const OFFICE_LINKS: ReadonlySet<string> = new Set(
  ['de', 'du', 'des', 'd', 'la', 'le', 'l', 'of', 'the', 'commune', 'rurale', 'urbaine', 'ville', 'village', 'town', 'city', 'municipality', 'بلدية', 'مدينة', 'قرية'].map((word) => foldText(word).folded),
);

/** Whether a place is named as the seat of an office someone holds: "le maire de la commune rurale de [X]". */
function seatOfOffice(words: Words, mention: TextRange): boolean {
  return saidBefore(words, mention, (word) => (OFFICES.has(word.text) ? true : word.kind === 'word' && !OFFICE_LINKS.has(word.text) ? false : undefined));
}

/** Units of a distance: a place a distance is measured from is a landmark ("à quelques dizaines de kilomètres de [Niafounké]"). */
const DISTANCE_UNITS: ReadonlySet<string> = new Set(
  ['km', 'kilometre', 'kilometres', 'kilometer', 'kilometers', 'kilomètre', 'kilomètres', 'mile', 'miles', 'كلم', 'كم', 'كيلومتر', 'كيلومترا', 'كيلومترات'].map((word) => foldText(word).folded),
);
/** Words between a distance and the place it is measured from: "de", "from", "au nord de", "north of", "من", "شمال". */
const DISTANCE_LINKS: ReadonlySet<string> = new Set(
  [
    ...['de', 'du', 'des', 'd', "'", '’', 'la', 'le', 'l', 'au', 'à', 'nord', 'sud', 'est', 'ouest', 'nord-est', 'nord-ouest', 'sud-est', 'sud-ouest'],
    ...['from', 'of', 'the', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west'],
    ...['من', 'عن', 'شمال', 'جنوب', 'شرق', 'غرب', 'شمالي', 'جنوبي', 'شرقي', 'غربي'],
  ].map((word) => foldText(word).folded),
);
/** How many words may stand between a distance's unit and the place: "kilomètres au nord-est de la ville de". */
const DISTANCE_WORDS = 4;

/**
 * Whether a place is named as the point a distance is measured from, not
 * where anything happened: "un autre camp, à [Goundam], à quelques dizaines
 * de kilomètres de [Niafounké]", "120 km north of [Niamey]", "على بعد 20 كلم
 * من [X]".
 */
function measuredFrom(words: Words, mention: TextRange): boolean {
  const at = wordIndexAt(words, mention.start);
  for (let k = at - 1; k >= 0 && k >= at - 1 - DISTANCE_WORDS; k--) {
    const word = words.list[k];
    if (DISTANCE_UNITS.has(word.text)) return k < at - 1;
    if (!DISTANCE_LINKS.has(word.text)) return false;
  }
  return false;
}

/** Words of a border: a place named as the border is a landmark ("near the border with Mali", "قرب الحدود مع مالي"). */
const BORDER_WORDS: ReadonlySet<string> = new Set(['border', 'borders', 'frontière', 'frontières', 'confins', 'حدود', 'الحدود', 'لحدود', 'الحدودية', 'الحدودي'].map((word) => foldText(word).folded));
/** Words between a border and the place it is the border with: "border with", "frontière avec le", "الحدود مع", "confins du", and those that join two places. */
const BORDER_LINKS: ReadonlySet<string> = new Set(['with', 'of', 'between', 'the', 'and', 'avec', 'de', 'du', 'des', 'd', 'le', 'la', 'l', 'entre', 'et', "'", 'مع', 'بين', 'و'].map((word) => foldText(word).folded));

/**
 * Whether a place is named as a border rather than where anything happened:
 * a word of a border before it, only links and other places between ("in
 * the Tillaberi region near the border with [Mali]", "borders with Niger
 * and [Mali]", "المحاذية لحدود [مالي]"); "a border post at [Inates]" is at
 * Inates.
 */
function namedAsBorder(words: Words, mention: TextRange, mentions: readonly TextRange[]): boolean {
  for (let k = wordIndexAt(words, mention.start) - 1; k >= 0; k--) {
    const word = words.list[k];
    if (mentions.some((other) => other.start <= word.start && word.end <= other.end)) continue;
    if (BORDER_WORDS.has(word.text) || word.stems?.some((s) => BORDER_WORDS.has(s.stem)) === true) return true;
    if (!BORDER_LINKS.has(word.text)) return false;
  }
  return false;
}

/** Nouns of a military post named after its place: "camp de [Kati]", "the [Kati] camp", "قاعدة [كاتي]". */
const POST_NOUNS: ReadonlySet<string> = new Set(
  ['camp', 'base', 'poste', 'caserne', 'garnison', 'post', 'garrison', 'barracks', 'قاعدة', 'معسكر', 'ثكنة'].map((word) => foldText(word).folded),
);
/** Words between a post's noun and its place: "camp de", "base militaire de"; "the [Kati] military base". */
const POST_LINKS: ReadonlySet<string> = new Set(['de', 'du', 'd', "'", '’', 'militaire', 'military', 'army', 'العسكرية'].map((word) => foldText(word).folded));
/** How many link words may stand between a post's noun and its place. */
const POST_LINK_WORDS = 2;

/** Whether a place is named as the place of a military post: its noun before ("camp de", "قاعدة"), or after in English ("[Kati] camp"). */
function namesPost(words: Words, mention: TextRange): boolean {
  const isPost = (word: Word | undefined) => word !== undefined && word.kind === 'word' && POST_NOUNS.has(word.text);
  const first = wordIndexAt(words, mention.start);
  for (let k = first - 1; k >= 0 && k >= first - 1 - POST_LINK_WORDS; k--) {
    if (isPost(words.list[k])) return true;
    if (!POST_LINKS.has(words.list[k].text)) break;
  }
  const next = Math.max(first + 1, wordIndexAt(words, mention.end));
  for (let k = next; k < words.length && k <= next + POST_LINK_WORDS; k++) {
    if (isPost(words.list[k]) && !words.list[k].arabic) return true;
    if (!POST_LINKS.has(words.list[k].text)) break;
  }
  return false;
}

/** A wire dateline's date, "DAKAR, Aug 29 (Reuters) -": the day of the dispatch, not of any fact. */
function dateline(words: Words, range: TextRange): boolean {
  const open = wordIndexAt(words, range.end);
  if (words.at(open)?.text !== '(') return false;
  for (let k = open + 1; k < Math.min(words.length, open + 6); k++) {
    if (words.list[k].text === ')') return ['-', '—', '–'].includes(words.at(k + 1)?.text ?? '');
  }
  return false;
}

/** The first word whose stem is `stem`, as a range. */
function wordWithStem(words: Words, stem: string | undefined): TextRange | undefined {
  if (stem === undefined) return undefined;
  const word = words.list.find((w) => w.kind === 'word' && (w.text.startsWith(stem) || w.stems?.some((s) => s.stem.startsWith(stem))));
  return word === undefined ? undefined : { start: word.start, end: word.end };
}

/** Relative pronouns that open a description of the party named before their comma: "[ISGS], which is active…", "[X]، الذي يقوده…". */
const PARTY_RELATIVES: ReadonlySet<string> = new Set(['which', 'who', 'qui', ...['الذي', 'التي', 'الذين'].map((word) => foldText(word).folded)]);

/** Words that open a clause: a cut between two values goes before one of them, or after clause punctuation. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['et', 'and', 'qui', 'que', 'qu', 'dont', 'who', 'which', 'while', 'whereas', 'tandis', 'alors', 'mais', 'but']);
const CUT_MARKS: ReadonlySet<string> = new Set([',', ';', ':', '؛', '،']);
/** A clause before a value keeps at least this many words of it (its subject, its verb). */
const CLAUSE_WORDS = 3;

/**
 * Where one passage holds two values for one property, the clauses to cut
 * it into, so that each claim asserts the property once; undefined when it
 * holds no such repeat.
 */
function clausesOf(context: DocumentContext, reading: Reading): TextRange[] | undefined {
  const { words } = reading;
  const facts = reading.values.filter((value) => value.fact).sort((a, b) => a.start - b.start);
  const statementCuts: Cut[] = attributionCuts(context, reading);
  for (const cut of [...chainedClauseCuts(context, reading), ...andAfterAttributionCuts(context, reading), ...declinedClauseCuts(context, reading), ...andThatCuts(context, reading), ...hedgedAndCuts(context, reading)]) {
    if (!statementCuts.some((other) => other.end === cut.end)) statementCuts.push(cut);
  }
  let cuts = [...statementCuts];
  let seen = new Map<string, Found>();
  for (const value of facts) {
    const previous = seen.get(value.key);
    if (previous === undefined || previous.value === value.value) {
      seen.set(value.key, value);
      continue;
    }
    const from = wordIndexAt(words, previous.end);
    const to = wordIndexAt(words, value.start);
    // The first clause boundary that leaves the earlier value at least a
    // word of its clause and the later one a clause of its own; else the
    // last boundary before the later value.
    let cut = -1;
    let fallback = -1;
    let wordsAfterPrevious = 0;
    for (let k = from; k < to && cut < 0; k++) {
      const word = words.list[k];
      const opens = word.kind === 'word' && CLAUSE_OPENERS.has(word.text);
      const mark = word.kind === 'mark' && CUT_MARKS.has(word.text);
      if (!opens && !mark) {
        if (word.kind === 'word') wordsAfterPrevious++;
        continue;
      }
      const offset = opens ? word.start : word.end;
      if (insideSpan(context.facts.parsed, offset)) continue;
      fallback = offset;
      let before = 0;
      for (let j = k + 1; j < to; j++) if (words.list[j].kind === 'word') before++;
      if (wordsAfterPrevious > 0 && before >= CLAUSE_WORDS) cut = offset;
      if (opens) wordsAfterPrevious++;
    }
    const at = cut >= 0 ? cut : fallback;
    // No boundary between the two values ("سبعين شخصا قتلوا في [X] وثلاثين في [Y]"): the passage is not cut for them, but the cuts
    // between statements (a second party, a chained one) still apply.
    if (at < 0) {
      cuts = [...statementCuts];
      break;
    }
    // A cut already made between the two values (a second party's clause) is enough.
    if (!cuts.some((other) => other.end > previous.start && other.end <= value.start)) cuts.push({ end: at, start: at });
    seen = new Map([[value.key, value]]);
  }
  // A toll's relative clause and a clause of when are cut off after the cuts between repeated values, which they do not stand for.
  for (const cut of [...outletTollClauseCuts(context, reading), ...whenClauseCuts(context, reading), ...datedParticipleCuts(context, reading)]) if (!cuts.some((other) => other.end === cut.end)) cuts.push(cut);
  return cuts.length === 0 ? undefined : rangesBetween(context, reading, cuts);
}

/** The clauses a passage's cuts leave. */
function rangesBetween(context: DocumentContext, reading: Reading, cuts: readonly Cut[]): TextRange[] {
  const ranges: TextRange[] = [];
  let start = reading.range.start;
  for (const cut of [...cuts].sort((a, b) => a.end - b.end).concat({ end: reading.range.end, start: reading.range.end })) {
    const clause = clauseRange(context, start, cut.end);
    if (clause !== undefined) ranges.push(clause);
    start = cut.start;
  }
  return ranges;
}

/**
 * The clause between two cuts, trimmed. Cuts are placed at words, and the
 * first word of a mention lies inside its brackets ("…, but [a security
 * source]{@x} said…"): the clause opens at the mention's `[`, so that its
 * suggestion keeps the mention whole, as a span never starts inside another.
 */
function clauseRange(context: DocumentContext, start: number, end: number): TextRange | undefined {
  const grown = growToSpans(context.facts.parsed, start, end);
  return trimRange(context.facts.parsed, grown.start, grown.end);
}

/**
 * Whether a passage may be cut at an offset: not inside a span, whose markup
 * the cut would break, nor inside a quotation, whose words are another
 * voice's, nor at the comma or point of a figure ("16,000", "1.5"), which the
 * words cut apart but the reader reads as one.
 */
function cuttableAt(context: DocumentContext, reading: Reading, offset: number): boolean {
  return !insideSpan(context.facts.parsed, offset) && !insideQuotation(reading.words, reading.range.start, offset) && !marksFigure(reading.words, wordIndexAt(reading.words, offset));
}

/**
 * Where a party's Arabic statement chains what it says in clauses each
 * joined by "، و" and a verb ("قال X إن مقاتليه قتلوا نحو ثلاثين جنديا،
 * و\"سيطروا على الثكنة\"…، واستولوا على أسلحة…"), the cuts between those
 * clauses that each state a fact of their own: Arabic chains with و the
 * facts English tells in sentences, and the desk annotates each. The
 * clauses keep the statement's party (readDocument). Only after the party's
 * verb, outside quotations and spans.
 */
function chainedClauseCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined) return [];
  const opened = Math.max(attribution.cue.end, attribution.mention?.end ?? 0);
  // A verb of saying after the joint opens a statement of its own, which attributionCuts and claimClauseCut weigh.
  const saying = findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined).map((other) => other.cue.start);
  // "، ولم يتبنَّ أي طرف الهجوم" is the outlet's word, not more of the party's account (unclaimedCut).
  const unclaimed = unclaimedIn(words, context.options.language);
  const joints: (Cut & { readonly participle: boolean; readonly that: boolean; readonly arabic: boolean; readonly alleged: boolean })[] = [];
  words.list.forEach((word, k) => {
    const next = words.list[k + 1];
    if (word.kind !== 'mark' || !CLAUSE_COMMAS.has(word.text) || word.start < opened || next === undefined) return;
    // A participle of saying ("، مضيفا أن…", ", adding that…", ", précisant que…") goes on with the same party's account in a clause
    // of its own; so does "selon laquelle" after the party ("…, a précisé [l'armée], selon laquelle ils…").
    const participle = next.kind === 'word' && (SAYING_PARTICIPLES.has(foldText(next.text).folded) || (next.text === 'selon' && ACCORDING_TO_WHOM.has(words.at(k + 2)?.text ?? '')));
    if ((!participle && (word.text !== '،' || !joinsArabicVerb(context, reading, next))) || (unclaimed !== undefined && unclaimed.start >= next.start && unclaimed.start < next.end)) return;
    const that = THAT_AGAIN.has(foldText(next.text).folded);
    if (!participle && (saying.some((cue) => cue >= next.start && cue < next.end) || (STATEMENT_GOES_ON.has(foldText(next.text).folded) && !that))) return;
    if (!cuttableAt(context, reading, word.start)) return;
    joints.push({ end: word.start, start: next.start, participle, that, arabic: next.arabic === true, alleged: ALLEGED.has(foldText(next.text).folded) });
  });
  const cuts: Cut[] = [];
  let from = reading.range.start;
  joints.forEach((joint, i) => {
    const upTo = joints[i + 1]?.end ?? reading.range.end;
    // After a participle of saying, what states nothing is left out of the claim before it, as the desks leave it (a short one is
    // an edge, which withoutEdges takes off).
    const leftOut = joint.participle && wordCount(wordsOf(context.facts, { start: joint.start, end: upTo })) > EDGE_WORDS;
    // Before an English or French participle, the means of the attack alone is the party's claim ("Les assaillants ont utilisé « des
    // drones… », a précisé [l'armée], selon laquelle…"): the Arabic chains it frames are told in one clause.
    const statesBefore = joint.participle && !joint.arabic ? statesFact : statesMoreThanFraming;
    // An allegation ("، ويُزعم أن المهاجمين وصلوا فجرا على متن دراجات نارية…") is a hedged claim of its own, the means it gives
    // among its facts: the desks of three read corpora annotate it apart.
    const statesAfter = joint.alleged ? statesFact : statesMoreThanFraming;
    // "، وإن"/"، وأن" goes on with the same judgement ("، وإن بعضهم ربما كان من المقاتلين"), but where a figure or a day stands on one
    // side and a fact on the other, the means of the attack among them.
    if (joint.that ? !thatAgainCut(context, reading.unit, { start: from, end: joint.end }, { start: joint.start, end: upTo }) : !statesBefore(context, reading.unit, from, joint.end) || (!leftOut && !statesAfter(context, reading.unit, joint.start, upTo))) return;
    cuts.push(joint);
    from = joint.start;
  });
  return cuts;
}

/**
 * Participles of saying, which chain a party's next statement to its
 * last ("، مضيفا أن…", "، مشيرة إلى أن…", "، مؤكدا في بيان أن…"): the desks of
 * eight read corpora end a claim before them, and annotate what follows as
 * the same party's claim where it states something.
 */
const SAYING_PARTICIPLES: ReadonlySet<string> = new Set(
  [
    ...['مضيفا', 'مضيفة', 'مضيفين', 'مشيرا', 'مشيرة', 'مشيرين', 'مؤكدا', 'مؤكدة', 'مؤكدين', 'موضحا', 'موضحة', 'لافتا', 'لافتة', 'مبينا', 'مبينة'],
    // A stand taken in the same breath: "، معربا عن ثقته بأن…", "، داعيا إلى…".
    ...['معربا', 'معربة', 'داعيا', 'داعية'],
    // English and French chain the next statement with the same participles: ", adding that…", ", saying its fighters…", ",
    // précisant que…".
    ...['saying', 'adding', 'noting', 'ajoutant', 'précisant', 'soulignant', 'indiquant', 'expliquant'],
  ].map((word) => foldText(word).folded),
);

/** The Arabic passives of allegation that open a hedged clause after "، و": "ويُزعم أن…", "ويُعتقد أن…", "ويُرجَّح أن…". */
const ALLEGED: ReadonlySet<string> = new Set(['ويزعم', 'ويعتقد', 'ويرجح'].map((word) => foldText(word).folded));

/** The relative pronoun after "selon" by which the party just named goes on speaking: "…, a précisé [l'armée], selon laquelle…". */
const ACCORDING_TO_WHOM: ReadonlySet<string> = new Set(['laquelle', 'lequel', 'lesquels', 'lesquelles']);

/**
 * Where a party's statement ends on its attribution and goes on after
 * ", and" — "At least 80 soldiers were killed, [one local official] said,
 * and the assault had begun late on Sunday", "…, a dit [X], et l'assaut
 * avait commencé…" — the cut after the attribution: the clause after "and"
 * is more of the same party's account, a claim of its own where both sides
 * state a fact. The clauses keep the statement's party (readDocument).
 */
function andAfterAttributionCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined || attribution.mention === undefined || attribution.cue.start < reading.range.start) return [];
  const ends = wordIndexAt(words, Math.max(attribution.cue.end, attribution.mention.end));
  const comma = words.at(ends);
  const and = words.at(ends + 1);
  const next = words.at(ends + 2);
  if (comma === undefined || and === undefined || next === undefined || comma.kind !== 'mark' || comma.text !== ',' || and.kind !== 'word' || !AND_CLAUSE.has(and.text)) return [];
  // The attribution ends its own clause: it comes after what it attributes.
  if (Math.min(attribution.cue.start, attribution.mention.start) <= reading.range.start) return [];
  if (!cuttableAt(context, reading, comma.start)) return [];
  return statesFact(context, reading.unit, reading.range.start, comma.start) && statesFact(context, reading.unit, next.start, reading.range.end) ? [{ end: comma.start, start: next.start }] : [];
}

/**
 * Where a party gives a figure and, after a comma, declines or leaves out
 * another ("[It] said its fighters had killed dozens of soldiers, and made
 * no mention of civilians", "…إن 77 إرهابيا قُتلوا، من دون أن يكشف عدد
 * المفقودين", "…, sans préciser le nombre de blessés"): the cut before the
 * clause declining it, which is a claim of its own (`?` of the other
 * count), as the desks annotate it. A figure declined of the count the
 * clause before gives ("killed dozens of militants, without giving a
 * precise figure") is no value of its own (readPassageAt) and cuts nothing.
 */
function declinedClauseCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  const counted = reading.values.filter((value) => value.fact && value.value !== '?' && context.registry.properties.get(value.key)?.type === 'count');
  const cuts: Cut[] = [];
  for (const declined of reading.declined) {
    const before = counted.filter((value) => value.end <= declined.start);
    if (before.length === 0) continue;
    const cue = wordIndexAt(words, declined.start);
    for (let k = cue - 1; k >= Math.max(0, cue - DECLINED_OPENER_WORDS - 1); k--) {
      const word = words.list[k];
      if (word.end <= Math.max(...before.map((value) => value.end))) break;
      if (word.kind !== 'mark') continue;
      const next = words.list[k + 1];
      if (!CLAUSE_COMMAS.has(word.text) || next === undefined || !cuttableAt(context, reading, word.start)) break;
      // Read alone, the clause declines a figure it names ("civilians", "عدد المفقودين") that the clause before does not give: "without
      // giving a precise figure" names none, and is of the figure before.
      const range = trimRange(context.facts.parsed, next.start, reading.range.end);
      const clause = range === undefined ? undefined : readPassageAt(context, reading.unit, range, undefined);
      const named = clause?.values.some(
        (value) =>
          value.value === '?' &&
          !before.some((other) => other.key === value.key) &&
          (clause.cueMatches.some((match) => match.cues.some((c) => c.target === target.count(value.key))) ||
            qualifierEvidence(context.registry, value.key, clause.words, { from: 0, to: clause.words.length, first: 0, next: clause.words.length }).length > 0),
      );
      if (named === true) cuts.push({ end: word.start, start: next.start });
      break;
    }
  }
  return cuts;
}

/**
 * Where a sentence no other cut divides goes on after a comma with a clause
 * of its own and the clauses on both sides each state more than where and
 * how the act was done (statesMoreThanFraming), the cuts at those commas,
 * each clause a claim of its own, as the desks annotate two facts of one
 * sentence: "…, affirmant avoir tué des dizaines de Russes",
 * "…، وإن أكثر من عشرين من المهاجمين قُتلوا" (a joint: the sentence's
 * subject goes on, and its party with it), "…, qui avait fait une dizaine
 * de blessés", "…, imputé à des chasseurs dogons…" (a description of what
 * the clause before names, in the outlet's voice: only in a sentence no
 * party speaks in, so that no party is given it). Never inside a span or a
 * quotation.
 */
function evidencedClauseCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  const cuts: Cut[] = [];
  let from = reading.range.start;
  words.list.forEach((word, k) => {
    const comma = words.at(k - 1);
    if (comma === undefined || word.start < reading.range.start) return;
    const kind = comma.kind === 'mark' && comma.text === '،' && joinsArabicVerb(context, reading, word) ? 'joint' : clauseOpenedAfterComma(words, k);
    if (kind === undefined || (kind === 'description' && reading.attribution !== undefined)) return;
    // A participle of the act ("…, shelling it with mortars", "…, killing 66 people") tells the same act, which the desks keep
    // whole; one of saying or claiming ("…, affirmant avoir tué…", "…, claiming to have destroyed…") opens the party's next claim.
    if (kind === 'participle' && !hasAttributionCue(words, reading.mentions, context.options.language, word)) return;
    if (!cuttableAt(context, reading, comma.start)) return;
    if (!statesMoreThanFraming(context, reading.unit, from, comma.start) || !statesMoreThanFraming(context, reading.unit, word.start, reading.range.end)) return;
    cuts.push({ end: comma.start, start: word.start });
    from = word.start;
  });
  return cuts;
}

/**
 * Where a party's reported speech goes on with "and that" between two
 * figures or days ("[The source] said the death toll was likely to exceed
 * 70 and that dozens of soldiers were still unaccounted for", "…a dit que…
 * et que…"): the cut before "and", each side a claim of the same party, as
 * "، وإن" is cut between figures (chainedClauseCuts). Only after the
 * party's verb, outside quotations and spans.
 */
function andThatCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined) return [];
  const opened = Math.max(attribution.cue.end, attribution.mention?.end ?? 0);
  const cuts: Cut[] = [];
  let from = reading.range.start;
  words.list.forEach((word, k) => {
    const that = words.at(k + 1);
    if (word.kind !== 'word' || word.start < opened || !AND_CLAUSE.has(word.text) || that === undefined || !THAT_WORDS.has(that.text)) return;
    if (!cuttableAt(context, reading, word.start)) return;
    if (!statesFigureOrDay(context, reading.unit, from, word.start) || !statesFigureOrDay(context, reading.unit, word.start, reading.range.end)) return;
    cuts.push({ end: word.start, start: word.start });
    from = word.start;
  });
  return cuts;
}

/** The French conditional's auxiliaries, by which a report hedges what its source says clause by clause: "auraient été tués", "serait parvenu". */
const CONDITIONAL_AUXILIARIES: ReadonlySet<string> = new Set(['aurait', 'auraient', 'serait', 'seraient']);
/** How many words may stand between "et" and the conditional of its clause: its subject ("et une partie des assaillants seraient"). */
const HEDGED_SUBJECT_WORDS = 5;

/**
 * Where a source's French account, hedged in the conditional, goes on with
 * "et", a subject of its own and the conditional again ("Selon [des
 * sources locales], une dizaine d'assaillants auraient été tués et une
 * partie des assaillants seraient parvenus à pénétrer dans le camp",
 * "…auraient fait « plus de quarante morts », et plusieurs véhicules
 * auraient été emportés…"): the cut before "et", each clause a claim of
 * the same source, as the desks annotate them. Not where "et" joins a
 * second verb of the same subject ("…auraient été tués et auraient…"),
 * nor where either side states no fact.
 */
function hedgedAndCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined) return [];
  const opened = Math.max(attribution.cue.end, attribution.mention?.end ?? 0);
  const conditional = (word: Word) => word.kind === 'word' && CONDITIONAL_AUXILIARIES.has(word.text);
  const cuts: Cut[] = [];
  let from = reading.range.start;
  words.list.forEach((word, k) => {
    if (word.kind !== 'word' || word.text !== 'et' || word.start < opened) return;
    if (!words.list.some((other) => other.start >= from && other.end <= word.start && conditional(other))) return;
    const clause = words.list.slice(k + 1, k + 2 + HEDGED_SUBJECT_WORDS);
    const verb = clause.findIndex(conditional);
    if (verb < 1 || clause.slice(0, verb).some((other) => other.kind === 'mark' && other.text !== "'" && other.text !== '’')) return;
    if (!cuttableAt(context, reading, word.start)) return;
    if (!statesFact(context, reading.unit, from, word.start) || !statesFact(context, reading.unit, word.start, reading.range.end)) return;
    cuts.push({ end: word.start, start: word.start });
    from = word.start;
  });
  return cuts;
}

/** "that" opening reported speech after "and": "and that", "et que", "et qu'". */
const THAT_WORDS: ReadonlySet<string> = new Set(['that', 'que', 'qu']);

/** How many words may open a declining clause before its cue (", and made no mention", "، من دون أن يكشف", ", sans préciser"). */
const DECLINED_OPENER_WORDS = 3;

/** The commas a clause is cut after. */
const CLAUSE_COMMAS: ReadonlySet<string> = new Set([',', '،']);

/**
 * What opens a chained clause that goes on with the same account rather than
 * a new act: "and that…" ("، وإن بعضهم ربما كان…", a judgement the desk
 * weighs with the clause before it), "and it is…" ("، وهو يوم السوق").
 */
const STATEMENT_GOES_ON: ReadonlySet<string> = new Set(['وإن', 'وأن', 'وإنه', 'وأنه', 'وإنها', 'وأنها', 'وإنهم', 'وأنهم', 'وهو', 'وهي', 'وهم'].map((word) => foldText(word).folded));

/** "، وإن", "، وأن" alone: "and that", which goes on with the same account (STATEMENT_GOES_ON) unless both sides give a figure or a day. */
const THAT_AGAIN: ReadonlySet<string> = new Set(['وإن', 'وأن'].map((word) => foldText(word).folded));

/**
 * Whether "، وإن" cuts a party's account between `before` and `after`: a
 * figure or a day on one side, and on the other a fact of its own ("إن
 * الهجوم جاء ردا على…، وإن مقاتليها اقتحموا المعسكر وقتلوا عشرات الجنود",
 * "إن 37 من المهاجمين قُتلوا، وإن الإرهابيين… استخدموا طائرات مسيّرة").
 */
function thatAgainCut(context: DocumentContext, unit: Unit, before: TextRange, after: TextRange): boolean {
  const figureBefore = statesFigureOrDay(context, unit, before.start, before.end);
  const figureAfter = statesFigureOrDay(context, unit, after.start, after.end);
  return (figureBefore && figureAfter) || (figureBefore && statesFact(context, unit, after.start, after.end)) || (figureAfter && statesFact(context, unit, before.start, before.end));
}

/** Whether [start, end) states a count or a date. */
function statesFigureOrDay(context: DocumentContext, unit: Unit, start: number, end: number): boolean {
  const range = trimRange(context.facts.parsed, start, end);
  if (range === undefined) return false;
  return readPassageAt(context, unit, range, undefined).values.some((value) => value.fact && ['count', 'date'].includes(context.registry.properties.get(value.key)?.type ?? ''));
}

/**
 * Whether [start, end) states a fact other than a place or the means of the
 * attack: where the attackers came from and how frame the account they go
 * with ("جاؤوا من مالي على متن سيارات ودراجات نارية، واستولوا على…").
 */
function statesMoreThanFraming(context: DocumentContext, unit: Unit, start: number, end: number): boolean {
  const range = trimRange(context.facts.parsed, start, end);
  if (range === undefined) return false;
  const part = readPassageAt(context, unit, range, undefined);
  const places = new Set(propertiesOf(context.registry, 'entity').filter((property) => property.kind === 'place').map((property) => property.key));
  const framing = (key: string) => places.has(key) || textKindOf(key) === 'means';
  const claimant: Claimant = { id: part.attribution?.claimant ?? null, bySource: false, why: '', strength: 1 };
  return [...part.values, ...entityValues(context, part, claimant)].some((value) => value.fact && !framing(value.key)) || part.eventDays.length > 0;
}

/** Whether a word opens an Arabic clause with a verb its و joins: no article, no figure ("وأسفر", "و\"سيطروا", not "والجنود" nor "وثمانية" of a list). */
function joinsArabicVerb(context: DocumentContext, reading: Reading, word: Word): boolean {
  // "وراءه" (behind it) closes the clause of the party put behind the act, its و a letter of the word: "أن يكون [X]، الناشط…، وراءه".
  if (word.kind !== 'word' || word.arabic !== true || !word.text.startsWith('\u0648') || (word.stems ?? []).some((stem) => stem.article) || isBehind(word.text)) return false;
  return !readCounts(wordsOf(context.facts, { start: word.start, end: reading.range.end }), context.options).some((count) => count.start >= word.start && count.start < word.end);
}

/** Where a passage is cut: the first clause ends at `end`, the next starts at `start` (the words joining them, if any, between). */
interface Cut {
  readonly end: number;
  readonly start: number;
}

/** Words that join a second clause to the first, read back from where its party or verb starts: ", while", "tandis que", "في حين", "et". */
const CLAUSE_JOINERS: ReadonlySet<string> = new Set([
  ...['et', 'tandis', 'que', 'qu', 'alors', 'mais', 'puis', 'and', 'while', 'whereas', 'but', 'then'],
  ...['في', 'حين', 'بينما', 'فيما', 'ثم'].map((word) => foldText(word).folded),
]);
/** How many joining words may stand before a second clause's party or verb. */
const JOINER_WORDS = 3;

/**
 * Where a sentence quotes a second statement — another party ("X said…,
 * while Y said…", "…, contradicting [survivors] who say…") or the same party
 * in a clause of its own ("X claimed responsibility, and said it killed…",
 * "وأعلنت X مسؤوليتها، وقالت إنها…") — the offsets to cut it at, so that each
 * statement is a claim of its own; only where both sides state a fact.
 */
function attributionCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  if (reading.attribution === undefined) return [];
  // A passage that goes on from its sentence's statement ("X said on Thursday | that…") starts with that statement's party.
  const inherited = reading.attribution.cue.start < reading.range.start ? [reading.attribution] : [];
  const attributions = [...inherited, ...findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined)];
  if (attributions.length < 2) return [];
  const cuts: Cut[] = [];
  let previous: Attribution | undefined;
  let from = reading.range.start;
  for (const attribution of attributions) {
    if (previous === undefined) {
      previous = attribution;
      continue;
    }
    const cueWord = Math.max(0, wordIndexAt(words, attribution.cue.start + 1) - 1);
    // Its party opens the clause when named before the verb, after the previous statement ("…, while [the army] said").
    const previousEnd = Math.max(previous.cue.end, previous.mention?.end ?? 0);
    const mentionWord = attribution.mention !== undefined && attribution.mention.start < attribution.cue.start && attribution.mention.start >= previousEnd ? wordIndexAt(words, attribution.mention.start) : cueWord;
    // A pronoun subject after a conjunction opens its clause as a named party does ("…, and [it] said…", "…, et [il] a ajouté…");
    // after a mere comma it is a parenthesis ("all of them, it insisted, fighters").
    const pronoun = attribution.pronoun ? pronounBefore(words, cueWord) : undefined;
    const pronounWord = pronoun === undefined ? cueWord : wordIndexAt(words, pronoun.start);
    const conjoined = words.list[pronounWord - 1]?.kind === 'word' && CLAUSE_JOINERS.has(words.list[pronounWord - 1].text);
    let opening = Math.min(cueWord, mentionWord, conjoined ? pronounWord : cueWord);
    // The clause opens with its party's determiner ("while [the army] said"), and is joined by the words before it.
    const determiner = (k: number) => words.list[k]?.kind === 'word' && DETERMINERS.has(words.list[k].text);
    for (;;) {
      if (opening > 0 && determiner(opening - 1)) opening--;
      else if (opening > 1 && ["'", '’'].includes(words.list[opening - 1].text) && determiner(opening - 2)) opening -= 2;
      else break;
    }
    let at = opening;
    let joined = words.list[cueWord]?.arabic === true && words.list[cueWord].start < attribution.cue.start && words.list[cueWord].text.startsWith('\u0648');
    for (let k = opening - 1, seen = 0; k >= 0 && seen < JOINER_WORDS; k--) {
      const word = words.list[k];
      if (word.kind === 'mark' && CUT_MARKS.has(word.text)) {
        joined = true;
        break;
      }
      // An elided joiner ("tandis qu'une source") keeps its apostrophe apart.
      if (word.kind === 'mark' && (word.text === "'" || word.text === '’')) continue;
      if (word.kind !== 'word' || !CLAUSE_JOINERS.has(word.text)) break;
      joined = true;
      at = k;
      seen++;
    }
    // A cut inside a mention's brackets ("while [the army]{@army} said") goes before the mention.
    const before = (k: number) => (words.list[k] === undefined ? undefined : growToSpans(context.facts.parsed, words.list[k].start, words.list[k].end).start);
    const offset = before(at);
    const resume = before(opening) ?? offset;
    const sameParty = attribution.claimant === undefined || attribution.claimant === previous.claimant;
    const cut =
      offset !== undefined &&
      offset > from &&
      (joined || !sameParty) &&
      cuttableAt(context, reading, offset) &&
      // A first clause that only takes a stand is cut off too when another party's is joined to it ("[ECOWAS] condemned the attack,
      // while [France] condemned the attack of 2 January"): the facts after the joint are that party's alone.
      (statesFact(context, reading.unit, from, offset) || (previous.stance === true && !sameParty && at < opening)) &&
      resume !== undefined &&
      // The second clause need state nothing a property holds when it is the same party's next verb ("…، ويرجح أن…", "…, et a
      // assuré…") or another party's joined by a conjunction ("…، في حين نفى [X] أي صلة", "…, while [X] denied it"): its words are
      // not the first claim's. Another party after a mere comma ("…, according to a translation by X") must state a fact of its own.
      (sameParty || at < opening || statesFact(context, reading.unit, resume, reading.range.end));
    if (cut && resume !== undefined) {
      cuts.push({ end: offset, start: resume });
      from = offset;
    }
    previous = attribution;
  }
  return cuts;
}

/** How many words may lie between the comma that opens a trailing claim and the claim's verb ("…, in an attack that [Islamic State] also claimed"). */
const CLAIM_CLAUSE_WORDS = 8;

/**
 * Where a sentence told in the outlet's voice ends on a party's claim of
 * the act it reports — "…, revendiquée par le groupe État islamique", "…,
 * in an attack that [Islamic State] also claimed", "… وتبناه التنظيم
 * أيضا" — the cut before that claim (at its comma, or before the Arabic
 * verb its و joins): the facts before it are the outlet's, the claim the
 * party's. Undefined when the passage's only attribution is not such a
 * claim, or nothing before it states a fact.
 */
function claimClauseCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined || attribution.stance !== true || !claimsAct(words.sourceBetween(attribution.cue.start, attribution.cue.end))) return undefined;
  if (findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined).length !== 1) return undefined;
  const opens = Math.min(attribution.cue.start, attribution.mention?.start ?? attribution.cue.start);
  const first = wordIndexAt(words, opens);
  const verb = words.list[Math.max(0, wordIndexAt(words, attribution.cue.start + 1) - 1)];
  let cut: Cut | undefined;
  if (verb !== undefined && verb.arabic && verb.text.startsWith('\u0648') && verb.start > reading.range.start && !/[,،]\s*$/u.test(context.facts.text.slice(reading.range.start, verb.start))) {
    cut = { end: verb.start, start: verb.start };
  }
  for (let k = first - 1, seen = 0; cut === undefined && k > 0 && seen <= CLAIM_CLAUSE_WORDS; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' && (word.text === ',' || word.text === '،')) cut = { end: word.start, start: word.end };
    else if (word.kind === 'mark') return undefined;
    seen++;
  }
  if (cut === undefined || !cuttableAt(context, reading, cut.end)) return undefined;
  return statesFact(context, reading.unit, reading.range.start, cut.end) ? cut : undefined;
}

/** Marks that close a clause of its own before a sentence's last clause: "… : treize gendarmes ont été tués, selon X". */
const CLAUSE_END_MARKS: ReadonlySet<string> = new Set([':', ';', '؛']);
/** Words that join a second subject–verb clause after a comma: "…, et treize gendarmes…", "…, and two soldiers…". */
const AND_CLAUSE: ReadonlySet<string> = new Set(['et', 'and']);
/** How many words may follow a trailing attribution's party before the sentence ends ("…, selon l'armée samedi"). */
const AFTER_ATTRIBUTION_WORDS = 2;

/**
 * Where a sentence ends on an attribution after a comma ("…, selon X",
 * "…, according to X", "…، بحسب X", "…, a déclaré X") and an earlier
 * clause — closed by a colon or a semicolon, or joined by "، و" and a new
 * verb, or by ", et"/", and" and a new subject — gives only the date or the
 * place, the cut before the last clause: the attribution covers that clause,
 * the earlier one is the outlet's. Undefined when the earlier clause states
 * another kind of fact (a toll, a perpetrator: whose it is stays open, and
 * the sentence stays whole, the party's), or no such clause stands apart.
 */
function endAttributionCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined || attribution.mention === undefined || attribution.stance === true || attribution.relative === true) return undefined;
  if (findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined).length !== 1) return undefined;
  let opening = wordIndexAt(words, Math.min(attribution.cue.start, attribution.mention.start));
  // The party's determiner opens the attribution with it (", the government said").
  while (opening > 0 && words.list[opening - 1].kind === 'word' && DETERMINERS.has(words.list[opening - 1].text)) opening--;
  const comma = words.list[opening - 1];
  if (comma === undefined || comma.kind !== 'mark' || (comma.text !== ',' && comma.text !== '،')) return undefined;
  const after = words.list.slice(wordIndexAt(words, Math.max(attribution.cue.end, attribution.mention.end)));
  if (after.filter((word) => word.kind === 'word').length > AFTER_ATTRIBUTION_WORDS || after.some((word) => word.kind === 'mark' && !['.', '!', '?'].includes(word.text))) return undefined;
  const cut = lastClauseBefore(context, reading, opening - 1);
  if (cut === undefined || !cuttableAt(context, reading, cut.end)) return undefined;
  const earlier = trimRange(context.facts.parsed, reading.range.start, cut.end);
  if (earlier === undefined) return undefined;
  const dates = new Set(propertiesOf(context.registry, 'date').map((property) => property.key));
  const framing = readPassageAt(context, reading.unit, earlier, undefined).values.every((value) => !value.fact || dates.has(value.key));
  return framing && statesFact(context, reading.unit, cut.start, comma.start) ? cut : undefined;
}

/** Conjunctions that oppose a second clause to the first: "…, but the militia's leader rejected it", "…، لكن زعيمها رفض…". */
const CONTRASTS: ReadonlySet<string> = new Set(['but', 'though', 'although', 'mais', 'cependant', ...['لكن', 'ولكن', 'لكنه', 'لكنها', 'غير'].map((word) => foldText(word).folded)]);

/**
 * Where the outlet's clause is followed by a party's, opposed to it by
 * "but", "mais", "لكن" — "The government dissolved the militia the day
 * after the massacre, but its leader rejected the decision", "وقررت الحكومة
 * حل الميليشيا…، لكن زعيمها رفض القرار" — the cut before the conjunction:
 * the party speaks in its own clause, and the facts before it are the
 * outlet's. Only where the passage's one attribution lies after the
 * conjunction and the clause before it states a fact. The conjunction
 * belongs to neither claim but in Arabic, where it opens the second.
 */
function contrastCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined || attribution.cue.start < reading.range.start) return undefined;
  const opens = Math.min(attribution.cue.start, attribution.mention?.start ?? attribution.cue.start);
  let k = wordIndexAt(words, opens) - 1;
  while (k > 0 && !(words.list[k].kind === 'word' && CONTRASTS.has(words.list[k].text))) k--;
  const comma = words.at(k - 1);
  const next = words.at(k + 1);
  if (k <= 0 || comma === undefined || next === undefined || comma.kind !== 'mark' || (comma.text !== ',' && comma.text !== '،')) return undefined;
  if (!cuttableAt(context, reading, comma.start)) return undefined;
  if (findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined).length !== 1) return undefined;
  // An Arabic conjunction opens the clause it joins, as the desks of five read corpora annotate it ("، [لكن…]", "، [غير أن…]"):
  // "غير" alone, the clause cut after it, would start on the "أن" of "غير أن".
  const start = words.list[k].arabic === true ? words.list[k].start : next.start;
  return statesFact(context, reading.unit, reading.range.start, comma.start) ? { end: comma.start, start } : undefined;
}

/** A present participle: "évoquant", "saying". */
const PRESENT_PARTICIPLE = /^\p{L}{3,}(?:ant|ing)$/u;

/**
 * Where a party speaks in a clause of its own after a mere comma, named
 * before its verb and followed by what it says — "Un officier affirme que
 * douze soldats ont été tués, [l'armée] dit avoir tué des assaillants",
 * "Twelve soldiers were killed, [the army] said it killed 30 fighters" —
 * the cut at that comma: the clause before is not that party's (it is the
 * outlet's, or a speaker's the registry does not know), as after "mais"
 * (contrastCut). Only where the passage's one attribution is that party's
 * and the clause before is one — a verb of saying or an auxiliary, not a
 * circumstance ("Vendredi,", "Dans un communiqué publié samedi,") — that
 * states a fact, and where no relative pronoun stands between the party and
 * its verb ("…, [Annadif], qui a dénoncé…" describes the speaker before).
 */
function commaSpeakerCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words, attribution } = reading;
  const { language } = context.options;
  const mention = attribution?.mention;
  if (attribution?.claimant === undefined || mention === undefined || mention.start < reading.range.start || mention.end > attribution.cue.start || !opensComplement(words, wordIndexAt(words, attribution.cue.end))) return undefined;
  // "« … », a salué le chef de la Minusma, [Annadif], qui a dénoncé…": a
  // relative clause describes the party, named in apposition to the
  // speaker of the clause before; it opens no account of its own.
  for (let k = wordIndexAt(words, mention.end); k < words.length && words.list[k].end <= attribution.cue.start; k++) {
    const word = words.list[k];
    if (word.kind === 'word' && PARTY_RELATIVES.has(word.text)) return undefined;
  }
  // Its party opens the clause, its determiner before it ("l'armée", "the army").
  let k = wordIndexAt(words, mention.start) - 1;
  for (;;) {
    const word = words.at(k);
    if (word?.kind === 'word' && DETERMINERS.has(word.text)) k--;
    else if (word?.kind === 'mark' && (word.text === "'" || word.text === '’') && words.at(k - 1)?.kind === 'word' && DETERMINERS.has(words.at(k - 1)?.text ?? '')) k -= 2;
    else break;
  }
  const comma = words.at(k);
  const next = words.at(k + 1);
  // A participle ("une source sécuritaire évoquant alors…", "officials saying…") tells the circumstance of the clause before, which goes with it.
  const verb = words.at(wordIndexAt(words, attribution.cue.start + 1) - 1);
  if (comma === undefined || next === undefined || comma.kind !== 'mark' || comma.text !== ',' || verb === undefined || PRESENT_PARTICIPLE.test(verb.text)) return undefined;
  const before = { start: reading.range.start, end: comma.start };
  // A clause has a verb: "In a May 2 letter to [HRW]," and "dans un communiqué lu … par son porte-parole," name where the party
  // spoke (a noun of saying), not a clause of their own.
  if (!hasAttributionCue(words, reading.mentions, language, before, 'verb') && !holdsAuxiliary(words, before.start, before.end)) return undefined;
  if (!cuttableAt(context, reading, comma.start) || findAttributions(context.corpus, words, reading.mentions, language, undefined).length !== 1) return undefined;
  return statesFact(context, reading.unit, before.start, before.end) ? { end: comma.start, start: next.start } : undefined;
}

/**
 * Where the outlet's word that nobody claimed the act is one clause of a
 * sentence, the cut that makes it a claim of its own, as the desks of seven
 * read corpora annotate it: before it, at its comma, after another clause
 * that states a fact ("…، ولم يتبنَّ أي طرف ذلك الهجوم", "…, and no group
 * has claimed it"), whose event it is about; or after it, before a clause
 * opposed to it ("ولم تتبن أي جهة الهجوم حتى الآن، لكن يُعتقد أن…", "…،
 * غير أن المنطقة…"), whose suspicion is no part of it.
 */
function unclaimedCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words } = reading;
  const unclaimed = unclaimedIn(words, context.options.language);
  if (unclaimed === undefined) return undefined;
  const comma = (word: Word | undefined) => word !== undefined && word.kind === 'mark' && (word.text === ',' || word.text === '،') && cuttableAt(context, reading, word.start);
  // The word holding the phrase's start (the و of "ولم" is its own), and "and", "et" standing apart before it.
  let k = Math.max(0, wordIndexAt(words, unclaimed.start + 1) - 1);
  if (words.at(k - 1)?.kind === 'word' && AND_CLAUSE.has(words.list[k - 1].text)) k--;
  const before = words.at(k - 1);
  if (before !== undefined && comma(before)) return statesFact(context, reading.unit, reading.range.start, before.start) ? { end: before.start, start: words.list[k].start } : undefined;
  const after = words.list.findIndex((word, j) => j >= wordIndexAt(words, unclaimed.end) && word.kind === 'mark');
  const contrast = words.at(after + 1);
  // The suspicion after it ("…، لكن يُعتقد أن…"), or another clause its و opens ("…حتى الآن، وتنشط في المنطقة جماعات…", what the
  // outlet recalls of the groups about): not part of who claimed it.
  const opens = contrast !== undefined && contrast.kind === 'word' && (CONTRASTS.has(contrast.text) || joinsArabicVerb(context, reading, contrast));
  return after >= 0 && comma(words.list[after]) && opens ? { end: words.list[after].start, start: contrast.start } : undefined;
}

/** Relative pronouns that open a clause after a comma: ", which", ", in which", ", où", ", au cours duquel", "، والذي", "، حيث". */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(
  [
    ...['which', 'who', 'whom', 'where', 'qui', 'où', 'lequel', 'laquelle', 'lesquels', 'lesquelles', 'duquel', 'auquel'],
    ...['الذي', 'والذي', 'التي', 'والتي', 'الذين', 'والذين', 'حيث', 'وحيث'],
  ].map((word) => foldText(word).folded),
);
/** How many words may stand between the comma and the relative pronoun: "in which", "au cours duquel". */
const RELATIVE_PREPOSITION_WORDS = 2;

/**
 * Where a relative clause after a comma gives its own source — "…, in
 * which, according to the army, 12 soldiers died", "…، والذي قتل فيه 12
 * جنديا بحسب الجيش" — the cut before the clause: the source speaks for the
 * clause, not for the main clause, which keeps its own party (or is the
 * outlet's). Undefined when the clause's source is the main clause's party
 * ("X said…, in which, X said, …" stays whole), a pronoun for it, or the
 * clause's antecedent ("the army, which said"), or when the clause states
 * no fact of its own.
 */
function relativeSourceCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words } = reading;
  const { language } = context.options;
  for (let k = words.length - 2; k > 0; k--) {
    const comma = words.list[k];
    if (comma.kind !== 'mark' || (comma.text !== ',' && comma.text !== '،')) continue;
    const pronoun = words.list.slice(k + 1, k + 2 + RELATIVE_PREPOSITION_WORDS).findIndex((word) => word.kind === 'word' && RELATIVE_PRONOUNS.has(word.text));
    if (pronoun < 0 || words.list.slice(k + 1, k + 1 + pronoun).some((word) => word.kind !== 'word')) continue;
    const next = words.list[k + 1];
    // The clause ends at its next comma ("X, who visited the wounded, said…"; "…, où douze soldats ont été tués, selon l'armée": the
    // source closes the whole sentence), but for one right after the pronoun ("in which, according to X, …").
    const closing = words.list.slice(k + 3 + pronoun).find((word) => word.kind === 'mark' && (word.text === ',' || word.text === '،'));
    const clause = { start: next.start, end: closing?.start ?? reading.range.end };
    // The source may be one the registry does not know ("بحسب الحصيلة الرسمية"): the clause is still not the main clause's party's.
    if (!hasAttributionCue(words, reading.mentions, language, clause)) continue;
    const attributions = findAttributions(context.corpus, words, reading.mentions, language, undefined);
    const inClause = attributions.filter((attribution) => attribution.cue.start >= clause.start && attribution.cue.end <= clause.end);
    // Its source is named inside it, and no party speaks after it ("…, where, according to X, 12 died, was claimed by Y").
    if (inClause.some((attribution) => attribution.mention !== undefined && attribution.mention.start < clause.start) || attributions.some((attribution) => attribution.cue.start >= clause.end)) return undefined;
    const party = attributions.find((attribution) => attribution.cue.end <= comma.start && attribution.claimant !== undefined)?.claimant;
    // A pronoun ("in which it said") stands for the main clause's party, as the antecedent of "which said" is.
    if (inClause.some((attribution) => attribution.relative === true || attribution.pronoun || (party !== undefined && attribution.claimant === party))) return undefined;
    if (!cuttableAt(context, reading, comma.start)) return undefined;
    // The main clause may state nothing of its own ("X claimed the attack, in which, according to Y, …"): the clause is still Y's alone.
    return statesFact(context, reading.unit, next.start, reading.range.end) ? { end: comma.start, start: next.start } : undefined;
  }
  return undefined;
}

/** Relative pronouns that hang a toll on the noun of an act: "un assaut qui a fait…", "an assault which killed…" (not "that", a complementizer as often). */
const TOLL_RELATIVES: ReadonlySet<string> = new Set(['qui', 'which']);
/** Object pronouns that may stand between a participle phrase's comma and its participle: ", les exposant à…", ", leur laissant…". */
const PARTICIPLE_OBJECTS: ReadonlySet<string> = new Set(['les', 'le', 'la', 'l', 'leur', 'lui', 'se', 's', 'them', 'it']);
/** The endings of a French or English present participle ("exposant", "exposing"), on a word longer than the ending and a stem. */
const PARTICIPLE = /^\p{L}{3,}(?:ant|ing)$/u;

/**
 * Where a party's stand ends on a participle phrase whose relative clause
 * gives a toll — "X accuse l'armée d'avoir forcé les habitants à creuser
 * une tranchée, les exposant à un assaut qui a fait plusieurs dizaines de
 * morts", "X accused the army of abandoning the post, leaving the
 * villagers to an assault which killed 12" — the cut before the relative
 * pronoun: the outlet hangs the toll on the event, and the party's stand
 * is not its source. A relative clause on what the stand is about stays in
 * the stand ("X condemned the attack that killed 30", the desks' own
 * reading), as does a toll the party is said to give ("…, affirmant que
 * l'assaut qui…") or quotes. French and English: an Arabic participle
 * phrase has no ending to know it by.
 */
function tollClauseCut(context: DocumentContext, reading: Reading): Cut | undefined {
  const { words, attribution } = reading;
  if (attribution?.claimant === undefined || attribution.stance !== true || attribution.cue.start < reading.range.start) return undefined;
  let participle = false;
  for (let k = wordIndexAt(words, Math.max(attribution.cue.end, attribution.mention?.end ?? 0)); k < words.length; k++) {
    const word = words.list[k];
    if (word.kind === 'mark' && word.text === ',') {
      const next = words.at(k + 1)?.kind === 'word' && PARTICIPLE_OBJECTS.has(words.list[k + 1].text) ? words.at(k + 2) : words.at(k + 1);
      participle = next?.kind === 'word' && PARTICIPLE.test(next.text);
      continue;
    }
    if (word.kind === 'word' && COMPLEMENTIZERS.has(word.text)) return undefined;
    if (!participle || word.kind !== 'word' || !TOLL_RELATIVES.has(word.text)) continue;
    if (!cuttableAt(context, reading, word.start)) return undefined;
    return tollOfItsOwn(context, reading, word.start) ? { end: word.start, start: word.start } : undefined;
  }
  return undefined;
}

/** Whether the passage from `from` to its end gives a toll, with no source or quotation of its own: a relative clause the outlet hangs on an act. */
function tollOfItsOwn(context: DocumentContext, reading: Reading, from: number): boolean {
  const clause = trimRange(context.facts.parsed, from, reading.range.end);
  if (clause === undefined) return false;
  const said = readPassageAt(context, reading.unit, clause, undefined);
  const counts = new Set(propertiesOf(context.registry, 'count').map((property) => property.key));
  const quoted = said.words.list.some((other) => other.kind === 'mark' && '«»"“”'.includes(other.text));
  return !quoted && said.attribution === undefined && said.values.some((value) => value.fact && counts.has(value.key));
}

/** Conjunctions of time that open a clause after a comma: ", when…", ", lorsque…", "، عندما…". */
const WHEN: ReadonlySet<string> = new Set(['when', 'lorsque', 'lorsqu', 'quand', ...['عندما', 'حين', 'حينما', 'وعندما', 'وحين'].map((word) => foldText(word).folded)]);

/**
 * Where a clause of time after a comma states a fact of its own —
 * "…surpassing the attacks of January, [when more than 100 civilians were
 * killed in…]", "…, [lorsque des hommes armés avaient tué douze soldats]" —
 * the cut before it: the desks annotate what happened then apart from the
 * clause that names the time. The clause keeps its sentence's party
 * (readDocument). Not after a period since that time ("the deadliest since
 * March, when gunmen killed…").
 */
function whenClauseCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  const cuts: Cut[] = [];
  words.list.forEach((word, k) => {
    const comma = words.at(k - 1);
    if (k < 2 || word.kind !== 'word' || !WHEN.has(word.text) || comma === undefined || comma.kind !== 'mark' || (comma.text !== ',' && comma.text !== '،')) return;
    if (!cuttableAt(context, reading, word.start)) return;
    // "…since March, when gunmen killed…" says which event the period runs from: one claim, as the desks annotate it.
    let first = k - 2;
    while (first > 0 && !(words.list[first - 1].kind === 'mark' && CUT_MARKS.has(words.list[first - 1].text))) first--;
    if (words.list.slice(first, k - 1).some((other) => other.kind === 'word' && SINCE.has(other.text))) return;
    if (statesFact(context, reading.unit, word.start, reading.range.end)) cuts.push({ end: comma.start, start: word.start });
  });
  return cuts;
}

/**
 * A French past participle as written ("créée", "fondés", "signé"): right
 * after a name, with no auxiliary, it is no verb of the name's clause. An
 * English one is written as the past tense, which is ("Three days of
 * national mourning, decreed by [President Keïta], ended on Sunday").
 */
const FRENCH_PARTICIPLE = /^\p{L}{2,}ée?s?$/u;
/** How many words may lie between such a participle and its date ("créée, il y a deux mois"). */
const PARTICIPLE_DATE_WORDS = 2;

/**
 * Where the outlet's sentence ends on a participle hung on a name that
 * dates, months before the report, what the named thing underwent —
 * "…l'opérationnalisation de [l'AES] [créée, il y a deux mois, par le
 * Mali, le Niger et le Burkina]" — the cut before the participle: a
 * reduced relative clause recalling a past fact of its own (a founding),
 * as the toll's relative clause and the clause of when are (the registry's
 * event on those dates is then the one it recalls: lookedBackTo). Not in a
 * party's sentence; not after a comma ("[Le Front], créé en 2019, a tué…":
 * the sentence goes on with the name's own verb); not for a date near the
 * report ("la dépêche de l'[AFP] publiée dimanche", "le [capitaine Diallo]
 * tué mardi à Dallo": what the report tells, not what it recalls).
 */
function datedParticipleCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  const published = context.options.published === undefined ? undefined : daysOf(context.options.published)?.low;
  if (reading.attribution !== undefined || published === undefined) return [];
  for (const mention of reading.mentions) {
    const k = wordIndexAt(words, mention.end);
    const word = words.at(k);
    if (word === undefined || word.kind !== 'word' || word.start < mention.end || !FRENCH_PARTICIPLE.test(words.sourceBetween(word.start, word.end))) continue;
    const recalled = reading.dates.some((date) => {
      const days = date.value === null ? undefined : daysOf(date.value);
      return days !== undefined && days.high < published - MAX_DATED_DAYS && date.start > word.end && wordIndexAt(words, date.start) - k - 1 <= PARTICIPLE_DATE_WORDS;
    });
    // The clause runs to the sentence's end.
    const closed = words.list.slice(k + 1).some((other) => other.kind === 'mark' && CLAUSE_END_MARKS.has(other.text));
    if (!recalled || closed || !cuttableAt(context, reading, word.start)) continue;
    if (statesFact(context, reading.unit, word.start, reading.range.end)) return [{ end: word.start, start: word.start }];
  }
  return [];
}

/** Nouns of an act ("l'attaque", "the assault", "الهجوم"), folded as words are read. */
const EVENT_NOUNS: ReadonlySet<string> = new Set([...EVENTS].map((word) => foldText(word).folded));

/**
 * Where the outlet's passage hangs a toll on an act by a relative clause
 * after a date or a place set off by commas — "…des précisions sur les
 * deux opérations menées, vendredi 24 novembre, contre deux camps
 * militaires [qui ont fait plusieurs dizaines de morts]", "Gunmen staged
 * two raids in Dallo, on Tuesday, against army posts [which killed 12
 * soldiers]" — the cut that makes the toll a claim of its own, as the desks
 * annotate it apart from the date or place: before the relative pronoun, or
 * before the comma when the act's noun stands in the pronoun's segment
 * ("…, [après l'attaque terroriste qui a coûté la vie à 35 civils]"). Not
 * where the fact shares the antecedent's segment ("visé le 1er juillet par
 * une attaque qui avait coûté la vie à 18 militaires": one claim), nor
 * where nothing before states a fact ("un assaut qui a fait douze morts
 * samedi"), nor after a comma (", qui…": relativeSourceCut weighs it), nor
 * in a party's sentence (what a party says keeps its relative clauses;
 * tollClauseCut weighs a party's stand), nor where the clause has a source
 * or a quotation of its own.
 */
function outletTollClauseCuts(context: DocumentContext, reading: Reading): Cut[] {
  const { words } = reading;
  if (reading.attribution !== undefined) return [];
  const counts = new Set(propertiesOf(context.registry, 'count').map((property) => property.key));
  for (let k = 1; k < words.length; k++) {
    const word = words.list[k];
    if (word.kind !== 'word' || !TOLL_RELATIVES.has(word.text)) continue;
    const before = words.list[k - 1];
    if (before.kind === 'mark' && CUT_MARKS.has(before.text)) continue;
    if (hasAttributionCue(words, reading.mentions, context.options.language)) return [];
    if (!cuttableAt(context, reading, word.start) || !tollOfItsOwn(context, reading, word.start)) continue;
    // The antecedent's own segment, from the last comma before the pronoun, states nothing: the fact before it is set apart.
    let comma = k - 1;
    while (comma >= 0 && !(words.list[comma].kind === 'mark' && CUT_MARKS.has(words.list[comma].text))) comma--;
    const head = comma < 0 ? undefined : trimRange(context.facts.parsed, reading.range.start, words.list[comma].start);
    // A toll over a period since a year ("est pris depuis 2015 dans une spirale de violences qui ont fait…") is the period's, background.
    if (head === undefined || statesFact(context, reading.unit, words.list[comma].end, word.start) || sinceAYear(words.list.slice(0, k))) return [];
    const stated = readPassageAt(context, reading.unit, head, undefined).values.some((value) => value.fact && !counts.has(value.key));
    if (!stated) return [];
    // The act's noun in the antecedent's segment goes with its toll ("…, [après l'attaque terroriste qui a coûté la vie à 35 civils]");
    // else the relative clause stands alone, hung back on the act named before ("…, contre deux camps [qui ont fait … morts]").
    const namesAct = words.list.slice(comma + 1, k).some((other) => other.kind === 'word' && EVENT_NOUNS.has(other.text));
    return [namesAct ? { end: words.list[comma].start, start: words.list[comma].end } : { end: word.start, start: word.start }];
  }
  return [];
}

/** The last clause boundary before word `before`: a colon or semicolon, "، و" and a verb, ", et"/", and" and a new subject. */
function lastClauseBefore(context: DocumentContext, reading: Reading, before: number): Cut | undefined {
  const { words } = reading;
  const figureAt = (word: Word) => readCounts(wordsOf(context.facts, { start: word.start, end: reading.range.end }), context.options).some((count) => count.start >= word.start && count.start < word.end);
  for (let k = before - 1; k > 0; k--) {
    const word = words.list[k];
    if (word.kind !== 'mark') continue;
    if (CLAUSE_END_MARKS.has(word.text)) return { end: word.start, start: word.end };
    const next = words.list[k + 1];
    if (next === undefined || next.kind !== 'word' || (word.text !== ',' && word.text !== '،')) continue;
    const arabicVerb = joinsArabicVerb(context, reading, next);
    // "et"/"and" and a subject: a determiner, a figure or a named party, not a second verb of the same subject ("et en ont blessé").
    const subject = words.list[k + 2];
    const newSubject =
      AND_CLAUSE.has(next.text) &&
      subject !== undefined &&
      ((subject.kind === 'word' && DETERMINERS.has(subject.text)) || figureAt(subject) || reading.mentions.some((mention) => mention.start <= subject.start && subject.start < mention.end));
    if (arabicVerb || newSubject) return { end: word.start, start: next.start };
  }
  return undefined;
}

/** Whether the passage [start, end) states a fact of its own: a value, or the attacker of a claim of responsibility ("أعلنت الجماعة مسؤوليتها"). */
function statesFact(context: DocumentContext, unit: Unit, start: number, end: number): boolean {
  const range = trimRange(context.facts.parsed, start, end);
  if (range === undefined) return false;
  const part = readPassageAt(context, unit, range, undefined);
  // A day counted from the event ("au lendemain du massacre") is a date once the document's event is known.
  if (part.values.some((value) => value.fact) || part.eventDays.length > 0) return true;
  const claimant: Claimant = { id: part.attribution?.claimant ?? null, bySource: false, why: '', strength: 1 };
  return entityValues(context, part, claimant).some((value) => value.fact);
}


/**
 * The party the pronouns after a passage stand for: the party it names first
 * as a subject, else the one before it; nobody when someone the registry
 * does not know speaks in it ("Un responsable a dit que… l'armée": "il"
 * after it is that speaker, not the party their words name).
 */
function speakerAfter(context: DocumentContext, reading: Reading, speaker: string | undefined): string | undefined {
  if (reading.attribution === undefined && hasAttributionCue(reading.words, reading.mentions, context.options.language)) return undefined;
  return subjectOf(context, reading) ?? speaker;
}

/** The party a passage names first as a subject (no preposition before it). */
function subjectOf(context: DocumentContext, reading: Reading): string | undefined {
  if (reading.attribution?.claimant !== undefined) return reading.attribution.claimant;
  for (const mention of reading.mentions) {
    const actor = idOfSection(context.corpus, mention, 'actor');
    if (actor !== undefined) return actor;
  }
  return undefined;
}

interface Claimant {
  readonly id: string | null;
  readonly bySource: boolean;
  readonly why: string;
  /** How sure, in [0, 1]. */
  readonly strength: number;
  /** Given by the account the passage goes on with, not by an attribution of its own. */
  readonly carried?: boolean;
}

/** Words after which a year dates background, told in the outlet's voice ("since 2015", "depuis 2012", "منذ عام 2012"), and which open a time a statement takes for granted ("since the attack on 9 June"). */
const SINCE: ReadonlySet<string> = new Set(['since', 'depuis', foldText('منذ').folded]);
/** How many words after "since" its year may lie ("depuis mars 2012", "منذ عام 2012"). */
const SINCE_YEAR_WORDS = 3;

/** Marks that open a quotation: a quoted sentence is its speaker's, whatever its tense. */
const QUOTE_OPENERS: ReadonlySet<string> = new Set(['"', '“', '«']);
/** Whether a passage is a quotation: it opens on a quotation mark. */
const isQuoted = (reading: Reading) => QUOTE_OPENERS.has(reading.words.list[0]?.text ?? '');
/** The first auxiliary or copula of an English sentence tells its tense: the present is the outlet's, the past may be a party's, backshifted. */
const ENGLISH_PRESENT: ReadonlySet<string> = new Set(['is', 'are', 'has', 'have', 'remains', 'remain']);
const ENGLISH_PAST: ReadonlySet<string> = new Set(['was', 'were', 'had', 'would', 'remained']);

/** A sentence that opens on a condition: "If confirmed, …", "Si ce bilan se confirme, …", "وإذا صحت هذه الأرقام، …". */
const CONDITION = /^\s*(?:if|si|s'il|s'ils|[\u0648\u0641]?(?:اذا|لو|ان صح))\s/u;
/** How many characters of a sentence are read for its condition. */
const CONDITION_PREFIX = 12;

/**
 * Marks of reported speech, which carry a party's account into the next
 * paragraph: the past perfect and the future in the past of English wire
 * copy ("it had killed", "would stay"), the French plus-que-parfait and
 * conditional ("avait été", "serait").
 */
const REPORTED_SPEECH: ReadonlySet<string> = new Set(['had', 'would', 'avait', 'avaient', 'aurait', 'auraient', 'serait', 'seraient']);

/**
 * Whether a passage is told in the outlet's own voice, so that a party's
 * account stops before it: the outlet names itself ("Reuters counted…"),
 * cautions about what it reports ("could not be independently verified"),
 * weighs it ("If that is right, …"), reports a figure nobody gave ("aucun
 * bilan n'a été donné"), tells background from a year ("since 2015",
 * "depuis 2012") or, in English, in the present ("The province has lost…").
 */
function outletVoice(context: DocumentContext, reading: Reading, source: string | undefined): boolean {
  const list = reading.words.list;
  if (source !== undefined && reading.mentions.some((mention) => idOfSection(context.corpus, mention, 'actor') === source)) return true;
  // "If that is right, the attack was the deadliest…": the outlet weighing what it reports (the condition may be trimmed off the passage).
  if (CONDITION.test(foldText(context.facts.text.slice(reading.unit.start, reading.unit.start + CONDITION_PREFIX)).folded)) return true;
  // "Reportedly", "selon toute vraisemblance", "could not be independently verified": the outlet passing on what it attributes to
  // nobody, or doubting it — never a named party's account going on (only the grammar of reported speech is).
  if (reading.hedged?.voice === 'sourcing') return true;
  // "Aucune information… n'a été fournie", "no toll was given": with nobody declining, the outlet reports the silence.
  if (reading.values.some((value) => value.value === '?')) return true;
  // English reported speech is backshifted ("it had killed", "were wounded"): a sentence told in the present is the outlet's background, unless quoted.
  const quoted = isQuoted(reading);
  const tense = list.find((word) => word.kind === 'word' && (ENGLISH_PRESENT.has(word.text) || ENGLISH_PAST.has(word.text)));
  if (!quoted && tense !== undefined && ENGLISH_PRESENT.has(tense.text)) return true;
  return sinceAYear(list);
}

/** Whether words tell of a period since a year ("depuis 2015", "since 2012", "منذ 2015"): what they count is the period's. */
function sinceAYear(list: readonly Word[]): boolean {
  return list.some((word, index) => word.kind === 'word' && SINCE.has(word.text) && list.slice(index + 1, index + 1 + SINCE_YEAR_WORDS).some((next) => next.kind === 'number' && /^[12]\d{3}$/u.test(next.text)));
}

/**
 * Whether every fact a passage states lies in the phrase of a "since" that
 * follows its verb of saying: none of them is what the party says. A colon
 * or a semicolon ends the phrase: in "[X]'s toll has not changed since the
 * day of the attack: 35 civilians" the toll is X's.
 */
function presupposedSince(reading: Reading, attribution: Attribution): boolean {
  const list = reading.words.list;
  // After an auxiliary "since", "depuis" is the adverb ("the missing had since reached [X]", "ils ont depuis regagné [X]"), which
  // opens no phrase: what follows is the party's account.
  const since = list.findIndex((word, k) => word.kind === 'word' && word.start >= attribution.cue.end && SINCE.has(word.text) && !COMPOUND_AUXILIARIES.has(list[k - 1]?.text ?? ''));
  const end = list.findIndex((word, k) => k > since && word.kind === 'mark' && PHRASE_CLOSERS.has(word.text));
  const facts = reading.values.filter((value) => value.fact);
  return since >= 0 && facts.length > 0 && facts.every((value) => value.start >= list[since].start && (end < 0 || value.start < list[end].start));
}

/** Auxiliaries of English and French compound tenses, after which "since", "depuis" is an adverb of time. */
const COMPOUND_AUXILIARIES: ReadonlySet<string> = new Set(
  ['had', 'has', 'have', 'having', 'a', 'ont', 'avait', 'avaient', 'aurait', 'auraient', 'est', 'sont', 'etait', 'etaient'].map((word) => foldText(word).folded),
);

/** Marks that end the phrase of a "since": what comes after is said again in full. */
const PHRASE_CLOSERS: ReadonlySet<string> = new Set([':', ';', '؛']);

/** The outlet as a claimant: the front matter's `source:` when it is an actor. */
function outletOf(context: DocumentContext): Claimant {
  const source = context.facts.frontMatter.source?.value;
  return source !== undefined && context.registry.entities.get(source)?.section === 'actor' ? { id: source, bySource: true, why: `the outlet's own statement (@${source})`, strength: 0.6 } : { id: null, bySource: false, why: 'no claimant found', strength: 0 };
}

/**
 * Who says each passage: its attribution; else the party whose account it
 * goes on with — a passage after a party's statement in its paragraph, or
 * in the next one when in reported speech (a quotation, a backshifted
 * tense, the French conditional), until another
 * attribution or the outlet's own voice takes over; else the outlet.
 */
function claimantsOf(context: DocumentContext, readings: readonly Reading[], events: readonly (EventChoice | undefined)[]): Claimant[] {
  const source = context.facts.frontMatter.source?.value;
  const outlet = outletOf(context);
  // The party whose account the text is giving, the paragraph it was last given in, and the values it gave.
  let last: { id: string; paragraph: number; cue: string; stance: boolean; given: Map<string, string>; event: string | undefined } | undefined;
  const valuesOf = (reading: Pick<Reading, 'values'>) => reading.values.filter((value) => value.fact).map((value): [string, string] => [value.key, value.value]);
  const accountOf = (said: Attribution, id: string, reading: Reading, i: number) => ({
    id,
    event: events[i]?.id,
    paragraph: reading.unit.paragraph,
    cue: context.facts.text.slice(said.cue.start, said.cue.end),
    stance: said.stance === true,
    given: new Map(reading.statement === undefined ? [...valuesOf({ values: reading.framedBy ?? [] }), ...valuesOf(reading)] : []),
  });
  // A claim the desk annotated gives its party's account as the passage it covers would: "[The army said it had killed 40
  // fighters]{claim by=@army}. Its troops had also wounded 15 attackers." goes on with the army's.
  const annotated = partyClaimsByEnd(context.facts);
  let passed = 0;
  return readings.map((reading, i) => {
    for (; passed < annotated.length && annotated[passed].end <= reading.range.start; passed++) {
      const claim = annotated[passed];
      // Its paragraph: the reading's, less the lines between them that hold text.
      const lines = context.facts.text.slice(claim.end, reading.range.start).split(/\r\n|\r|\n/u);
      const back = lines.length === 1 ? 0 : 1 + lines.slice(1, -1).filter((line) => line.trim() !== '').length;
      const given = new Map(assertionsOf(claim).map((assertion): [string, string] => [assertion.property.key, assertion.rawValue]));
      last = { id: claim.claimant, event: claim.event, paragraph: reading.unit.paragraph - back, cue: 'claim', stance: false, given };
    }
    const attribution = reading.attribution;
    // When a party spoke is the outlet's to say: the statement's claim is the outlet's.
    if (reading.statement !== undefined) {
      if (attribution?.claimant !== undefined) last = accountOf(attribution, attribution.claimant, reading, i);
      return { ...outlet, strength: 1 };
    }
    // A stand or an act in the clause before ("[X] had raised the toll to 66, | and no one claimed the attack") is no account a
    // clause joined to it goes on with, as it is none the next sentence goes on with (below): only hedged wording is the party's.
    if (attribution?.claimant !== undefined && attribution.stance === true && joinedAfterStance(context, reading, attribution)) {
      last = undefined;
      return outlet;
    }
    if (attribution?.claimant !== undefined) {
      last = accountOf(attribution, attribution.claimant, reading, i);
      // What a party's "since…" takes for granted is not what it says: in "[Residents] say the town had been exposed since the attack
      // on its post on 9 June" the attack and its day are the outlet's to tell.
      if (presupposedSince(reading, attribution)) return outlet;
      // A clause may go on from its sentence's statement, whose verb lies before it.
      const inside = attribution.cue.start >= reading.range.start && attribution.cue.end <= reading.range.end;
      const said = `'${inside ? reading.words.sourceBetween(attribution.cue.start, attribution.cue.end) : context.facts.text.slice(attribution.cue.start, attribution.cue.end)}'`;
      const how = attribution.pronoun ? `${said} + a pronoun for @${attribution.claimant}` : `${said} + @${attribution.claimant}`;
      return attribution.claimant === source ? { ...outlet, why: how } : { id: attribution.claimant, bySource: false, why: how, strength: attribution.pronoun ? 0.7 : 1 };
    }
    // A passage that names another party tells what that party did or said, not what this one says: it is left to the outlet.
    const another = last !== undefined && reading.mentions.some((mention) => {
      const actor = idOfSection(context.corpus, mention, 'actor');
      return actor !== undefined && actor !== last?.id;
    });
    const unnamedSpeaker = last !== undefined && attribution === undefined && hasAttributionCue(reading.words, reading.mentions, context.options.language);
    // A party does not contradict itself in one breath: another value for a property it gave is someone else's ("Des habitants ont dit que 12 boutiques avaient été pillées. Une vingtaine de boutiques ont été pillées.").
    const otherValue = valuesOf(reading).some(([key, value]) => last?.given.has(key) === true && last.given.get(key) !== value);
    // A party's account tells of the event it was given about: a passage about another ("Hours earlier, 14 people had been killed
    // in Tadaryat" after survivors of Solhan spoke) is the outlet's linking of the two.
    const own = events[i];
    const otherEvent = last?.event !== undefined && own !== undefined && own.score >= EVENT_THRESHOLD && own.id !== last.event;
    if (attribution !== undefined || last === undefined || last.id === source || another || unnamedSpeaker || otherValue || otherEvent || outletVoice(context, reading, source)) {
      last = undefined;
      return outlet;
    }
    // "L'attaque n'avait pas été revendiquée vendredi matin": that nobody has claimed the act is the outlet's word as it writes, in
    // whatever tense, not more of the account before it (read here, where a passage would go on with one, as it seldom does).
    if (unclaimedIn(reading.words, context.options.language) !== undefined) {
      last = undefined;
      return outlet;
    }
    const account = last;
    for (const [key, value] of valuesOf(reading)) account.given.set(key, value);
    // Only the conditional of reported speech reaches here as a hedge: the outlet's own ("reportedly") is its voice, above.
    if (reading.hedged !== undefined && reading.unit.paragraph - account.paragraph <= 1) {
      account.paragraph = reading.unit.paragraph;
      return { id: account.id, bySource: false, why: `'${reading.hedged.words}' goes on with @${account.id}'s account`, strength: 0.6, carried: true };
    }
    // A stand or an act ("X revendique l'attaque", "X condemned…") is no account: only hedged wording goes on with it.
    if (account.stance) {
      last = undefined;
      return outlet;
    }
    // Only what the grammar marks as reported goes on with the party: a quotation, or the tenses of reported speech. A plain
    // statement after a party's ("Des dizaines de blessés ont été évacués") is as often the outlet's own synthesis, and a
    // claimant given wrongly turns the outlet's claim into the party's.
    const reported = reading.words.list.find((word) => word.kind === 'word' && REPORTED_SPEECH.has(word.text));
    const quoted = isQuoted(reading);
    if (reading.unit.paragraph === account.paragraph && (reported !== undefined || quoted)) {
      return { id: account.id, bySource: false, why: `goes on with @${account.id}'s account ('${account.cue}' before it in the paragraph${quoted ? ', quoted' : ''})`, strength: 0.5, carried: true };
    }
    if (reported !== undefined && reading.unit.paragraph - account.paragraph === 1) {
      account.paragraph = reading.unit.paragraph;
      return { id: account.id, bySource: false, why: `'${reading.words.sourceBetween(reported.start, reported.end)}' goes on with @${account.id}'s account (the paragraph before)`, strength: 0.5, carried: true };
    }
    last = undefined;
    return outlet;
  });
}

/**
 * Whether a passage is a clause joined ("and…", "و…") after the clause of a
 * party's stand or act, with no verb of saying from the stand to its end: a
 * clause of its own, not what the party says ("[JNIM] claimed the attack,
 * saying its fighters… and lost two" goes on with "saying").
 */
function joinedAfterStance(context: DocumentContext, reading: Reading, stance: Attribution): boolean {
  const { words } = reading;
  const first = words.at(wordIndexAt(words, reading.range.start));
  if (stance.cue.end > reading.range.start || reading.hedged !== undefined || first?.kind !== 'word') return false;
  const joined = CLAUSE_JOINERS.has(first.text) || (first.arabic === true && first.text.startsWith('\u0648'));
  // The stand may lie in the sentence before the clause's own words.
  return joined && !hasAttributionCue(wordsOf(context.facts, { start: stance.cue.end, end: reading.range.end }), reading.mentions, context.options.language);
}

/** An event's registry date and place, read once. */
interface EventFacts {
  readonly id: string;
  readonly place?: string;
  readonly days?: { readonly low: number; readonly high: number };
}

/** The registry's events by what places them: at a place, inside one (a region holding it), and those with a date. */
interface EventIndex {
  readonly at: ReadonlyMap<string, readonly EventFacts[]>;
  /** Place → the events at a place inside it (not at the place itself). */
  readonly inside: ReadonlyMap<string, readonly EventFacts[]>;
  readonly dated: readonly EventFacts[];
  /** Event → the day its registry date starts on. */
  readonly startsOn: ReadonlyMap<string, number>;
}

const eventIndexes = new WeakMap<Registry, EventIndex>();

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [item]);
  else list.push(item);
}

function eventIndex(corpus: Corpus): EventIndex {
  const registry = corpus.registry;
  let index = eventIndexes.get(registry);
  if (index === undefined) {
    const at = new Map<string, EventFacts[]>();
    const inside = new Map<string, EventFacts[]>();
    const dated: EventFacts[] = [];
    const startsOn = new Map<string, number>();
    for (const entity of registry.entities.values()) {
      if (entity.section !== 'event') continue;
      const days = entity.date === undefined ? undefined : daysOf(entity.date);
      if (days !== undefined) startsOn.set(entity.id, days.low);
      const event: EventFacts = { id: entity.id, ...(entity.place !== undefined ? { place: entity.place.value } : {}), ...(days !== undefined ? { days } : {}) };
      if (days !== undefined && days.high - days.low <= MAX_DATED_DAYS) dated.push(event);
      if (event.place === undefined) continue;
      push(at, event.place, event);
      for (const around of corpus.placesContaining(event.place)) if (around !== event.place) push(inside, around, event);
    }
    eventIndexes.set(registry, (index = { at, inside, dated, startsOn }));
  }
  return index;
}

/** A date value as days, when it is one. */
function daysOf(value: string): { low: number; high: number } | undefined {
  const read = readValue({ key: 'date', type: 'date', values: [], compatible: [] }, value, undefined);
  return read.ok && read.value.type === 'interval' ? { low: read.value.low, high: read.value.high } : undefined;
}

interface EventChoice {
  readonly id: string;
  readonly score: number;
  readonly why: string;
}

/** The evidence for each event in a passage's own words: one it names, one at the place and date it gives, one its words are typical of. */
function eventEvidence(context: DocumentContext, reading: Reading): Map<string, { evidence: Evidence[]; why: string[] }> {
  const scores = new Map<string, { evidence: Evidence[]; why: string[] }>();
  const add = (id: string, weight: number, why: string) => {
    let entry = scores.get(id);
    if (entry === undefined) scores.set(id, (entry = { evidence: [], why: [] }));
    entry.evidence.push({ weight });
    if (why !== '' && !entry.why.includes(why)) entry.why.push(why);
  };
  // A name, a place or a date counts more the nearer it is to the passage's facts ("[cette attaque] survient après la prise de Kidal").
  const { words } = reading;
  const anchoring = new Set<string>(['count', 'date', 'enum']);
  const factWords = reading.values.filter((value) => value.fact && anchoring.has(context.registry.properties.get(value.key)?.type ?? '')).map((value) => wordIndexAt(words, value.start));
  const nearness = (range: TextRange) => {
    if (factWords.length === 0) return 1;
    const at = wordIndexAt(words, range.start);
    return 0.5 + 0.5 / (1 + Math.min(...factWords.map((index) => Math.abs(index - at))) / NEARNESS_WORDS);
  };
  const registry = context.registry;
  for (const mention of reading.mentions) {
    for (const id of mention.ids) if (registry.entities.get(id)?.section === 'event') add(id, EVENT_NAMED * nearness(mention), `names @${id}`);
  }
  const events = eventIndex(context.corpus);
  // A place that holds another the passage names only locates it: "Seytenga, in the Séno province of Burkina Faso" is at Seytenga,
  // and says nothing of an event placed in the province or the country.
  const placesNamed = new Set(reading.mentions.flatMap((mention) => mention.ids.filter((id) => registry.entities.get(id)?.section === 'place')));
  const locating = new Set(placesNamed.size < 2 ? [] : [...placesNamed].flatMap((place) => context.corpus.placesContaining(place).filter((around) => around !== place)));
  for (const mention of reading.mentions) {
    // A place the passage goes to ("évacués vers Kaya", "taken to Kaya") is not where the event is.
    const towards = headedTowards(words, mention) || measuredFrom(words, mention) || seatOfOffice(words, mention) ? TOWARDS_WEIGHT : 1;
    for (const place of mention.ids) {
      if (registry.entities.get(place)?.section !== 'place' || locating.has(place)) continue;
      // At the place itself; at a place holding it (the town named, the event in its district); at a place it holds (the region named).
      const weight = towards * nearness(mention);
      for (const event of events.at.get(place) ?? []) add(event.id, 2 * weight, `at @${place}`);
      // The farther up the place holding it, the less it says: a country holds every village, and an event placed at the country
      // (a national mourning) is no sign that a passage at one of its villages is about it.
      context.corpus.placesContaining(place).forEach((around, levels) => {
        if (levels > 0) for (const event of events.at.get(around) ?? []) add(event.id, (1.5 / levels) * weight, `at @${place}`);
      });
      for (const event of events.inside.get(place) ?? []) add(event.id, 0.6 * weight, `in @${place}`);
    }
  }
  for (const date of reading.dates) {
    const days = date.value === null ? undefined : daysOf(date.value);
    if (days === undefined || days.high - days.low > MAX_DATED_DAYS) continue;
    // A date few events share says more than one many do.
    const dated = events.dated.filter((event) => event.days !== undefined && event.days.low <= days.high && days.low <= event.days.high);
    // A date that gives one event's days exactly, no more and no fewer, says more of it than of a longer event it falls inside:
    // of two events in one village, "Tuesday" is the killing's day, "Tuesday and Wednesday" the reprisals'.
    const exact = dated.filter((event) => event.days !== undefined && event.days.low === days.low && event.days.high === days.high);
    for (const event of dated) add(event.id, (exact.length === 1 && exact[0] === event ? EXACT_DATE_WEIGHT : DATE_WEIGHT / dated.length) * nearness(date), `on ${date.value}`);
  }
  // The events the corpus claims such values about: a toll is about an attack, seldom about a visit.
  const asserted = [...new Set(reading.values.filter((value) => value.fact).map((value) => value.key))];
  for (const key of asserted) {
    for (const { event, share } of context.model.eventsAsserting(key)) add(event, PROPERTY_EVENT_WEIGHT * share, '');
  }
  // An event that begins after the report was published is one it can only announce: its claims' words ("neutralisés", "أعلن")
  // are no sign of it, only its name or its place are.
  const published = context.options.published;
  const publishedBy = published === undefined ? undefined : daysOf(published)?.high;
  for (const [id, evidence] of context.model.eventEvidence(reading.allTerms)) {
    const starts = events.startsOn.get(id);
    if (publishedBy !== undefined && starts !== undefined && starts > publishedBy) continue;
    const weight = Math.min(combine(evidence), LEARNT_EVENT_WEIGHT);
    const top = evidence[0]?.term;
    add(id, weight, weight >= 0.5 && top !== undefined ? `'${top}…' as in its claims` : '');
  }
  return scores;
}

/**
 * The event of each passage: the one its own words point to most, the
 * events the rest of the document points to breaking ties; else the event
 * of the nearest claim or passage of the document that has one.
 */
function eventsOf(context: DocumentContext, readings: readonly Reading[]): (EventChoice | undefined)[] {
  const evidence = readings.map((reading) => eventEvidence(context, reading));
  const own = evidence.map((scores) => {
    let top: { id: string; score: number } | undefined;
    for (const [id, entry] of scores) {
      const score = combine(entry.evidence);
      if (top === undefined || score > top.score) top = { id, score };
    }
    return top !== undefined && top.score >= EVENT_THRESHOLD ? top.id : undefined;
  });
  // What the document is about: the events its claims and its clearest passages name.
  const documentShare = new Map<string, number>();
  const named = [...context.facts.claims.map((claim) => claim.event), ...own].filter((id): id is string => id !== undefined);
  for (const id of named) documentShare.set(id, (documentShare.get(id) ?? 0) + 1);
  const anchored = named.length;
  const choices: (EventChoice | undefined)[] = [];
  evidence.forEach((scores, i) => {
    const previous = choices[i - 1]?.id;
    // A party's account cut off the outlet's clause that frames it is about the event that clause names.
    const framing = readings[i].framedBy !== undefined && readings[i - 1]?.unit === readings[i].unit ? choices[i - 1] : undefined;
    if (framing !== undefined) {
      choices.push({ ...framing, why: `${framing.why} (the clause that frames it)` });
      return;
    }
    let top: EventChoice | undefined;
    const candidates = new Set([...scores.keys(), ...documentShare.keys()]);
    for (const id of candidates) {
      const entry = scores.get(id);
      const share = anchored === 0 ? 0 : (documentShare.get(id) ?? 0) / anchored;
      const context = [...(entry?.evidence ?? []), { weight: DOCUMENT_WEIGHT * share }, { weight: id === previous ? PREVIOUS_WEIGHT : 0 }];
      const score = combine(context);
      if (top === undefined || score > top.score) {
        const why = entry !== undefined && entry.why.length > 0 ? entry.why.join(', ') : 'what the document is about';
        top = { id, score, why: `@${id}: ${why}` };
      }
    }
    choices.push(top !== undefined && top.score >= EVENT_THRESHOLD ? top : undefined);
  });
  // A passage that points to no event takes the one the document is about, else that of the nearest claim.
  const main = [...documentShare].sort((a, b) => b[1] - a[1])[0]?.[0];
  const anchors: { offset: number; id: string }[] = [];
  for (const claim of context.facts.claims) if (claim.event !== undefined) anchors.push({ offset: claim.start, id: claim.event });
  choices.forEach((choice, i) => {
    if (choice !== undefined) anchors.push({ offset: readings[i].range.start, id: choice.id });
  });
  return choices.map((choice, i) => {
    const statement = readings[i].statement;
    if (statement !== undefined) return { id: statement.event, score: EVENT_NAMED, why: statement.why };
    if (choice !== undefined) return choice;
    if (main !== undefined) return { id: main, score: EVENT_THRESHOLD / 2, why: `@${main}: what the document is mostly about` };
    const at = readings[i].range.start;
    let nearest: { offset: number; id: string } | undefined;
    for (const anchor of anchors) {
      const distance = Math.abs(anchor.offset - at);
      const bestDistance = nearest === undefined ? Infinity : Math.abs(nearest.offset - at);
      if (distance < bestDistance || (distance === bestDistance && anchor.offset < at)) nearest = anchor;
    }
    return nearest === undefined ? undefined : { id: nearest.id, score: EVENT_THRESHOLD / 2, why: `@${nearest.id}: the event of the nearest claim` };
  });
}

/**
 * Prepositions by which a verb of blame names the party after its object:
 * "attribute [the December attacks] to X", "attribue [l'attaque] à X",
 * "blamed [the raid] on X", "نسب [الهجوم] إلى X". French "à" is told from
 * the English article by its accent, which folding takes off.
 */
const DATIVES: ReadonlySet<string> = new Set(['to', 'on', 'au', 'aux', ...['إلى', 'الى'].map((word) => foldText(word).folded)]);
/** Marks a blame's object may hold before its dative ("attribue l'attaque, « selon nos évaluations », à X"): not the end of a clause. */
const OBJECT_MARKS: ReadonlySet<string> = new Set([',', '،', '«', '»', '"', '“', '”', "'", '’']);

function isDative(words: Words, word: Word): boolean {
  return word.kind === 'word' && (DATIVES.has(word.text) || words.text.slice(word.start, word.end).toLowerCase() === 'à');
}

/**
 * The cues that name another party ("blamed on", "imputée à", "visé") and
 * govern a mention after them, in [from, first): the party they blame or
 * target is their object, so, unlike other cues, they are not discounted
 * for standing before it, and the words between count by their content,
 * a party named between them not at all ("visé le poste des [VDP]": one
 * word, "poste"; "نسبت [مصادر أمنية] الهجوم إلى [X]": one, "الهجوم"). Where a
 * dative names the party after the act blamed ("attribute the December and
 * January attacks to [X]"), the cue may stand further off, past commas
 * and conjunctions, and only the words after the dative count; no party
 * may be named between the dative and the mention, which is the first it
 * governs.
 */
function governingEvidence(words: Words, matches: readonly CueMatch[], name: string, from: number, first: number, mentions: readonly TextRange[]): Evidence[] {
  const found: Evidence[] = [];
  const named = (word: Word) => mentions.some((range) => word.start >= range.start && word.end <= range.end);
  // A copula ties the party after it only where "وراء" closes its clause ("أن تكون جماعة X … وراءه").
  const closed = words.list.slice(first).some((word) => isBehind(word.text));
  for (const match of matches) {
    const cues = match.cues.filter((cue) => cue.target === name && namesAnotherParty(cue.phrase) && (closed || !needsBehind(cue.phrase)));
    if (cues.length === 0 || match.next > first) continue;
    const between = words.list.slice(match.next, first);
    let dative = -1;
    between.forEach((word, k) => {
      if (isDative(words, word)) dative = k;
    });
    const afterDative = dative < 0 ? [] : between.slice(dative + 1);
    const governs = dative >= 0 && !afterDative.some(named) && between.every((word) => word.kind !== 'mark' || OBJECT_MARKS.has(word.text));
    if (match.first < from && !governs) continue;
    const counted = (governs ? afterDative : between).filter((word) => stemOf(word) !== undefined && !named(word)).length;
    for (const cue of cues) found.push({ weight: cue.weight * proximity(1 + counted), term: cue.phrase });
  }
  return found;
}

/** The forms of "to be" that make a passive ("was blamed", "has been blamed", "a été imputée") or say whose an act is ("were behind it", "seraient à l'origine de"). */
const PASSIVE_BE: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'ete', 'est', 'sont', 'etait', 'etaient', 'serait', 'seraient']);
/** The auxiliaries that may come before it: "has been", "a été". */
const PASSIVE_HAVE: ReadonlySet<string> = new Set(['has', 'have', 'had', 'a', 'ont', 'avait', 'avaient']);
/** Words of likelihood that may stand beside it, which leave the subject the party: "were likely behind it", "was probably blamed". */
const LIKELIHOOD: ReadonlySet<string> = new Set(['likely', 'probably', 'possibly', 'probablement', 'vraisemblablement']);
/** A relative pronoun whose antecedent is the mention: "[X], qui seraient à l'origine de…", "[X], which was blamed for…". */
const RELATIVES: ReadonlySet<string> = new Set(['qui', 'who', 'which']);
/** Marks that may close the mention before the relative: "[X] (EIGS)\", qui…". */
const RELATIVE_MARKS: ReadonlySet<string> = new Set([',', ')', '"', '»', '”']);
/** How many words may stand between the subject and the participle or the predicate. */
const PASSIVE_WORD_COUNT = 3;
/** How many words and marks in all: those words, and the marks closing the mention before a relative. */
const PASSIVE_SPAN = PASSIVE_WORD_COUNT + 3;

/**
 * The cues that name another party as the subject of "to be" right after a
 * mention: in the passive ("[the Hill Front] was blamed for the raid by
 * [security sources]", "[le JNIM] a été mis en cause par…"), where the party
 * blamed is the subject, before the cue, which the active's object after it
 * would be; or with a predicate of whose the act is ("[ISGS] were likely
 * behind it", "des éléments de l'[EIGS], qui seraient à l'origine de
 * l'embuscade").
 */
function passiveSubjectEvidence(words: Words, matches: readonly CueMatch[], name: string, next: number): Evidence[] {
  const found: Evidence[] = [];
  for (const match of matches) {
    if (match.first <= next || match.first - next > PASSIVE_SPAN) continue;
    const between = words.list.slice(next, match.first);
    const spoken = between.filter((word) => word.kind === 'word');
    if (spoken.length > PASSIVE_WORD_COUNT || !spoken.some((word) => PASSIVE_BE.has(word.text))) continue;
    const relative = spoken.findIndex((word) => RELATIVES.has(word.text));
    const fits = spoken.every((word, k) => PASSIVE_BE.has(word.text) || PASSIVE_HAVE.has(word.text) || LIKELIHOOD.has(word.text) || k === relative) && relative <= 0 && between.every((word) => word.kind === 'word' || (relative === 0 && RELATIVE_MARKS.has(word.text)));
    if (!fits) continue;
    for (const cue of match.cues) if (cue.target === name && namesAnotherParty(cue.phrase)) found.push({ weight: cue.weight, term: cue.phrase });
  }
  return found;
}

/** The parties some mentions name, as terms. */
function partyTerms(mentions: readonly Mention[]): WeightedTerm[] {
  return [...new Set(mentions.flatMap((mention) => mention.ids))].map((id) => ({ term: partyTerm(id), weight: 1 }));
}

/**
 * How much the desk's claims of an actor property say a passage is about
 * it, in [0, 1]: its words and the parties it names but the one whose
 * value is in question, which would vouch for itself.
 */
function aboutProperty(model: CueModel, key: string, reading: Reading, party: string): number {
  const others = partyTerms(reading.mentions).filter((term) => term.term !== partyTerm(party));
  return Math.min(1, combine(model.evidence(target.property(key), [...reading.allTerms, ...others])) / ABOUT_FULL);
}

/** Entity values: actors tied by their cues (the claimant itself for a claim of responsibility), the place a passage names. */
function entityValues(context: DocumentContext, reading: Reading, claimant: Claimant): Found[] {
  const { model, registry } = context;
  const { words } = reading;
  const mentionRanges = reading.mentions.map((m) => ({ start: m.start, end: m.end }));
  const values: Found[] = [];
  const unclaimed = unclaimedIn(words, context.options.language);
  // A cue that blames or names another party ("blamed on", "visé") is no evidence that the claimant did it, nor that its subject is
  // the party it names: it ties only the party it governs (governingEvidence).
  const withoutNaming = reading.cueMatches.map((match) => ({ ...match, cues: match.cues.filter((cue) => !namesAnotherParty(cue.phrase)) }));
  let agents: readonly Agent[] | undefined;
  for (const property of propertiesOf(registry, 'entity')) {
    const name = target.entity(property.key);
    const section = property.kind;
    if (section === undefined || section === 'event') continue;
    // `own`: what the passage's words say of the party, the desk's usual value left out.
    const candidates: Scored<{ id: string; range: TextRange; own: number }>[] = [];
    // A claim of responsibility names its claimant as the value ("by=@x attacker=@x"), where the corpus writes it so.
    const attribution = reading.attribution;
    const ownCue = attribution !== undefined && attribution.cue.start >= reading.range.start && attribution.cue.end <= reading.range.end;
    // Before the corpus says, a property the built-in cues know as responsibility ("attacker") is the claimant's.
    const selfShare = model.selfShare(property.key) ?? (claimsResponsibility(property.key) ? 1 : 0);
    // "No group claimed the attack": who did it is unknown, whoever the passage names — for the property a claim of responsibility
    // fills (its value the claimant), or one the desk's claims already give as unknown (`perpetrator=?`), as a desk that gives a
    // leader's claim to his group does.
    if (section === 'actor' && (selfShare >= 0.5 || model.observations(target.declined(property.key)) > 0) && unclaimed !== undefined) {
      values.push(found(words, property.key, '?', unclaimed, `'${words.sourceBetween(unclaimed.start, unclaimed.end)}': nobody claimed it (${property.key})`, true, 0.8));
      continue;
    }
    // Where the desk gives a party's own claims of the act as its value only at times (a corpus whose suspicions outnumber its claims of
    // responsibility), a verb of claiming the act ("وتبنت [X] الهجومين", "[X] claimed the attack"), or a party saying it did the act
    // ("[X] said it had carried out the attacks"), still makes the claimant the value.
    // Who did it, read from the constructions of responsibility (responsibility.ts), for the property the registry names for it or
    // whose value the desk's claims make the claimant: the party in a construction's agent slot did the act, the claimant only
    // where it speaks of its own act.
    const responsible = section === 'actor' && (claimsResponsibility(property.key) || selfShare > 0) ? (agents ??= agentsOf(words, reading.mentions, ownCue ? attribution : undefined)) : [];
    // A party telling of its own act makes itself the value where the act is what it tells ("it had struck 'terrorist targets'"); where
    // it gives a toll ("its fighters had killed 85 soldiers"), the desks' claims are of the toll (docs/assist.md, "who did it").
    const tollGiven = reading.values.some((value) => registry.properties.get(value.key)?.type === 'count');
    const ownAgency = !tollGiven && responsible.some((agent) => agent.mention === undefined);
    const anotherAgent = responsible.some((agent) => agent.mention !== undefined && !agent.mention.ids.includes(attribution?.claimant ?? ''));
    const claiming = ownCue && selfShare > 0 && attribution !== undefined && (ownAgency || claimsAct(words.sourceBetween(attribution.cue.start, attribution.cue.end)) || saysItDid(words, attribution, reading.cueMatches, name));
    if (section === 'actor' && attribution?.claimant !== undefined && ownCue && (selfShare >= 0.5 || claiming) && !anotherAgent) {
      const evidence = [...model.evidence(target.self(property.key), reading.allTerms), ...cueEvidence(words, withoutNaming, name, 0, words.length)];
      // A party's claim of the act its sentence reports ("…, in an attack that X also claimed", "… وتبناه التنظيم") is one of responsibility.
      if (reading.claimOfAct === true) evidence.push({ weight: BUILT_IN_CUE_WEIGHT, term: words.sourceBetween(attribution.cue.start, attribution.cue.end) });
      // The claimant in a construction's agent slot ("وتبنتهما [X]", "claimed by [X]"), or speaking of its own act ("it had struck").
      const itself = responsible.find((agent) => (agent.mention === undefined && ownAgency) || agent.mention?.ids.includes(attribution.claimant ?? '') === true);
      if (itself !== undefined) evidence.push({ weight: ENTITY_THRESHOLD, term: agentTerm(words, itself) });
      candidates.push(scored({ id: attribution.claimant, range: attribution.cue, own: Infinity }, evidence));
    }
    for (const mention of reading.mentions) {
      const id = idOfSection(context.corpus, mention, section);
      if (id === undefined || mention === attribution?.mention || (section === 'actor' && id === claimant.id) || (section === 'place' && (headedTowards(words, mention) || measuredFrom(words, mention) || namedAsBorder(words, mention, mentionRanges)))) continue;
      const first = wordIndexAt(words, mention.start);
      const next = Math.max(first + 1, wordIndexAt(words, mention.end));
      const around = neighbourhood(words, first, next, mentionRanges);
      // A cue naming another party ties the party it governs, after it ("imputée à l'EIGS", "targeted the VDP post"), not its subject before it.
      const evidence = [...model.evidence(name, around.terms), ...cueEvidence(words, withoutNaming, name, around.from, around.to, { first, next }), ...governingEvidence(words, reading.cueMatches, name, around.from, first, mentionRanges), ...passiveSubjectEvidence(words, reading.cueMatches, name, next)];
      // A party the desk's claims of the property give as its value, in a passage about the property as they teach.
      const usual = section === 'actor' ? model.partyValueShare(property.key, id) : 0;
      const about = usual > 0 ? aboutProperty(model, property.key, reading, id) : 0;
      // The party an accusation governs, where the desk's claims give it as the value and the passage is about the property as they
      // teach ("accusent des membres des [Koglweogo] d'avoir mené les représailles", "accuse [l'armée] d'avoir forcé les habitants…"):
      // the accused is the claim's value, not merely a party named beside it.
      const accusation = about >= ABOUT_MIN ? accusationOf(words, first, mentionRanges, attribution?.mention) : undefined;
      if (accusation !== undefined) evidence.push({ weight: ENTITY_THRESHOLD, term: accusation.text });
      const agent = responsible.find((slot) => slot.mention === mention);
      if (agent !== undefined) evidence.push({ weight: ENTITY_THRESHOLD, term: agentTerm(words, agent) });
      const own = combine(evidence);
      // A place named as its post's ("the [Kati] camp") is where an attack on the post happened, as "at [Kati]" would say; it goes
      // with a claim, but makes none alone ("ويقع معسكر [تيسيت] في منطقة نائية" describes the camp).
      if (section === 'place' && namesPost(words, mention)) evidence.push({ weight: ENTITY_THRESHOLD, term: words.sourceBetween(mention.start, mention.end) });
      if (about >= ABOUT_MIN) evidence.push({ weight: PARTY_VALUE_WEIGHT * usual * about, term: `@${id}` });
      candidates.push(scored({ id, range: mention.text, own }, evidence));
    }
    const chosen = best(candidates, ENTITY_THRESHOLD);
    // One place named (a region holding it aside), and nothing tying another: the place of the claim, too weak to make one.
    const ids = new Set(candidates.map((c) => c.item.id));
    const innermost = [...ids].filter((id) => ![...ids].some((other) => other !== id && context.corpus.placesContaining(other).includes(id)));
    // A place tied that holds one place named inside it ("بلدة [كوتوغو] بولاية [سوم] شمال [بوركينا فاسو]", "[Ayorou], in western
    // [Niger]"): the claim is at the innermost, which the outer one only locates — whatever word ties the outer one.
    const inside = section === 'place' && chosen !== undefined ? innermost.filter((id) => id !== chosen.item.id && context.corpus.placesContaining(id).includes(chosen.item.id)) : [];
    const located = inside.length === 1 ? candidates.find((c) => c.item.id === inside[0]) : undefined;
    const pick = located ?? chosen ?? (section === 'place' && innermost.length === 1 ? candidates.find((c) => c.item.id === innermost[0]) : undefined);
    const holding = pick === undefined && section === 'place' ? placeHoldingList(context, words, candidates, innermost) : undefined;
    if (holding !== undefined) values.push(holding(property.key));
    if (pick === undefined) continue;
    const { range } = pick.item;
    const id = section === 'actor' ? recordedValue(context, property.key, pick.item.id) : pick.item.id;
    const said = `'${words.sourceBetween(range.start, range.end)}'`;
    // Tied by the desk's usual value rather than by the passage's words, a party goes with a claim but makes none alone.
    const fact = chosen !== undefined && chosen.item.own >= ENTITY_THRESHOLD;
    values.push(found(words, property.key, `@${id}`, range, `${said} → ${property.key}=@${id}${pick.cue !== undefined ? ` ('${pick.cue}')` : ''}`, fact, chosen !== undefined ? strengthOf(chosen.score, ENTITY_HALF_SURE) : 0.3));
  }
  return values;
}

/** A construction of responsibility as a suggestion's reason names it: "passive agent: carried out by". */
function agentTerm(words: Words, agent: Agent): string {
  return `${agent.construction}: ${words.sourceBetween(agent.cue.start, agent.cue.end)}`;
}

/**
 * The value the desk records a party as: the party itself, or, where the
 * desk's claims of the property never give it but give one movement it
 * belongs to (the registry's `affiliations:`) when they name it ("Recorded
 * at the level of the movement": [EIGS] as `@islamic-state`), that movement.
 */
function recordedValue(context: DocumentContext, key: string, id: string): string {
  const { model } = context;
  if (model.partyValueShare(key, id) > 0) return id;
  const movements = (context.registry.entities.get(id)?.affiliations ?? []).map((affiliation) => affiliation.value).filter((movement) => model.recordedAs(key, id, movement) > 0);
  return movements.length === 1 ? movements[0] : id;
}

/** How many words may stand between an accusation and the party it governs: "accusent des membres des [Koglweogo]". */
const ACCUSED_WORDS = 3;
/** Words after an accusation that make its party the accuser, not the accused: "accusés par [X]", "accused by [X]". */
const BY_AGENT: ReadonlySet<string> = new Set(['par', 'by']);

/**
 * The accusation whose object is the mention at word `first` ("accuse
 * [l'armée] d'avoir…", "واتهمت [جمعية …] ميليشيا [X] بـ…"): an accusing word
 * at most ACCUSED_WORDS words before it, with no mark, no agent of a passive
 * and no other mention but the accuser's between them.
 */
function accusationOf(words: Words, first: number, mentions: readonly TextRange[], accuser: TextRange | undefined): Word | undefined {
  const inAccuser = (word: Word) => accuser !== undefined && word.start >= accuser.start && word.end <= accuser.end;
  let between = 0;
  for (let k = first - 1; k >= 0; k--) {
    const word = words.list[k];
    if (word.kind === 'mark' || BY_AGENT.has(word.text)) return undefined;
    if (inAccuser(word)) continue;
    if (accuses(word.text)) return word;
    if (mentions.some((range) => word.start >= range.start && word.end <= range.end) || ++between > ACCUSED_WORDS) return undefined;
  }
  return undefined;
}

/** Subject pronouns by which a party's statement speaks of itself: "[X] said it had carried out…", "ils ont mené…". */
const SELF_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'il', 'ils', 'elle', 'elles']);
/** How many words may lie between that pronoun and a cue of the act: "it had carried out", "it was behind". */
const SELF_CUE_WORDS = 3;

/** Whether a party's statement opens on a pronoun for itself soon followed by a cue of doing the act (`name`'s, not one naming another party). */
function saysItDid(words: Words, attribution: Attribution, matches: readonly CueMatch[], name: string): boolean {
  const after = wordIndexAt(words, attribution.cue.end);
  if (!SELF_PRONOUNS.has(words.at(after)?.text ?? '')) return false;
  return matches.some((match) => match.first > after && match.first <= after + SELF_CUE_WORDS && match.cues.some((cue) => cue.target === name && !namesAnotherParty(cue.phrase)));
}

/** Words that may join the places of a list: "Intazayene, Bakorat and Wistane", "de Boulkessi et de Mondoro", "تشومبانغو وزارومداري". */
const LIST_WORDS: ReadonlySet<string> = new Set(['and', 'et', 'or', 'ou', 'of', 'de', 'd', 'du', foldText('و').folded]);

/**
 * The place of a claim that names a list of places, none tied: the place
 * holding them all, the innermost one the passage names ("the villages of
 * [A] and [B] in the [Tillabéri] region" is in the region), else the
 * innermost the registry says holds them ("the villages of [A], [B] and
 * [C]", all in the Tillia area). A place that only locates another ("120 km
 * north of [Niamey], in the [Tillabéri] region") makes no list.
 */
function placeHoldingList(
  context: DocumentContext,
  words: Words,
  candidates: readonly Scored<{ id: string; range: TextRange }>[],
  innermost: readonly string[],
): ((key: string) => Found) | undefined {
  const listed = candidates.filter((c) => innermost.includes(c.item.id)).sort((a, b) => a.item.range.start - b.item.range.start);
  if (new Set(listed.map((c) => c.item.id)).size < 2) return undefined;
  const joined = listed.slice(1).every((c, i) => foldText(words.sourceBetween(listed[i].item.range.end, c.item.range.start)).folded.split(/[\s,،'’]+/u).every((token) => token === '' || LIST_WORDS.has(token)));
  if (!joined) return undefined;
  const chains = listed.map((c) => context.corpus.placesContaining(c.item.id));
  const holding = chains[0].filter((id) => !innermost.includes(id) && chains.every((chain) => chain.includes(id)));
  const named = holding.find((id) => candidates.some((c) => c.item.id === id));
  const id = named ?? holding[0];
  if (id === undefined) return undefined;
  const range = candidates.find((c) => c.item.id === id)?.item.range ?? { start: listed[0].item.range.start, end: listed[listed.length - 1].item.range.end };
  const said = `'${words.sourceBetween(range.start, range.end)}'`;
  return (key) => found(words, key, `@${id}`, range, `${said} → ${key}=@${id}, the place holding ${listed.map((c) => `@${c.item.id}`).join(', ')}`, false, 0.3);
}

/** The words a range holds. */
function wordCount(words: Words): number {
  let count = 0;
  for (const word of words.list) if (word.kind === 'word' || word.kind === 'number') count++;
  return count;
}

/**
 * Whether a passage is background to the event it would be about: the dates
 * it gives all lie months from the event's ("dirigé depuis un coup d'Etat en
 * septembre 2022", "since 2015"), as the history a report recalls does. A
 * date its words tie to a date property of its own ("the 21 February
 * run-off", "لجولة إعادة … في 21 فبراير") dates that, not the passage: far
 * from the event, it makes no history of it.
 */
function background(context: DocumentContext, values: readonly Found[], event: EventChoice | undefined): boolean {
  const days = event === undefined ? undefined : context.registry.entities.get(event.id)?.date;
  const eventDays = days === undefined ? undefined : daysOf(days);
  if (eventDays === undefined) return false;
  const far = (d: { low: number; high: number }) => d.high < eventDays.low - MAX_DATED_DAYS || d.low > eventDays.high + MAX_DATED_DAYS;
  const dates = values.flatMap((value) => {
    const d = context.registry.properties.get(value.key)?.type === 'date' ? daysOf(value.value) : undefined;
    return d === undefined || (value.tied === true && far(d)) ? [] : [d];
  });
  return dates.length > 0 && dates.every(far);
}

/**
 * A date whose week or year the words leave open, read near publication
 * but months from the event the passage is about ("Un an après… le
 * vendredi soir", "le 4 juin" in a report of the next year), is the day of
 * that event it names: the one Friday, the one 4 June, within the event's
 * dates. With no such day, or more than one, the guess stands. A date so
 * placed goes with a claim but makes none alone ("What happened that
 * Saturday is less disputed"). A day without a year that no day of the
 * event is ("His body was found on 6 October", in a report of the next May
 * about an ambush of 4 October) is the one such day within a month of the
 * event; it makes a claim where its words tie it to a date property of its
 * own (`body-recovered`), since they say what it dates.
 */
function onEventDays(context: DocumentContext, value: Found, event: EventChoice | undefined): Found {
  if (event === undefined || value.guessed === undefined) return value;
  const dates = context.registry.entities.get(event.id)?.date;
  const eventDays = dates === undefined ? undefined : daysOf(dates);
  const days = daysOf(value.value);
  if (eventDays === undefined || days === undefined || days.low !== days.high) return value;
  if (days.high >= eventDays.low - MAX_DATED_DAYS && days.low <= eventDays.high + MAX_DATED_DAYS) return value;
  const { month, day } = civilDate(days.low);
  const matches = (candidate: number) => {
    const date = civilDate(candidate);
    return value.guessed === 'week' ? weekdayOf(candidate) === weekdayOf(days.low) : date.month === month && date.day === day;
  };
  const within: number[] = [];
  for (let candidate = eventDays.low; candidate <= eventDays.high && candidate - eventDays.low <= MAX_DATED_DAYS; candidate++) if (matches(candidate)) within.push(candidate);
  if (within.length === 1) {
    const redated = isoDay(within[0]);
    return { ...value, value: redated, fact: false, why: `${value.why}: ${redated}, the day of @${event.id} the words name` };
  }
  if (within.length > 0 || value.guessed !== 'year') return value;
  const near: number[] = [];
  for (let candidate = eventDays.low - MAX_DATED_DAYS; candidate <= eventDays.high + MAX_DATED_DAYS; candidate++) if (matches(candidate)) near.push(candidate);
  if (near.length !== 1) return value;
  const redated = isoDay(near[0]);
  return { ...value, value: redated, fact: value.tied === true, why: `${value.why}: ${redated}, the day near @${event.id} the words name` };
}

/** Whether date `inner` lies within date `outer` and says more ("dans la nuit du 4 au 5 juin 2021" within "il y a un an": 2021). */
function narrows(inner: string, outer: string): boolean {
  const a = daysOf(inner);
  const b = daysOf(outer);
  return a !== undefined && b !== undefined && a.low >= b.low && a.high <= b.high && a.high - a.low < b.high - b.low;
}

/**
 * Words right after a figure by which a party counts its own people: "سبعة من عناصرها", "seven of its fighters", "two of their
 * own", "sept de ses combattants", and in its own voice "onze de nos hommes", "سبعة من جنودنا".
 */
const OWN_PEOPLE: readonly TableEntry<true>[] = [
  ['ar', 'من عناصرها|عناصره|عناصرهم|عناصرنا|مقاتليها|مقاتليه|مقاتليهم|مقاتلينا|رجالها|رجاله|رجالهم|رجالنا|أفرادها|أفراده|جنودها|جنوده|جنودنا', true],
  ['en', 'of its|their own? fighters|men|members|troops|soldiers', true],
  ['en', 'of its|their own', true],
  ['en', 'of our fighters|men|members|troops|soldiers', true],
  ['fr', 'de ses|leurs|nos combattants|hommes|éléments|membres|soldats', true],
];
const ownPeopleTable = byLanguages((languages) => phraseTable(OWN_PEOPLE, languages));

/** Words by which a side says it killed its enemies: "30 terroristes neutralisés", "en avaient neutralisé une vingtaine", "تحييد عدد من المهاجمين". */
const NEUTRALISED: ReadonlySet<string> = new Set([
  ...['neutralise', 'neutralises', 'neutralisee', 'neutralisees', 'neutraliser', 'neutralisation', 'neutralised', 'neutralized', 'neutralization'],
  foldText('تحييد').folded,
]);
/** How many words from a figure its neutralising word may stand ("77 militants were \"neutralized\""). */
const NEUTRALISED_WORDS = 4;

/** Verbs by which a party counts its losses: "[the army] had lost \"about 20 men\"", "[l'armée] a perdu onze hommes", "فقد [الجيش] 20 جنديا". */
const LOST: ReadonlySet<string> = new Set(['lost', 'perdu', ...['فقد', 'فقدت'].map((word) => foldText(word).folded)]);
/** How many words may lie between a loss verb and its figure ("lost \"about 20 men\""), or between the party and the verb ("the army had lost"). */
const LOSS_WORDS = 3;

/** The party named as the one that lost the figure at word `at`: the one mention a few words before the loss verb before it (or between the two, in Arabic). */
function loserOf(words: Words, mentions: readonly Mention[], at: number): string | undefined {
  const verb = words.list.slice(Math.max(0, at - LOSS_WORDS), at).findLastIndex((word) => LOST.has(word.text));
  if (verb < 0) return undefined;
  const from = words.list[Math.max(0, at - LOSS_WORDS + verb - LOSS_WORDS)].start;
  const named = mentions.filter((mention) => mention.end > from && mention.end <= words.list[at].start && mention.ids.length === 1);
  return named.at(-1)?.ids[0];
}

/**
 * Whose people a figure counts by the speaker's words: its own ("[JNIM]
 * said… it lost seven of its members", "فقدت سبعة من عناصرها", "la mort de
 * trois de ses soldats"), or its enemies' that it says it neutralised (an
 * army's "neutralisé une vingtaine"). The figure goes to the sibling of the
 * same predicate that counts that side (qualifiers.ts), where the registry
 * has one; else it keeps the property it was read with.
 */
function speakersSide(context: DocumentContext, reading: Reading, claimant: Claimant, value: Found): Found {
  const { registry } = context;
  if (claimant.id === null || claimant.bySource || registry.properties.get(value.key)?.type !== 'count') return value;
  const { words } = reading;
  const speaker = registry.entities.get(claimant.id);
  const at = wordIndexAt(words, value.start);
  const end = wordIndexAt(words, value.end);
  const loser = loserOf(words, reading.mentions, at);
  const own = loser !== undefined || ownPeopleTable(languagesOf(context.options.language)).matchAt(words, end) !== undefined;
  const neutralised = !own && words.list.slice(Math.max(0, at - NEUTRALISED_WORDS), end + NEUTRALISED_WORDS).some((word) => NEUTRALISED.has(word.text));
  const owner = loser === undefined ? speaker : registry.entities.get(loser);
  const sibling = owner === undefined || (!own && !neutralised) ? undefined : sideSibling(registry, value.key, owner, own ? 'own' : 'enemy');
  const whose = loser !== undefined ? `the losses of @${loser}` : own ? 'its own people' : 'the enemies it neutralised';
  return sibling === undefined || sibling === value.key ? value : { ...value, key: sibling, why: `${value.why}: ${whose}, ${sibling}` };
}

/**
 * A passage's values, one per property, the first read of each kept — but a
 * date within an earlier, vaguer one replaces it. A stance is kept only
 * where the claimant surely takes it (stance.ts): the outlet reporting "la
 * milice, accusée de…" accuses nobody.
 */
function claimValues(context: DocumentContext, reading: Reading, claimant: Claimant): Found[] {
  const taken = (value: Found) =>
    value.stance === undefined ||
    stanceTakenBy(context.corpus, reading.words, reading.mentions, reading.attribution, claimant.bySource ? null : claimant.id, value.stance === 'affirms', (id) => context.model.weight(target.property(value.key), partyTerm(id)) > 0);
  const values: Found[] = [];
  for (const read of [...reading.values.filter(taken), ...entityValues(context, reading, claimant)]) {
    const value = speakersSide(context, reading, claimant, read);
    const same = values.findIndex((v) => v.key === value.key);
    if (same < 0) values.push(value);
    else if (context.registry.properties.get(value.key)?.type === 'date' && narrows(value.value, values[same].value)) values[same] = value;
  }
  return [...values, ...neighbourValues(context, reading, claimant, values).filter(taken)];
}

/**
 * The values the desk's claims nearest the passage assert (neighbours.ts),
 * for properties it has no value of yet, each kept only where the
 * passage's own words give it: the value's cues or learnt words (a stance
 * cue for a value that affirms or denies, the stance then checked as any
 * other), the party named (never the claimant), a count read there with a
 * word of the property near it.
 */
function neighbourValues(context: DocumentContext, reading: Reading, claimant: Claimant, have: readonly Found[]): Found[] {
  const { model, registry, corpus } = context;
  const { words } = reading;
  const votes = neighbourVotes(corpus, model, context.options.language, reading.allTerms.map((t) => t.term));
  if (votes.length === 0) return [];
  const negated = negatedWords(words);
  const mentionRanges = reading.mentions.map((m) => ({ start: m.start, end: m.end }));
  const affirmed = reading.cueMatches.filter((match) => !negated.some((range) => range.start <= match.start && match.start < range.end));
  // What a party denies gives no value of its own, as in enumAndTextValues: only the stance cues read the denial.
  const denied = deniedClauses(words);
  const assertedTerms = termsOf(words, [...mentionRanges, ...negated, ...denied]);
  const assertedCues = affirmed.filter((match) => !denied.some((range) => range.start <= match.start && match.start < range.end));
  const taken = new Set(have.map((value) => value.key));
  const used = have.map((value) => ({ start: value.start, end: value.end }));
  let counts: ReturnType<typeof readCounts> | undefined;
  const values: Found[] = [];
  for (const vote of votes) {
    if (taken.has(vote.key)) continue;
    const why = neighbourWhy(vote);
    const strength = Math.min(0.9, 0.4 + 0.1 * vote.claims);
    let value: Found | undefined;
    if (vote.kind === 'enum' && vote.value !== undefined) {
      const property = registry.properties.get(vote.key);
      if (property?.type !== 'enum') continue;
      const asserted = vote.value;
      // A value's words as the desk's claims of it teach, and its cues; but whether a party affirms or denies is said by a stance (an
      // accusation, a denial: the party's act, checked as such), never by the topic words the claims of both values share ("منطقة", "civilians").
      const evidenceFor = (value: string) =>
        stanceOf(value) === undefined
          ? [...model.evidence(target.value(vote.key, value), assertedTerms), ...cueEvidence(words, assertedCues, target.value(vote.key, value), 0, words.length)]
          : cueEvidence(words, affirmed, target.stance(vote.key, value), 0, words.length);
      const evidence = evidenceFor(asserted);
      const top = evidence.sort((a, b) => b.weight - a.weight)[0];
      const rival = Math.max(0, ...property.values.filter((other) => other !== asserted).map((other) => combine(evidenceFor(other))));
      if (top === undefined || combine(evidence) < NEIGHBOUR_EVIDENCE || combine(evidence) < NEIGHBOUR_MARGIN * rival) continue;
      const names = [target.value(vote.key, asserted), target.stance(vote.key, asserted)];
      const where = affirmed.find((match) => match.cues.some((cue) => names.includes(cue.target))) ?? wordWithStem(words, top.term) ?? { start: reading.range.start, end: reading.range.start };
      const said = found(words, vote.key, asserted, where, `'${words.sourceBetween(where.start, where.end)}' → ${vote.key}=${asserted}, ${why}`, true, strength);
      const stance = stanceOf(asserted);
      value = stance === undefined ? said : { ...said, stance };
    } else if (vote.kind === 'actor' && vote.value !== undefined) {
      const id = vote.value.slice(1);
      const mention = reading.mentions.find((m) => m !== reading.attribution?.mention && idOfSection(corpus, m, 'actor') === id);
      if (mention === undefined || id === claimant.id) continue;
      value = found(words, vote.key, vote.value, mention.text, `'${words.sourceBetween(mention.text.start, mention.text.end)}' → ${vote.key}=${vote.value}, ${why}`, true, strength);
    } else if (vote.kind === 'count' && registry.properties.get(vote.key)?.type === 'count') {
      counts ??= readCounts(words, context.options);
      const count = counts.find((c) => !used.some((range) => range.start < c.end && c.start < range.end));
      if (count === undefined) continue;
      const first = wordIndexAt(words, count.start);
      const { terms } = neighbourhood(words, first, Math.max(first + 1, wordIndexAt(words, count.end)), mentionRanges);
      const top = model.evidence(target.count(vote.key), terms)[0];
      if (top === undefined) continue;
      value = found(words, vote.key, count.value, count, `${count.why} (${vote.key}: '${top.term}'), ${why}`, true, strength);
      if (count.kind === 'vague') value = { ...value, vague: true };
    }
    if (value === undefined) continue;
    taken.add(vote.key);
    used.push({ start: value.start, end: value.end });
    values.push(value);
  }
  return values;
}

/**
 * The one other event a background passage dates — at the place of the
 * event it would be about, or at one it names: "The base had already lost
 * 18 men in July", "Le camp… avait déjà été visé le 1er juillet" in a
 * report of December's attack look back to July's, which the registry may
 * hold; months back, or the one event on those dates, placed nowhere,
 * whose name names a party of the sentence ("[l'AES] créée, il y a deux
 * mois, par…" recalls the AES's founding). Undefined when no event, or
 * more than one, lies on those dates.
 */
function lookedBackTo(context: DocumentContext, reading: Reading, values: readonly Found[], event: EventChoice, apart: 'months' | 'days' = 'months'): EventChoice | undefined {
  const place = context.registry.entities.get(event.id)?.place?.value;
  const named = new Set(reading.mentions.flatMap((mention) => mention.ids));
  const dates = values.flatMap((value) => (context.registry.properties.get(value.key)?.type === 'date' ? [{ days: daysOf(value.value), words: value.words }] : []));
  const onDates = (candidate: EventFacts) => candidate.days !== undefined && dates.every(({ days }) => days !== undefined && candidate.days !== undefined && candidate.days.low <= days.high && candidate.days.high >= days.low);
  const there = (candidate: EventFacts) => candidate.place !== undefined && (candidate.place === place || named.has(candidate.place));
  const dated = eventIndex(context.corpus).dated.filter((candidate) => candidate.id !== event.id && onDates(candidate));
  // Months back, the one event on those dates, placed nowhere (an alliance's founding), is the one recalled where its name names a party
  // the sentence names ("…de [l'AES] créée, il y a deux mois, par…"); days off, it is not (a statement of the next day is placed nowhere
  // either, and need not be that one).
  const sentence = mentionsIn(context.mentions, reading.unit).flatMap((mention) => mention.ids);
  const recalled = (candidate: EventFacts) => {
    const name = context.registry.entities.get(candidate.id)?.name;
    const named = name === undefined ? undefined : actorsNamedBy(context.registry, name);
    return candidate.place === undefined && named !== undefined && sentence.some((id) => named.has(id));
  };
  const found = apart === 'months' && dated.length === 1 && recalled(dated[0]) ? dated : dated.filter(there);
  if (found.length !== 1) return undefined;
  return { id: found[0].id, score: EVENT_THRESHOLD, why: `@${found[0].id}: the date it gives ('${dates.map((date) => date.words).join("', '")}'), ${apart} from @${event.id}` };
}

/**
 * The event of a passage dated days off the event its words point to: the
 * one other event at that place on those dates ("11 gendarmes were killed
 * on Thursday" in a report of Sunday's massacre in the same town, the
 * registry holding Thursday's attack). The event stays where no such event,
 * or more than one, lies there, or where its dates do not hold that event's
 * very days; or where one of its dates falls within the event's.
 */
function onItsDates(context: DocumentContext, reading: Reading, event: EventChoice | undefined): EventChoice | undefined {
  const range = event === undefined ? undefined : daysOf(context.registry.entities.get(event.id)?.date ?? '');
  if (event === undefined || range === undefined) return event;
  const dates = reading.values.filter((value) => value.fact && context.registry.properties.get(value.key)?.type === 'date');
  const outside = dates.map((value) => daysOf(value.value)).every((days) => days !== undefined && (days.high < range.low || days.low > range.high));
  if (dates.length === 0 || !outside || background(context, dates, event)) return event;
  const other = lookedBackTo(context, reading, dates, event, 'days');
  // The date names that event's very days: an event of the whole month ("2024-08") is not what "on Wednesday" tells of, nor is a
  // day's event what "earlier this month" does.
  const otherDays = other === undefined ? undefined : daysOf(context.registry.entities.get(other.id)?.date ?? '');
  const named = otherDays !== undefined && dates.every((value) => {
    const days = daysOf(value.value);
    return days !== undefined && days.low === otherDays.low && days.high === otherDays.high;
  });
  return named ? other : event;
}

/**
 * A passage and its claimant's values as a suggestion. A passage dated
 * months from its event is background: it is proposed for the one other
 * event at those dates, as the outlet's (an account the text goes on with
 * is about the event it began on), or not at all. A party attributed in the
 * passage itself keeps it out: in "…, revendiquée par le groupe État
 * islamique" the party claims the earlier attack, it does not give its toll.
 */
function assemble(context: DocumentContext, reading: Reading, claimant: Claimant, event: EventChoice | undefined): Suggestion | undefined {
  if (wordCount(reading.words) < MIN_WORDS) return undefined;
  const values = claimValues(context, reading, claimant).map((value) => onEventDays(context, value, event));
  const described = describedAfter(context, reading, values, event);
  if (described !== undefined) return assemble(context, described, claimant, event);
  if (event === undefined || !background(context, values, event)) return assembleFor(context, reading, claimant, event, values);
  const recalled = lookedBackTo(context, reading, values, event);
  const aYearBefore = recalled === undefined ? yearBeforeGuess(context, values) : undefined;
  const earlier = recalled ?? (aYearBefore === undefined ? undefined : lookedBackTo(context, reading, aYearBefore, event));
  if (earlier === undefined || reading.attribution?.stance === true) return undefined;
  const own = claimant.carried === true ? outletOf(context) : claimant;
  const ownValues = claimValues(context, reading, own).map((value) => onEventDays(context, value, earlier));
  return assembleFor(context, reading, own, earlier, aYearBefore === undefined ? ownValues : (yearBeforeGuess(context, ownValues) ?? ownValues));
}

/**
 * The passage up to the comma that closes its first fact, where a year or a
 * time long before its event comes after that comma and makes no claim
 * alone: a description of a party or a place named in the fact ("…
 * overran the post of [the VDP], the auxiliaries the state has armed since
 * last year", "اتهمت [X] [Y] بالوقوف وراء المجزرة، وهي ميليشيا شكلها صيادون
 * … عام 2016"), not what the claim says nor a sign that it recalls the past.
 * Undefined where there is no such date or comma.
 */
function describedAfter(context: DocumentContext, reading: Reading, values: readonly Found[], event: EventChoice | undefined): Reading | undefined {
  const isDate = (value: Found) => context.registry.properties.get(value.key)?.type === 'date';
  const first = values.filter((value) => value.fact && !isDate(value)).sort((a, b) => a.start - b.start)[0];
  if (first === undefined || event === undefined) return undefined;
  const comma = reading.words.list.find((word) => word.kind === 'mark' && (word.text === ',' || word.text === '،') && word.start >= first.end);
  if (comma === undefined || !cuttableAt(context, reading, comma.start)) return undefined;
  const later = values.filter((value) => isDate(value) && value.start > comma.start);
  if (later.length === 0 || later.some((value) => value.fact) || !background(context, later, event)) return undefined;
  const head = trimRange(context.facts.parsed, reading.range.start, comma.start);
  return head === undefined ? undefined : readPassageAt(context, reading.unit, head, undefined);
}

/**
 * A passage's values with each date whose year the words leave open and the
 * reader put after publication ("En avril, 62 civils avaient été tués",
 * "In April, 62 civilians were killed there", in a report of December) read
 * a year earlier instead; undefined where no date is so read. What a report
 * recalls has happened: the registry's one event at the place and on those
 * days (`lookedBackTo`) is what it recalls, and with none the passage stays
 * unproposed.
 */
function yearBeforeGuess(context: DocumentContext, values: readonly Found[]): Found[] | undefined {
  const published = context.options.published === undefined ? undefined : daysOf(context.options.published)?.high;
  if (published === undefined) return undefined;
  let moved = false;
  const before = values.map((value) => {
    const days = value.guessed === 'year' ? daysOf(value.value) : undefined;
    if (days === undefined || days.low <= published) return value;
    const earlier = value.value.replace(/\b(\d{4})(?=-)/gu, (year) => String(Number(year) - 1));
    if (daysOf(earlier) === undefined) return value;
    moved = true;
    return { ...value, value: earlier, why: `${value.why}: ${earlier}, a year earlier, as what is recalled has happened` };
  });
  return moved ? before : undefined;
}

/**
 * The place of the event a passage is about, where the passage names no
 * place but refers back to it ("In July, militants killed 18 soldiers in an
 * attack on the same base", "ce même camp", "مركز الدرك في البلدة"): it goes
 * with a claim and makes none alone.
 */
function placeReferredBack(context: DocumentContext, reading: Reading, event: EventChoice | undefined, values: readonly Found[]): Found[] {
  if (event === undefined) return [];
  const place = context.registry.entities.get(event.id)?.place?.value;
  const property = propertiesOf(context.registry, 'entity').find((p) => p.kind === 'place');
  if (place === undefined || property === undefined || values.some((value) => value.key === property.key)) return [];
  if (reading.mentions.some((mention) => idOfSection(context.corpus, mention, 'place') !== undefined)) return [];
  const where = placeReferredBackIn(reading.words, context.options.language);
  if (where === undefined) return [];
  const said = reading.words.sourceBetween(where.start, where.end);
  return [found(reading.words, property.key, `@${place}`, where, `'${said}' → ${property.key}=@${place}, the place of @${event.id}`, false, 0.3)];
}

function assembleFor(context: DocumentContext, reading: Reading, claimant: Claimant, event: EventChoice | undefined, values: readonly Found[]): Suggestion | undefined {
  const { facts } = context;
  const read = [...values, ...placeReferredBack(context, reading, event, values)];
  const bare = !read.some((value) => value.fact);
  if (bare && !partySpeaks(context, reading, claimant, event)) return undefined;
  // What makes no claim alone is left out of a bare statement, whose claim is only who said something of which event.
  const properties = bare ? [] : read;
  const hedged = reading.hedged !== undefined;
  const by = claimant.id !== null && !claimant.bySource ? claimant.id : undefined;
  const range = withoutIdleEnd(facts.parsed, reading.words, reading.range, evidenceOf(context, reading, properties)) ?? reading.range;
  const text = facts.text.slice(range.start, range.end);
  const markup = `[${text}]${claimBlock({ ...(by !== undefined ? { by } : {}), ...(event !== undefined ? { event: event.id } : {}), hedged, properties })}`;
  const eventStrength = event === undefined ? 0 : Math.min(1, event.score / (2 * EVENT_THRESHOLD));
  const confidence = bare
    ? Math.round(100 * BARE_CONFIDENCE * (0.5 + 0.25 * claimant.strength + 0.25 * eventStrength)) / 100
    : Math.round(100 * Math.min(1, 0.15 + 0.4 * Math.max(...properties.filter((p) => p.fact).map((p) => p.strength)) + 0.25 * claimant.strength + 0.2 * eventStrength)) / 100;
  const why = [claimant.why, ...(event !== undefined ? [event.why] : ['no event found']), ...(bare ? ['no value read: complete or dismiss'] : properties.map((p) => p.why)), ...(hedged && reading.hedged !== undefined ? [reading.hedged.why] : [])].join('; ');
  return {
    file: facts.file,
    start: range.start,
    end: range.end,
    text,
    markup,
    claimant: claimant.id,
    bySource: claimant.bySource,
    event: event?.id ?? null,
    properties: properties.map(({ key, value, start, end, words, why: valueWhy }) => ({ key, value, start, end, words, why: valueWhy })),
    hedged,
    confidence,
    why,
  };
}

/**
 * Whether a passage with no value read is a registered party's own
 * statement about an event: the party, not the outlet, named or referred
 * to as the subject or agent of a verb of saying or of a stand in the
 * passage's attribution (not carried on from an account before, not a
 * statement's date, which is the outlet's to tell), and an event to file it
 * under — `event=` is required, a claim without it is an error.
 */
function partySpeaks(context: DocumentContext, reading: Reading, claimant: Claimant, event: EventChoice | undefined): boolean {
  const said = reading.attribution;
  if (event === undefined || said?.construction === undefined || claimant.id === null || claimant.bySource || claimant.carried === true) return false;
  if (reading.statement !== undefined || said.claimant !== claimant.id || claimant.id === context.facts.frontMatter.source?.value || !SPEAKING.has(said.construction)) return false;
  // A condemnation, an appeal or a promise is a statement no desk annotates, and a passage of only its attribution states nothing
  // (statementKinds.ts).
  if (statesNoFact(reading.words, reading.range) || onlyAttribution(reading.words, reading.range, said)) return false;
  const speaker = claimant.id;
  // Another party named beside the speaker — in an apposition, a nested account, an object — may be the one whose words these
  // are: the analyst tells which, and a suggestion never guesses a claimant (one that merely shares an affiliation included).
  return reading.mentions.every((mention) => mention.ids.every((id) => id === speaker || context.registry.entities.get(id)?.section !== 'actor'));
}

/** What a suggestion rests on, which the clauses it ends on must not lose: its values, its party's words, its hedge, the event it names. */
function evidenceOf(context: DocumentContext, reading: Reading, properties: readonly Found[]): ClaimEvidence {
  const { attribution } = reading;
  const ranges: TextRange[] = [
    ...properties,
    ...reading.declined,
    ...reading.statementDates,
    ...reading.figuresBefore,
    ...(reading.hedged === undefined ? [] : [reading.hedged]),
    ...(attribution?.mention === undefined ? [] : [attribution.mention]),
    ...reading.mentions.filter((mention) => mention.ids.some((id) => context.registry.entities.get(id)?.section === 'event')),
  ];
  return attribution === undefined ? { ranges } : { ranges, cue: attribution.cue, attributionEnd: Math.max(attribution.cue.end, attribution.mention?.end ?? 0) };
}

/** Words a subject starts with ("Le groupe djihadiste, le Jnim, revendique…"). */
const DETERMINERS: ReadonlySet<string> = new Set(['le', 'la', 'les', 'l', 'un', 'une', 'des', 'ce', 'cette', 'ces', 'the', 'a', 'an', 'this', 'these']);
/** Edge segments longer than this are kept: they are more than a circumstance or an apposition. */
const EDGE_WORDS = 10;

/**
 * A passage without the comma-separated segments at its edges that carry
 * none of its claim — a circumstance before it ("Au Mali,", "Sollicitée
 * par RFI,", "Simultanément,") or an apposition after it (", ONG
 * américaine…", ", dans la même région de Tombouctou") — as the seeds
 * annotate claims; undefined when there is nothing to take off.
 */
function withoutEdges(context: DocumentContext, reading: Reading): TextRange | undefined {
  const { words } = reading;
  const cuts: number[] = [];
  let colon = -1;
  const quotes = new QuotationDepth();
  words.list.forEach((word, index) => {
    if (word.kind !== 'mark' || quotes.read(word) || quotes.open) return;
    if (insideSpan(context.facts.parsed, word.start) || marksFigure(words, index)) return;
    if (word.text === ',' || word.text === '،') cuts.push(index);
    else if (word.text === ':' && colon < 0) colon = index;
  });
  if (cuts.length === 0 && colon < 0) return undefined;
  const segments: { first: number; next: number }[] = [];
  let first = 0;
  for (const cut of [...cuts, words.length]) {
    segments.push({ first, next: cut });
    first = cut + 1;
  }
  // Where the first cue of blame ends, if any: a party after it may be its object.
  const blameEnds = Math.min(...reading.cueMatches.filter((match) => match.cues.some((cue) => namesAnotherParty(cue.phrase))).map((match) => match.end));
  const keeps = (segment: { first: number; next: number }, longKeeps = true) => {
    const start = words.list[segment.first]?.start ?? reading.range.end;
    const end = segment.next > segment.first ? words.list[segment.next - 1].end : start;
    const within = (range: TextRange) => range.start < end && range.end > start;
    let count = 0;
    for (let k = segment.first; k < segment.next; k++) if (words.list[k].kind !== 'mark') count++;
    return (
      (longKeeps && count > EDGE_WORDS) ||
      reading.values.some((value) => value.fact && within(value)) ||
      reading.figuresBefore.some(within) ||
      (reading.attribution !== undefined && (within(reading.attribution.cue) || (reading.attribution.mention !== undefined && within(reading.attribution.mention)))) ||
      (reading.hedged !== undefined && within(reading.hedged)) ||
      reading.mentions.some((mention) => within(mention) && mention.ids.some((id) => context.registry.entities.get(id)?.section === 'event')) ||
      // The party a cue of blame governs ("attribue l'attaque, « selon… », à [X]") is the claim's value, not an apposition.
      (blameEnds < start && reading.mentions.some((mention) => within(mention) && mention.ids.some((id) => context.registry.entities.get(id)?.section === 'actor'))) ||
      // "وراءه" closes the clause of the party a copula puts behind the act ("أن يكون [X]، الناشط…، وراءه"), which it ties.
      words.list.slice(segment.first, segment.next).some((word) => word.arabic === true && isBehind(word.text))
    );
  };
  // One circumstance before the subject ("Au Mali, [le Jnim] revendique…": the next segment opens with a mention or a determiner), one apposition after.
  const opensWithSubject = (segment: { first: number }) => {
    const word = words.list[segment.first];
    return word !== undefined && (DETERMINERS.has(word.text) || reading.mentions.some((mention) => mention.start <= word.start && word.start < mention.end));
  };
  // A relative clause on a party just named, not the speaker ("…blamed on [ISGS], which is active on both sides of the border and has
  // stepped up…"), is the outlet's description of it, whatever its length, where it holds nothing the claim states.
  const describesParty = (segment: { first: number; next: number }) => {
    const comma = words.list[segment.first - 1];
    const word = words.list[segment.first];
    if (comma === undefined || word === undefined || word.kind !== 'word' || !PARTY_RELATIVES.has(word.text)) return false;
    // Not the speaker's: "said [a local official], who asked not to be named" is how the party speaks, which the desks keep.
    const speaker = reading.attribution?.mention;
    return reading.mentions.some((mention) => mention.ids.some((id) => context.registry.entities.get(id)?.section === 'actor') && mention.end !== speaker?.end && mention.end <= comma.start && /^[\s)]*$/u.test(context.facts.text.slice(mention.end, comma.start)));
  };
  const apposition = (segment: { first: number; next: number }) => !keeps(segment, !describesParty(segment));
  let from = 0;
  let to = segments.length;
  // The statement a party speaks in, before it ("In a statement on its channels, [it] said…", "Dans un communiqué, [l'armée]…"), is
  // part of its attribution, which the desks keep in the claim.
  const namesStatement = (segment: { first: number; next: number }) => reading.attribution !== undefined && words.list.slice(segment.first, segment.next).some(isStatementNoun);
  // "وكان" opens the sentence's verb, its subject after it: "وكان عمدة البلدية، [فلان]، قد تحدث…" is no circumstance before [فلان].
  const opensVerb = opensPluperfect(words.list[segments[0].first]);
  if (to > 1 && !keeps(segments[0]) && !namesStatement(segments[0]) && !opensWithSubject(segments[0]) && !opensVerb && opensWithSubject(segments[1])) from++;
  if (to - from > 1 && apposition(segments[to - 1])) to--;
  // What leads in to a colon and states nothing of the claim ("C'est la deuxième fois en un mois que [l'organisation] frappe aussi
  // durement l'[armée] : le 10 décembre, 71 soldats…"), whatever its length, is the outlet's framing, as the desks leave it out —
  // but for a lead-in that speaks of the figures it announces ("[The government]'s toll has not changed…: 35 civilians…").
  const leadIn =
    colon > 0 &&
    colon + 1 < words.length &&
    !keeps({ first: 0, next: colon }, false) &&
    !namesStatement({ first: 0, next: colon }) &&
    !speaksOfFigures(wordsOf(context.facts, { start: words.list[0].start, end: words.list[colon].start }));
  if (from === 0 && to === segments.length && !leadIn) return undefined;
  // A passage that opens with a comma leaves its first segment empty, with no word before it to end on: it stays whole.
  const opening = leadIn && words.list[colon + 1].start > (words.list.at(segments[from].first)?.start ?? 0) ? words.list.at(colon + 1) : words.list.at(segments[from].first);
  const closing = segments[to - 1].next > 0 ? words.list.at(segments[to - 1].next - 1) : undefined;
  if (opening === undefined || closing === undefined) return undefined;
  // A word may lie inside a mention's brackets: the passage then takes the whole mention.
  return clauseRange(context, opening.start, closing.end);
}

/**
 * A passage whose party is named in a relative clause, without the outlet's
 * words that lead to it: "The account contradicts that of [the army, which
 * said it had killed 40 fighters]". Kept whole when a fact lies in those
 * words.
 */
function withoutFraming(context: DocumentContext, reading: Reading, lastSpeaker: string | undefined): Reading {
  const mention = reading.attribution?.relative === true ? reading.attribution.mention : undefined;
  if (mention === undefined || mention.start <= reading.range.start) return reading;
  if (reading.values.some((value) => value.fact && value.start < mention.start)) return reading;
  // The party's determiner goes with it: "[the army, which…", "[l'armée, qui…".
  const { words } = reading;
  let first = wordIndexAt(words, mention.start);
  if (words.at(first - 1)?.text === "'" && words.at(first - 2)?.text === 'l') first -= 2;
  else if (DETERMINERS.has(words.at(first - 1)?.text ?? '')) first -= 1;
  const start = Math.min(mention.start, words.list[first]?.start ?? mention.start);
  if (start <= reading.range.start) return reading;
  const range = trimRange(context.facts.parsed, start, reading.range.end);
  return range === undefined ? reading : readPassageAt(context, reading.unit, range, lastSpeaker);
}

/**
 * A passage that a claim of its sentence left, opening on that claim's
 * attribution — "[Au moins 40 soldats ont été tués]{claim…}, selon une
 * source sécuritaire, et deux ont été capturés, selon le [JNIM]" — without
 * it: a preposition of source right after a claim, up to its comma, ends
 * that claim and says nothing of what follows, which has its own party.
 */
function withoutClaimsAttribution(context: DocumentContext, reading: Reading, lastSpeaker: string | undefined): Reading {
  const { words } = reading;
  const { text, claims } = context.facts;
  const start = reading.range.start;
  if (!claims.some((claim) => claim.end <= start && /^[\s,،]*$/u.test(text.slice(claim.end, start)))) return reading;
  const [first] = findAttributions(context.corpus, words, reading.mentions, context.options.language, undefined);
  if (first?.construction !== 'preposition' || words.list.some((word) => word.kind === 'word' && word.start < first.cue.start)) return reading;
  const comma = words.list.find((word) => word.start >= first.cue.end && word.kind === 'mark' && (word.text === ',' || word.text === '،'));
  if (comma === undefined || (first.mention !== undefined && first.mention.end > comma.start)) return reading;
  const range = trimRange(context.facts.parsed, comma.end, reading.range.end);
  return range === undefined ? reading : readPassageAt(context, reading.unit, range, lastSpeaker);
}

/**
 * What the outlet adds about a statement's source is the source's when the
 * source speaks in it ("…, selon X, qui parle d'une trentaine
 * d'assaillants"): read with the attribution before it, the aside's verb
 * attributes it; an aside about the source ("…, who spoke on condition of
 * anonymity") stays the outlet's.
 */
function asideOfSource(context: DocumentContext, unit: Unit, reading: Reading, lastSpeaker: string | undefined): Reading {
  if (unit.source === undefined || reading.attribution !== undefined) return reading;
  const withSource = readPassageAt(context, unit, { start: unit.source.start, end: unit.end }, lastSpeaker);
  const attribution = findAttributions(context.corpus, withSource.words, withSource.mentions, context.options.language, lastSpeaker).find(
    (found) => found.claimant !== undefined && found.cue.start >= unit.start,
  );
  return attribution === undefined ? reading : { ...reading, attribution };
}

/** The count property the last figure of a paragraph counted. */
interface LastFigure {
  readonly key: string;
  readonly paragraph: number;
}

/** The property of a passage's last figure, if it gives one. */
function lastFigureOf(context: DocumentContext, reading: Reading): LastFigure | undefined {
  const figures = reading.values.filter((value) => context.registry.properties.get(value.key)?.type === 'count');
  const last = figures.sort((a, b) => a.start - b.start)[figures.length - 1];
  return last === undefined ? undefined : { key: last.key, paragraph: reading.unit.paragraph };
}

/**
 * A passage whose figure is said of the figure before it ("Local officials
 * … put it higher, at about 160", after the government's toll; "That is
 * twice the « approximately 50 » that…", after a count of the attackers),
 * with that figure counted as the one before was, in the same paragraph.
 */
function withFigureBefore(reading: Reading, before: LastFigure | undefined): Reading {
  const figure = reading.figuresBefore[0];
  if (figure === undefined || before === undefined || before.paragraph !== reading.unit.paragraph || reading.values.some((value) => value.key === before.key)) return reading;
  const value = found(reading.words, before.key, figure.value, figure, `${figure.why} (${before.key}: said of the figure before it)`, true, 0.5);
  return { ...reading, values: [...reading.values, figure.kind === 'vague' ? { ...value, vague: true } : value] };
}

/** The claims the desk annotated for a party other than the outlet, in the order they end: each opens that party's account for the text after it. */
function partyClaimsByEnd(facts: DocumentFacts): (Claim & { claimant: string })[] {
  const source = facts.frontMatter.source?.value;
  return facts.claims.filter((claim): claim is Claim & { claimant: string } => claim.claimant !== undefined && claim.claimant !== source).sort((a, b) => a.end - b.end);
}

/** Reads a document's units, cutting a unit into clauses where it repeats a property or quotes a second statement, and the date of a statement off as the outlet's claim about it. */
function readDocument(context: DocumentContext): Reading[] {
  const readings: Reading[] = [];
  let lastSpeaker: string | undefined;
  let lastFigure: LastFigure | undefined;
  // The desk's claims speak as the passages they cover would: after "[X a affirmé…]{claim by=@x}", "Il a ajouté…" and "Selon elle,…"
  // stand for X, not for a party read before that claim.
  const annotated = partyClaimsByEnd(context.facts);
  let passed = 0;
  for (const unit of readUnits(context.facts)) {
    for (; passed < annotated.length && annotated[passed].end <= unit.start; passed++) lastSpeaker = annotated[passed].claimant;
    if (unit.end - unit.start > MAX_UNIT_LENGTH) continue;
    const whole = asideOfSource(context, unit, withoutClaimsAttribution(context, readPassageAt(context, unit, unit, lastSpeaker), lastSpeaker), lastSpeaker);
    const clauses = clausesOf(context, whole);
    const claimCut = clauses === undefined ? claimClauseCut(context, whole) : undefined;
    const endCut = clauses === undefined && claimCut === undefined ? endAttributionCut(context, whole) : undefined;
    const contrast = clauses === undefined && claimCut === undefined && endCut === undefined ? (contrastCut(context, whole) ?? commaSpeakerCut(context, whole)) : undefined;
    const relativeCut = clauses === undefined && claimCut === undefined && endCut === undefined && contrast === undefined ? (relativeSourceCut(context, whole) ?? tollClauseCut(context, whole)) : undefined;
    const unclaimed = clauses === undefined && claimCut === undefined && endCut === undefined && contrast === undefined && relativeCut === undefined ? unclaimedCut(context, whole) : undefined;
    const outletCut = claimCut ?? endCut ?? contrast ?? relativeCut ?? unclaimed;
    const evidenced = clauses === undefined && outletCut === undefined ? evidencedClauseCuts(context, whole) : [];
    const ranges = outletCut === undefined ? (clauses ?? (evidenced.length > 0 ? rangesBetween(context, whole, evidenced) : undefined)) : [clauseRange(context, whole.range.start, outletCut.end), clauseRange(context, outletCut.start, whole.range.end)].filter((range) => range !== undefined);
    // A pronoun in a later clause ("…, and [it] said…") stands for the party of the clause before it, as across sentences.
    let speaker = lastSpeaker;
    const parts =
      ranges === undefined
        ? [whole]
        : ranges.map((range) => {
            const part = readPassageAt(context, unit, range, speaker);
            speaker = speakerAfter(context, part, speaker);
            return part;
          });
    // What is cut off the clause that frames it — a party's account after the outlet's date or place, a relative clause after its
    // antecedent ("the attack on the post at Ayorou, in which…") — is about the event that clause names.
    const framedBy = endCut !== undefined || relativeCut !== undefined || unclaimed !== undefined ? parts[0].values : undefined;
    // A clause without an attribution of its own is said by whoever its sentence attributes — but for the outlet's facts before a party's claim or account of them.
    const attributed = outletCut !== undefined ? undefined : parts.find((part) => part.attribution?.claimant !== undefined);
    const shared = outletCut !== undefined ? undefined : (attributed?.attribution ?? whole.attribution);
    for (const clause of parts) {
      const edges = withoutEdges(context, clause);
      const trimmed = edges === undefined ? clause : readPassageAt(context, unit, edges, lastSpeaker);
      const part = withoutFraming(context, trimmed, lastSpeaker);
      // A verb of saying that opens a later clause ("…, which [the army] said it had…", "…، وأعلن [الجيش] أنه…") says what follows it, not the clause before.
      const reaches = attributed === undefined || part.range.start >= attributed.range.start || !saysWhatFollows(attributed);
      // After a second party's clause, a clause goes on with that party, the nearest before it: in "[JNIM] said it had killed 40
      // soldiers, a claim [the army] rejected, | saying only 12 had died" the army says it, not JNIM.
      const previous = outletCut !== undefined ? undefined : parts.filter((other) => other.attribution?.claimant !== undefined && other.range.start < clause.range.start).at(-1);
      const goesOnWith = previous?.attribution ?? (reaches ? shared : undefined);
      const reading = part.attribution === undefined && goesOnWith !== undefined ? { ...part, attribution: goesOnWith } : part;
      const statement = statementSplit(context, reading, lastSpeaker);
      const said = statement === undefined ? [reading] : [statement.reading];
      // What a dated statement says is its party's: "X said on Thursday | that…", "… | , X said on Thursday".
      if (statement?.rest !== undefined) {
        const rest = readPassageAt(context, unit, statement.rest, lastSpeaker);
        const party = reading.attribution === undefined ? rest : { ...rest, attribution: reading.attribution };
        if (statement.rest.start < statement.reading.range.start) said.unshift(party);
        else said.push(party);
      }
      for (const said1 of said) {
        const one = withFigureBefore(said1, lastFigure);
        const cutOff = outletCut !== undefined && one.range.start >= outletCut.start;
        readings.push(cutOff && claimCut !== undefined ? { ...one, claimOfAct: true } : cutOff && framedBy !== undefined ? { ...one, framedBy } : one);
        lastSpeaker = speakerAfter(context, one, lastSpeaker);
        lastFigure = lastFigureOf(context, one) ?? (lastFigure?.paragraph === one.unit.paragraph ? lastFigure : undefined);
      }
    }
  }
  return readings;
}

/**
 * Whether a passage's attribution is followed, in its clause, by what the
 * party says ("which [the army] said it had answered…", "وأعلن [الجيش] أنه
 * قتل…"), rather than ending it ("…, [the army] said on Thursday").
 */
function saysWhatFollows(reading: Reading): boolean {
  const { words, attribution } = reading;
  if (attribution === undefined) return false;
  const after = words.list.slice(wordIndexAt(words, Math.max(attribution.cue.end, attribution.mention?.end ?? 0)));
  // Up to the clause's end: "…, بحسب ما أعلنت [الحكومة] اليوم السبت، في أعنف هجوم…" ends on the party and its day.
  const clauseEnd = after.findIndex((word) => word.kind === 'mark');
  return (clauseEnd < 0 ? after.length : clauseEnd) > AFTER_ATTRIBUTION_WORDS;
}

/** Words that name a statement in an event's name: "JNIM's claim of the attack", "Joint communiqué…". */
const STATEMENT_EVENT_WORDS: ReadonlySet<string> = new Set([...STATEMENT_NOUNS, 'claim', 'claims', 'revendication', 'annonce', 'announcement', 'release', 'speech', 'discours', 'اعلان', 'تبني']);

interface StatementEvent {
  readonly id: string;
  /** The actors its name names ("JNIM's claim of the attack": @jnim). */
  readonly actors: ReadonlySet<string>;
  readonly days?: { readonly low: number; readonly high: number };
}

/** The actors an event's name names, by their names and aliases ("JNIM's claim of the attack": @jnim; "Founding of the AES": @aes). */
function actorsNamedBy(registry: Registry, eventName: string): ReadonlySet<string> {
  const name = ` ${phraseTokens(eventName).join(' ')} `;
  const named = [...registry.entities.values()].filter(
    (actor) =>
      actor.section === 'actor' &&
      [actor.name, ...actor.aliases.map((alias) => alias.value)].some((written) => {
        const words = phraseTokens(written);
        return words.length > 0 && name.includes(` ${words.join(' ')} `);
      }),
  );
  return new Set(named.map((actor) => actor.id));
}

const statementEvents = new WeakMap<Registry, readonly StatementEvent[]>();

/** The registry's events that are statements, by their name, with the actors their names name. */
function statementEventsOf(registry: Registry): readonly StatementEvent[] {
  let events = statementEvents.get(registry);
  if (events === undefined) {
    events = [...registry.entities.values()].flatMap((entity) => {
      if (entity.section !== 'event' || !phraseTokens(entity.name).some((token) => STATEMENT_EVENT_WORDS.has(token))) return [];
      const days = entity.date === undefined ? undefined : daysOf(entity.date);
      return [{ id: entity.id, actors: actorsNamedBy(registry, entity.name), ...(days !== undefined ? { days } : {}) }];
    });
    statementEvents.set(registry, events);
  }
  return events;
}

/** Whether two actors are one party: the same, or one affiliated with the other (the general staff and the army). */
function sameParty(registry: Registry, a: string, b: string): boolean {
  const affiliated = (from: string, to: string) => registry.entities.get(from)?.affiliations.some((link) => link.value === to) === true;
  return a === b || affiliated(a, b) || affiliated(b, a);
}

/**
 * The event a statement of `speaker` dated `date` is: a registry event named
 * as a statement ("…'s claim of…", "…communiqué…") that names the speaker
 * (its date, if it has one, covering the statement's), or that names no
 * party and whose date covers it; undefined when none does, so that no
 * statement is given another party's statement or another day's.
 */
function statementEvent(context: DocumentContext, date: string, speaker: string | undefined): StatementEvent | undefined {
  const days = daysOf(date);
  if (days === undefined) return undefined;
  const registry = context.registry;
  let top: { event: StatementEvent; score: number } | undefined;
  for (const event of statementEventsOf(registry)) {
    if (event.days !== undefined && (event.days.high < days.low || days.high < event.days.low)) continue;
    const speaks = speaker !== undefined && [...event.actors].some((actor) => sameParty(registry, actor, speaker));
    if (event.actors.size > 0 && !speaks) continue;
    const score = (event.days !== undefined ? 2 : 0) + (speaks ? 3 : 0);
    if (score >= 2 && (top === undefined || score > top.score)) top = { event, score };
  }
  return top?.event;
}

/** Prepositions before a statement named after its date: "samedi, dans un communiqué", "on Thursday in a statement". */
const STATEMENT_PREPOSITIONS: ReadonlySet<string> = new Set(['dans', 'par', 'via', 'sur', 'in', 'on', 'through', 'في']);

/**
 * A passage that dates a statement ("X said on Thursday that…", "وقالت في
 * بيان يوم السبت إنها…", "Dans un communiqué diffusé vendredi, X…"), cut
 * into the outlet's claim about the statement — its date, about the
 * statement's event, which must be in the registry — and the rest, the
 * party's claim; the whole passage is the statement's claim when the rest
 * states nothing. Undefined when the passage dates no statement the
 * registry knows, or when its facts come before the statement's date.
 */
function statementSplit(context: DocumentContext, whole: Reading, lastSpeaker: string | undefined): { reading: Reading; rest?: TextRange } | undefined {
  const date = whole.statementDates[0];
  if (date?.value === null || date === undefined) return undefined;
  const speaker = whole.attribution?.claimant;
  const event = statementEvent(context, date.value, speaker);
  const property = [...propertiesOf(context.registry, 'date')].sort((a, b) => context.model.observations(target.date(b.key)) - context.model.observations(target.date(a.key)))[0];
  if (event === undefined || property === undefined) return undefined;
  const { words } = whole;
  // The statement's words run on over a statement named right after the date: "ce samedi 25 novembre, dans un communiqué".
  let last = wordIndexAt(words, date.end) - 1;
  let k = last + 1;
  if (words.at(k)?.text === ',' || words.at(k)?.text === '،') k++;
  if (words.at(k) !== undefined && STATEMENT_PREPOSITIONS.has(words.list[k].text)) {
    for (let j = k + 1; j <= k + 3 && j < words.length; j++) {
      if (isStatementNoun(words.list[j])) {
        last = j;
        break;
      }
    }
  }
  const end = words.list[last]?.end ?? date.end;
  if (insideSpan(context.facts.parsed, end)) return undefined;
  const claimant: Claimant = { id: speaker ?? null, bySource: false, why: '', strength: 1 };
  const facts = claimValues(context, whole, claimant).filter((value) => value.fact);
  const said = words.sourceBetween(date.start, date.end);
  const dated = found(words, property.key, date.value, date, `${date.why} (${property.key}: the date of the statement)`, true, 0.7);
  const who = speaker === undefined ? 'a statement' : `a statement by @${speaker}`;
  const asStatement = (read: Reading): Reading => ({ ...read, values: [dated], statement: { event: event.id, why: `@${event.id}: '${said}' dates ${who}` } });
  // A stance's value is read at its verb, which opens the sentence ("اتهمت [X]، في تقرير نشرته أمس، …"): it is no fact before the date.
  if (facts.some((value) => value.stance === undefined && value.start < end)) {
    // What the party says, then its statement: "Soldiers killed 120 civilians…, the Observatory said in a report on Tuesday".
    const opening = whole.attribution === undefined ? undefined : statementClauseAfterFacts(words, whole.attribution, date, facts);
    if (opening === undefined || insideSpan(context.facts.parsed, opening.start)) return undefined;
    const head = trimRange(context.facts.parsed, opening.start, end);
    const before = trimRange(context.facts.parsed, whole.range.start, opening.comma);
    if (head === undefined || before === undefined) return undefined;
    return { reading: asStatement(readPassageAt(context, whole.unit, head, lastSpeaker)), rest: before };
  }
  const rest = facts.length > 0 ? trimRange(context.facts.parsed, end, whole.range.end) : undefined;
  const head = rest === undefined ? whole.range : trimRange(context.facts.parsed, whole.range.start, end);
  if (head === undefined) return undefined;
  const read = head === whole.range ? whole : readPassageAt(context, whole.unit, head, lastSpeaker);
  return rest === undefined ? { reading: asStatement(read) } : { reading: asStatement(read), rest };
}

/**
 * The clause that attributes a passage after what it says ("…, [the
 * Observatory said in a report on Tuesday]", "…, [selon un rapport de
 * l'Observatoire publié mardi]"): from the word after the last comma before
 * the attribution, when every fact lies before that comma and the date of
 * the statement after it. `comma` is where the facts end.
 */
function statementClauseAfterFacts(words: Words, attribution: Attribution, date: TextRange, facts: readonly Found[]): { start: number; comma: number } | undefined {
  const from = Math.min(attribution.cue.start, attribution.mention?.start ?? attribution.cue.start);
  let k = wordIndexAt(words, from) - 1;
  while (k >= 0 && !(words.list[k].kind === 'mark' && (words.list[k].text === ',' || words.list[k].text === '،'))) k--;
  const comma = words.at(k);
  const next = words.at(k + 1);
  if (comma === undefined || next === undefined || next.start > date.start) return undefined;
  if (facts.some((fact) => fact.end > comma.start)) return undefined;
  return { start: next.start, comma: comma.start };
}

/** A document read whole: its passages, who says each, about which event. */
interface DocumentReading {
  readonly context: DocumentContext;
  readonly readings: readonly Reading[];
  readonly claimants: readonly Claimant[];
  readonly events: readonly (EventChoice | undefined)[];
}

function readWholeDocument(corpus: Corpus, facts: DocumentFacts, options: AssistOptions, extra?: (context: DocumentContext, readings: readonly Reading[]) => Reading[]): DocumentReading {
  const context = contextOf(corpus, facts, options);
  const own = readDocument(context);
  const readings = extra === undefined ? own : extra(context, own);
  const dated = withEventDays(context, readings, eventsOf(context, readings));
  const events = dated.events.map((event, i) => onItsDates(context, dated.readings[i], event));
  return { context, readings: dated.readings, claimants: claimantsOf(context, dated.readings, events), events };
}

/**
 * The days counted from the event a report is about ("au lendemain du
 * massacre", "the day after the attack", "في اليوم التالي للمجزرة"): that
 * event — the one most of the document's passages are about — gives its
 * day, moved by the offset, as the passage's date; and the passage is about
 * the one event of the registry on that day, if there is one (a militia
 * dissolved the day after the massacre), else about the event itself. A
 * date the passage gives outright comes first; an event dated over several
 * days gives no day.
 */
function withEventDays(context: DocumentContext, readings: readonly Reading[], events: readonly (EventChoice | undefined)[]): { readings: readonly Reading[]; events: readonly (EventChoice | undefined)[] } {
  if (!readings.some((reading) => reading.eventDays.length > 0)) return { readings, events };
  const counts = new Map<string, number>();
  for (const event of events) if (event !== undefined) counts.set(event.id, (counts.get(event.id) ?? 0) + 1);
  const main = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const span = main === undefined ? undefined : daysOf(context.registry.entities.get(main)?.date ?? '');
  if (main === undefined || span === undefined || span.low !== span.high) return { readings, events };
  const dates = new Set(propertiesOf(context.registry, 'date').map((property) => property.key));
  const newReadings = [...readings];
  const newEvents = [...events];
  readings.forEach((reading, i) => {
    const counted = reading.eventDays[0];
    // The event said to fall on the day of another ("The attacks came on the day the results of the Dec. 27 election were
    // announced") has its own day, whatever else the passage dates.
    const ownDay = counted?.offset === 0;
    if (counted === undefined || (!ownDay && reading.values.some((value) => value.fact && dates.has(value.key)))) return;
    const day = span.low + counted.offset;
    const words = reading.words.sourceBetween(counted.reading.start, counted.reading.end);
    const value = found(reading.words, counted.key, isoDay(day), counted.reading, `'${words}' → ${isoDay(day)} (counted from @${main}, ${isoDay(span.low)}) (${counted.key})`, true, 0.7);
    newReadings[i] = { ...reading, values: [...reading.values.filter((other) => !ownDay || other.key !== counted.key), value] };
    const onDay = eventIndex(context.corpus).dated.filter((event) => event.id !== main && event.days !== undefined && event.days.low <= day && day <= event.days.high);
    if (onDay.length === 1) newEvents[i] = { id: onDay[0].id, score: EVENT_THRESHOLD, why: `@${onDay[0].id}: on ${isoDay(day)}, '${words}' (@${main})` };
    else if (newEvents[i] === undefined) newEvents[i] = { id: main, score: EVENT_THRESHOLD, why: `@${main}: '${words}'` };
  });
  return { readings: newReadings, events: newEvents };
}

/**
 * Whether a bare statement (`partySpeaks`) stands as a claim of its own:
 * no other suggestion nor claim in its sentence — there it is the frame of
 * a claim already proposed or annotated ("[The army said] it killed 40"), not
 * one more — and its event tied by the passage's own words (a name, a
 * place, a date, the words of the event's claims) or by its paragraph,
 * which a suggestion with a value or a claim files under the same event.
 */
function bareStatementTied(context: DocumentContext, reading: Reading, suggestion: Suggestion, all: readonly { suggestion: Suggestion; reading: Reading }[]): boolean {
  const sentence = reading.unit.sentenceRange;
  const inSentence = (range: TextRange) => range.start < sentence.end && sentence.start < range.end;
  if (context.facts.claims.some((claim) => inSentence({ start: claim.start, end: claim.close })) || all.some((other) => other.suggestion !== suggestion && other.reading.unit.sentence === reading.unit.sentence)) return false;
  const own = eventEvidence(context, reading).get(suggestion.event ?? '');
  if (own !== undefined && combine(own.evidence) >= BARE_OWN_EVENT) return true;
  const paragraph = reading.unit.paragraph;
  const { text } = context.facts;
  // A paragraph is a line of the article.
  const from = Math.max(text.lastIndexOf('\n', reading.range.start), text.lastIndexOf('\r', reading.range.start)) + 1;
  const lineEnd = text.slice(reading.range.end).search(/[\r\n]/u);
  const to = lineEnd < 0 ? text.length : reading.range.end + lineEnd;
  return (
    all.some((other) => other.suggestion.properties.length > 0 && other.reading.unit.paragraph === paragraph && other.suggestion.event === suggestion.event) ||
    context.facts.claims.some((claim) => claim.event === suggestion.event && claim.start >= from && claim.start < to)
  );
}

/**
 * The claims a document could gain: passages that state a checkable fact no
 * claim covers and that the analyst has not dismissed (the front matter's
 * `not-claims:`), in text order, never overlapping, each with the markup
 * that would annotate it. Empty for a file that is not a readable document.
 */
export function suggestionsFor(corpus: Corpus, file: string, options: AssistOptions = {}): Suggestion[] {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined) return [];
  const { context, readings, claimants, events } = readWholeDocument(corpus, facts, options);
  const assembled: { suggestion: Suggestion; reading: Reading }[] = [];
  const dismissals = dismissalsOf(facts);
  readings.forEach((reading, i) => {
    const suggestion = assemble(context, reading, claimants[i], events[i]);
    if (suggestion !== undefined && suggestion.confidence >= (options.minConfidence ?? 0) && !isDismissed(dismissals, suggestion.text)) assembled.push({ suggestion, reading });
  });
  const candidates = assembled.filter(({ suggestion, reading }) => suggestion.properties.length > 0 || bareStatementTied(context, reading, suggestion, assembled)).map(({ suggestion }) => suggestion);
  // Only what applies cleanly is proposed: the markup stays valid and the article the same.
  const problems = wrapProblems(facts.text, candidates, facts.parsed.frontMatter?.end);
  return candidates.filter((_, i) => problems[i] === undefined);
}

/** A count or a date a claim's own words give for a property. */
export interface ValueInWords extends SuggestedValue {
  /** Read by the desk's convention for an indefinite quantity ("des dizaines"), not from a figure of the words. */
  readonly vague: boolean;
}

/**
 * Reads the words of a document's claims for `value-not-in-text`: the
 * counts and dates (and declined figures) each claim's inside (`range`,
 * between its brackets) gives, tied to their properties by the desk's
 * `cues:` and the built-in ones only — never by what the corpus taught, so
 * that the finding depends on the document and the registry alone, as the
 * document's other diagnostics do. `words`: the range's words (wordsOf),
 * when the caller has cut them already.
 */
export function claimWordReader(corpus: Corpus, facts: DocumentFacts): (range: TextRange, words?: Words) => ValueInWords[] {
  // A passage read asks only for the mentions inside its range: each claim's own, not the whole report's.
  const context = contextOf(corpus, facts, {}, CueModel.untaught, []);
  const { registry } = context;
  const spans = facts.parsed.spans;
  return (range, words) => {
    const unit: Unit = { start: range.start, end: range.end, sentence: -1, sentenceRange: range, paragraph: 0 };
    const claim = { ...context, mentions: claimMentions(corpus, facts, spans, range) };
    return readPassageAt(claim, unit, range, undefined, words, true).values.flatMap((value) => {
      const type = registry.properties.get(value.key)?.type;
      if (type !== 'count' && type !== 'date') return [];
      return [{ key: value.key, value: value.value, start: value.start, end: value.end, words: value.words, why: value.why, vague: value.vague === true }];
    });
  };
}

/** What the assist reads in a passage the analyst selected, to annotate it as a claim. */
export interface PassageReading extends TextRange {
  /** The range to wrap: the selection grown so that it cuts no span, spaces at its ends left out. */
  readonly text: string;
  /** The replacement for the range, or undefined when wrapping it would not leave valid markup (then `why` says so). */
  readonly markup?: string;
  readonly claimant: string | null;
  /** Whether the claimant is the document's source (no `by=` in the markup). */
  readonly bySource: boolean;
  readonly event: string | null;
  readonly properties: readonly SuggestedValue[];
  readonly hedged: boolean;
  /** What the words did not give, for the editor to leave a placeholder on: no claimant at all, no event, no value. */
  readonly unread: { readonly claimant: boolean; readonly event: boolean; readonly values: boolean };
  readonly why: string;
}

/** The smallest range holding [start, end) that cuts no span: a span it starts or ends inside is taken whole. */
function growToWholeSpans(facts: DocumentFacts, start: number, end: number): TextRange {
  let grown = { start, end };
  for (let changed = true; changed; ) {
    changed = false;
    for (const span of facts.parsed.spans) {
      if (span.start >= grown.end) break;
      const cutsStart = span.start < grown.start && grown.start < span.end;
      const cutsEnd = span.start < grown.end && grown.end < span.end;
      if (cutsStart === cutsEnd) continue;
      grown = { start: Math.min(grown.start, span.start), end: Math.max(grown.end, span.end) };
      changed = true;
    }
  }
  return grown;
}

/**
 * Reads the passage [start, end) of a document as a claim: who says it
 * (with the document's earlier passages, for a pronoun), about which
 * event, and the values its words give; for "Annotate selection as claim".
 * Undefined for a file that is not a readable document or a range with no
 * words.
 */
export function readPassage(corpus: Corpus, file: string, range: TextRange, options: AssistOptions = {}): PassageReading | undefined {
  const facts = corpus.document(file);
  if (facts === undefined || facts.encoding !== undefined) return undefined;
  const body = facts.parsed.frontMatter?.end ?? 0;
  const grown = growToWholeSpans(facts, Math.max(body, Math.min(range.start, range.end)), Math.min(facts.text.length, Math.max(range.start, range.end)));
  let { start, end } = grown;
  while (start < end && /\s/u.test(facts.text[start])) start++;
  while (end > start && /\s/u.test(facts.text[end - 1])) end--;
  if (end <= start) return undefined;
  let selected: Reading | undefined;
  const { context, readings, claimants, events } = readWholeDocument(corpus, facts, options, (context, own) => {
    const before = own.filter((reading) => reading.range.end <= start);
    const lastSpeaker = before.reduce<string | undefined>((speaker, reading) => speakerAfter(context, reading, speaker), undefined);
    // The selection's paragraph is that of the text it starts in: whose account it goes on with depends on it.
    const paragraph = (own.find((reading) => reading.unit.end > start) ?? before[before.length - 1])?.unit.paragraph ?? 0;
    const unit: Unit = { start, end, sentence: -1, sentenceRange: { start, end }, paragraph };
    selected = readPassageAt(context, unit, { start, end }, lastSpeaker);
    return [...before, selected, ...own.filter((reading) => reading.range.start >= end)];
  });
  const index = selected === undefined ? -1 : readings.indexOf(selected);
  if (selected === undefined || index < 0) return undefined;
  const claimant = claimants[index];
  const event = events[index];
  const values = claimValues(context, selected, claimant);
  const hedged = selected.hedged !== undefined;
  const text = facts.text.slice(start, end);
  const by = claimant.id !== null && !claimant.bySource ? claimant.id : undefined;
  const markup = `[${text}]${claimBlock({ ...(by !== undefined ? { by } : {}), ...(event !== undefined ? { event: event.id } : {}), hedged, properties: values })}`;
  const problem = wrapProblem(facts.text, start, end, markup, facts.parsed.frontMatter?.end);
  const why = [claimant.why, event?.why ?? 'no event found', ...values.map((value) => value.why), ...(selected.hedged !== undefined ? [selected.hedged.why] : [])];
  return {
    start,
    end,
    text,
    ...(problem === undefined ? { markup } : {}),
    claimant: claimant.id,
    bySource: claimant.bySource,
    event: event?.id ?? null,
    properties: values.map(({ key, value, start: valueStart, end: valueEnd, words, why: valueWhy }) => ({ key, value, start: valueStart, end: valueEnd, words, why: valueWhy })),
    hedged,
    unread: { claimant: claimant.id === null, event: event === undefined, values: values.length === 0 },
    why: (problem === undefined ? why : [`this passage cannot be wrapped in a claim span: ${problem}`, ...why]).join('; '),
  };
}
