// The corpus index: every document's facts, and what combines documents —
// contradiction groups per (event, property), claim ids, entity use. Updated
// from the difference one document makes, so an edit re-checks only the
// groups and documents it touches; the result always equals a fresh check.

import { valueNotInText } from './assist/valueCheck';
import { AliasMatcher } from './aliases';
import { compareAssertions, eventRow, type EventAnalysis, type EventRow, type GroupAnalysis } from './analysis';
import { contradictionDiagnostics, disputedKeys, type GroupFindings } from './contradictions';
import { diagnostic, type Diagnostic } from './diagnostics';
import { assertionsOf, claimBlockOf, sameContent, type Assertion, type Claim } from './claims';
import { listOf } from './soleOrList';
import { aliasDiagnostics, encodingDiagnostic, NO_DIAGNOSTICS, readDocumentFacts, type DocumentFacts, type EncodingProblem, type RegistryAlias, type RegistryView } from './document';
import { ClaimGroup, type ClaimantValues, type GroupContext } from './group';
import type { ParsedDocument } from './syntax';
import { REGISTRY_FILE, readRegistry, type PropertyEntry, type Registry } from './registry';
import { keywordRangeOf } from './spans';
import { ReleasedTexts, StaleText, unlessStale, type TextSource } from './texts';
import { TreeCache } from './trees';

/** Where an entity shows up in the corpus, kept current document by document. */
export interface Footprint {
  /** Documents that reference it in any way. */
  documents: number;
  /** References to it across those documents. */
  references: number;
  mentions: number;
  valueUses: number;
  sourceOf: number;
  originOf: number;
}

/** One property claimed about an event: see Corpus.eventGroups. */
export interface EventGroup {
  readonly property: PropertyEntry;
  readonly stamp: number;
  row(): EventRow;
  /** Each claimant's values, read from the live group (ClaimGroup.claimantValues): an event's table needs no more. */
  claimants(): ClaimantValues[];
}

/** What one document change touches, gathered while the change is applied. */
class Change {
  readonly files = new Set<string>();
  readonly groups = new Set<ClaimGroup>();
  /** Events whose claims came or went (a claim without a property included). */
  readonly events = new Set<string>();
}

/** The contradiction groups, by event, then property: two lookups of strings the claims already hold, no key built per lookup. */
class GroupIndex {
  private readonly byEvent = new Map<string, Map<string, ClaimGroup>>();

  get(event: string, property: string): ClaimGroup | undefined {
    return this.byEvent.get(event)?.get(property);
  }

  set(group: ClaimGroup): void {
    let properties = this.byEvent.get(group.event);
    if (!properties) this.byEvent.set(group.event, (properties = new Map<string, ClaimGroup>()));
    properties.set(group.property.key, group);
  }

  delete(group: ClaimGroup): void {
    const properties = this.byEvent.get(group.event);
    if (properties?.get(group.property.key) !== group) return;
    properties.delete(group.property.key);
    if (properties.size === 0) this.byEvent.delete(group.event);
  }

  *values(): Generator<ClaimGroup> {
    for (const properties of this.byEvent.values()) yield* properties.values();
  }

  /** The groups of one event, properties the registry does not define included. */
  ofEvent(event: string): Iterable<ClaimGroup> {
    return this.byEvent.get(event)?.values() ?? [];
  }

  clear(): void {
    this.byEvent.clear();
  }
}

/** Claims by event and by claimant, for the hover cards. */
interface ClaimIndexes {
  readonly byEvent: Map<string, Set<Claim>>;
  readonly byClaimant: Map<string, Set<Claim>>;
}

/** The contract's order, file, line, column, code; then end and message, so it is total. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/**
 * The one list of `lists` that `out`, made of them, holds alone (every other
 * one empty, nothing added), when it is sorted already: the corpus keeps a
 * document's diagnostics until it changes (the CLI's, an editor's open
 * reports'), and most are its own, or its alias hints, alone; a copy of them
 * was two more objects kept per report.
 */
function soleListOf(out: readonly Diagnostic[], ...lists: readonly (readonly Diagnostic[])[]): readonly Diagnostic[] | undefined {
  const sole = lists.find((list) => list.length === out.length);
  if (sole === undefined) return undefined;
  for (let k = 1; k < sole.length; k++) if (compareDiagnostics(sole[k - 1], sole[k]) > 0) return undefined;
  return sole;
}

export interface CorpusOptions {
  /**
   * How many documents' parse trees to keep whole, the most recently read
   * or asked for; the others are parsed again when a feature asks for their
   * tree (TreeCache). Unset: every tree is kept, as a run that reads each
   * document once wants (the CLI). The language server sets it, so a large
   * corpus held all day costs its facts, not its trees.
   */
  readonly treesKept?: number;
  /**
   * Where the texts of documents read from disk come back from: set, their
   * texts are let go once read and read again when asked (ReleasedTexts);
   * unset, every text is kept (the CLI reads each once).
   */
  readonly rereadFrom?: TextSource;
  /**
   * Set: the claims of the documents read are put into their groups when
   * the groups are first asked for, each group's at once (ClaimGroup.addAll),
   * rather than kept in order claim by claim as each document is read: a run
   * that reads every document, then asks (`check`). Edits after that go
   * claim by claim, as ever.
   */
  readonly groupAfterReading?: boolean;
}

/** Texts read again from disk that are kept, the last asked for, when the corpus keeps every tree. */
const RECENT_TEXTS = 32;

/** Document changes the corpus remembers (see changedSince): many more than come between two idle moments of an editor. */
const CHANGE_LOG_LENGTH = 256;

export class Corpus {
  private view!: RegistryView;
  private readonly documents = new Map<string, DocumentFacts>();
  /** Documents the globs match that cannot be read, each with the `unreadable` error saying why. */
  private readonly unreadable = new Map<string, Diagnostic>();
  private readonly groupIndex = new GroupIndex();
  /** Each group's claims held back while documents are read (CorpusOptions.groupAfterReading), in the order add() would put them in. */
  private ungrouped: Map<ClaimGroup, Assertion[]> | undefined;
  /**
   * Each claim `#id` to its claim, or to the list of every claim that uses it
   * when more than one does (a duplicate): a list for each id was two objects
   * kept for each of 25,000 ids at 50,000 reports, nearly all used once.
   */
  private readonly claimIds = new Map<string, Claim | Claim[]>();
  /** Built when a hover first asks (the CLI never does), then kept up to date. */
  private claimIndexes: ClaimIndexes | undefined;
  private readonly footprints = new Map<string, Footprint>();
  /** The revision at which the claims held back from their groups (groupAfterReading) went in: see anyFindings(). */
  private filledAt = -1;
  /** The files of the claims with contradiction findings, found group by group while no change came since the groups were filled. */
  private withFindings: Set<string> | undefined;
  /** Event analyses asked for, until a change touches one of the event's groups. */
  private readonly eventAnalyses = new Map<string, EventAnalysis>();
  /** Each group's row of its event's analysis, kept with the group's snapshot: an edit analyses again only the groups it changed. */
  private readonly eventRows = new WeakMap<GroupAnalysis, EventRow>();
  /** What of the registry documents' facts depend on: see documentFingerprint(). */
  private documentFingerprint = '';
  /** Every entity's aliases: what the alias diagnostics depend on, see aliasDiagnostics(). */
  private aliasFingerprint = '';
  /**
   * The documents each distinct mention text is written in, in the order
   * they came: built at the first alias edit, then kept up to date. Lists,
   * not Sets: at 10,000 reports a Set a text held 2.9 MB of V8's heap, and
   * a document is in a text's list once, taken out before it is read again.
   */
  private mentionIndex: Map<string, string[]> | undefined;
  /**
   * Each document's alias diagnostics with the aliases as they stand: all
   * dropped when the aliases change, each with its document's facts. A map
   * of the lists themselves, not a WeakMap of records each with the aliases'
   * generation: `check` keeps one for every report, and each record was one
   * more object for every collection, each weak entry one more for marking.
   */
  private readonly aliasFindings = new Map<DocumentFacts, readonly Diagnostic[]>();
  /** Registry diagnostics that depend on the registry alone. */
  private registryOwnDiagnostics: readonly Diagnostic[] = [];
  private readonly cache = new Map<string, readonly Diagnostic[]>();
  private discoveryProblems: readonly Diagnostic[] = [];
  /** Set when corroborate.yaml on disk is not valid UTF-8. */
  private registryEncoding?: EncodingProblem;
  /** Counts the changes applied: see `revision`. */
  private changes = 0;
  /** The documents set or deleted, each with the revision it made, oldest first: see changedSince(). */
  private readonly changeLog: { readonly revision: number; readonly file: string }[] = [];
  /** Revisions up to this one are not in the log (dropped from it, or every document was read again). */
  private changeLogFrom = 0;
  /** The revision at which a claim about each event last came or went: see eventRevision(). */
  private readonly eventChanges = new Map<string, number>();

  /** Set when only some documents' trees are kept whole: see CorpusOptions. */
  private readonly trees: TreeCache | undefined;
  /** Set when the texts of documents read from disk are let go: see CorpusOptions. */
  private readonly texts: ReleasedTexts | undefined;

  constructor(registryText: string, registryEncoding?: EncodingProblem, options: CorpusOptions = {}) {
    this.installRegistry(registryText, registryEncoding);
    if (options.treesKept !== undefined) this.trees = new TreeCache(options.treesKept);
    if (options.rereadFrom !== undefined) this.texts = new ReleasedTexts(options.rereadFrom, options.treesKept ?? RECENT_TEXTS);
    if (options.groupAfterReading === true) this.ungrouped = new Map();
  }

  /** The contradiction groups, holding every claim read: those held back go in first. */
  private get groups(): GroupIndex {
    const ungrouped = this.ungrouped;
    if (ungrouped) {
      this.ungrouped = undefined;
      for (const [group, assertions] of ungrouped) group.addAll(assertions);
      this.filledAt = this.changes;
    }
    return this.groupIndex;
  }

  get registry(): Registry {
    return this.view.registry;
  }

  /** Set when corroborate.yaml on disk is not valid UTF-8: no edit is offered on it. */
  get registryEncodingProblem(): EncodingProblem | undefined {
    return this.registryEncoding;
  }

  get aliases(): AliasMatcher<RegistryAlias> {
    return this.view.aliases;
  }

  /**
   * A number that moves with every change to the documents or the registry:
   * what is computed from the corpus (the assist's cues) is current while it
   * stays the same.
   */
  get revision(): number {
    return this.changes;
  }

  /**
   * A number that moves whenever a claim about the event comes or goes (one
   * without a property too; a document read again re-reads all its claims).
   * Every change to the event's groups, analysis and findings comes with one,
   * or with a new registry: what is computed from one event alone (its
   * overview line) is current while this and `registry` stay the same.
   */
  eventRevision(event: string): number {
    return this.eventChanges.get(event) ?? 0;
  }

  /**
   * The documents set or deleted after `revision` (their facts replaced,
   * added or gone), for what is kept beside the corpus and follows it
   * document by document; undefined when the corpus no longer knows (long
   * ago, or every document was read again): then everything may have changed.
   */
  changedSince(revision: number): ReadonlySet<string> | undefined {
    if (revision < this.changeLogFrom) return undefined;
    const files = new Set<string>();
    for (let k = this.changeLog.length - 1; k >= 0 && this.changeLog[k].revision > revision; k--) files.add(this.changeLog[k].file);
    return files;
  }

  private logChange(file: string): void {
    this.changeLog.push({ revision: this.changes, file });
    if (this.changeLog.length > CHANGE_LOG_LENGTH) this.changeLogFrom = this.changeLog.shift()?.revision ?? this.changes;
  }

  /** The facts of every readable document, in no set order: for indexes kept beside the corpus, which compare them by identity. */
  allFacts(): IterableIterator<DocumentFacts> {
    return this.documents.values();
  }

  /** Corpus-relative paths of the documents, sorted; unreadable ones too, which have no facts. */
  files(): string[] {
    return [...this.documents.keys(), ...this.unreadable.keys()].sort();
  }

  document(file: string): DocumentFacts | undefined {
    return this.documents.get(file);
  }

  has(file: string): boolean {
    return this.documents.has(file) || this.unreadable.has(file);
  }

  /** Places a place lies in, itself first. */
  placesContaining(id: string): readonly string[] {
    return this.registry.containment.chain(id);
  }

  /** `previous`: the registry this one is an edit of, whose reading is reused where the edit leaves it. */
  private installRegistry(text: string, encoding: EncodingProblem | undefined, previous?: Registry): void {
    this.registryEncoding = encoding;
    const registry = readRegistry(text, previous);
    const entries: RegistryAlias[] = [];
    for (const entity of registry.entities.values()) {
      for (const alias of entity.aliases) entries.push({ alias: alias.value, entityId: entity.id, start: alias.start, end: alias.end });
    }
    this.view = { registry, aliases: new AliasMatcher(entries) };
    this.documentFingerprint = documentFingerprint(registry);
    const aliases = JSON.stringify([...registry.entities.values()].map((e) => [e.id, e.aliases.map((a) => a.value)]));
    if (aliases !== this.aliasFingerprint) this.aliasFindings.clear();
    this.aliasFingerprint = aliases;
    this.registryOwnDiagnostics = [...registry.diagnostics, ...ambiguousAliasDiagnostics(this.view.aliases)];
  }

  /** Problems finding the documents (globs matching too much, links out), shown on corroborate.yaml. */
  setDiscoveryProblems(problems: readonly Diagnostic[]): void {
    this.discoveryProblems = problems;
    this.cache.delete(REGISTRY_FILE);
  }

  /**
   * Replaces corroborate.yaml. When what documents read of it changed, every
   * document is re-read against it (parses are reused); an edit of aliases
   * alone re-reads none (see aliasesChanged).
   *
   * `shown`: the documents whose hints someone shows (the editor's open
   * ones). After an alias edit, the `unannotated-mention` hints of every
   * document may move, and finding which would scan the whole corpus: only
   * the shown documents are reported touched for them (every document when
   * `shown` is not given); the others' hints are found again when asked.
   */
  setRegistry(text: string, encoding?: EncodingProblem, shown?: ReadonlySet<string>): Set<string> {
    // Opening corroborate.yaml in the editor sends its text unchanged.
    if (text === this.registry.text && encoding?.offset === this.registryEncoding?.offset) return new Set();
    const before = this.documentFingerprint;
    const aliasesBefore = this.aliasFingerprint;
    const registryBefore = this.registry;
    const matcherBefore = this.aliases;
    this.installRegistry(text, encoding, registryBefore);
    this.discoveryProblems = followGlobs(this.discoveryProblems, registryBefore, this.registry);
    if (this.documentFingerprint === before) {
      if (this.aliasFingerprint === aliasesBefore) return this.registryChangedAroundDocuments();
      // One edit may move aliases and, say, a place's `in:`: the groups must then see the new registry too.
      return this.aliasesChanged(matcherBefore, shown, groupFingerprint(registryBefore) !== groupFingerprint(this.registry));
    }
    this.changes++;
    const documents = [...this.documents.values()];
    this.documents.clear();
    this.aliasFindings.clear();
    this.groups.clear();
    this.claimIds.clear();
    this.claimIndexes = undefined;
    this.mentionIndex = undefined;
    this.footprints.clear();
    this.eventAnalyses.clear();
    this.eventChanges.clear();
    this.cache.clear();
    for (const facts of documents) {
      const read = this.readAgain(facts);
      this.trees?.forget(facts);
      if (read === undefined) continue;
      const next = readDocumentFacts(facts.file, read.text, this.view, read.encoding, read.parsed, this.trees);
      this.add(next, new Change());
      if (facts.layout.isReleased) this.releaseText(next);
    }
    this.changeLog.length = 0;
    this.changeLogFrom = this.changes;
    return new Set([REGISTRY_FILE, ...this.documents.keys()]);
  }

  /**
   * A registry edit that leaves every document's facts as they were (a
   * description, a name, a place's `in:`, a `disputed:` assessment — the
   * acknowledge quick fix writes those): only the contradiction groups are
   * compared again, so a large corpus is not re-read.
   */
  private registryChangedAroundDocuments(): Set<string> {
    const change = new Change();
    change.files.add(REGISTRY_FILE);
    this.recontextGroups(change);
    return this.settle(change);
  }

  /** Every group compared again with what the registry now says of its property, event and places. */
  private recontextGroups(change: Change): void {
    for (const group of this.groups.values()) {
      group.setContext(this.groupContext(group.event, group.property));
      change.groups.add(group);
    }
  }

  /**
   * Aliases added, removed or moved, and nothing else documents read: the
   * facts stand. A `mention-mismatch` moves only where a mention's text
   * names other entities than before, which each distinct text answers
   * once; hints move anywhere, see setRegistry.
   */
  private aliasesChanged(before: AliasMatcher<RegistryAlias>, shown: ReadonlySet<string> | undefined, groupsSeeOther: boolean): Set<string> {
    const change = new Change();
    change.files.add(REGISTRY_FILE);
    if (groupsSeeOther) this.recontextGroups(change);
    for (const file of shown ?? this.documents.keys()) if (this.documents.has(file)) change.files.add(file);
    for (const [text, files] of this.mentionsByText()) {
      if (sameIds(before.matchWhole(text), this.aliases.matchWhole(text))) continue;
      for (const file of files) change.files.add(file);
    }
    // Hints of documents not reported are found again when asked, with the new aliases.
    this.cache.clear();
    return this.settle(change);
  }

  /**
   * Adds or replaces a document. Returns every file whose diagnostics may
   * have changed: this one, files whose contradiction findings or claim ids
   * it altered, and corroborate.yaml when an entity became used or unused.
   */
  setDocument(file: string, text: string, encoding?: EncodingProblem, fromDisk = false): Set<string> {
    const previous = this.documents.get(file);
    if (previous && previous.layout.holds(text) && previous.encoding?.offset === encoding?.offset) {
      // The same text: an editor that opens the file holds it from now on; one that closes it lets it go.
      if (fromDisk) this.releaseText(previous);
      else previous.layout.keep(text);
      return new Set();
    }
    const change = new Change();
    change.files.add(file);
    this.unreadable.delete(file);
    const next = readDocumentFacts(file, text, this.view, encoding, undefined, this.trees);
    if (previous) this.replace(previous, next, change);
    else this.add(next, change);
    // Checked while the tree just read is at hand, rather than parsed again when the diagnostics are asked.
    if (this.trees) valueNotInText(this, next);
    if (fromDisk) this.releaseText(next);
    const touched = this.settle(change);
    this.logChange(file);
    return touched;
  }

  /**
   * A document read against a new registry: its tree and text as kept or
   * read again; a text the disk no longer holds gives way to the disk's
   * (its watcher event, still to come, then finds nothing new), and a file
   * the disk no longer has leaves until that event says so.
   */
  private readAgain(facts: DocumentFacts): { text: string; encoding?: EncodingProblem; parsed?: ParsedDocument } | undefined {
    try {
      return { text: facts.text, encoding: facts.encoding, parsed: facts.parsed };
    } catch (error) {
      if (!(error instanceof StaleText)) throw error;
      return error.current;
    }
  }

  /**
   * Lets a document's text go once read, when the corpus reads texts again
   * from disk: first the diagnostics that read its words are found, so that
   * an edit elsewhere that moves its findings reads nothing again.
   */
  private releaseText(facts: DocumentFacts): void {
    if (!this.texts || facts.encoding !== undefined) return;
    valueNotInText(this, facts);
    this.aliasDiagnostics(facts);
    facts.layout.release(facts.file, this.texts);
  }

  deleteDocument(file: string): Set<string> {
    const previous = this.documents.get(file);
    const change = new Change();
    if (this.unreadable.delete(file)) change.files.add(file);
    if (!previous) return this.settle(change);
    change.files.add(file);
    this.remove(previous, change);
    const touched = this.settle(change);
    this.logChange(file);
    return touched;
  }

  /**
   * A document the globs match that cannot be read (permissions, size, a read
   * error): it stays in the corpus without facts, so that it is counted and
   * shows one `unreadable` error at its start, until it is read or deleted.
   */
  setUnreadable(file: string, message: string): Set<string> {
    if (this.unreadable.get(file)?.message === message) return new Set();
    const touched = this.deleteDocument(file);
    this.unreadable.set(file, diagnostic(file, { start: 0, end: 0 }, 'unreadable', message));
    this.cache.delete(file);
    touched.add(file);
    return touched;
  }

  /** Re-checks the groups a change touched, then drops the caches of the files it changed. */
  private settle(change: Change): Set<string> {
    this.changes++;
    for (const event of change.events) this.eventChanges.set(event, this.changes);
    for (const group of change.groups) {
      this.eventAnalyses.delete(group.event);
      if (group.isEmpty) {
        this.groups.delete(group);
        continue;
      }
      group.settle(change.files);
    }
    for (const file of change.files) this.cache.delete(file);
    return change.files;
  }

  /** What a group's values are compared with: the registry's definition of its property (the claims' own until the registry has none), what the event acknowledges, and where places lie. */
  private groupContext(event: string, property: PropertyEntry): GroupContext {
    const definition = this.registry.properties.get(property.key) ?? property;
    return { property: definition, acknowledged: disputedKeys(definition, this.registry.entities.get(event)), within: this.registry.containment };
  }

  private mentionsByText(): Map<string, string[]> {
    if (!this.mentionIndex) {
      this.mentionIndex = new Map();
      for (const facts of this.documents.values()) indexMentions(this.mentionIndex, facts, 1);
    }
    return this.mentionIndex;
  }

  private add(facts: DocumentFacts, change: Change): void {
    this.documents.set(facts.file, facts);
    if (this.mentionIndex) indexMentions(this.mentionIndex, facts, 1);
    // unused-entity is only reported once the corpus has documents.
    if (this.documents.size === 1) change.files.add(REGISTRY_FILE);
    this.indexClaims(facts.claims, change);
    if (this.ungrouped) this.holdBack(facts, this.ungrouped);
    else {
      for (const [group, assertions] of assertionsByGroup(facts, this.groupMade)) {
        for (const assertion of assertions) group.add(assertion);
        change.groups.add(group);
      }
    }
    this.tally(facts, 1, change);
  }

  /**
   * A document's claims held back from their groups (groupAfterReading),
   * each group's after those of the documents read before, in offset order
   * as add() takes them. A document's claims and their assertions come in
   * offset order: when they do, no map or sort of the document's groups is
   * made for it.
   */
  private holdBack(facts: DocumentFacts, ungrouped: Map<ClaimGroup, Assertion[]>): void {
    const hold = (group: ClaimGroup, assertion: Assertion) => {
      const held = ungrouped.get(group);
      if (held) held.push(assertion);
      else ungrouped.set(group, [assertion]);
    };
    if (!groupedInOffsetOrder(facts)) {
      for (const [group, assertions] of assertionsByGroup(facts, this.groupMade)) for (const assertion of assertions) hold(group, assertion);
      return;
    }
    for (const claim of facts.claims) {
      const event = claim.event;
      if (event === undefined || claim.claimantKey === undefined) continue;
      for (const assertion of assertionsOf(claim)) hold(this.groupMade(assertion, event), assertion);
    }
  }

  private remove(facts: DocumentFacts, change: Change): void {
    this.documents.delete(facts.file);
    this.aliasFindings.delete(facts);
    this.trees?.forget(facts);
    if (this.mentionIndex) indexMentions(this.mentionIndex, facts, -1);
    if (this.documents.size === 0) change.files.add(REGISTRY_FILE);
    this.unindexClaims(facts.claims, change);
    for (const [group, assertions] of assertionsByGroup(facts, this.groupIn)) {
      for (const assertion of assertions) group.remove(assertion);
      change.groups.add(group);
    }
    this.tally(facts, -1, change);
  }

  /**
   * A document read again. Its claims that say what they said before, in
   * the same order (typing prose moves them, at most), take the place of the
   * old ones in their groups: the groups re-check only what the others see
   * of them, their place when it moved. The rest go and come.
   */
  private replace(previous: DocumentFacts, next: DocumentFacts, change: Change): void {
    this.documents.set(next.file, next);
    this.aliasFindings.delete(previous);
    this.trees?.forget(previous);
    if (this.mentionIndex) {
      indexMentions(this.mentionIndex, previous, -1);
      indexMentions(this.mentionIndex, next, 1);
    }
    this.unindexClaims(previous.claims, change);
    this.indexClaims(next.claims, change);
    const before = assertionsByGroup(previous, this.groupIn);
    const after = assertionsByGroup(next, this.groupMade);
    for (const group of new Set([...before.keys(), ...after.keys()])) {
      const old = before.get(group) ?? [];
      const now = after.get(group) ?? [];
      let prefix = 0;
      while (prefix < old.length && prefix < now.length && sameContent(old[prefix], now[prefix])) prefix++;
      let suffix = 0;
      while (suffix < old.length - prefix && suffix < now.length - prefix && sameContent(old[old.length - 1 - suffix], now[now.length - 1 - suffix])) suffix++;
      // Removed first and added last, so that the places of the pairs are found in lists in order.
      for (const assertion of old.slice(prefix, old.length - suffix)) group.remove(assertion);
      const pairs: [Assertion, Assertion][] = [];
      for (let k = 0; k < prefix; k++) pairs.push([old[k], now[k]]);
      for (let k = 1; k <= suffix; k++) pairs.push([old[old.length - k], now[now.length - k]]);
      group.replace(pairs);
      for (const assertion of now.slice(prefix, now.length - suffix)) group.add(assertion);
      change.groups.add(group);
    }
    // Added before subtracted, so an entity both versions use never looks unused in between.
    this.tally(next, 1, change);
    this.tally(previous, -1, change);
  }

  /** The group of an assertion of a claim about `event`, if there is one. */
  private readonly groupIn = (assertion: Assertion, event: string): ClaimGroup | undefined => this.groups.get(event, assertion.property.key);

  /** The group of an assertion of a claim about `event`, made if there is none yet. Its claims held back stay held: the claims to add go after them. */
  private readonly groupMade = (assertion: Assertion, event: string): ClaimGroup => {
    let group = this.groupIndex.get(event, assertion.property.key);
    if (!group) {
      group = new ClaimGroup(event, this.groupContext(event, assertion.property));
      this.groupIndex.set(group);
    }
    return group;
  };

  private indexClaims(claims: readonly Claim[], change: Change): void {
    for (const claim of claims) {
      if (claim.event !== undefined) change.events.add(claim.event);
      const name = claim.id;
      if (name !== undefined) {
        const held = this.claimIds.get(name);
        if (held === undefined) {
          this.claimIds.set(name, claim);
          continue;
        }
        const sharing = Array.isArray(held) ? held : [held];
        sharing.push(claim);
        this.claimIds.set(name, sharing);
        for (const c of sharing) change.files.add(c.file);
      }
    }
    const indexes = this.claimIndexes;
    if (indexes) for (const claim of claims) indexClaim(indexes, claim);
  }

  private unindexClaims(claims: readonly Claim[], change: Change): void {
    for (const claim of claims) {
      if (claim.event !== undefined) change.events.add(claim.event);
      const name = claim.id;
      if (name !== undefined) {
        const sharing = this.claimsWithId(name).filter((c) => c !== claim);
        for (const c of sharing) change.files.add(c.file);
        if (sharing.length > 1) this.claimIds.set(name, sharing);
        else if (sharing.length === 1) this.claimIds.set(name, sharing[0]);
        else this.claimIds.delete(name);
      }
    }
    const indexes = this.claimIndexes;
    if (indexes) for (const claim of claims) unindexClaim(indexes, claim);
  }

  private claimsWithId(name: string): readonly Claim[] {
    const held = this.claimIds.get(name);
    return held === undefined ? [] : listOf(held);
  }

  private claimIndex(): ClaimIndexes {
    if (!this.claimIndexes) {
      const indexes: ClaimIndexes = { byEvent: new Map(), byClaimant: new Map() };
      for (const facts of this.documents.values()) for (const claim of facts.claims) indexClaim(indexes, claim);
      this.claimIndexes = indexes;
    }
    return this.claimIndexes;
  }

  /** Adds or subtracts a document's entity uses; an entity becoming used or unused changes unused-entity. */
  private tally(facts: DocumentFacts, sign: 1 | -1, change: Change): void {
    facts.forEachUse((id, use) => {
      let footprint = this.footprints.get(id);
      if (!footprint) {
        this.footprints.set(id, (footprint = emptyFootprint()));
        change.files.add(REGISTRY_FILE);
      }
      footprint.documents += sign;
      footprint.references += sign * use.references;
      footprint.mentions += sign * use.mentions;
      footprint.valueUses += sign * use.valueUses;
      if (use.isSource) footprint.sourceOf += sign;
      if (use.isOrigin) footprint.originOf += sign;
      if (footprint.documents === 0) {
        this.footprints.delete(id);
        change.files.add(REGISTRY_FILE);
      }
    });
  }

  /** Where an entity shows up: a copy, so callers cannot change the index. */
  footprint(id: string): Footprint {
    return { ...(this.footprints.get(id) ?? emptyFootprint()) };
  }

  /** How many mentions the documents make: every entity's, counted as documents come and go (Footprint.mentions). */
  mentionCount(): number {
    let count = 0;
    for (const footprint of this.footprints.values()) count += footprint.mentions;
    return count;
  }

  /** The claims an actor makes, in file and offset order. */
  claimsBy(actor: string): Claim[] {
    return [...(this.claimIndex().byClaimant.get(actor) ?? [])].sort(compareClaims);
  }

  /** The findings (conflicting, inconsistent, acknowledged) one assertion has in its group. */
  findingsOf(assertion: Assertion): GroupFindings | undefined {
    const event = assertion.claim.event;
    if (event === undefined || assertion.claim.claimantKey === undefined) return undefined;
    return this.groups.get(event, assertion.property.key)?.findingsOf(assertion);
  }

  /** The analysis of the claims about one event and property: undefined when there are none. */
  analysis(event: string, property: string): GroupAnalysis | undefined {
    return this.groups.get(event, property)?.analysis();
  }

  /** Whether any property is claimed about an event: whether its analysis has rows, without analysing it. */
  isClaimedAbout(event: string): boolean {
    for (const property of this.registry.properties.keys()) if (this.groups.get(event, property)) return true;
    return false;
  }

  /** Every property claimed about an event, analysed, in the registry's order of properties. */
  eventAnalysis(event: string): EventAnalysis {
    let found = this.eventAnalyses.get(event);
    if (!found) {
      found = { event, rows: this.eventGroups(event).map((group) => group.row()) };
      this.eventAnalyses.set(event, found);
    }
    return found;
  }

  /**
   * Each property claimed about an event, in the registry's order of
   * properties: the stamp of what its claims say (ClaimGroup.contentStamp),
   * its row of the event's analysis, and its claimants' values read from
   * the live group (what an event's table needs), each taken when asked. What is read from
   * the claims' content alone is kept by the stamp: after an edit, the
   * groups whose claims were only read again keep theirs.
   */
  eventGroups(event: string): EventGroup[] {
    const groups: EventGroup[] = [];
    for (const property of this.registry.properties.keys()) {
      const group = this.groups.get(event, property);
      if (!group) continue;
      groups.push({ property: group.property, stamp: group.contentStamp, row: () => this.eventRowOf(group.analysis()), claimants: () => group.claimantValues() });
    }
    return groups;
  }

  private eventRowOf(analysis: GroupAnalysis): EventRow {
    let row = this.eventRows.get(analysis);
    if (!row) this.eventRows.set(analysis, (row = eventRow(analysis)));
    return row;
  }

  /** How many contradiction warnings (conflicting claims, inconsistent reports) the claims about an event carry, each claim with its own. */
  contradictionsAbout(event: string): number {
    let count = 0;
    for (const group of this.groups.ofEvent(event)) count += group.contradictionWarnings();
    return count;
  }

  /** How many claims are about an event, those without a claimant or a property included. */
  claimCountAbout(event: string): number {
    return this.claimIndex().byEvent.get(event)?.size ?? 0;
  }

  /** The claims about one event and property, in file and offset order. */
  claimsAbout(event: string, property: string): Assertion[] {
    return this.groups.get(event, property)?.members() ?? [];
  }

  /** Every claim about an event, in file and offset order. */
  claimsOfEvent(event: string): Claim[] {
    return [...(this.claimIndex().byEvent.get(event) ?? [])].sort(compareClaims);
  }

  /** How many references the corpus makes to an entity. */
  uses(id: string): number {
    return this.footprints.get(id)?.references ?? 0;
  }

  /** Every diagnostic of one file (a document or corroborate.yaml), sorted. */
  diagnostics(file: string): readonly Diagnostic[] {
    const cached = this.cache.get(file);
    if (cached) return cached;
    if (file === REGISTRY_FILE) {
      const computed = this.registryDiagnostics().sort(compareDiagnostics);
      this.cache.set(file, computed);
      return computed;
    }
    const facts = this.documents.get(file);
    const computed = facts ? this.documentDiagnostics(facts) : this.unreadableDiagnostics(file);
    // A report whose text was let go of (the language server's, no editor has it open) keeps none: they are
    // asked for once per change to them, published or pulled, and their fingerprint is what is kept. Kept,
    // they and what the client was shown of them (convert.ts) were a tenth of the server's heap at 50,000
    // reports, and each edit's re-checked reports outlived two scavenges and filled the old generation.
    if (facts?.layout.isReleased === true) return computed;
    // Keyed by the facts' own path, which the corpus holds anyway: the language server asks with a path of its own making.
    this.cache.set(facts?.file ?? file, computed);
    return computed;
  }

  /** Every diagnostic of the corpus, sorted by file, line, column, code. */
  allDiagnostics(): Diagnostic[] {
    const all: Diagnostic[] = [];
    // One by one: spreading a file's diagnostics into push() overflows the stack past about 100,000.
    for (const file of [REGISTRY_FILE, ...this.files()]) for (const found of this.diagnostics(file)) all.push(found);
    return all.sort(compareDiagnostics);
  }

  private unreadableDiagnostics(file: string): readonly Diagnostic[] {
    const unreadable = this.unreadable.get(file);
    return unreadable ? [unreadable] : NO_DIAGNOSTICS;
  }

  /** A document's diagnostics, sorted. */
  private documentDiagnostics(facts: DocumentFacts): readonly Diagnostic[] {
    const file = facts.file;
    // Of a report written on disk whose watcher event has not come yet, what reads its words waits for that event to read it again.
    const worded = unlessStale(() => [this.aliasDiagnostics(facts), valueNotInText(this, facts)]) ?? [];
    const out = [...facts.diagnostics];
    for (const list of worded) for (const found of list) out.push(found);
    for (const claim of facts.claims) {
      const name = claim.id;
      if (name !== undefined) {
        const sharing = this.claimsWithId(name);
        const first = sharing.reduce<Claim | undefined>((best, c) => (!best || c.file < best.file || (c.file === best.file && c.start < best.start) ? c : best), undefined);
        if (first && first !== claim) {
          // Both claims have an `#id`: its range is read from their blocks, which only a duplicate needs.
          // A block in a report changed on disk since it was read (its watcher event to come) is shown whole.
          const idRange = (c: Claim) => {
            const block = unlessStale(() => claimBlockOf(c));
            return block === undefined ? { start: c.close + 1, end: c.end } : (block.id ?? keywordRangeOf(block));
          };
          const at = idRange(first);
          out.push(
            diagnostic(file, idRange(claim), 'duplicate-id', `claim id #${name} is already used in ${first.file}: give this claim another id`, {
              related: [{ file: first.file, start: at.start, end: at.end, message: `#${name} first used here` }],
            }),
          );
        }
      }
    }
    // Most documents' claims contradict nothing (8,149 of the 10,000 reports of the standard corpus): no map of their groups is made.
    if (!this.anyFindings(facts)) return out.length === 0 ? NO_DIAGNOSTICS : (soleListOf(out, facts.diagnostics, ...worded) ?? out.sort(compareDiagnostics));
    // The document's claims by group, in offset order: a contradiction's related entries show the nearest first.
    for (const [group, claims] of assertionsByGroup(facts, this.groupIn)) {
      for (let at = 0; at < claims.length; at++) {
        const assertion = claims[at];
        const found = group.findingsOf(assertion);
        // Most claims contradict nothing: nothing is made for them.
        if (found === undefined || found.findings.length === 0) continue;
        out.push(...contradictionDiagnostics(assertion, found, { claims, at }, (d) => group.relationOf(assertion, d)));
      }
    }
    return out.sort(compareDiagnostics);
  }

  /**
   * Whether a claim of the document has contradiction findings: each
   * claimant's are found once and kept, so the diagnostics read them again
   * for free. A run that reads every report, then asks (`check`), asks this
   * of every report: until a change comes, the answer for all of them is
   * found in one pass over the groups' values and claimants, not by looking
   * up each claim's group, value and claimant (52,000 claims at 10,000
   * reports). A change moves the revision past `filledAt` for good.
   */
  private anyFindings(facts: DocumentFacts): boolean {
    const groups = this.groups;
    if (this.filledAt === this.changes) {
      if (this.withFindings === undefined) {
        this.withFindings = new Set();
        for (const group of groups.values()) group.addFilesWithFindings(this.withFindings);
      }
      return this.withFindings.has(facts.file);
    }
    this.withFindings = undefined;
    for (const claim of facts.claims) {
      const event = claim.event;
      if (event === undefined || claim.claimantKey === undefined) continue;
      for (const assertion of assertionsOf(claim)) {
        const found = this.groupIn(assertion, event)?.findingsOf(assertion);
        if (found !== undefined && found.findings.length > 0) return true;
      }
    }
    return false;
  }

  /** A document's `mention-mismatch` and `unannotated-mention` with the aliases as they stand, found once per document and aliases. */
  aliasDiagnostics(facts: DocumentFacts): readonly Diagnostic[] {
    const found = this.aliasFindings.get(facts);
    if (found) return found;
    const diagnostics = aliasDiagnostics(facts, this.aliases);
    // Facts a document no longer has (asked for after an edit replaced them) are not kept.
    if (this.documents.get(facts.file) === facts) this.aliasFindings.set(facts, diagnostics);
    return diagnostics;
  }

  private registryDiagnostics(): Diagnostic[] {
    const registry = this.registry;
    const out = [...this.registryOwnDiagnostics, ...this.discoveryProblems];
    if (this.registryEncoding) out.push(encodingDiagnostic(REGISTRY_FILE, registry.text, this.registryEncoding));
    if (this.documents.size > 0) {
      // An entity the registry itself relies on (an affiliation, a containing
      // place, an event's place) is in use even when no report names it.
      const relied = new Set<string>();
      for (const entity of registry.entities.values()) {
        for (const affiliation of entity.affiliations) relied.add(affiliation.value);
        if (entity.in) relied.add(entity.in.value);
        if (entity.place) relied.add(entity.place.value);
      }
      for (const entity of registry.entities.values()) {
        if (this.uses(entity.id) > 0 || relied.has(entity.id)) continue;
        out.push(diagnostic(REGISTRY_FILE, entity.idRange, 'unused-entity', `@${entity.id} is never referenced in the corpus: annotate a mention of it, or remove it`));
      }
    }
    return out;
  }
}

/** An alias listed under two entities, reported on every listing after the first entity's. */
function ambiguousAliasDiagnostics(aliases: AliasMatcher<RegistryAlias>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const clash of aliases.ambiguousAliases()) {
    const first = clash.entries[0];
    for (const entry of clash.entries) {
      if (!first || entry.entityId === first.entityId) continue;
      const others = clash.entityIds.filter((id) => id !== entry.entityId).map((id) => `@${id}`).join(', ');
      out.push(diagnostic(REGISTRY_FILE, entry, 'ambiguous-alias', `alias \`${entry.alias}\` also names ${others}: an alias should name one entity; remove it from one of them`));
    }
  }
  return out;
}

/**
 * Discovery problems sit on a documents glob (or on `documents:`) of the
 * registry they were found with: an edit elsewhere in it moves them with
 * their glob. An edit of the globs drops them until discovery runs again.
 */
function followGlobs(problems: readonly Diagnostic[], before: Registry, after: Registry): readonly Diagnostic[] {
  const globs = (registry: Registry) => registry.documents.map((d) => d.value).join('\n');
  if (problems.length === 0 || globs(before) !== globs(after)) return [];
  const anchorsBefore = [before.documentsRange, ...before.documents];
  const anchorsAfter = [after.documentsRange, ...after.documents];
  return problems.flatMap((problem) => {
    const to = anchorsAfter[anchorsBefore.findIndex((a) => a.start === problem.start && a.end === problem.end)];
    return to ? [{ ...problem, start: to.start, end: to.end }] : [];
  });
}

function emptyFootprint(): Footprint {
  return { documents: 0, references: 0, mentions: 0, valueUses: 0, sourceOf: 0, originOf: 0 };
}

/**
 * A document's claims that belong to a contradiction group, by group, each
 * list in offset order. `groupOf` finds (or makes) an assertion's group from
 * the strings the claims hold: no key is built per claim (the document is
 * added, or its diagnostics made, once per report at load).
 */
function assertionsByGroup(facts: DocumentFacts, groupOf: (assertion: Assertion, event: string) => ClaimGroup | undefined): Map<ClaimGroup, Assertion[]> {
  const byGroup = new Map<ClaimGroup, Assertion[]>();
  for (const claim of facts.claims) {
    const event = claim.event;
    if (event === undefined || claim.claimantKey === undefined) continue;
    for (const assertion of assertionsOf(claim)) {
      const group = groupOf(assertion, event);
      if (!group) continue;
      const list = byGroup.get(group);
      if (list) list.push(assertion);
      else byGroup.set(group, [assertion]);
    }
  }
  for (const list of byGroup.values()) list.sort(compareAssertions);
  return byGroup;
}

/** Whether the assertions assertionsByGroup() lists come, claim after claim, in offset order: then each group's list is in order as they come. */
function groupedInOffsetOrder(facts: DocumentFacts): boolean {
  let last = -1;
  for (const claim of facts.claims) {
    if (claim.event === undefined || claim.claimantKey === undefined) continue;
    for (const assertion of assertionsOf(claim)) {
      if (assertion.start < last) return false;
      last = assertion.start;
    }
  }
  return true;
}

function compareClaims(a: Claim, b: Claim): number {
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.start - b.start;
}

function indexClaim(indexes: ClaimIndexes, claim: Claim): void {
  if (claim.claimant !== undefined) addTo(indexes.byClaimant, claim.claimant, claim);
  if (claim.event !== undefined) addTo(indexes.byEvent, claim.event, claim);
}

function unindexClaim(indexes: ClaimIndexes, claim: Claim): void {
  if (claim.claimant !== undefined) removeFrom(indexes.byClaimant, claim.claimant, claim);
  if (claim.event !== undefined) removeFrom(indexes.byEvent, claim.event, claim);
}

function addTo(index: Map<string, Set<Claim>>, key: string, claim: Claim): void {
  let claims = index.get(key);
  if (!claims) index.set(key, (claims = new Set()));
  claims.add(claim);
}

function removeFrom(index: Map<string, Set<Claim>>, key: string, claim: Claim): void {
  const claims = index.get(key);
  claims?.delete(claim);
  if (claims?.size === 0) index.delete(key);
}

/**
 * The registry as documents' facts see it: properties as values are read,
 * entities by id, section and anonymity. The aliases, which only the alias
 * diagnostics read, are compared apart (aliasFingerprint). Descriptions,
 * names, `in:`, `disputed:` and positions are left out: documents do not
 * depend on them (groups and features read them from the registry itself).
 */
function documentFingerprint(registry: Registry): string {
  const properties = [...registry.properties.values()].map((p) => [p.key, p.type, p.values, p.compatible, p.kind ?? null, p.tolerance ?? null]);
  const entities = [...registry.entities.values()].map((e) => [e.id, e.section, e.anonymous]);
  return JSON.stringify([properties, entities]);
}

/** What of the registry, besides documentFingerprint's, the contradiction groups read: names, places' `in:`, events' `disputed:`. */
function groupFingerprint(registry: Registry): string {
  return JSON.stringify(
    [...registry.entities.values()].map((e) => [e.id, e.name, e.in?.value ?? null, [...e.disputed].map(([property, values]) => [property, [...values.keys]])]),
  );
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, k) => id === b[k]);
}

/** Adds a document to the files of each of its mention texts, or takes it out. */
function indexMentions(index: Map<string, string[]>, facts: DocumentFacts, sign: 1 | -1): void {
  for (const text of facts.mentionTexts) {
    const files = index.get(text);
    if (sign === 1) {
      // A text the document writes twice was added for it a moment ago, last.
      if (files === undefined) index.set(text, [facts.file]);
      else if (files[files.length - 1] !== facts.file) files.push(facts.file);
      continue;
    }
    const at = files?.indexOf(facts.file) ?? -1;
    if (files === undefined || at === -1) continue;
    if (files.length === 1) index.delete(text);
    else files.splice(at, 1);
  }
}
