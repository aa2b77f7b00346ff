// Go to definition, find references and rename for entity ids (and, for the
// first two, property keys). An entity is declared by its key in
// corroborate.yaml and referenced from documents (`@id` in mentions and
// claims, front matter `source:`/`origin:`) and from the registry itself
// (`in:`, `place:`, `affiliations:`, entity values under `disputed:`).

import { assertionsOf, claimBlockOf } from '../engine/claims';
import type { Corpus } from '../engine/corpus';
import type { DocumentFacts, EntityReference } from '../engine/document';
import { entityNoun, isId } from '../engine/names';
import { REGISTRY_FILE, type Entity } from '../engine/registry';
import { forEachSpan, keyRangeOf } from '../engine/spans';
import type { TextRange } from '../engine/syntax';
import { idCharacters, registryReferenceList, targetAt, type FileRange, type Target, type TextEdit } from './locate';
import { renameInRegistry } from './registryEdits';


/** One place an id is written: in a document or in corroborate.yaml. */
interface Occurrence {
  readonly file: string;
  readonly reference: EntityReference;
}

function fileText(corpus: Corpus, file: string): string | undefined {
  return file === REGISTRY_FILE ? corpus.registry.text : corpus.document(file)?.text;
}

function byFileAndOffset(a: FileRange, b: FileRange): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.start - b.start;
}

/**
 * `@ids` written inside `{skip}` spans (a quoted tweet's own markup): the
 * engine reads nothing there, but a rename that left them behind would leave
 * stale ids in the text.
 */
function skippedReferences(facts: DocumentFacts): EntityReference[] {
  const references: EntityReference[] = [];
  const add = (ref: TextRange, id: string) => references.push({ id, start: ref.start, end: ref.end, idRange: { start: ref.start + 1, end: ref.end } });
  forEachSpan(facts.parsed.spans, {
    skipped: ({ block }) => {
      if (block.kind === 'mention') for (const ref of block.refs) add(ref, ref.id);
      if (block.kind !== 'claim') return;
      for (const attribute of [block.by, block.event, ...block.properties]) {
        if (attribute?.value.ref !== undefined) add(attribute.value, attribute.value.ref);
      }
    },
  });
  return references;
}

/** Every reference to an entity id in the corpus, in file and offset order (the declaration excluded). */
function occurrences(corpus: Corpus, id: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const file of corpus.files()) {
    const facts = corpus.document(file);
    if (!facts) continue;
    for (const reference of [...facts.references, ...skippedReferences(facts)]) if (reference.id === id) found.push({ file, reference });
  }
  for (const reference of registryReferenceList(corpus)) {
    if (reference.id === id) found.push({ file: REGISTRY_FILE, reference });
  }
  return found.sort((a, b) => byFileAndOffset({ file: a.file, ...a.reference }, { file: b.file, ...b.reference }));
}

/** The entity ids a target stands for: an id, or the ids of the mention under the cursor. */
function entityIdsOf(target: Target | undefined): string[] {
  if (target?.kind === 'entity') return [target.id];
  if (target?.kind === 'mention') return [...target.ids];
  return [];
}

function declaration(entity: Entity): FileRange {
  return { file: REGISTRY_FILE, ...entity.idRange };
}

export function definition(corpus: Corpus, file: string, offset: number): FileRange[] {
  const target = targetAt(corpus, file, offset);
  const registry = corpus.registry;
  if (target?.kind === 'property') {
    const property = registry.properties.get(target.key);
    return property ? [{ file: REGISTRY_FILE, ...property.keyRange }] : [];
  }
  if (target?.kind === 'claim' && target.attribute) {
    // On a value: an enum value goes to where the property lists it.
    const property = registry.properties.get(target.attribute.key);
    const valueRange = property?.valueRanges.get(target.attribute.value.text);
    if (valueRange) return [{ file: REGISTRY_FILE, ...valueRange }];
    return property ? [{ file: REGISTRY_FILE, ...property.keyRange }] : [];
  }
  return entityIdsOf(target).flatMap((id) => {
    const entity = registry.entities.get(id);
    return entity ? [declaration(entity)] : [];
  });
}

/**
 * Where a document's claims write `key` as an attribute's key. A claim
 * asserting the key holds it once (a block keeps the first of a repeated
 * key), at its assertion; any other claim whose block holds `key=` may
 * write it with a value that was not read (a bad value, an unknown id), and
 * only those blocks are read again: a corpus holds tens of thousands.
 */
function keysWritten(facts: DocumentFacts, key: string): TextRange[] {
  const ranges: TextRange[] = [];
  let written: number[] | undefined;
  for (const claim of facts.claims) {
    const asserted = assertionsOf(claim).find((assertion) => assertion.property.key === key);
    if (asserted) {
      ranges.push({ start: asserted.start, end: asserted.start + key.length });
      continue;
    }
    if (written === undefined) {
      written = [];
      for (let at = facts.text.indexOf(`${key}=`); at >= 0; at = facts.text.indexOf(`${key}=`, at + 1)) written.push(at);
    }
    // A claim's block runs from just after its `]` to its end.
    if (!written.some((at) => at > claim.close && at < claim.end)) continue;
    for (const attribute of claimBlockOf(claim).properties) if (attribute.key === key) ranges.push(keyRangeOf(attribute));
  }
  return ranges;
}

export function references(corpus: Corpus, file: string, offset: number, includeDeclaration: boolean): FileRange[] {
  const target = targetAt(corpus, file, offset);
  const registry = corpus.registry;
  const found: FileRange[] = [];
  if (target?.kind === 'property') {
    for (const document of corpus.files()) {
      const facts = corpus.document(document);
      if (!facts) continue;
      found.push(...keysWritten(facts, target.key).map((range) => ({ file: document, ...range })));
    }
    for (const entity of registry.entities.values()) {
      const disputed = entity.disputed.get(target.key);
      if (disputed) found.push({ file: REGISTRY_FILE, ...disputed.keyRange });
    }
    const property = registry.properties.get(target.key);
    if (includeDeclaration && property) found.push({ file: REGISTRY_FILE, ...property.keyRange });
    return found.sort(byFileAndOffset);
  }
  const ids = entityIdsOf(target);
  // On a mention naming several entities, which one is meant is not clear.
  if (ids.length !== 1) return [];
  const id = ids[0];
  for (const { file: at, reference } of occurrences(corpus, id)) {
    const text = fileText(corpus, at) ?? '';
    found.push({ file: at, ...(idCharacters(text, reference) ?? reference) });
  }
  const entity = registry.entities.get(id);
  if (includeDeclaration && entity) found.push(declaration(entity));
  return found.sort(byFileAndOffset);
}

/** Why an id cannot be renamed here, or what the rename works on. */
type RenamePlan = { readonly error: string } | { readonly entity: Entity; readonly range: TextRange; readonly edits: (newName: string) => TextEdit[] };

function planRename(corpus: Corpus, file: string, offset: number): RenamePlan {
  const text = fileText(corpus, file);
  if (text === undefined) return { error: 'This file is not part of the corpus: only ids in corpus documents and corroborate.yaml can be renamed.' };
  if (corpus.document(file)?.encoding) return { error: `${file} has invalid UTF-8: fix its encoding before renaming anything in it.` };
  // A rename always edits the id's key in corroborate.yaml.
  if (corpus.registryEncodingProblem) return { error: `${REGISTRY_FILE} has invalid UTF-8, and no edit is made to such a file: fix its encoding before renaming.` };
  const target = targetAt(corpus, file, offset);
  if (target?.kind !== 'entity') return { error: 'Only entity ids can be renamed: put the cursor on an @id, a front matter source: or origin:, or an id in corroborate.yaml.' };
  const entity = corpus.registry.entities.get(target.id);
  if (!entity) return { error: `@${target.id} is not in corroborate.yaml, so there is nothing to rename: add it to the registry, or correct the id.` };
  const range = idCharacters(text, { id: target.id, start: target.range.start, end: target.range.end, idRange: target.idRange });
  if (!range) return { error: `The characters of @${target.id} cannot be found as written here: write the id without escapes.` };
  // corroborate.yaml's part goes through the registry edits, which know its YAML.
  const registryEdits = (newName: string) => renameInRegistry(corpus.registry, entity.id, newName);
  if (!registryEdits(entity.id)) return { error: `@${entity.id} is written in ${REGISTRY_FILE} with YAML escapes: write its key and references without escapes.` };
  const places: FileRange[] = [];
  for (const { file: at, reference } of occurrences(corpus, entity.id)) {
    if (at === REGISTRY_FILE) continue;
    if (corpus.document(at)?.encoding) return { error: `${at} refers to @${entity.id} but has invalid UTF-8, and no edit is made to such a file: fix its encoding first.` };
    const characters = idCharacters(fileText(corpus, at) ?? '', reference);
    if (!characters) return { error: `The reference to @${entity.id} in ${at} is not written plainly: write it without escapes.` };
    places.push({ file: at, ...characters });
  }
  return { entity, range, edits: (newName) => [...(registryEdits(newName) ?? []), ...places.map((place) => ({ ...place, newText: newName }))].sort(byFileAndOffset) };
}

export function prepareRename(corpus: Corpus, file: string, offset: number): { range: TextRange; placeholder: string } | { error: string } {
  const plan = planRename(corpus, file, offset);
  if ('error' in plan) return plan;
  return { range: plan.range, placeholder: plan.entity.id };
}

export function rename(corpus: Corpus, file: string, offset: number, newName: string): { edits: TextEdit[] } | { error: string } {
  const plan = planRename(corpus, file, offset);
  if ('error' in plan) return plan;
  const name = newName.startsWith('@') ? newName.slice(1) : newName;
  if (!isId(name)) return { error: `\`${newName}\` is not an id: use letters, digits, - and _, starting with a letter or digit.` };
  if (name === plan.entity.id) return { error: `@${name} already has that name.` };
  const taken = corpus.registry.entities.get(name);
  if (taken) return { error: `@${name} is already the id of ${entityNoun(taken.section)} in corroborate.yaml: ids are shared by actors, places and events; choose another.` };
  return { edits: plan.edits(name) };
}
