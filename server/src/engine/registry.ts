// corroborate.yaml: which files are the corpus, what claims may assert, and
// the entities (actors, places, events) they name. Every problem is reported
// at its characters in the file; a registry with problems still yields every
// part that could be read, so one typo does not blank the whole corpus.

import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics';
import { entityNoun, isId, SECTION_OF_KEY, type SectionKey } from './names';
import type { TextRange } from './syntax';
import { readDate, readValue, type EntitySection, type PropertyDefinition, type PropertyType } from './values';
import { readYaml, scalarText, type YamlEntry, type YamlMap, type YamlNode } from './yaml';

export const REGISTRY_FILE = 'corroborate.yaml';
/** Larger than any real registry; a file past it is refused rather than parsed for seconds. */
export const REGISTRY_MAX_BYTES = 4 * 1024 * 1024;


export interface Located<T> extends TextRange {
  readonly value: T;
}

export interface Entity {
  readonly id: string;
  readonly section: EntitySection;
  /** The id's key in corroborate.yaml. */
  readonly idRange: TextRange;
  /** The whole `id: {…}` entry, for edits that extend it. */
  readonly entryRange: TextRange;
  readonly name: string;
  readonly kind?: string;
  readonly aliases: readonly Located<string>[];
  readonly affiliations: readonly Located<string>[];
  readonly description?: string;
  readonly anonymous: boolean;
  /** places: the place this one lies in. */
  readonly in?: Located<string>;
  /** events: descriptive only, never compared with claims. */
  readonly date?: string;
  readonly place?: Located<string>;
  /** events: property → the values whose disagreement is acknowledged. */
  readonly disputed: ReadonlyMap<string, DisputedValues>;
  readonly assessment?: string;
}

export interface DisputedValues {
  readonly keyRange: TextRange;
  readonly values: readonly Located<string>[];
}

export interface PropertyEntry extends PropertyDefinition {
  readonly keyRange: TextRange;
  readonly valueRanges: ReadonlyMap<string, TextRange>;
}

export interface Registry {
  readonly text: string;
  readonly documents: readonly Located<string>[];
  /** Where `documents:` is, for problems about the globs as a whole. */
  readonly documentsRange: TextRange;
  readonly properties: ReadonlyMap<string, PropertyEntry>;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Where each section's map is, so edits can add to it. */
  readonly sections: ReadonlyMap<SectionKey, YamlMap>;
  readonly diagnostics: readonly Diagnostic[];
}

const TOP_LEVEL = ['documents', 'properties', 'actors', 'places', 'events'];
const PROPERTY_FIELDS = ['type', 'values', 'compatible', 'kind', 'tolerance', 'description'];
const PROPERTY_TYPES: readonly PropertyType[] = ['count', 'date', 'enum', 'entity', 'text'];
const COMMON_FIELDS = ['name', 'kind', 'aliases', 'description'];
const FIELDS: Record<EntitySection, readonly string[]> = {
  actor: [...COMMON_FIELDS, 'affiliations', 'anonymous'],
  place: [...COMMON_FIELDS, 'in'],
  event: [...COMMON_FIELDS, 'date', 'place', 'disputed', 'assessment'],
};

/** An id written in the registry, with or without its `@`. */
function refId(text: string): string {
  return text.startsWith('@') ? text.slice(1) : text;
}

class RegistryReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly documents: Located<string>[] = [];
  documentsRange: TextRange = { start: 0, end: 0 };
  readonly properties = new Map<string, PropertyEntry>();
  readonly entities = new Map<string, Entity>();
  readonly sections = new Map<SectionKey, YamlMap>();

  problem(range: TextRange, message: string, code: DiagnosticCode = 'registry'): void {
    this.diagnostics.push(diagnostic(REGISTRY_FILE, range, code, message));
  }

  read(root: YamlNode | undefined): void {
    if (!root || root.kind !== 'map') {
      this.problem(root ?? characterAt(this.text, 0), 'corroborate.yaml must be a mapping with documents:, properties:, actors:, places: and events:');
      return;
    }
    for (const entry of root.entries) {
      if (!TOP_LEVEL.includes(entry.key)) {
        this.problem(entry.keyRange, `unknown section \`${entry.key}\`: use ${TOP_LEVEL.join(', ')}`);
      }
    }
    const documents = root.entries.find((e) => e.key === 'documents');
    if (documents) this.readDocuments(documents);
    else this.problem(characterAt(this.text, root.start), 'corroborate.yaml names no documents: add `documents: ["reports/*.txt"]`');
    const properties = root.entries.find((e) => e.key === 'properties');
    if (properties) this.readProperties(properties.value);
    for (const section of ['actors', 'places', 'events'] as const) {
      const entry = root.entries.find((e) => e.key === section);
      if (!entry) continue;
      if (entry.value.kind === 'scalar' && entry.value.value === null) continue;
      if (entry.value.kind !== 'map') {
        this.problem(entry.value, `${section} must map ids to entries`);
        continue;
      }
      this.sections.set(section, entry.value);
      for (const item of entry.value.entries) this.readEntity(SECTION_OF_KEY[section], item);
    }
    this.checkReferences();
  }

  private readDocuments(entry: YamlEntry): void {
    this.documentsRange = entry.keyRange;
    const patterns = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
    for (const node of patterns) {
      const pattern = scalarText(node);
      if (pattern === undefined || pattern === '') {
        this.problem(node, 'a documents entry must be a glob such as "reports/*.txt"');
        continue;
      }
      const escape = globEscape(pattern);
      if (escape) {
        this.problem(node, `${escape}: documents globs are relative to the corpus folder and stay inside it`);
        continue;
      }
      this.documents.push({ value: pattern, start: node.start, end: node.end });
    }
    if (this.documents.length === 0 && patterns.length === 0) {
      this.problem(entry.keyRange, 'documents is empty: add a glob such as "reports/*.txt"');
    }
  }

  private readProperties(node: YamlNode): void {
    if (node.kind !== 'map') {
      if (!(node.kind === 'scalar' && node.value === null)) this.problem(node, 'properties must map property keys to definitions');
      return;
    }
    for (const entry of node.entries) {
      if (!isId(entry.key)) {
        this.problem(entry.keyRange, `\`${entry.key}\` is not a property key: use letters, digits, - and _`);
        continue;
      }
      const property = this.readProperty(entry);
      if (property) this.properties.set(entry.key, property);
    }
  }

  private readProperty(entry: YamlEntry): PropertyEntry | undefined {
    const definition = entry.value;
    if (definition.kind !== 'map') {
      this.problem(definition, `${entry.key} needs a definition such as { type: count }`);
      return undefined;
    }
    this.checkFields(definition, PROPERTY_FIELDS, `property ${entry.key}`);
    const field = (name: string) => definition.entries.find((e) => e.key === name)?.value;
    const typeNode = field('type');
    const type = typeNode ? scalarText(typeNode) : undefined;
    if (!typeNode || !type || !PROPERTY_TYPES.includes(type as PropertyType)) {
      this.problem(typeNode ?? entry.keyRange, `${entry.key} needs a type: one of ${PROPERTY_TYPES.join(', ')}`);
      return undefined;
    }
    const values: string[] = [];
    const valueRanges = new Map<string, TextRange>();
    const compatible: string[][] = [];
    let kind: EntitySection | undefined;
    let tolerance: number | undefined;
    if (type === 'enum') {
      const valuesNode = field('values');
      if (!valuesNode || valuesNode.kind !== 'seq' || valuesNode.items.length === 0) {
        this.problem(valuesNode ?? entry.keyRange, `enum ${entry.key} needs values: [a, b, …]`);
        return undefined;
      }
      for (const item of valuesNode.items) {
        const value = scalarText(item);
        if (value === undefined || !isId(value)) {
          this.problem(item, 'an enum value is a bare word of letters, digits, - and _');
          continue;
        }
        if (valueRanges.has(value)) this.problem(item, `\`${value}\` is listed twice`);
        values.push(value);
        valueRanges.set(value, item);
      }
      const compatibleNode = field('compatible');
      if (compatibleNode) {
        const groups = compatibleNode.kind === 'seq' ? compatibleNode.items : [];
        if (compatibleNode.kind !== 'seq') this.problem(compatibleNode, 'compatible is a list of value lists: [[captured, withdrawn]]');
        for (const group of groups) {
          if (group.kind !== 'seq') {
            this.problem(group, 'each compatible entry is a list of values: [captured, withdrawn]');
            continue;
          }
          const members: string[] = [];
          for (const item of group.items) {
            const value = scalarText(item);
            if (value === undefined || !values.includes(value)) {
              this.problem(item, `\`${value ?? ''}\` is not one of ${entry.key}'s values`);
              continue;
            }
            members.push(value);
          }
          compatible.push(members);
        }
      }
    } else {
      for (const name of ['values', 'compatible']) {
        const node = field(name);
        if (node) this.problem(node, `${name} only applies to enum properties`);
      }
    }
    const kindNode = field('kind');
    if (type === 'entity') {
      const kindText = kindNode ? scalarText(kindNode) : undefined;
      if (kindText !== 'actor' && kindText !== 'place' && kindText !== 'event') {
        this.problem(kindNode ?? entry.keyRange, `entity ${entry.key} needs kind: actor, place or event`);
        return undefined;
      }
      kind = kindText;
    } else if (kindNode) {
      this.problem(kindNode, 'kind only applies to entity properties');
    }
    const toleranceNode = field('tolerance');
    if (toleranceNode) {
      if (type !== 'count') this.problem(toleranceNode, 'tolerance only applies to count properties');
      else if (toleranceNode.kind !== 'scalar' || typeof toleranceNode.value !== 'number' || !Number.isInteger(toleranceNode.value) || toleranceNode.value < 0) {
        this.problem(toleranceNode, 'tolerance is a whole number ≥ 0: the ± of ~N');
      } else tolerance = toleranceNode.value;
    }
    const descriptionNode = field('description');
    const description = descriptionNode ? scalarText(descriptionNode) : undefined;
    return {
      key: entry.key,
      type: type as PropertyType,
      values,
      compatible,
      ...(kind ? { kind } : {}),
      ...(tolerance !== undefined ? { tolerance } : {}),
      ...(description !== undefined ? { description } : {}),
      keyRange: entry.keyRange,
      valueRanges,
    };
  }

  private checkFields(map: YamlMap, allowed: readonly string[], what: string): void {
    for (const entry of map.entries) {
      if (!allowed.includes(entry.key)) this.problem(entry.keyRange, `unknown field \`${entry.key}\` for ${what}: use ${allowed.join(', ')}`);
    }
  }

  private readEntity(section: EntitySection, entry: YamlEntry): void {
    if (!isId(entry.key)) {
      this.problem(entry.keyRange, `\`${entry.key}\` is not an id: use letters, digits, - and _, starting with a letter or digit`);
      return;
    }
    const existing = this.entities.get(entry.key);
    if (existing) {
      this.problem(entry.keyRange, `duplicate entity id \`${entry.key}\`: already used by the ${existing.section} on line ${lineOf(this.text, existing.idRange.start)}; ids are shared by actors, places and events`);
      return;
    }
    const body = entry.value;
    if (body.kind !== 'map') {
      if (!(body.kind === 'scalar' && body.value === null)) {
        this.problem(body, `${entry.key} needs fields such as { name: …, aliases: […] }`);
        return;
      }
    }
    const fields = body.kind === 'map' ? body : undefined;
    if (fields) this.checkFields(fields, FIELDS[section], entityNoun(section));
    const field = (name: string) => fields?.entries.find((e) => e.key === name)?.value;
    const text = (name: string): string | undefined => {
      const node = field(name);
      if (!node) return undefined;
      const value = scalarText(node);
      if (value === undefined) this.problem(node, `${name} must be text`);
      return value;
    };
    const list = (name: string): Located<string>[] => {
      const node = field(name);
      if (!node) return [];
      const items = node.kind === 'seq' ? node.items : [node];
      const out: Located<string>[] = [];
      for (const item of items) {
        const value = scalarText(item);
        if (value === undefined || value.trim() === '') {
          this.problem(item, `each of ${name} must be text`);
          continue;
        }
        out.push({ value, start: item.start, end: item.end });
      }
      return out;
    };
    const reference = (name: string): Located<string> | undefined => {
      const node = field(name);
      if (!node) return undefined;
      const value = scalarText(node);
      if (value === undefined) {
        this.problem(node, `${name} must be an id`);
        return undefined;
      }
      return { value: refId(value), start: node.start, end: node.end };
    };
    const anonymousNode = field('anonymous');
    if (anonymousNode && (anonymousNode.kind !== 'scalar' || typeof anonymousNode.value !== 'boolean')) {
      this.problem(anonymousNode, 'anonymous is true or false');
    }
    const date = text('date');
    if (date !== undefined) {
      const reading = readDate(date);
      if (!reading.ok) this.diagnostics.push(diagnostic(REGISTRY_FILE, field('date') as YamlNode, 'bad-value', reading.message));
    }
    const affiliations = list('affiliations').map((a) => ({ ...a, value: refId(a.value) }));
    const disputed = this.readDisputed(field('disputed'));
    const inPlace = reference('in');
    const place = reference('place');
    const name = text('name');
    const kind = text('kind');
    const description = text('description');
    const assessment = text('assessment');
    this.entities.set(entry.key, {
      id: entry.key,
      section,
      idRange: entry.keyRange,
      entryRange: entry.range,
      name: name ?? entry.key,
      ...(kind !== undefined ? { kind } : {}),
      aliases: list('aliases'),
      affiliations,
      ...(description !== undefined ? { description } : {}),
      anonymous: anonymousNode?.kind === 'scalar' && anonymousNode.value === true,
      ...(inPlace ? { in: inPlace } : {}),
      ...(date !== undefined ? { date } : {}),
      ...(place ? { place } : {}),
      disputed,
      ...(assessment !== undefined ? { assessment } : {}),
    });
  }

  private readDisputed(node: YamlNode | undefined): Map<string, DisputedValues> {
    const disputed = new Map<string, DisputedValues>();
    if (!node) return disputed;
    if (node.kind !== 'map') {
      this.problem(node, 'disputed maps a property to the values in dispute: { outcome: [captured, repelled] }');
      return disputed;
    }
    for (const entry of node.entries) {
      const values = entry.value.kind === 'seq' ? entry.value.items : [];
      if (entry.value.kind !== 'seq' || values.length < 2) {
        this.problem(entry.value, `list at least two ${entry.key} values in dispute: [a, b]`);
        continue;
      }
      disputed.set(entry.key, {
        keyRange: entry.keyRange,
        values: values.flatMap((v) => {
          const text = scalarText(v);
          return text === undefined ? [] : [{ value: text, start: v.start, end: v.end }];
        }),
      });
    }
    return disputed;
  }

  /** References inside the registry, checked once every entity is known. */
  private checkReferences(): void {
    const expect = (ref: Located<string>, section: EntitySection, what: string) => {
      const target = this.entities.get(ref.value);
      if (!target) this.problem(ref, `${what} \`${ref.value}\` is not in the registry: add it under ${section}s`, 'unknown-entity');
      else if (target.section !== section) this.problem(ref, `${what} must be ${entityNoun(section)}; \`${ref.value}\` is ${entityNoun(target.section)}`, 'wrong-kind');
    };
    for (const entity of this.entities.values()) {
      for (const affiliation of entity.affiliations) expect(affiliation, 'actor', 'affiliation');
      if (entity.in) {
        expect(entity.in, 'place', 'in');
        if (this.containmentLoops(entity)) this.problem(entity.in, `\`in:\` makes a loop through ${entity.id}: a place cannot lie inside itself`);
      }
      if (entity.place) expect(entity.place, 'place', 'place');
      for (const [key, { keyRange, values }] of entity.disputed) {
        const property = this.properties.get(key);
        if (!property) {
          this.problem(keyRange, `\`${key}\` is not a property of corroborate.yaml: disputed names properties`, 'unknown-property');
          continue;
        }
        for (const value of values) {
          const reading = readValue(property, value.value, property.type === 'entity' ? refId(value.value) : undefined);
          if (!reading.ok) this.problem(value, reading.message, 'bad-value');
        }
      }
    }
  }

  private containmentLoops(start: Entity): boolean {
    const seen = new Set<string>([start.id]);
    let current = start.in?.value;
    while (current !== undefined) {
      if (seen.has(current)) return current === start.id;
      seen.add(current);
      current = this.entities.get(current)?.in?.value;
    }
    return false;
  }

  constructor(private readonly text: string) {}
}

/** Why a documents glob would reach outside the corpus folder, or undefined. */
export function globEscape(pattern: string): string | undefined {
  if (pattern.startsWith('/') || pattern.startsWith('\\') || /^[A-Za-z]:/.test(pattern) || pattern.startsWith('~')) {
    return `\`${pattern}\` is an absolute path`;
  }
  const segments = pattern.split(/[\\/]/);
  if (segments.some((segment) => segment === '..')) return `\`${pattern}\` climbs out with ..`;
  // The glob library takes a pattern that starts with .. (as in `..{,}/*.txt`,
  // which braces expand to ../*.txt) as a reason to walk the parent folder.
  if (segments.some((segment) => segment.startsWith('..'))) return `\`${pattern}\` has a name starting with .., which the glob can expand to .. and climb out`;
  return undefined;
}

/** The character at an offset, both halves of an emoji; empty at the end of the text. */
function characterAt(text: string, offset: number): TextRange {
  if (offset >= text.length) return { start: text.length, end: text.length };
  const c = text.charCodeAt(offset);
  const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(offset + 1) & 0xfc00) === 0xdc00;
  return { start: offset, end: offset + (pair ? 2 : 1) };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

export function readRegistry(text: string): Registry {
  const reader = new RegistryReader(text);
  if (text.length > REGISTRY_MAX_BYTES) {
    reader.problem(characterAt(text, 0), `corroborate.yaml is ${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${REGISTRY_MAX_BYTES / 1024 / 1024} MB: split the registry or remove generated data`);
  } else {
    const reading = readYaml(text);
    for (const problem of reading.problems) reader.problem(problem, problem.message);
    if (reading.root || reading.problems.length === 0) reader.read(reading.root);
  }
  return {
    text,
    documents: reader.documents,
    documentsRange: reader.documentsRange,
    properties: reader.properties,
    entities: reader.entities,
    sections: reader.sections,
    diagnostics: reader.diagnostics,
  };
}
