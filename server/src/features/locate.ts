// What lies at an offset of a corpus file: the shared first step of hover,
// definition, references and rename. Offsets in, offsets out: no LSP here.

import type { Corpus } from '../engine/corpus';
import type { Claim } from '../engine/claims';
import type { EntityReference } from '../engine/document';
import { REGISTRY_FILE } from '../engine/registry';
import { keyRangeOf, spanAt } from '../engine/spans';
import type { Attribute, SpanNode, TextRange } from '../engine/syntax';

/** A range of characters in one corpus file (a document or corroborate.yaml). */
export interface FileRange extends TextRange {
  readonly file: string;
}

/** One text replacement in one corpus file (a document or corroborate.yaml). */
export interface TextEdit extends TextRange {
  readonly file: string;
  readonly newText: string;
  /**
   * The same edit with places for the analyst to fill in, for an editor
   * that takes snippet edits: literal text, and placeholders with the
   * default text they hold until typed over (text that parses). The
   * placeholders' text is not in `newText`, which leaves those parts out.
   */
  readonly snippet?: readonly SnippetPart[];
}

/** A piece of a snippet edit: text as it is, or a placeholder with its default text ('' for a bare tab stop). */
export type SnippetPart = string | { readonly placeholder: string };

export type Target =
  /** An id: `@id` in a document, a front matter id, an entity's key or a reference in corroborate.yaml. */
  | { readonly kind: 'entity'; readonly id: string; readonly range: TextRange; readonly idRange: TextRange }
  /** A mention span's text. */
  | { readonly kind: 'mention'; readonly span: SpanNode; readonly ids: readonly string[] }
  /** A claim: its text or its block, and the `key=value` under the cursor if any. */
  | { readonly kind: 'claim'; readonly claim: Claim; readonly attribute?: Attribute }
  /** A property key, in a claim or in corroborate.yaml. */
  | { readonly kind: 'property'; readonly key: string; readonly range: TextRange };

function contains(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

/** What the cursor at `offset` of `file` is on, if anything a feature answers for. */
export function targetAt(corpus: Corpus, file: string, offset: number): Target | undefined {
  if (file === REGISTRY_FILE) return registryTargetAt(corpus, offset);
  const facts = corpus.document(file);
  if (!facts) return undefined;
  for (const reference of facts.references) {
    if (contains(reference, offset)) return { kind: 'entity', id: reference.id, range: reference, idRange: reference.idRange };
  }
  const innermost = spanAt(facts.parsed, offset);
  if (!innermost) return undefined;
  const block = innermost.block;
  if (block.kind === 'mention') return { kind: 'mention', span: innermost, ids: block.refs.map((r) => r.id) };
  if (block.kind === 'claim') {
    for (const attribute of block.properties) {
      const keyRange = keyRangeOf(attribute);
      if (contains(keyRange, offset)) return { kind: 'property', key: attribute.key, range: keyRange };
    }
    // The tree may have been parsed again since the claims were read (see TreeCache): the claim is the one at the
    // same place, and its assertions match the block's attributes by offset.
    const claim = facts.claims.find((c) => c.start === innermost.start);
    if (!claim) return undefined;
    const attribute = block.properties.find((a) => contains(a, offset));
    return attribute ? { kind: 'claim', claim, attribute } : { kind: 'claim', claim };
  }
  return undefined;
}

function registryTargetAt(corpus: Corpus, offset: number): Target | undefined {
  const registry = corpus.registry;
  for (const entity of registry.entities.values()) {
    if (contains(entity.idRange, offset)) return { kind: 'entity', id: entity.id, range: entity.idRange, idRange: entity.idRange };
  }
  for (const reference of registryReferenceList(corpus)) {
    if (contains(reference, offset)) return { kind: 'entity', id: reference.id, range: reference, idRange: reference.idRange };
  }
  for (const property of registry.properties.values()) {
    if (contains(property.keyRange, offset)) return { kind: 'property', key: property.key, range: property.keyRange };
  }
  return undefined;
}

/** Ids corroborate.yaml refers to from inside entries: `in:`, `place:`, `affiliations:`, entity values of `disputed:` and `estimate:`. */
export function registryReferenceList(corpus: Corpus): readonly EntityReference[] {
  return corpus.registry.references;
}

/**
 * The characters of a reference's id in its file's text, or undefined when
 * they cannot be found as written (a YAML escape in a quoted id, say). The
 * engine's `idRange` skips a leading `@`; a quoted YAML scalar (`source:
 * "afp"`) also has quotes around the id, so the id is looked for inside the
 * reference rather than trusted.
 */
export function idCharacters(text: string, reference: EntityReference): TextRange | undefined {
  const { id, idRange } = reference;
  if (text.slice(idRange.start, idRange.end) === id) return idRange;
  const at = text.indexOf(id, reference.start);
  return at >= 0 && at + id.length <= reference.end ? { start: at, end: at + id.length } : undefined;
}
