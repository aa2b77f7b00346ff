// Quick fixes for the engine's diagnostics. Each is a minimal text edit —
// an id, a key or a value replaced, a mention wrapped, an entry added to
// corroborate.yaml — that leaves valid markup and the article text as it was.
// The facts a fix needs (which reference, which claim) are found again from
// the diagnostic's range, so a diagnostic that no longer matches the corpus
// simply offers nothing.

import type { Corpus } from '../engine/corpus';
import { spanText, type Assertion, type DocumentFacts } from '../engine/document';
import type { Diagnostic } from '../engine/diagnostics';
import { entityNoun, SECTION_OF_KEY, type SectionKey } from '../engine/names';
import { articleText, parseDocument } from '../engine/parser';
import type { ClaimBlock, ParsedDocument, TextRange } from '../engine/syntax';
import { REGISTRY_FILE } from '../engine/registry';
import { idCharacters, type TextEdit } from './locate';
import { acknowledgeDispute, addEntity } from './registryEdits';

export interface CodeActionResult {
  readonly title: string;
  readonly kind: 'quickfix';
  readonly diagnostics: Diagnostic[];
  readonly edits: TextEdit[];
  readonly isPreferred?: boolean;
}

/**
 * Applies non-overlapping edits of one file to its text, inserts at one
 * offset in the order given, as an editor does. The text is cut once: slicing
 * the whole text again for each edit made "annotate all" quadratic.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    parts.push(text.slice(from, edit.start), edit.newText);
    from = edit.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * A claim value as markup: bare when it reads back as itself, else quoted
 * with `\"` and `\\` escaped (quoting never changes a value).
 */
function markupValue(text: string): string {
  if (text !== '' && !/[\s}"\\]/.test(text)) return text;
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Collects actions, merging those that make the same edits (two diagnostics, one fix). */
class ActionList {
  private readonly byKey = new Map<string, CodeActionResult>();

  add(title: string, diagnostic: Diagnostic | Diagnostic[], edits: TextEdit[], isPreferred = false): void {
    if (edits.length === 0) return;
    const key = `${title}\u0000${JSON.stringify(edits)}`;
    const diagnostics = Array.isArray(diagnostic) ? diagnostic : [diagnostic];
    const existing = this.byKey.get(key);
    if (existing) {
      for (const d of diagnostics) if (!existing.diagnostics.includes(d)) existing.diagnostics.push(d);
      return;
    }
    this.byKey.set(key, { title, kind: 'quickfix', diagnostics: [...diagnostics], edits, ...(isPreferred ? { isPreferred } : {}) });
  }

  list(): CodeActionResult[] {
    return [...this.byKey.values()];
  }
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function replace(file: string, range: TextRange, newText: string): TextEdit {
  return { file, start: range.start, end: range.end, newText };
}

export function codeActions(corpus: Corpus, file: string, range: TextRange, diagnostics: readonly Diagnostic[]): CodeActionResult[] {
  const facts = corpus.document(file);
  // Documents only: corroborate.yaml's own diagnostics carry no fix, and a
  // document with invalid UTF-8 is never edited.
  if (!facts || facts.encoding) return [];
  const fixes = new QuickFixes(corpus, facts);
  for (const diagnostic of diagnostics) {
    if (diagnostic.file !== file || !overlaps(diagnostic, range)) continue;
    fixes.offer(diagnostic);
  }
  // Nor is a corroborate.yaml with invalid UTF-8.
  const registryWritable = corpus.registryEncodingProblem === undefined;
  return fixes.actions.list().filter((action) => registryWritable || action.edits.every((edit) => edit.file !== REGISTRY_FILE));
}

/** Characters `[text]{@id}` adds around the text. */
function wrapLength(id: string): number {
  return '[]{@}'.length + id.length;
}

/** Passes of "annotate all" that drop the mentions that did not wrap, before giving up. */
const WRAP_ROUNDS = 3;

class QuickFixes {
  readonly actions = new ActionList();
  private readonly file: string;
  private annotatedAll = false;

  constructor(
    private readonly corpus: Corpus,
    private readonly facts: DocumentFacts,
  ) {
    this.file = facts.file;
  }

  offer(diagnostic: Diagnostic): void {
    const fix = diagnostic.fix;
    if (!fix) return;
    switch (diagnostic.code) {
      case 'unknown-entity':
        if (fix.kind === 'unknown-entity') this.unknownEntity(diagnostic, fix.id, fix.candidates, fix.section);
        break;
      case 'unknown-property':
        if (fix.kind === 'did-you-mean') this.unknownProperty(diagnostic, fix.candidates);
        break;
      case 'bad-value':
        if (fix.kind === 'did-you-mean') {
          fix.candidates.forEach((candidate, k) => this.actions.add(`Change to \`${candidate}\``, diagnostic, [replace(this.file, diagnostic, markupValue(candidate))], k === 0));
        }
        break;
      case 'mention-mismatch':
        if (fix.kind === 'did-you-mean') {
          fix.candidates.forEach((candidate, k) => this.actions.add(`Reference @${candidate}, which this text names`, diagnostic, [replace(this.file, diagnostic, `@${candidate}`)], k === 0));
        }
        break;
      case 'unannotated-mention':
        if (fix.kind === 'annotate') this.annotate(diagnostic, fix.entityIds);
        break;
      case 'conflicting-claims':
      case 'inconsistent-reports':
        if (fix.kind === 'contradiction') this.contradiction(diagnostic);
        break;
      default:
        break;
    }
  }

  private unknownEntity(diagnostic: Diagnostic, id: string, candidates: readonly string[], section: SectionKey | undefined): void {
    const reference = this.facts.references.find((r) => r.id === id && r.start === diagnostic.start && r.end === diagnostic.end);
    if (!reference) return;
    const idRange = idCharacters(this.facts.text, reference);
    if (idRange) {
      candidates.forEach((candidate, k) => this.actions.add(`Change to @${candidate}`, diagnostic, [replace(this.file, idRange, candidate)], k === 0));
    }
    const mention = this.facts.parsed.spans.find((span) => span.block.kind === 'mention' && span.block.refs.some((ref) => ref.start === reference.start));
    const name = mention ? spanText(this.facts.text, mention).replace(/\s+/g, ' ').trim() : id;
    for (const target of section ? [section] : (['actors', 'places', 'events'] as const)) {
      const edit = addEntity(this.corpus.registry, target, id, name || id);
      if (edit) this.actions.add(`Add @${id} to corroborate.yaml as ${entityNoun(SECTION_OF_KEY[target])} (${target}:)`, diagnostic, [edit]);
    }
  }

  private unknownProperty(diagnostic: Diagnostic, candidates: readonly string[]): void {
    const block = this.claimBlockAt(diagnostic);
    if (!block) return;
    // A key the claim already has would become a duplicate key.
    const used = new Set([...block.properties.map((a) => a.key), 'by', 'event', 'hedged']);
    candidates
      .filter((candidate) => !used.has(candidate))
      .forEach((candidate, k) => this.actions.add(`Change to \`${candidate}\``, diagnostic, [replace(this.file, diagnostic, candidate)], k === 0));
  }

  private claimBlockAt(range: TextRange): ClaimBlock | undefined {
    for (const span of this.facts.parsed.spans) {
      const block = span.block;
      if (block.kind === 'claim' && block.start <= range.start && range.end <= block.end) return block;
    }
    return undefined;
  }

  private annotate(diagnostic: Diagnostic, entityIds: readonly string[]): void {
    for (const id of entityIds) {
      const edits = this.annotations([{ range: diagnostic, id }]);
      if (edits) this.actions.add(`Annotate \`${this.written(diagnostic)}\` as @${id}`, diagnostic, edits, entityIds.length === 1);
    }
    this.annotateAll();
  }

  /** Once per request, however many mentions it covers: one action wrapping every unambiguous mention. */
  private annotateAll(): void {
    if (this.annotatedAll) return;
    this.annotatedAll = true;
    // Ambiguous mentions need a choice each, so "all" takes the others.
    const candidates = this.corpus.diagnostics(this.file).flatMap((d) => {
      const ids = d.code === 'unannotated-mention' && d.fix?.kind === 'annotate' ? d.fix.entityIds : [];
      return ids.length === 1 ? [{ diagnostic: d, range: d, id: ids[0] }] : [];
    });
    const mentions = this.wrappingCleanly(candidates);
    if (mentions.length < 2) return;
    const edits = this.annotations(mentions);
    if (edits) this.actions.add(`Annotate all ${mentions.length} unannotated mentions in this document`, mentions.map((m) => m.diagnostic), edits);
  }

  private written(range: TextRange): string {
    return this.facts.text.slice(range.start, range.end);
  }

  /**
   * `[text]{@id}` around each range, or undefined when the result would not
   * read back as exactly these new spans over an unchanged article (an alias
   * holding a bracket, say).
   */
  private annotations(mentions: readonly { range: TextRange; id: string }[]): TextEdit[] | undefined {
    const wrapped = this.wrap(mentions);
    return wrapped.valid ? wrapped.edits : undefined;
  }

  private wrap(mentions: readonly { range: TextRange; id: string }[]): { edits: TextEdit[]; after: ParsedDocument; valid: boolean } {
    const edits = mentions.map(({ range, id }) => replace(this.file, range, `[${this.written(range)}]{@${id}}`));
    const before = this.facts.parsed;
    const after = parseDocument(applyEdits(this.facts.text, edits));
    const valid =
      after.problems.length === before.problems.length &&
      after.spans.length === before.spans.length + edits.length &&
      articleText(after).text === articleText(before).text;
    return { edits, after, valid };
  }

  /**
   * The mentions that wrap cleanly together. Checking them one by one costs
   * a parse of the document each, quadratic in a long report; instead all are
   * wrapped at once, those whose new span is missing are dropped, and the rest
   * wrapped again. When every span is there and the result is still not
   * clean, which mention is at fault cannot be told, and none is offered.
   */
  private wrappingCleanly<M extends { range: TextRange; id: string }>(candidates: readonly M[]): M[] {
    let kept = [...candidates].sort((a, b) => a.range.start - b.range.start);
    for (let round = 0; round < WRAP_ROUNDS && kept.length > 0; round++) {
      const { after, valid } = this.wrap(kept);
      if (valid) return kept;
      const mentionSpans = new Set(after.spans.flatMap((span) => (span.block.kind === 'mention' ? [`${span.start}:${span.end}`] : [])));
      // Where each new span lies once the ones before it are inserted.
      let shift = 0;
      const next = kept.filter(({ range, id }) => {
        const start = range.start + shift;
        shift += wrapLength(id);
        return mentionSpans.has(`${start}:${range.end + shift}`);
      });
      if (next.length === kept.length) return [];
      kept = next;
    }
    return [];
  }

  private assertionAt(range: TextRange): Assertion | undefined {
    for (const claim of this.facts.claims) {
      for (const assertion of claim.assertions) if (assertion.attribute.start === range.start && assertion.attribute.end === range.end) return assertion;
    }
    return undefined;
  }

  private contradiction(diagnostic: Diagnostic): void {
    const own = this.assertionAt(diagnostic);
    const event = own?.claim.event;
    if (!own || event === undefined) return;
    const property = own.property;
    // The other values this diagnostic is about, one claim standing for each.
    const group = this.corpus.claimsAbout(event, property.key);
    const others = new Map<string, Assertion[]>();
    for (const related of diagnostic.related ?? []) {
      const other = group.find((a) => a.claim.file === related.file && a.attribute.start === related.start);
      if (!other || other.valueKey === own.valueKey) continue;
      others.set(other.valueKey, [...(others.get(other.valueKey) ?? []), other]);
    }
    for (const claims of others.values()) {
      const value = claims[0].attribute.value.text;
      const claimants = [...new Set(claims.map((a) => `@${a.claim.claimant ?? '?'}`))];
      const edit = replace(this.file, own.attribute.value, markupValue(value));
      this.actions.add(`Use ${property.key}=${markupValue(value)} instead, as ${claimants.join(', ')} ${claimants.length > 1 ? 'claim' : 'claims'}`, diagnostic, [edit]);
    }
    if (others.size === 0) return;
    // The registry has read what `disputed:` already lists, by meaning: `niafunke` acknowledges a claim of `@niafunke`.
    const listed = this.corpus.registry.entities.get(event)?.disputed.get(property.key);
    const values = [own, ...[...others.values()].map((claims) => claims[0])]
      .filter((a) => !(listed?.keys.has(a.valueKey) ?? false))
      .map((a) => a.attribute.value.text);
    const edits = acknowledgeDispute(this.corpus.registry, event, property.key, values);
    if (!edits || edits.length === 0) return;
    const shown = [...new Set([...(listed?.values.map((v) => v.value) ?? []), ...values])];
    this.actions.add(`Acknowledge the dispute over ${property.key} (${shown.join(', ')}) in corroborate.yaml`, diagnostic, edits);
  }
}
