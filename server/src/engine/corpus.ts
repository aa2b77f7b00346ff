// The corpus index: every document's facts, and what combines documents —
// contradiction groups per (event, property), claim ids, entity use. Updated
// from the difference one document makes, so an edit re-checks only the
// groups and documents it touches; the result always equals a fresh check.

import { valueNotInText } from './assist/valueCheck';
import { AliasMatcher } from './aliases';
import { analyseEvent, analyseGroup, compareAssertions, type EventAnalysis, type GroupAnalysis } from './analysis';
import { contradictionDiagnostics, disputedKeys, findingsIn, groupFindings, type GroupFindings, type GroupFindingsTable } from './contradictions';
import { diagnostic, type Diagnostic } from './diagnostics';
import { encodingDiagnostic, readDocumentFacts, type Assertion, type Claim, type DocumentFacts, type EncodingProblem, type RegistryAlias, type RegistryView } from './document';
import { REGISTRY_FILE, readRegistry, type Registry } from './registry';

interface Group {
  readonly event: string;
  readonly property: string;
  readonly members: Set<Assertion>;
  /** Computed when first asked for (hover, the matrix…); dropped when a change touches the group. */
  analysis?: GroupAnalysis;
  /**
   * Undefined until someone asks for the diagnostics of a member. Once asked,
   * kept current on every change, so the change can tell which members'
   * findings it really altered. While undefined, no member file has cached
   * diagnostics, and every change to it has already been reported.
   */
  findings?: GroupFindingsTable;
}

const NO_FINDINGS_TABLE: GroupFindingsTable = new Map();

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

/** What one document change touches, gathered while the change is applied. */
class Change {
  readonly files = new Set<string>();
  readonly groups = new Set<Group>();
}

function groupKey(event: string, property: string): string {
  return `${event}\u0000${property}`;
}

/** The contract's order, file, line, column, code; then end and message, so it is total. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export class Corpus {
  private view!: RegistryView;
  private readonly documents = new Map<string, DocumentFacts>();
  /** Documents the globs match that cannot be read, each with the `unreadable` error saying why. */
  private readonly unreadable = new Map<string, Diagnostic>();
  private readonly groups = new Map<string, Group>();
  private readonly claimIds = new Map<string, Claim[]>();
  private readonly claimsByEvent = new Map<string, Set<Claim>>();
  private readonly claimsByClaimant = new Map<string, Set<Claim>>();
  private readonly footprints = new Map<string, Footprint>();
  /** Event analyses asked for, until a change touches one of the event's groups. */
  private readonly eventAnalyses = new Map<string, EventAnalysis>();
  private readonly serials = new WeakMap<Assertion, number>();
  private nextSerial = 0;
  /** What of the registry documents' facts depend on: see documentFingerprint(). */
  private documentFingerprint = '';
  /** Registry diagnostics that depend on the registry alone. */
  private registryOwnDiagnostics: readonly Diagnostic[] = [];
  private readonly cache = new Map<string, readonly Diagnostic[]>();
  private discoveryProblems: readonly Diagnostic[] = [];
  /** Set when corroborate.yaml on disk is not valid UTF-8. */
  private registryEncoding?: EncodingProblem;
  /** Counts the changes applied: see `revision`. */
  private changes = 0;

  constructor(registryText: string, registryEncoding?: EncodingProblem) {
    this.installRegistry(registryText, registryEncoding);
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

  private installRegistry(text: string, encoding: EncodingProblem | undefined): void {
    this.registryEncoding = encoding;
    const registry = readRegistry(text);
    const entries: RegistryAlias[] = [];
    for (const entity of registry.entities.values()) {
      for (const alias of entity.aliases) entries.push({ alias: alias.value, entityId: entity.id, start: alias.start, end: alias.end });
    }
    this.view = { registry, aliases: new AliasMatcher(entries) };
    this.documentFingerprint = documentFingerprint(registry);
    this.registryOwnDiagnostics = [...registry.diagnostics, ...ambiguousAliasDiagnostics(this.view.aliases)];
  }

  /** Problems finding the documents (globs matching too much, links out), shown on corroborate.yaml. */
  setDiscoveryProblems(problems: readonly Diagnostic[]): void {
    this.discoveryProblems = problems;
    this.cache.delete(REGISTRY_FILE);
  }

  /** Replaces corroborate.yaml. Every document is re-read against it (parses are reused). */
  setRegistry(text: string, encoding?: EncodingProblem): Set<string> {
    // Opening corroborate.yaml in the editor sends its text unchanged.
    if (text === this.registry.text && encoding?.offset === this.registryEncoding?.offset) return new Set();
    const before = this.documentFingerprint;
    const registryBefore = this.registry;
    this.installRegistry(text, encoding);
    this.discoveryProblems = followGlobs(this.discoveryProblems, registryBefore, this.registry);
    if (this.documentFingerprint === before) return this.registryChangedAroundDocuments();
    this.changes++;
    const documents = [...this.documents.values()];
    this.documents.clear();
    this.groups.clear();
    this.claimIds.clear();
    this.claimsByEvent.clear();
    this.claimsByClaimant.clear();
    this.footprints.clear();
    this.eventAnalyses.clear();
    this.cache.clear();
    for (const facts of documents) {
      this.add(readDocumentFacts(facts.file, facts.text, this.view, facts.encoding, facts.parsed), new Change());
    }
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
    for (const group of this.groups.values()) change.groups.add(group);
    return this.settle(change);
  }

  /**
   * Adds or replaces a document. Returns every file whose diagnostics may
   * have changed: this one, files whose contradiction findings or claim ids
   * it altered, and corroborate.yaml when an entity became used or unused.
   */
  setDocument(file: string, text: string, encoding?: EncodingProblem): Set<string> {
    const previous = this.documents.get(file);
    if (previous && previous.text === text && previous.encoding?.offset === encoding?.offset) return new Set();
    const change = new Change();
    change.files.add(file);
    this.unreadable.delete(file);
    if (previous) this.remove(previous, change);
    this.add(readDocumentFacts(file, text, this.view, encoding), change);
    return this.settle(change);
  }

  deleteDocument(file: string): Set<string> {
    const previous = this.documents.get(file);
    const change = new Change();
    if (this.unreadable.delete(file)) change.files.add(file);
    if (!previous) return this.settle(change);
    change.files.add(file);
    this.remove(previous, change);
    return this.settle(change);
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
    for (const group of change.groups) {
      const before = group.findings;
      group.analysis = undefined;
      group.findings = undefined;
      this.eventAnalyses.delete(group.event);
      if (group.members.size === 0) {
        this.groups.delete(groupKey(group.event, group.property));
        continue;
      }
      if (!before) continue;
      const after = this.findingsTable(group);
      for (const member of group.members) {
        if ((findingsIn(before, member)?.signature ?? '') !== (findingsIn(after, member)?.signature ?? '')) change.files.add(member.claim.file);
      }
    }
    for (const file of change.files) this.cache.delete(file);
    return change.files;
  }

  private serial(assertion: Assertion): number {
    let serial = this.serials.get(assertion);
    if (serial === undefined) {
      serial = this.nextSerial++;
      this.serials.set(assertion, serial);
    }
    return serial;
  }

  /** The group's analysis as it stands; kept only once someone asks for it (see analysis()). */
  private classify(group: Group): GroupAnalysis | undefined {
    if (group.analysis) return group.analysis;
    const definition = this.registry.properties.get(group.property);
    if (!definition) return undefined;
    const acknowledged = disputedKeys(definition, this.registry.entities.get(group.event));
    return analyseGroup(group.event, definition, acknowledged, group.members, this.registry.containment);
  }

  private findingsTable(group: Group): GroupFindingsTable {
    if (group.findings) return group.findings;
    const analysis = this.classify(group);
    group.findings = analysis ? groupFindings(analysis, (a) => this.serial(a)) : NO_FINDINGS_TABLE;
    return group.findings;
  }

  private add(facts: DocumentFacts, change: Change): void {
    this.documents.set(facts.file, facts);
    // unused-entity is only reported once the corpus has documents.
    if (this.documents.size === 1) change.files.add(REGISTRY_FILE);
    for (const claim of facts.claims) {
      const name = claim.block.id?.name;
      if (name !== undefined) {
        const claims = this.claimIds.get(name) ?? [];
        claims.push(claim);
        this.claimIds.set(name, claims);
        if (claims.length > 1) for (const c of claims) change.files.add(c.file);
      }
      if (claim.claimant !== undefined) indexClaim(this.claimsByClaimant, claim.claimant, claim);
      if (claim.event === undefined) continue;
      indexClaim(this.claimsByEvent, claim.event, claim);
      if (claim.claimantKey === undefined) continue;
      for (const assertion of claim.assertions) {
        const key = groupKey(claim.event, assertion.property.key);
        let group = this.groups.get(key);
        if (!group) {
          group = { event: claim.event, property: assertion.property.key, members: new Set() };
          this.groups.set(key, group);
        }
        group.members.add(assertion);
        change.groups.add(group);
      }
    }
    this.tally(facts, 1, change);
  }

  private remove(facts: DocumentFacts, change: Change): void {
    this.documents.delete(facts.file);
    if (this.documents.size === 0) change.files.add(REGISTRY_FILE);
    for (const claim of facts.claims) {
      const name = claim.block.id?.name;
      if (name !== undefined) {
        const claims = (this.claimIds.get(name) ?? []).filter((c) => c !== claim);
        for (const c of claims) change.files.add(c.file);
        if (claims.length > 0) this.claimIds.set(name, claims);
        else this.claimIds.delete(name);
      }
      if (claim.claimant !== undefined) unindexClaim(this.claimsByClaimant, claim.claimant, claim);
      if (claim.event === undefined) continue;
      unindexClaim(this.claimsByEvent, claim.event, claim);
      for (const assertion of claim.assertions) {
        const group = this.groups.get(groupKey(claim.event, assertion.property.key));
        if (!group?.members.delete(assertion)) continue;
        change.groups.add(group);
      }
    }
    this.tally(facts, -1, change);
  }

  /** Adds or subtracts a document's entity uses; an entity becoming used or unused changes unused-entity. */
  private tally(facts: DocumentFacts, sign: 1 | -1, change: Change): void {
    for (const [id, use] of facts.uses) {
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
    }
  }

  /** Where an entity shows up: a copy, so callers cannot change the index. */
  footprint(id: string): Footprint {
    return { ...(this.footprints.get(id) ?? emptyFootprint()) };
  }

  /** The claims an actor makes, in file and offset order. */
  claimsBy(actor: string): Claim[] {
    return [...(this.claimsByClaimant.get(actor) ?? [])].sort(compareClaims);
  }

  /** The findings (conflicting, inconsistent, acknowledged) one assertion has in its group. */
  findingsOf(assertion: Assertion): GroupFindings | undefined {
    const event = assertion.claim.event;
    if (event === undefined || assertion.claim.claimantKey === undefined) return undefined;
    const group = this.groups.get(groupKey(event, assertion.property.key));
    if (!group) return undefined;
    return findingsIn(this.findingsTable(group), assertion);
  }

  /** The analysis of the claims about one event and property: undefined when there are none. */
  analysis(event: string, property: string): GroupAnalysis | undefined {
    const group = this.groups.get(groupKey(event, property));
    if (!group) return undefined;
    group.analysis ??= this.classify(group);
    return group.analysis;
  }

  /** Every property claimed about an event, analysed, in the registry's order of properties. */
  eventAnalysis(event: string): EventAnalysis {
    let found = this.eventAnalyses.get(event);
    if (!found) {
      const groups: GroupAnalysis[] = [];
      for (const property of this.registry.properties.keys()) {
        const analysis = this.analysis(event, property);
        if (analysis) groups.push(analysis);
      }
      found = analyseEvent(event, groups);
      this.eventAnalyses.set(event, found);
    }
    return found;
  }

  /** The claims about one event and property, in file and offset order. */
  claimsAbout(event: string, property: string): Assertion[] {
    return [...(this.groups.get(groupKey(event, property))?.members ?? [])].sort(compareAssertions);
  }

  /** Every claim about an event, in file and offset order. */
  claimsOfEvent(event: string): Claim[] {
    return [...(this.claimsByEvent.get(event) ?? [])].sort(compareClaims);
  }

  /** How many references the corpus makes to an entity. */
  uses(id: string): number {
    return this.footprints.get(id)?.references ?? 0;
  }

  /** Every diagnostic of one file (a document or corroborate.yaml), sorted. */
  diagnostics(file: string): readonly Diagnostic[] {
    const cached = this.cache.get(file);
    if (cached) return cached;
    const computed = file === REGISTRY_FILE ? this.registryDiagnostics() : this.documentDiagnostics(file);
    computed.sort(compareDiagnostics);
    this.cache.set(file, computed);
    return computed;
  }

  /** Every diagnostic of the corpus, sorted by file, line, column, code. */
  allDiagnostics(): Diagnostic[] {
    const all: Diagnostic[] = [];
    // One by one: spreading a file's diagnostics into push() overflows the stack past about 100,000.
    for (const file of [REGISTRY_FILE, ...this.files()]) for (const found of this.diagnostics(file)) all.push(found);
    return all.sort(compareDiagnostics);
  }

  private documentDiagnostics(file: string): Diagnostic[] {
    const facts = this.documents.get(file);
    if (!facts) {
      const unreadable = this.unreadable.get(file);
      return unreadable ? [unreadable] : [];
    }
    const out = [...facts.diagnostics, ...valueNotInText(this, facts)];
    for (const claim of facts.claims) {
      const name = claim.block.id;
      if (name) {
        const sharing = this.claimIds.get(name.name) ?? [];
        const first = sharing.reduce<Claim | undefined>((best, c) => (!best || c.file < best.file || (c.file === best.file && c.span.start < best.span.start) ? c : best), undefined);
        if (first && first !== claim) {
          const at = first.block.id ?? first.block.keyword;
          out.push(
            diagnostic(file, name, 'duplicate-id', `claim id #${name.name} is already used in ${first.file}: give this claim another id`, {
              related: [{ file: first.file, start: at.start, end: at.end, message: `#${name.name} first used here` }],
            }),
          );
        }
      }
      if (claim.event === undefined || claim.claimantKey === undefined) continue;
      for (const assertion of claim.assertions) {
        const found = this.findingsOf(assertion);
        if (found) out.push(...contradictionDiagnostics(assertion, found));
      }
    }
    return out;
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

function compareClaims(a: Claim, b: Claim): number {
  return a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.span.start - b.span.start;
}

function indexClaim(index: Map<string, Set<Claim>>, key: string, claim: Claim): void {
  let claims = index.get(key);
  if (!claims) index.set(key, (claims = new Set()));
  claims.add(claim);
}

function unindexClaim(index: Map<string, Set<Claim>>, key: string, claim: Claim): void {
  const claims = index.get(key);
  claims?.delete(claim);
  if (claims?.size === 0) index.delete(key);
}

/**
 * The registry as documents' facts see it: properties as values are read,
 * entities by id, section and anonymity, and the aliases. Descriptions,
 * names, `in:`, `disputed:` and positions are left out: documents do not
 * depend on them (groups and features read them from the registry itself).
 */
function documentFingerprint(registry: Registry): string {
  const properties = [...registry.properties.values()].map((p) => [p.key, p.type, p.values, p.compatible, p.kind ?? null, p.tolerance ?? null]);
  const entities = [...registry.entities.values()].map((e) => [e.id, e.section, e.anonymous, e.aliases.map((a) => a.value)]);
  return JSON.stringify([properties, entities]);
}
