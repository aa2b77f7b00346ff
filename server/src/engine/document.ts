// What one document says, read against the registry: its claims, its entity
// references, and every diagnostic that needs no other document. The corpus
// (corpus.ts) keeps these per document and combines them across documents.

import type { AliasEntry, AliasMatcher } from './aliases';
import { diagnostic, type Diagnostic, type FixHint } from './diagnostics';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { entityNoun, SECTION_KEY } from './names';
import { suggest } from './suggest';
import { parseDocument } from './parser';
import { forEachSpan, keyRangeOf, keywordRangeOf, walkInline } from './spans';
import { flatCopy, intern, internRange } from './strings';
import type { Entity, Positioned, PropertyEntry, Registry } from './registry';
import type { Attribute, ClaimBlock, ParsedDocument, SpanNode, TextNode, TextRange } from './syntax';
import { makeAssertion, makeClaim, NO_ASSERTIONS, TextLayout, type Assertion, type Claim } from './claims';
import type { TreeCache } from './trees';
import { readValue, valueKey, type ClaimValue, type EntitySection, type ValueReading } from './values';

/** An `@id` (or front matter id) in a document: what find-references and rename walk. */
export interface EntityReference extends TextRange {
  readonly id: string;
  /** The characters of the id itself, without `@`. */
  readonly idRange: TextRange;
}

/** How one document involves one entity, beyond the claims it makes or is about. */
export interface EntityUse {
  /** Every reference: mentions, claim attributes, front matter. */
  readonly references: number;
  /** Refs in mention blocks. */
  readonly mentions: number;
  /** Claim values naming it (`place=@x`). */
  readonly valueUses: number;
  readonly isSource: boolean;
  readonly isOrigin: boolean;
}

export interface EncodingProblem {
  /** Offset in the decoded text where the first invalid byte landed. */
  readonly offset: number;
  readonly message: string;
}

export interface DocumentFacts {
  readonly file: string;
  /** Throws StaleText when the text was released (TextLayout) and the file changed on disk since. */
  readonly text: string;
  /** The text's lines, and whether the text is kept or read again from disk when asked. */
  readonly layout: TextLayout;
  readonly parsed: ParsedDocument;
  /**
   * `parsed` when the facts hold it or the corpus keeps it now; undefined
   * when `parsed` would parse the text again. A pass over every document
   * parses such a one for itself and lets it go, rather than push the open
   * documents' trees out of the corpus's few.
   */
  keptTree(): ParsedDocument | undefined;
  readonly frontMatter: FrontMatter;
  readonly claims: readonly Claim[];
  readonly references: readonly EntityReference[];
  /**
   * Every entity the document references, and how, in the order of first
   * use. `use` is one object rewritten for each entity, good only during
   * its call: the corpus tallies every document as it comes and goes, and a
   * map of use objects made for each tally was 3 % of what a cold check
   * allocates.
   */
  forEachUse(visit: (id: string, use: EntityUse) => void): void;
  /**
   * The texts of the mentions that reference entities, as `mention-mismatch`
   * reads them: what an alias edit compares. A list made when asked (the
   * corpus asks as it adds or removes the document): the facts keep them
   * in their one list of strings.
   */
  readonly mentionTexts: readonly string[];
  /**
   * The rest of what the alias diagnostics read (see aliasDiagnostics), so
   * that they need no tree: made when asked, once per document and aliases,
   * so that the facts keep no record of it (`check` keeps every report's).
   */
  aliasInputs(): AliasInputs;
  /**
   * Diagnostics that depend on this document and the registry alone, but
   * not on the aliases: those (`mention-mismatch`, `unannotated-mention`)
   * are found by aliasDiagnostics() when asked, so an alias edit re-reads
   * no document.
   */
  readonly diagnostics: readonly Diagnostic[];
  /** Set for a file with invalid UTF-8: no edit is ever offered on it. */
  readonly encoding?: EncodingProblem;
}

/**
 * What `mention-mismatch` and `unannotated-mention` read of a document
 * besides its mention texts, as numbers and ids rather than tree nodes.
 */
export interface AliasInputs {
  /**
   * numbers[mentionsAt, segmentsAt): for each of `mentionTexts`, the offset
   * where its first ref starts, where its last ends, the first of its refs
   * among the references and how many there are (MENTION_NUMBERS of them);
   * reference k's id is strings[numbers[REFERENCE_NUMBERS * k + REFERENCE_ID]];
   * numbers[segmentsAt, end): the runs of article text that no span
   * covers, escapes breaking them, start and end of each. Offsets into the
   * facts' own array, not views of it: a view is an object.
   */
  readonly numbers: Int32Array;
  readonly mentionsAt: number;
  readonly segmentsAt: number;
  /** The ids the document uses as the registry writes them (the references' among them), and from textsAt each of `mentionTexts`. */
  readonly strings: readonly string[];
  readonly textsAt: number;
}

/** How many numbers AliasInputs keeps for each mention text. */
const MENTION_NUMBERS = 4;
/** How many numbers the facts keep for each reference: start, end, id start, id end, and its id's index among the used ids. */
const REFERENCE_NUMBERS = 5;
const REFERENCE_ID = 4;

/** A registry alias, with where corroborate.yaml lists it. */
export type RegistryAlias = AliasEntry & TextRange;

export interface RegistryView {
  readonly registry: Registry;
  readonly aliases: AliasMatcher<RegistryAlias>;
}

// Each used entity's four counts in ReadFacts.numbers (and DocumentReader's), in this order.
const USE_REFERENCES = 0;
const USE_MENTIONS = 1;
const USE_VALUE_USES = 2;
/** IS_SOURCE and IS_ORIGIN. */
const USE_FLAGS = 3;
const USE_NUMBERS = 4;
const IS_SOURCE = 1;
const IS_ORIGIN = 2;

/** Source length past which a mention's text is not compared with the aliases. */
const MAX_MENTION_SOURCE = 1000;


/** The article text inside a span, markup removed (nested spans contribute their text, escapes their character). */
export function spanText(text: string, span: SpanNode): string {
  const run = onlyTextRun(span);
  if (run !== undefined) return text.slice(run.start, run.end);
  let out = '';
  walkInline<SpanNode>(span.children, {
    leaf: (node) => {
      out += node.kind === 'text' ? text.slice(node.start, node.end) : node.char;
    },
  });
  return out;
}

/** The span's one child when it is a run of text, as most spans are (116,000 mentions at 10,000 reports): read without a walk. */
function onlyTextRun(span: SpanNode): TextNode | undefined {
  const only = span.children.length === 1 ? span.children[0] : undefined;
  return only?.kind === 'text' ? only : undefined;
}

/**
 * The entities a span's text names as a whole: its article text is one of
 * their aliases (a leading article aside). What `mention-mismatch` checks a
 * mention against, and what completion offers first in a mention block.
 */
export function entitiesNamedBy(aliases: AliasMatcher<RegistryAlias>, text: string, span: SpanNode): readonly string[] {
  const written = mentionText(text, span);
  return written === undefined ? [] : aliases.matchWhole(written);
}

/** A span's text as compared with the aliases; undefined past MAX_MENTION_SOURCE. */
function mentionText(text: string, span: SpanNode): string | undefined {
  return mayBeName(span) ? spanText(text, span) : undefined;
}

/**
 * Aliases are names: longer text names no entity as a whole. Reading the
 * text of every one of thousands of nested mentions would be quadratic.
 */
function mayBeName(span: SpanNode): boolean {
  return span.close - span.start <= MAX_MENTION_SOURCE;
}

/**
 * mentionText's shared copy: the same few thousand names are written in
 * 116,000 mentions of a 10,000-report corpus. A span of one run of text is
 * interned from where it stands, without a slice.
 */
function internedMentionText(text: string, span: SpanNode): string | undefined {
  if (!mayBeName(span)) return undefined;
  const run = onlyTextRun(span);
  return run !== undefined ? internRange(text, run.start, run.end) : intern(spanText(text, span));
}

/** Distinct values as written kept per property by `readValueOnce`; past it the property's table starts again. */
const READINGS_KEPT = 4_096;
type KeyedReading = { readonly ok: true; readonly value: ClaimValue; readonly valueKey: string };
const readings = new WeakMap<PropertyEntry, Map<string, KeyedReading>>();

/**
 * A value read against its property, and its key, shared by every claim
 * that writes the same value for the same property: at 10,000 reports,
 * 92,000 values, a few thousand distinct. Values are never changed once
 * read, and a registry edit that changes a property makes a new entry
 * (registry.ts), so a reading kept for an entry stays true. A value that
 * cannot be read is read again each time: its message is a diagnostic.
 */
function readValueOnce(property: PropertyEntry, text: string, ref: string | undefined): KeyedReading | Extract<ValueReading, { ok: false }> {
  let known = readings.get(property);
  const kept = known?.get(text);
  if (kept !== undefined) return kept;
  const reading = readValue(property, text, ref);
  if (!reading.ok) return reading;
  if (known === undefined) readings.set(property, (known = new Map<string, KeyedReading>()));
  else if (known.size >= READINGS_KEPT) known.clear();
  const read: KeyedReading = { ok: true, value: reading.value, valueKey: valueKey(reading.value) };
  known.set(text, read);
  return read;
}

/**
 * The reader's lists of numbers, shared by every document's reader: a
 * reader runs to its end, and ReadFacts copies what it wrote, before the
 * next starts; a list of numbers kept for long costs the collector
 * nothing, where each report's reader made three of its own (8 % of what
 * reading a report's facts allocated). Filled up to a count, never emptied.
 */
const REFERENCE_SCRATCH: number[] = [];
const USE_SCRATCH: number[] = [];
const MENTION_SCRATCH: number[] = [];

/**
 * Each entity id the readers have met, and its number: which ids a report
 * uses is kept by number in the shared lists below, so that a report's
 * reader makes no table of its own (a Map and its growth per report, 5 %
 * of what reading a report's facts allocated). Started again between two
 * reports once it holds USE_IDS_MAX ids: a number then stands for another
 * id, but the readers' stamps it carries are all past.
 */
const useNumbers = new Map<string, number>();
const USE_IDS_MAX = 65_536;
/** For each id's number: the stamp of the reader that used it last, and where its counts start in that reader's useCounts. */
const USE_STAMPS: number[] = [];
const USE_AT: number[] = [];
/** The ids the reader at hand uses, in the order of first use; see ReadFacts.strings. */
const USED_IDS: string[] = [];
/** The last reader's stamp: each reader takes the next. */
let lastStamp = 0;

class DocumentReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly claims: Claim[] = [];
  /** Each reference's start, end, id start, id end and its id's index among the used ids (REFERENCE_NUMBERS): see ReadFacts.references. */
  readonly referenceNumbers = REFERENCE_SCRATCH;
  referenceCount = 0;
  /** Each entity the document uses, the first usedCount of them: see useOf. */
  readonly usedIds = USED_IDS;
  usedCount = 0;
  /** See ReadFacts.numbers: four for each of usedIds, USE_NUMBERS * usedCount of them. */
  readonly useCounts = USE_SCRATCH;
  /** Tells the ids this reader has counted from those earlier readers left in USE_STAMPS. */
  private readonly stamp: number;
  /**
   * Made as long as the tree says it can grow (see the constructor) and
   * filled up to a count: grown by push it was copied at each growth.
   */
  readonly mentionTexts: string[];
  /** See AliasInputs: MENTION_NUMBERS for each of mentionTexts, its refs among the references. */
  readonly mentionRefs = MENTION_SCRATCH;
  mentionCount = 0;
  /** The claimant key of each anonymous claimant of the document, made once: see anonymousKey. */
  private anonymousKeys: Map<string, string> | undefined;
  /** A claim's assertions as they are read, reused from claim to claim: filled up to a count, each claim taking a copy. */
  private readonly assertions: Assertion[] = [];
  readonly layout: TextLayout;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly view: RegistryView,
    parsed: ParsedDocument,
  ) {
    this.layout = new TextLayout(text);
    if (useNumbers.size >= USE_IDS_MAX) useNumbers.clear();
    this.stamp = ++lastStamp;
    let mentions = 0;
    for (const span of parsed.spans) if (span.block.kind === 'mention') mentions++;
    this.mentionTexts = new Array<string>(mentions);
  }

  /**
   * An anonymous claimant's key, its id and the file: one flat string for
   * all its claims in the document. A template literal per claim was two
   * concatenation nodes each, kept with the claim (27,000 at 10,000 reports).
   */
  private anonymousKey(claimant: string): string {
    const keys = (this.anonymousKeys ??= new Map<string, string>());
    let key = keys.get(claimant);
    if (key === undefined) keys.set(claimant, (key = flatCopy(`${claimant}\u0000${this.file}`)));
    return key;
  }

  private get registry(): Registry {
    return this.view.registry;
  }

  private report(range: TextRange, code: Parameters<typeof diagnostic>[2], message: string, fix?: FixHint): void {
    this.diagnostics.push(diagnostic(this.file, range, code, message, fix ? { fix } : {}));
  }

  /** The registry's string for a known id, rather than a slice of this document's text kept for each reference. */
  private registryId(written: string): string {
    return this.registry.entities.get(written)?.id ?? written;
  }

  private use(written: string): number {
    return this.useOf(this.registryId(written));
  }

  /** Where the counts of `id` (as the registry writes it, when it knows it) start in `useCounts`, USE_REFERENCES and on: counted in place, no object per entity used. */
  private useOf(id: string): number {
    let n = useNumbers.get(id);
    if (n === undefined) useNumbers.set(id, (n = useNumbers.size));
    if (USE_STAMPS[n] === this.stamp) return USE_AT[n];
    const at = USE_NUMBERS * this.usedCount;
    USE_STAMPS[n] = this.stamp;
    USE_AT[n] = at;
    this.usedIds[this.usedCount++] = id;
    const counts = this.useCounts;
    counts[at + USE_REFERENCES] = 0;
    counts[at + USE_MENTIONS] = 0;
    counts[at + USE_VALUE_USES] = 0;
    counts[at + USE_FLAGS] = 0;
    return at;
  }

  /**
   * Where the last reference's counts start in `useCounts`: a mention's ref
   * and an entity value count a second time for the entity referenced,
   * which a second look-up of its id found again (150,000 a pass at 10,000
   * reports).
   */
  private lastUse = 0;

  /** `known`: the registry's entity for `id`, looked up once by the caller. */
  private reference(id: string, range: TextRange, known: Entity | undefined): void {
    const registryId = known?.id ?? id;
    const use = this.useOf(registryId);
    this.lastUse = use;
    this.useCounts[use + USE_REFERENCES]++;
    // The id's own characters: after an `@`, inside quotes ("@afp" in front matter).
    const at = this.text.indexOf(id, range.start);
    const found = at >= range.start && at + id.length <= range.end;
    const k = this.referenceCount++;
    const numbers = this.referenceNumbers;
    const from = REFERENCE_NUMBERS * k;
    numbers[from] = range.start;
    numbers[from + 1] = range.end;
    numbers[from + 2] = found ? at : range.start;
    numbers[from + 3] = found ? at + id.length : range.end;
    // Its id is kept once, among the used ids: `use` is where its four counts start.
    numbers[from + REFERENCE_ID] = use / USE_NUMBERS;
  }

  /**
   * Checks an id against the registry; returns the entity when it is of the
   * section wanted. `role`: what names it, in words, or the attribute or
   * property whose value it is (`key=` in the message, written only when a
   * message is: 100,000 attributes at 10,000 reports name an entity).
   */
  entity(id: string, range: TextRange, wanted: EntitySection | undefined, role: string | { readonly key: string }): Entity | undefined {
    const entity = this.registry.entities.get(id);
    this.reference(id, range, entity);
    if (!entity) {
      const pool = [...this.registry.entities.values()].filter((e) => !wanted || e.section === wanted).map((e) => e.id);
      const candidates = suggest(id, pool);
      const hint = candidates.length > 0 ? `did you mean @${candidates[0]}? Or add` : 'add';
      const where = wanted ? `under ${SECTION_KEY[wanted]}:` : 'to the registry';
      this.report(range, 'unknown-entity', `@${id} is not in corroborate.yaml: ${hint} it ${where}`, {
        kind: 'unknown-entity',
        id,
        ...(wanted ? { section: SECTION_KEY[wanted] } : {}),
        candidates,
      });
      return undefined;
    }
    if (wanted && entity.section !== wanted) {
      this.report(range, 'wrong-kind', `${typeof role === 'string' ? role : `${role.key}=`} takes ${entityNoun(wanted)}; @${id} is ${entityNoun(entity.section)}`);
      return undefined;
    }
    return entity;
  }

  /**
   * The front matter's `source` or `origin`: an outlet, so an actor. An id of
   * a place or an event names no outlet, which DESIGN.md makes unknown-entity
   * (not wrong-kind); no add-entity fix, since the id is taken.
   */
  private outlet(field: 'source' | 'origin', located: Positioned<string>): Entity | undefined {
    const entity = this.registry.entities.get(located.value);
    if (!entity || entity.section === 'actor') return this.entity(located.value, located, 'actor', field);
    this.reference(located.value, located, entity);
    const actors = [...this.registry.entities.values()].filter((e) => e.section === 'actor').map((e) => e.id);
    const candidates = suggest(located.value, actors);
    const hint = candidates.length > 0 ? `did you mean @${candidates[0]}? Or add` : 'add';
    this.report(located, 'unknown-entity', `${field} names an outlet, which is an actor; @${located.value} is ${entityNoun(entity.section)}: ${hint} the outlet under actors:`, candidates.length > 0 ? { kind: 'did-you-mean', candidates } : undefined);
    return undefined;
  }

  /** A `by=`/`event=` attribute: its value must be an `@id` of the wanted section. */
  private entityAttribute(attribute: Attribute, wanted: EntitySection): Entity | undefined {
    const { value } = attribute;
    if (value.ref === undefined) {
      this.report(value, 'bad-value', `${attribute.key}= takes an @id of ${entityNoun(wanted)}, not \`${value.raw}\``);
      return undefined;
    }
    return this.entity(value.ref, value, wanted, attribute);
  }

  read(parsed: ParsedDocument, frontMatter: FrontMatter): void {
    for (const problem of parsed.problems) this.report(problem, problem.code, problem.message);
    for (const problem of frontMatter.problems) this.report(problem, problem.code, problem.message);
    const source = frontMatter.source && this.outlet('source', frontMatter.source);
    const origin = frontMatter.origin && this.outlet('origin', frontMatter.origin);
    if (frontMatter.source) this.useCounts[this.use(frontMatter.source.value) + USE_FLAGS] |= IS_SOURCE;
    if (frontMatter.origin) this.useCounts[this.use(frontMatter.origin.value) + USE_FLAGS] |= IS_ORIGIN;
    forEachSpan(parsed.spans, {
      read: (span) => {
        const block = span.block;
        if (block.kind === 'mention') {
          const refs = block.refs;
          const written = refs.length > 0 ? internedMentionText(this.text, span) : undefined;
          if (written !== undefined) {
            const k = this.mentionCount++;
            const at = MENTION_NUMBERS * k;
            this.mentionTexts[k] = written;
            this.mentionRefs[at] = (refs[0] as TextRange).start;
            this.mentionRefs[at + 1] = (refs[refs.length - 1] as TextRange).end;
            // Each ref below is one reference, in order: the alias check reads their ids from the references' own list.
            this.mentionRefs[at + 2] = this.referenceCount;
            this.mentionRefs[at + 3] = refs.length;
          }
          for (const ref of refs) {
            // One look-up of the id in the registry and among the used ids, for its reference and its use.
            this.entity(ref.id, ref, undefined, 'a mention');
            this.useCounts[this.lastUse + USE_MENTIONS]++;
          }
        } else if (block.kind === 'claim') {
          this.readClaim(span, block, source?.id, (origin ?? source)?.id);
        }
      },
    });
  }

  /**
   * Whether the block writes `key=` in a token the parser reported and left
   * out (`event=@att.ack`, `by=`): its syntax error says what to fix, and
   * "add event=" would only lead to a duplicate key.
   */
  private wroteUnreadable(block: ClaimBlock, key: string): boolean {
    return block.rejected.some((token) => token.key !== undefined && token.key.end - token.key.start === key.length && this.text.startsWith(key, token.key.start));
  }

  private readClaim(span: SpanNode, block: ClaimBlock, source: string | undefined, origin: string | undefined): void {
    let event: Entity | undefined;
    if (block.event) event = this.entityAttribute(block.event, 'event');
    else if (!this.wroteUnreadable(block, 'event')) this.report(keywordRangeOf(block), 'missing-event', 'this claim names no event: add event=@<event id>');
    let claimant: string | undefined;
    if (block.by) claimant = this.entityAttribute(block.by, 'actor')?.id;
    else if (source) claimant = source;
    else if (!this.wroteUnreadable(block, 'by')) {
      this.report(keywordRangeOf(block), 'missing-claimant', 'nobody makes this claim: add by=@<actor id>, or name the outlet with `source:` in the front matter');
    }
    const claim = makeClaim({
      file: this.file,
      start: span.start,
      end: span.end,
      close: span.close,
      // Interned by the block reader, as every string the facts keep: a slice would keep the whole text alive (texts.ts).
      id: block.id?.name,
      event: event?.id,
      claimant,
      claimantKey: claimant === undefined ? undefined : this.registry.entities.get(claimant)?.anonymous ? this.anonymousKey(claimant) : claimant,
      source,
      origin,
      hedged: block.hedged !== undefined,
      layout: this.layout,
    });
    const read = this.assertions;
    let count = 0;
    for (const attribute of block.properties) {
      const property = this.registry.properties.get(attribute.key);
      if (!property) {
        const candidates = suggest(attribute.key, [...this.registry.properties.keys()]);
        const hint = candidates.length > 0 ? `did you mean ${candidates[0]}? Or define` : 'define';
        this.report(keyRangeOf(attribute), 'unknown-property', `\`${attribute.key}\` is not a property of corroborate.yaml: ${hint} it under properties:`, candidates.length > 0 ? { kind: 'did-you-mean', candidates } : undefined);
        continue;
      }
      const reading = readValueOnce(property, attribute.value.text, attribute.value.ref);
      if (!reading.ok) {
        const candidates = property.type === 'enum' ? suggest(attribute.value.text, property.values) : [];
        this.report(attribute.value, 'bad-value', reading.message, candidates.length > 0 ? { kind: 'did-you-mean', candidates } : undefined);
        continue;
      }
      if (reading.value.type === 'entity') {
        const known = this.entity(reading.value.id, attribute.value, property.kind, property);
        this.useCounts[this.lastUse + USE_VALUE_USES]++;
        if (!known) continue;
      }
      const { start, end, value: written } = attribute;
      read[count++] = makeAssertion(claim, start, end, property, written.raw, written.text, reading.value, reading.valueKey);
    }
    // Exactly as long as the claim's assertions (a list grown by push keeps room for 16 more); the one assertion itself for most.
    claim.asserted = count === 0 ? NO_ASSERTIONS : count === 1 ? read[0] : read.slice(0, count);
    this.claims.push(claim);
  }
}

/**
 * What a document's text says against the aliases: `mention-mismatch` (a
 * mention's text is another entity's alias) and `unannotated-mention` (an
 * alias in article text outside every span).
 */
export function aliasDiagnostics(facts: DocumentFacts, aliases: AliasMatcher<RegistryAlias>): readonly Diagnostic[] {
  const { file, text } = facts;
  const { numbers, mentionsAt, segmentsAt, strings, textsAt } = facts.aliasInputs();
  const out: Diagnostic[] = [];
  for (let k = 0; mentionsAt + MENTION_NUMBERS * k < segmentsAt; k++) {
    const at = mentionsAt + MENTION_NUMBERS * k;
    const from = numbers[at + 2];
    const to = from + numbers[at + 3];
    const named = aliases.matchWhole(strings[textsAt + k]);
    // Most mentions name what they reference: their ids are read in place, no list made for them.
    if (named.length === 0 || namesAny(named, numbers, strings, from, to)) continue;
    const ids: string[] = [];
    for (let r = from; r < to; r++) ids.push(strings[numbers[REFERENCE_NUMBERS * r + REFERENCE_ID]]);
    const range = { start: numbers[at], end: numbers[at + 1] };
    const others = named.map((id) => `@${id}`).join(' or ');
    const message = `this text names ${others}, not ${ids.map((id) => `@${id}`).join(' ')}: reference ${others}, or fix the aliases in corroborate.yaml`;
    out.push(diagnostic(file, range, 'mention-mismatch', message, { fix: { kind: 'did-you-mean', candidates: named } }));
  }
  for (let k = segmentsAt; k < numbers.length; k += 2) {
    // By index: a for-of over the 170,000 scans of a 10,000-report check made an iterator and its results for each, the matches mostly none.
    const matches = aliases.scan(text, numbers[k], numbers[k + 1]);
    for (let m = 0; m < matches.length; m++) {
      const match = matches[m];
      const ids = match.entityIds.map((id) => `@${id}`).join(' ');
      const written = text.slice(match.start, match.end);
      out.push(diagnostic(file, match, 'unannotated-mention', `\`${written}\` names ${ids}: annotate it as [${written}]{${ids}}`, { fix: { kind: 'annotate', entityIds: match.entityIds } }));
    }
  }
  // Copied, as the facts' lists are: the corpus keeps these per document, and a list grown by push keeps room for 16 more.
  return out.length === 0 ? NO_DIAGNOSTICS : out.slice();
}

/** Whether `named` holds the id of one of the references [from, to). */
function namesAny(named: readonly string[], numbers: Int32Array, ids: readonly string[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (named.includes(ids[numbers[REFERENCE_NUMBERS * k + REFERENCE_ID]])) return true;
  return false;
}

/**
 * Runs of article text that no span covers, escapes breaking them: start
 * and end of each, written into `into` from `at` when it is given. Returns
 * how many numbers they take, so that a first call sizes the array.
 */
function writeTopLevelTextSegments(parsed: ParsedDocument, into: Int32Array | undefined, at: number): number {
  let written = 0;
  let open = false;
  let lastEnd = -1;
  for (const node of parsed.nodes) {
    if (node.kind !== 'text') open = false;
    else if (open && lastEnd === node.start) {
      lastEnd = node.end;
      if (into) into[at + written - 1] = node.end;
    } else {
      if (into) {
        into[at + written] = node.start;
        into[at + written + 1] = node.end;
      }
      written += 2;
      lastEnd = node.end;
      open = true;
    }
  }
  return written;
}

/** What a report with no diagnostics of its own (or no alias findings, or none at all) keeps: one shared list. */
export const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);

/** Writes numbers[0, count) into `into` from `at`. */
function copyInto(into: Int32Array, at: number, numbers: readonly number[], count: number): void {
  for (let k = 0; k < count; k++) into[at + k] = numbers[k];
}

/** `encoding` on the character where the first invalid byte was decoded. */
export function encodingDiagnostic(file: string, text: string, encoding: EncodingProblem): Diagnostic {
  const at = Math.min(encoding.offset, text.length);
  return diagnostic(file, { start: at, end: Math.min(text.length, at + 1) }, 'encoding', encoding.message);
}

/**
 * A document's facts. Its tree is either its own, or (read for a corpus
 * that keeps only some trees whole) asked of the corpus's TreeCache, which
 * parses the text again when it let the tree go.
 */
class ReadFacts implements DocumentFacts {
  readonly frontMatter: FrontMatter;
  readonly claims: readonly Claim[];
  readonly diagnostics: readonly Diagnostic[];
  readonly encoding?: EncodingProblem;
  private readonly tree: ParsedDocument | undefined;
  /**
   * Each used entity's id, then each mention text, in one list: `check`
   * keeps every report's facts, and each list is two objects the collector
   * copies (the array and its store). A reference keeps its id's index
   * among the used ids in `numbers`: a report makes twice as many
   * references as it uses entities, and each pointer was eight bytes of
   * V8's heap for the collector to mark (8.8 MB at 50,000 reports).
   */
  private readonly strings: readonly string[];
  /** Where the mention texts start in `strings`. */
  private readonly textsAt: number;
  /**
   * From 0, the references' numbers (REFERENCE_NUMBERS for each); from
   * useStart, for each used entity: references, mentions, value uses, and
   * 1 for the source plus 2 for the origin; from mentionsAt and segmentsAt,
   * the alias inputs' numbers.
   */
  private readonly numbers: Int32Array;
  private readonly useStart: number;
  private readonly mentionsAt: number;
  private readonly segmentsAt: number;

  readonly layout: TextLayout;

  constructor(
    readonly file: string,
    parsed: ParsedDocument,
    reader: DocumentReader,
    frontMatter: FrontMatter,
    encoding: EncodingProblem | undefined,
    private readonly trees: TreeCache | undefined,
  ) {
    this.layout = reader.layout;
    this.frontMatter = frontMatter;
    // Copied, so each list is exactly as long as it is: a list grown by push keeps room for more.
    this.claims = reader.claims.slice();
    const strings = new Array<string>(reader.usedCount + reader.mentionCount);
    let at = 0;
    for (let k = 0; k < reader.usedCount; k++) strings[at++] = reader.usedIds[k];
    this.textsAt = at;
    for (let k = 0; k < reader.mentionCount; k++) strings[at++] = reader.mentionTexts[k];
    this.strings = strings;
    // The four lists of numbers are in one typed array: each typed
    // array of its own cost an allocation outside the heap and a record the
    // collector sweeps, four per document, and made the facts' copies slower
    // than the rest of them together.
    const segments = writeTopLevelTextSegments(parsed, undefined, 0);
    const references = REFERENCE_NUMBERS * reader.referenceCount;
    const uses = references + USE_NUMBERS * reader.usedCount;
    const mentions = uses + MENTION_NUMBERS * reader.mentionCount;
    const numbers = new Int32Array(mentions + segments);
    copyInto(numbers, 0, reader.referenceNumbers, references);
    copyInto(numbers, references, reader.useCounts, uses - references);
    copyInto(numbers, uses, reader.mentionRefs, mentions - uses);
    writeTopLevelTextSegments(parsed, numbers, mentions);
    // Read through offsets, not views: a view of its own is an object kept per document.
    this.numbers = numbers;
    this.useStart = references;
    this.mentionsAt = uses;
    this.segmentsAt = mentions;
    // Most reports have none of their own.
    this.diagnostics = reader.diagnostics.length === 0 ? NO_DIAGNOSTICS : reader.diagnostics.slice();
    if (encoding) this.encoding = encoding;
    if (trees) trees.keep(this, parsed);
    else this.tree = parsed;
  }

  /**
   * Made when asked (for the document at hand, or once per document by
   * find-references): as objects, the references of a large corpus held all
   * day were a tenth of the server's memory.
   */
  get references(): readonly EntityReference[] {
    const offsets = this.numbers;
    const references = new Array<EntityReference>(this.useStart / REFERENCE_NUMBERS);
    for (let k = 0; k < references.length; k++) {
      const at = REFERENCE_NUMBERS * k;
      references[k] = { id: this.strings[offsets[at + REFERENCE_ID]], start: offsets[at], end: offsets[at + 1], idRange: { start: offsets[at + 2], end: offsets[at + 3] } };
    }
    return references;
  }

  get mentionTexts(): readonly string[] {
    return this.strings.slice(this.textsAt);
  }

  aliasInputs(): AliasInputs {
    return { numbers: this.numbers, mentionsAt: this.mentionsAt, segmentsAt: this.segmentsAt, strings: this.strings, textsAt: this.textsAt };
  }

  forEachUse(visit: (id: string, use: EntityUse) => void): void {
    const counts = this.numbers;
    const use = { references: 0, mentions: 0, valueUses: 0, isSource: false, isOrigin: false };
    for (let k = 0; k < this.textsAt; k++) {
      const at = this.useStart + USE_NUMBERS * k;
      use.references = counts[at + USE_REFERENCES];
      use.mentions = counts[at + USE_MENTIONS];
      use.valueUses = counts[at + USE_VALUE_USES];
      use.isSource = (counts[at + USE_FLAGS] & IS_SOURCE) !== 0;
      use.isOrigin = (counts[at + USE_FLAGS] & IS_ORIGIN) !== 0;
      visit(this.strings[k], use);
    }
  }

  get text(): string {
    return this.layout.text;
  }

  get parsed(): ParsedDocument {
    return this.tree ?? (this.trees as TreeCache).treeOf(this, this.text);
  }

  keptTree(): ParsedDocument | undefined {
    return this.tree ?? this.trees?.keptTree(this);
  }
}

/**
 * Reads a document against the registry. `trees`: where a corpus that keeps
 * only some trees whole keeps them (the facts then hold none of their own).
 */
export function readDocumentFacts(file: string, text: string, view: RegistryView, encoding?: EncodingProblem, parsed = parseDocument(text), trees?: TreeCache): DocumentFacts {
  const frontMatter = readFrontMatter(text, parsed.frontMatter);
  const reader = new DocumentReader(file, text, view, parsed);
  if (encoding) reader.diagnostics.push(encodingDiagnostic(file, text, encoding));
  reader.read(parsed, frontMatter);
  return new ReadFacts(file, parsed, reader, frontMatter, encoding, trees);
}
