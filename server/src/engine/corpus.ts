// The corpus index: every document's facts, and what combines documents —
// contradiction groups per (event, property), claim ids, entity use. Updated
// from the difference one document makes, so an edit re-checks only the
// groups and documents it touches; the result always equals a fresh check.

import { AliasMatcher } from './aliases';
import { compareAssertions, compareGroup } from './contradictions';
import { diagnostic, type Diagnostic } from './diagnostics';
import { encodingDiagnostic, readDocumentFacts, type Assertion, type Claim, type DocumentFacts, type EncodingProblem, type RegistryAlias, type RegistryView } from './document';
import { REGISTRY_FILE, readRegistry, type Registry } from './registry';
import type { PlaceContainment } from './values';

interface Group {
  readonly event: string;
  readonly property: string;
  members: Assertion[];
  /** Undefined until asked for after a change. */
  results?: Map<Assertion, Diagnostic[]>;
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
  private within!: PlaceContainment;
  private readonly documents = new Map<string, DocumentFacts>();
  private readonly groups = new Map<string, Group>();
  private readonly claimIds = new Map<string, Claim[]>();
  private readonly entityUse = new Map<string, number>();
  private readonly cache = new Map<string, readonly Diagnostic[]>();
  private discoveryProblems: readonly Diagnostic[] = [];
  /** Set when corroborate.yaml on disk is not valid UTF-8. */
  private registryEncoding?: EncodingProblem;

  constructor(registryText: string, registryEncoding?: EncodingProblem) {
    this.installRegistry(registryText, registryEncoding);
  }

  get registry(): Registry {
    return this.view.registry;
  }

  get aliases(): AliasMatcher<RegistryAlias> {
    return this.view.aliases;
  }

  /** Corpus-relative paths of the documents, sorted. */
  files(): string[] {
    return [...this.documents.keys()].sort();
  }

  document(file: string): DocumentFacts | undefined {
    return this.documents.get(file);
  }

  has(file: string): boolean {
    return this.documents.has(file);
  }

  /** Places a place lies in, itself first. */
  placesContaining(id: string): readonly string[] {
    return this.within(id);
  }

  private installRegistry(text: string, encoding: EncodingProblem | undefined): void {
    this.registryEncoding = encoding;
    const registry = readRegistry(text);
    const entries: RegistryAlias[] = [];
    for (const entity of registry.entities.values()) {
      for (const alias of entity.aliases) entries.push({ alias: alias.value, entityId: entity.id, start: alias.start, end: alias.end });
    }
    this.view = { registry, aliases: new AliasMatcher(entries) };
    const memo = new Map<string, string[]>();
    this.within = (id) => {
      let chain = memo.get(id);
      if (!chain) {
        chain = [id];
        let next = registry.entities.get(id)?.in?.value;
        while (next !== undefined && !chain.includes(next)) {
          chain.push(next);
          next = registry.entities.get(next)?.in?.value;
        }
        memo.set(id, chain);
      }
      return chain;
    };
  }

  /** Problems finding the documents (globs matching too much, links out), shown on corroborate.yaml. */
  setDiscoveryProblems(problems: readonly Diagnostic[]): void {
    this.discoveryProblems = problems;
    this.cache.delete(REGISTRY_FILE);
  }

  /** Replaces corroborate.yaml. Every document is re-read against it (parses are reused). */
  setRegistry(text: string, encoding?: EncodingProblem): Set<string> {
    this.installRegistry(text, encoding);
    const documents = [...this.documents.values()];
    this.documents.clear();
    this.groups.clear();
    this.claimIds.clear();
    this.entityUse.clear();
    this.cache.clear();
    for (const facts of documents) {
      this.add(readDocumentFacts(facts.file, facts.text, this.view, facts.encoding, facts.parsed));
    }
    return new Set([REGISTRY_FILE, ...this.documents.keys()]);
  }

  /**
   * Adds or replaces a document. Returns every file whose diagnostics may
   * have changed: this one, files sharing a contradiction group or claim id
   * with its old or new claims, and corroborate.yaml (entity use).
   */
  setDocument(file: string, text: string, encoding?: EncodingProblem): Set<string> {
    const previous = this.documents.get(file);
    if (previous && previous.text === text && previous.encoding?.offset === encoding?.offset) return new Set();
    const touched = new Set<string>([file, REGISTRY_FILE]);
    if (previous) this.remove(previous, touched);
    this.add(readDocumentFacts(file, text, this.view, encoding), touched);
    for (const touchedFile of touched) this.cache.delete(touchedFile);
    return touched;
  }

  deleteDocument(file: string): Set<string> {
    const previous = this.documents.get(file);
    if (!previous) return new Set();
    const touched = new Set<string>([file, REGISTRY_FILE]);
    this.remove(previous, touched);
    for (const touchedFile of touched) this.cache.delete(touchedFile);
    return touched;
  }

  private add(facts: DocumentFacts, touched?: Set<string>): void {
    this.documents.set(facts.file, facts);
    for (const claim of facts.claims) {
      const name = claim.block.id?.name;
      if (name !== undefined) {
        const claims = this.claimIds.get(name) ?? [];
        claims.push(claim);
        this.claimIds.set(name, claims);
        if (touched && claims.length > 1) for (const c of claims) touched.add(c.file);
      }
      if (claim.event === undefined || claim.claimantKey === undefined) continue;
      for (const assertion of claim.assertions) {
        const key = groupKey(claim.event, assertion.property.key);
        let group = this.groups.get(key);
        if (!group) {
          group = { event: claim.event, property: assertion.property.key, members: [] };
          this.groups.set(key, group);
        }
        group.members.push(assertion);
        if (touched) this.touchGroup(group, touched);
        delete group.results;
      }
    }
    for (const reference of facts.references) this.entityUse.set(reference.id, (this.entityUse.get(reference.id) ?? 0) + 1);
  }

  private remove(facts: DocumentFacts, touched: Set<string>): void {
    this.documents.delete(facts.file);
    for (const claim of facts.claims) {
      const name = claim.block.id?.name;
      if (name !== undefined) {
        const claims = (this.claimIds.get(name) ?? []).filter((c) => c !== claim);
        for (const c of claims) touched.add(c.file);
        if (claims.length > 0) this.claimIds.set(name, claims);
        else this.claimIds.delete(name);
      }
      if (claim.event === undefined) continue;
      for (const assertion of claim.assertions) {
        const key = groupKey(claim.event, assertion.property.key);
        const group = this.groups.get(key);
        if (!group) continue;
        this.touchGroup(group, touched);
        group.members = group.members.filter((a) => a !== assertion);
        delete group.results;
        if (group.members.length === 0) this.groups.delete(key);
      }
    }
    for (const reference of facts.references) {
      const left = (this.entityUse.get(reference.id) ?? 1) - 1;
      if (left > 0) this.entityUse.set(reference.id, left);
      else this.entityUse.delete(reference.id);
    }
  }

  /** Files whose claims are in a group: their contradictions may change with it. */
  private touchGroup(group: Group, touched: Set<string>): void {
    for (const member of group.members) touched.add(member.claim.file);
  }

  private groupResults(event: string, property: string): Map<Assertion, Diagnostic[]> | undefined {
    const group = this.groups.get(groupKey(event, property));
    if (!group) return undefined;
    if (!group.results) {
      const definition = this.registry.properties.get(property);
      group.results = definition ? compareGroup(definition, this.registry.entities.get(event), group.members, this.within) : new Map();
    }
    return group.results;
  }

  /** The claims about one event and property, in file and offset order. */
  claimsAbout(event: string, property: string): Assertion[] {
    return [...(this.groups.get(groupKey(event, property))?.members ?? [])].sort(compareAssertions);
  }

  /** Every claim about an event, in file and offset order. */
  claimsOfEvent(event: string): Claim[] {
    const claims: Claim[] = [];
    for (const facts of this.documents.values()) for (const claim of facts.claims) if (claim.event === event) claims.push(claim);
    return claims.sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.span.start - b.span.start));
  }

  /** How many references the corpus makes to an entity. */
  uses(id: string): number {
    return this.entityUse.get(id) ?? 0;
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
    for (const file of [REGISTRY_FILE, ...this.files()]) all.push(...this.diagnostics(file));
    return all.sort(compareDiagnostics);
  }

  private documentDiagnostics(file: string): Diagnostic[] {
    const facts = this.documents.get(file);
    if (!facts) return [];
    const out = [...facts.diagnostics];
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
        const found = this.groupResults(claim.event, assertion.property.key)?.get(assertion);
        if (found) out.push(...found);
      }
    }
    return out;
  }

  private registryDiagnostics(): Diagnostic[] {
    const registry = this.registry;
    const out = [...registry.diagnostics, ...this.discoveryProblems];
    if (this.registryEncoding) out.push(encodingDiagnostic(REGISTRY_FILE, registry.text, this.registryEncoding));
    for (const clash of this.aliases.ambiguousAliases()) {
      const first = clash.entries[0];
      for (const entry of clash.entries) {
        if (!first || entry.entityId === first.entityId) continue;
        const others = clash.entityIds.filter((id) => id !== entry.entityId).map((id) => `@${id}`).join(', ');
        out.push(diagnostic(REGISTRY_FILE, entry, 'ambiguous-alias', `alias \`${entry.alias}\` also names ${others}: an alias should name one entity; remove it from one of them`));
      }
    }
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
