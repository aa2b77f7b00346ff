// corroborate.yaml: which files are the corpus, what claims may assert, and
// the entities (actors, places, events) they name. Every problem is reported
// at its characters in the file; a registry with problems still yields every
// part that could be read, so one typo does not blank the whole corpus.
//
// The file is parsed once, here. Everything that interprets it reads the
// result: the values written under `disputed:` and `estimate:` (read as
// claims read values, `@` written or not), the places `in:` puts inside each
// other, the ids the registry refers to, and the yaml package's Document that
// the outline and the edits work on.

import { Containment } from './containment';
import { diagnostic, type Diagnostic, type DiagnosticCode } from './diagnostics';
import { LineIndex } from './lineIndex';
import { entityNoun, isId, SECTION_KEY, SECTION_OF_KEY } from './names';
import { suggest } from './suggest';
import type { TextRange } from './syntax';
import { readDate, readValue, valueKey, type ClaimValue, type EntitySection, type PlaceContainment, type PropertyDefinition, type PropertyType, type ValueReading } from './values';
import { readYaml, readYamlEdit, scalarText, type ParsedYaml, type YamlEntry, type YamlMap, type YamlNode, type YamlReading } from './yaml';

export const REGISTRY_FILE = 'corroborate.yaml';
/** Larger than any real registry; a file past it is refused rather than parsed for seconds. */
export const REGISTRY_MAX_BYTES = 4 * 1024 * 1024;

/** A value read from a file, with the characters it was read from. */
export interface Positioned<T> extends TextRange {
  readonly value: T;
}

/** A claim value written in corroborate.yaml (under `disputed:` or `estimate:`), read as claims read values. */
export interface RegistryValue extends Positioned<string> {
  /** As written: `"@niafunke"` and `niafunke` are both kept as written. */
  readonly value: string;
  /** What it means, as a claim's value; absent when it is not a value of the property (reported at it). */
  readonly claimValue?: ClaimValue;
  /** `valueKey(claimValue)`: equal for values that mean the same (`~50` and `45..55`, `@x` and `x`). */
  readonly valueKey?: string;
}

export interface DisputedValues {
  readonly keyRange: TextRange;
  /** As listed, valid or not. */
  readonly values: readonly RegistryValue[];
  /** The value keys of the valid values: a claim is acknowledged when its value's key is here. */
  readonly keys: ReadonlySet<string>;
}

/** The desk's own estimate for one property of an event: never compared with claims. */
export interface EstimateValue extends RegistryValue {
  readonly property: string;
  /** The property's key under `estimate:`. */
  readonly keyRange: TextRange;
  readonly claimValue: ClaimValue;
  readonly valueKey: string;
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
  readonly aliases: readonly Positioned<string>[];
  readonly affiliations: readonly Positioned<string>[];
  readonly description?: string;
  readonly anonymous: boolean;
  /** places: the place this one lies in. */
  readonly in?: Positioned<string>;
  /** events: descriptive only, never compared with claims. */
  readonly date?: string;
  /** events: the days `date` covers, as day numbers, when it is a valid date (what exports fall back on). */
  readonly dateDays?: { readonly low: number; readonly high: number };
  readonly place?: Positioned<string>;
  /** events: property → the values whose disagreement is acknowledged. */
  readonly disputed: ReadonlyMap<string, DisputedValues>;
  readonly assessment?: string;
  /** events: property → the desk's estimate, valid values only, in the order written. */
  readonly estimate: ReadonlyMap<string, EstimateValue>;
}

export interface PropertyEntry extends PropertyDefinition {
  readonly keyRange: TextRange;
  readonly valueRanges: ReadonlyMap<string, TextRange>;
  /** Words and phrases that signal the property in a report (`cues: [tués, killed]`). */
  readonly cues: readonly Positioned<string>[];
  /** enum: words and phrases that signal each value (`cues: { captured: [pris le contrôle] }`). */
  readonly valueCues: ReadonlyMap<string, readonly Positioned<string>[]>;
  /** count: the name the events export gives the property's columns (`fatalities`). */
  readonly measure?: Positioned<string>;
}

/** One line of the `vague:` table: an indefinite phrase and the count it stands for. */
export interface VagueEntry {
  /** As written: matching it in text (folding, word bounds) is the value readers' business. */
  readonly phrase: string;
  readonly phraseRange: TextRange;
  /** The count as written (`>=20`), the markup a claim takes. */
  readonly written: string;
  readonly range: TextRange;
  /** The count it means, `~N` with the default tolerance. */
  readonly value: ClaimValue;
}

/** An id written inside corroborate.yaml's entries (`in:`, `place:`, `affiliations:`, entity values of `disputed:` and `estimate:`). */
export interface RegistryReference extends TextRange {
  readonly id: string;
  /** The characters of the id itself: without `@` and quotes where it can be found as written, else the whole value. */
  readonly idRange: TextRange;
}

export interface Registry {
  readonly text: string;
  /**
   * The yaml package's reading of the file, kept for what needs its real
   * structure (the outline, edits that keep its layout). Absent when the file
   * was refused (too large, too deep) or has YAML syntax errors.
   */
  readonly parsed?: ParsedYaml;
  /** True when the YAML has no problem at all: only then is the file edited. */
  readonly editable: boolean;
  readonly documents: readonly Positioned<string>[];
  /** Where `documents:` is, for problems about the globs as a whole. */
  readonly documentsRange: TextRange;
  readonly properties: ReadonlyMap<string, PropertyEntry>;
  readonly entities: ReadonlyMap<string, Entity>;
  /** Ids the registry refers to from inside its entries, in file order, each written place once (aliases of YAML anchors repeat none). */
  readonly references: readonly RegistryReference[];
  /** Which places lie inside which, through `in:`. */
  readonly containment: PlaceContainment;
  /** The desk's counts for indefinite phrases, in the order written. */
  readonly vague: ReadonlyMap<string, VagueEntry>;
  readonly diagnostics: readonly Diagnostic[];
}

const TOP_LEVEL = ['documents', 'properties', 'actors', 'places', 'events', 'vague'];
const PROPERTY_FIELDS = ['type', 'values', 'compatible', 'kind', 'tolerance', 'cues', 'measure', 'description'];
const PROPERTY_TYPES: readonly PropertyType[] = ['count', 'date', 'enum', 'entity', 'text'];
const COMMON_FIELDS = ['name', 'kind', 'aliases', 'description'];
const FIELDS: Record<EntitySection, readonly string[]> = {
  actor: [...COMMON_FIELDS, 'affiliations', 'anonymous'],
  place: [...COMMON_FIELDS, 'in'],
  event: [...COMMON_FIELDS, 'date', 'place', 'disputed', 'assessment', 'estimate'],
};

/** An id written in the registry, with or without its `@`. */
function refId(text: string): string {
  return text.startsWith('@') ? text.slice(1) : text;
}

/**
 * A value written in corroborate.yaml for a property, read as a claim's value
 * is: the one reader of `disputed:` and `estimate:` values. Entity values may
 * be written with their `@` or without it.
 */
export function readRegistryValue(property: PropertyDefinition, written: string): ValueReading {
  return readValue(property, written, property.type === 'entity' ? refId(written) : undefined);
}

/** The count syntax of claims, for the `vague:` table (tolerance: the default). */
const COUNT_SYNTAX: PropertyDefinition = { key: 'count', type: 'count', values: [], compatible: [] };

const CUE_MESSAGE = 'each cue must be a word or phrase';

/** A map entry's value node by key. */
function fieldOf(map: YamlMap | undefined, name: string): YamlNode | undefined {
  return map?.entries.find((e) => e.key === name)?.value;
}

function isNull(node: YamlNode): boolean {
  return node.kind === 'scalar' && node.value === null;
}

class RegistryReader {
  readonly diagnostics: Diagnostic[] = [];
  readonly documents: Positioned<string>[] = [];
  documentsRange: TextRange = { start: 0, end: 0 };
  readonly properties = new Map<string, PropertyEntry>();
  readonly entities = new Map<string, Entity>();
  readonly vague = new Map<string, VagueEntry>();
  /** Entity values under `disputed:` and `estimate:`, checked once every entity is known; `forget` drops one that names no entity of the property's kind. */
  private readonly entityValues: { readonly property: PropertyEntry; readonly value: RegistryValue; readonly forget: (value: RegistryValue) => void }[] = [];
  private lines?: LineIndex;

  constructor(private readonly text: string) {}

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
    const properties = fieldOf(root, 'properties');
    if (properties) this.readProperties(properties);
    for (const section of ['actors', 'places', 'events'] as const) {
      const node = fieldOf(root, section);
      if (!node || isNull(node)) continue;
      if (node.kind !== 'map') {
        this.problem(node, `${section} must map ids to entries`);
        continue;
      }
      for (const item of node.entries) this.readEntity(SECTION_OF_KEY[section], item);
    }
    const vague = fieldOf(root, 'vague');
    if (vague) this.readVague(vague);
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
      if (!isNull(node)) this.problem(node, 'properties must map property keys to definitions');
      return;
    }
    const measures = new Map<string, string>();
    for (const entry of node.entries) {
      if (!isId(entry.key)) {
        this.problem(entry.keyRange, `\`${entry.key}\` is not a property key: use letters, digits, - and _`);
        continue;
      }
      const property = this.readProperty(entry);
      if (!property) continue;
      this.properties.set(entry.key, property);
      const measure = property.measure;
      if (!measure) continue;
      const holder = measures.get(measure.value);
      if (holder !== undefined) this.problem(measure, `measure \`${measure.value}\` is already ${holder}'s: the events export would have two sets of columns of that name`);
      else measures.set(measure.value, entry.key);
    }
  }

  private readProperty(entry: YamlEntry): PropertyEntry | undefined {
    const definition = entry.value;
    if (definition.kind !== 'map') {
      this.problem(definition, `${entry.key} needs a definition such as { type: count }`);
      return undefined;
    }
    this.checkFields(definition, PROPERTY_FIELDS, `property ${entry.key}`);
    const field = (name: string) => fieldOf(definition, name);
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
    const { cues, valueCues } = this.readCues(entry.key, type as PropertyType, values, field('cues'));
    const measure = this.readMeasure(type as PropertyType, field('measure'));
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
      cues,
      valueCues,
      ...(measure ? { measure } : {}),
    };
  }

  /** `cues:` a list of words for any property, or for an enum a map from its values to lists. */
  private readCues(key: string, type: PropertyType, values: readonly string[], node: YamlNode | undefined): Pick<PropertyEntry, 'cues' | 'valueCues'> {
    const valueCues = new Map<string, readonly Positioned<string>[]>();
    if (!node || isNull(node)) return { cues: [], valueCues };
    if (node.kind !== 'map') return { cues: this.texts(node, CUE_MESSAGE), valueCues };
    if (type !== 'enum') {
      this.problem(node, `cues per value only apply to enum properties: list the words that signal ${key}, as in cues: [tués, killed]`);
      return { cues: [], valueCues };
    }
    for (const entry of node.entries) {
      if (!values.includes(entry.key)) {
        this.problem(entry.keyRange, `\`${entry.key}\` is not one of ${key}'s values: cues per value are listed under ${values.join(', ')}`);
        continue;
      }
      valueCues.set(entry.key, this.texts(entry.value, CUE_MESSAGE));
    }
    return { cues: [], valueCues };
  }

  private readMeasure(type: PropertyType, node: YamlNode | undefined): Positioned<string> | undefined {
    if (!node) return undefined;
    if (type !== 'count') {
      this.problem(node, 'measure only applies to count properties: it names the columns of a count in the events export');
      return undefined;
    }
    const value = scalarText(node);
    if (value === undefined || !isId(value)) {
      this.problem(node, 'measure is one word of letters, digits, - and _ naming the exported columns, such as fatalities');
      return undefined;
    }
    return { value, start: node.start, end: node.end };
  }

  /** A list of texts (or one text), each non-empty; the others reported with `message`. */
  private texts(node: YamlNode, message: string): Positioned<string>[] {
    const items = node.kind === 'seq' ? node.items : [node];
    const out: Positioned<string>[] = [];
    for (const item of items) {
      const value = scalarText(item);
      if (value === undefined || value.trim() === '') {
        this.problem(item, message);
        continue;
      }
      out.push({ value, start: item.start, end: item.end });
    }
    return out;
  }

  private checkFields(map: YamlMap, allowed: readonly string[], what: string): void {
    for (const entry of map.entries) {
      if (!allowed.includes(entry.key)) this.problem(entry.keyRange, `unknown field \`${entry.key}\` for ${what}: use ${allowed.join(', ')}`);
    }
  }

  private lineOf(offset: number): number {
    this.lines ??= new LineIndex(this.text);
    return this.lines.positionAt(offset).line + 1;
  }

  private readEntity(section: EntitySection, entry: YamlEntry): void {
    if (!isId(entry.key)) {
      this.problem(entry.keyRange, `\`${entry.key}\` is not an id: use letters, digits, - and _, starting with a letter or digit`);
      return;
    }
    const existing = this.entities.get(entry.key);
    if (existing) {
      this.problem(entry.keyRange, `duplicate entity id \`${entry.key}\`: already used by the ${existing.section} on line ${this.lineOf(existing.idRange.start)}; ids are shared by actors, places and events`);
      return;
    }
    const body = entry.value;
    if (body.kind !== 'map' && !isNull(body)) {
      this.problem(body, `${entry.key} needs fields such as { name: …, aliases: […] }`);
      return;
    }
    const fields = body.kind === 'map' ? body : undefined;
    if (fields) this.checkFields(fields, FIELDS[section], entityNoun(section));
    const field = (name: string) => fieldOf(fields, name);
    const text = (name: string): string | undefined => {
      const node = field(name);
      if (!node) return undefined;
      const value = scalarText(node);
      if (value === undefined) this.problem(node, `${name} must be text`);
      return value;
    };
    const list = (name: string): Positioned<string>[] => {
      const node = field(name);
      return node ? this.texts(node, `each of ${name} must be text`) : [];
    };
    const reference = (name: string): Positioned<string> | undefined => {
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
    const dateReading = date !== undefined ? readDate(date) : undefined;
    if (dateReading && !dateReading.ok) this.problem(field('date') as YamlNode, dateReading.message, 'bad-value');
    const dateDays = dateReading?.ok && dateReading.value.type === 'interval' ? { low: dateReading.value.low, high: dateReading.value.high } : undefined;
    const affiliations = list('affiliations').map((a) => ({ ...a, value: refId(a.value) }));
    const disputed = this.readDisputed(field('disputed'));
    const estimate = section === 'event' ? this.readEstimate(field('estimate')) : new Map<string, EstimateValue>();
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
      ...(dateDays ? { dateDays } : {}),
      ...(place ? { place } : {}),
      disputed,
      ...(assessment !== undefined ? { assessment } : {}),
      estimate,
    });
  }

  /** A property key under `disputed:` or `estimate:`, or undefined (reported) when corroborate.yaml defines none such. */
  private propertyNamed(entry: YamlEntry, where: string, code: DiagnosticCode): PropertyEntry | undefined {
    const property = this.properties.get(entry.key);
    if (property) return property;
    const candidates = suggest(entry.key, this.properties.keys());
    const hint = candidates.length > 0 ? `: did you mean ${candidates.join(', ')}?` : `: ${where} names properties`;
    this.problem(entry.keyRange, `\`${entry.key}\` is not a property of corroborate.yaml${hint}`, code);
    return undefined;
  }

  /** A value written for a property: read as claims read it; `forget` undoes its use if its entity id turns out wrong once every entity is known. */
  private readPropertyValue(property: PropertyEntry, node: YamlNode, code: DiagnosticCode, forget: (value: RegistryValue) => void): RegistryValue {
    const written = scalarText(node) ?? '';
    const reading = readRegistryValue(property, written);
    if (!reading.ok) {
      this.problem(node, reading.message, code);
      return { value: written, start: node.start, end: node.end };
    }
    const value: RegistryValue = { value: written, start: node.start, end: node.end, claimValue: reading.value, valueKey: valueKey(reading.value) };
    if (reading.value.type === 'entity') this.entityValues.push({ property, value, forget });
    return value;
  }

  private readDisputed(node: YamlNode | undefined): Map<string, DisputedValues> {
    const disputed = new Map<string, DisputedValues>();
    if (!node) return disputed;
    if (node.kind !== 'map') {
      this.problem(node, 'disputed maps a property to the values in dispute: { outcome: [captured, repelled] }');
      return disputed;
    }
    for (const entry of node.entries) {
      const items = entry.value.kind === 'seq' ? entry.value.items : [];
      if (entry.value.kind !== 'seq' || items.length < 2) {
        this.problem(entry.value, `list at least two ${entry.key} values in dispute: [a, b]`);
        continue;
      }
      const property = this.propertyNamed(entry, 'disputed', 'unknown-property');
      const values: RegistryValue[] = [];
      const keys = new Set<string>();
      for (const item of items) {
        if (scalarText(item) === undefined) continue;
        const value = property ? this.readPropertyValue(property, item, 'bad-value', (wrong) => keys.delete(wrong.valueKey ?? '')) : { value: scalarText(item) ?? '', start: item.start, end: item.end };
        values.push(value);
        if (value.valueKey !== undefined) keys.add(value.valueKey);
      }
      disputed.set(entry.key, { keyRange: entry.keyRange, values, keys });
    }
    return disputed;
  }

  private readEstimate(node: YamlNode | undefined): Map<string, EstimateValue> {
    const estimate = new Map<string, EstimateValue>();
    if (!node || isNull(node)) return estimate;
    if (node.kind !== 'map') {
      this.problem(node, 'estimate maps a property to the desk\'s value for it: { killed: 20..50, outcome: repelled }');
      return estimate;
    }
    for (const entry of node.entries) {
      const property = this.propertyNamed(entry, 'estimate', 'registry');
      if (!property) continue;
      if (entry.value.kind !== 'scalar' || isNull(entry.value)) {
        this.problem(entry.value, `an estimate is one value, written as in claims: ${entry.key}: ${exampleValue(property)}`);
        continue;
      }
      const value = this.readPropertyValue(property, entry.value, 'registry', () => estimate.delete(entry.key));
      if (value.claimValue === undefined || value.valueKey === undefined) continue;
      estimate.set(entry.key, { ...value, property: entry.key, keyRange: entry.keyRange, claimValue: value.claimValue, valueKey: value.valueKey });
    }
    return estimate;
  }

  private readVague(node: YamlNode): void {
    if (isNull(node)) return;
    if (node.kind !== 'map') {
      this.problem(node, 'vague maps an indefinite phrase to the count it stands for: { des dizaines: ">=20", dozens: ">=12" }');
      return;
    }
    for (const entry of node.entries) {
      if (entry.key.trim() === '') {
        this.problem(entry.keyRange, 'a vague phrase must be words, such as des dizaines');
        continue;
      }
      const written = scalarText(entry.value);
      if (entry.value.kind !== 'scalar' || written === undefined) {
        this.problem(entry.value, `\`${entry.key}\` needs the count it stands for, written as in claims: ">=20", "~50", 20..99`);
        continue;
      }
      const reading = readValue(COUNT_SYNTAX, written, undefined);
      if (!reading.ok) {
        this.problem(entry.value, reading.message);
        continue;
      }
      this.vague.set(entry.key, { phrase: entry.key, phraseRange: entry.keyRange, written, range: { start: entry.value.start, end: entry.value.end }, value: reading.value });
    }
  }

  /** References inside the registry, checked once every entity is known; the list of them, each written place once. */
  resolveReferences(): RegistryReference[] {
    const references = new Map<number, RegistryReference>();
    const refer = (ref: Positioned<string>) => {
      if (!references.has(ref.start)) references.set(ref.start, { id: ref.value, start: ref.start, end: ref.end, idRange: idCharactersIn(this.text, ref.value, ref) });
    };
    /** Whether the id names an entity of the section; if not, reported at it. */
    const expect = (ref: Positioned<string>, section: EntitySection, what: string): boolean => {
      refer(ref);
      const target = this.entities.get(ref.value);
      if (!target) this.problem(ref, `${what} \`${ref.value}\` is not in the registry: add it under ${SECTION_KEY[section]}`, 'unknown-entity');
      else if (target.section !== section) this.problem(ref, `${what} must be ${entityNoun(section)}; \`${ref.value}\` is ${entityNoun(target.section)}`, 'wrong-kind');
      return target?.section === section;
    };
    for (const entity of this.entities.values()) {
      for (const affiliation of entity.affiliations) expect(affiliation, 'actor', 'affiliation');
      if (entity.in) expect(entity.in, 'place', 'in');
      if (entity.place) expect(entity.place, 'place', 'place');
    }
    for (const { property, value, forget } of this.entityValues) {
      if (value.claimValue?.type !== 'entity' || property.kind === undefined) continue;
      if (!expect({ value: value.claimValue.id, start: value.start, end: value.end }, property.kind, property.key)) forget(value);
    }
    return [...references.values()].sort((a, b) => a.start - b.start);
  }

  /** Where `in:` makes a loop, each place on it gets the problem at its `in:`. */
  reportLoops(containment: Containment): void {
    for (const entity of this.entities.values()) {
      if (entity.in && containment.onLoop(entity.id)) this.problem(entity.in, `\`in:\` makes a loop through ${entity.id}: a place cannot lie inside itself`);
    }
  }
}

function exampleValue(property: PropertyDefinition): string {
  switch (property.type) {
    case 'count':
      return '20..50';
    case 'date':
      return '2023-11-24';
    case 'enum':
      return property.values[0] ?? 'a value';
    case 'entity':
      return '"@id"';
    case 'text':
      return 'the text';
  }
}

/** The characters of `id` inside a written value (after `@`, inside quotes), or the whole value when it is not written plainly. */
function idCharactersIn(text: string, id: string, range: TextRange): TextRange {
  const at = text.indexOf(id, range.start);
  return at >= range.start && at + id.length <= range.end ? { start: at, end: at + id.length } : { start: range.start, end: range.end };
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

/** The YAML each registry was read from, for the next edit's reading (readYamlEdit). */
const readings = new WeakMap<Registry, YamlReading>();

/**
 * `previous`: the registry this text is an edit of, whose reading the new
 * one reuses where the edit leaves it (see readYamlEdit); the result is the
 * same as without it.
 */
export function readRegistry(text: string, previous?: Registry): Registry {
  const reader = new RegistryReader(text);
  let reading: YamlReading | undefined;
  if (text.length > REGISTRY_MAX_BYTES) {
    reader.problem(characterAt(text, 0), `corroborate.yaml is ${(text.length / 1024 / 1024).toFixed(1)} MB; the limit is ${REGISTRY_MAX_BYTES / 1024 / 1024} MB: split the registry or remove generated data`);
  } else {
    const before = previous === undefined ? undefined : readings.get(previous);
    reading = previous !== undefined && before !== undefined ? readYamlEdit(previous.text, before, text) : readYaml(text);
    for (const problem of reading.problems) reader.problem(problem, problem.message);
    if (reading.root || reading.problems.length === 0) reader.read(reading.root);
  }
  const references = reader.resolveReferences();
  const parents = new Map<string, string>();
  for (const entity of reader.entities.values()) if (entity.in) parents.set(entity.id, entity.in.value);
  const containment = new Containment(parents);
  reader.reportLoops(containment);
  const registry: Registry = {
    text,
    // Read from the whole text when first asked for, after an edit read in part.
    get parsed() {
      return reading?.parsed;
    },
    get editable() {
      return reading?.parsed !== undefined && reading.problems.length === 0;
    },
    documents: reader.documents,
    documentsRange: reader.documentsRange,
    properties: reader.properties,
    entities: reader.entities,
    references,
    containment,
    vague: reader.vague,
    diagnostics: reader.diagnostics.sort((a, b) => a.start - b.start || a.end - b.end),
  };
  if (reading !== undefined) readings.set(registry, reading);
  return registry;
}
