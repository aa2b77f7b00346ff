// Quick fixes for the engine's diagnostics. Each is a minimal text edit —
// an id, a key or a value replaced, a mention wrapped, an entry added to
// corroborate.yaml — that leaves valid markup and the article text as it was;
// or, for a contradiction, the way to the event's claims matrix.
// The facts a fix needs (which reference, which claim) are found again from
// the diagnostic's range, so a diagnostic that no longer matches the corpus
// simply offers nothing.

import type { ValueClass } from '../engine/analysis';
import { guessEntity } from '../engine/assist/entityGuess';
import type { Corpus } from '../engine/corpus';
import { assertionsOf, valueRangeOf, type Assertion } from '../engine/claims';
import { spanText, type DocumentFacts } from '../engine/document';
import type { Diagnostic } from '../engine/diagnostics';
import { entityNoun, SECTION_OF_KEY, shorten, type SectionKey } from '../engine/names';
import { articleText, parseDocument } from '../engine/parser';
import type { ClaimBlock, ParsedDocument, TextRange } from '../engine/syntax';
import { isoDays } from '../engine/read/calendar';
import { REGISTRY_FILE } from '../engine/registry';
import type { PropertyType } from '../engine/values';
import { idCharacters, type TextEdit } from './locate';
import type { MatrixTarget } from './present';
import { acknowledgeDispute, addEntity, recordAssessment, type NewEntityFields } from './registryEdits';
import { assistActions, type AssistActionKind, type AssistRequest } from './assistActions';

export interface CodeActionResult {
  readonly title: string;
  readonly kind: AssistActionKind;
  readonly diagnostics: Diagnostic[];
  /** Empty for an action that only opens a view. */
  readonly edits: TextEdit[];
  /** The claims matrix to open, for an action that shows rather than edits. */
  readonly showMatrix?: MatrixTarget;
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
    if (edits.length > 0) this.put(title, diagnostic, edits, isPreferred ? { isPreferred } : {});
  }

  /** An action that opens the claims matrix of an event. */
  addCommand(title: string, diagnostic: Diagnostic, showMatrix: MatrixTarget): void {
    this.put(title, diagnostic, [], { showMatrix });
  }

  private put(title: string, diagnostic: Diagnostic | Diagnostic[], edits: TextEdit[], extra: Pick<CodeActionResult, 'isPreferred' | 'showMatrix'>): void {
    const key = `${title}\u0000${JSON.stringify(edits)}\u0000${JSON.stringify(extra.showMatrix ?? null)}`;
    const diagnostics = Array.isArray(diagnostic) ? diagnostic : [diagnostic];
    const existing = this.byKey.get(key);
    if (existing) {
      for (const d of diagnostics) if (!existing.diagnostics.includes(d)) existing.diagnostics.push(d);
      return;
    }
    this.byKey.set(key, { title, kind: 'quickfix', diagnostics: [...diagnostics], edits, ...extra });
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

export function codeActions(corpus: Corpus, file: string, range: TextRange, diagnostics: readonly Diagnostic[], request: AssistRequest = {}): CodeActionResult[] {
  const facts = corpus.document(file);
  // Documents only: corroborate.yaml's own diagnostics carry no fix, and a
  // document with invalid UTF-8 is never edited.
  if (!facts || facts.encoding) return [];
  const fixes = new QuickFixes(corpus, facts);
  const overlapping = diagnostics.filter((diagnostic) => diagnostic.file === file && overlaps(diagnostic, range));
  for (const diagnostic of overlapping) fixes.offer(diagnostic);
  // Nor is a corroborate.yaml with invalid UTF-8.
  const registryWritable = corpus.registryEncodingProblem === undefined;
  const actions = fixes.actions.list().filter((action) => registryWritable || action.edits.every((edit) => edit.file !== REGISTRY_FILE));
  return [...actions, ...assistActions(corpus, file, range, overlapping, request)];
}

const SECTIONS: readonly SectionKey[] = ['actors', 'places', 'events'];

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
      case 'value-not-in-text':
        if (fix.kind === 'value-in-text') this.valueInText(diagnostic, fix.value, fix.words);
        break;
      case 'conflicting-claims':
      case 'inconsistent-reports':
      case 'acknowledged-dispute':
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
    if (!mention) {
      for (const target of section ? [section] : SECTIONS) this.addEntityAction(diagnostic, target, id, id, {}, false);
      return;
    }
    // A mention says more: its cleaned name, the text as an alias, the section it likely belongs in, an unnamed source.
    const written = spanText(this.facts.text, mention).replace(/\s+/g, ' ').trim();
    const article = articleText(this.facts.parsed).text;
    const guess = guessEntity(written, this.facts.text.slice(Math.max(0, mention.start - 40), mention.start), article);
    const name = guess.name || id;
    const targets = section ? [section] : [guess.section, ...SECTIONS.filter((s) => s !== guess.section)];
    for (const target of targets) {
      const aliases = written === '' ? [] : [guess.name !== '' ? guess.name : written];
      // Preferred only when no existing id is close: a typo is likelier than a new entity.
      this.addEntityAction(diagnostic, target, id, name, { aliases, anonymous: target === 'actors' && guess.anonymous }, target === guess.section && candidates.length === 0);
    }
  }

  private addEntityAction(diagnostic: Diagnostic, target: SectionKey, id: string, name: string, fields: NewEntityFields, preferred: boolean): void {
    const edit = addEntity(this.corpus.registry, target, id, name, fields);
    const anonymous = fields.anonymous === true ? ', an anonymous source' : '';
    if (edit) this.actions.add(`Add @${id} to corroborate.yaml as ${entityNoun(SECTION_OF_KEY[target])} (${target}:)${anonymous}`, diagnostic, [edit], preferred);
  }

  /** "Correct this annotation to killed=~40 (as its words say: 'une quarantaine')": the claim's own words decide, never another claim. */
  private valueInText(diagnostic: Diagnostic, value: string, words: string): void {
    const own = this.assertionAt(diagnostic, 'value');
    if (!own) return;
    const written = markupValue(value);
    this.actions.add(`Correct this annotation to ${own.property.key}=${written} (as its words say: '${shorten(words, 40)}')`, diagnostic, [replace(this.file, valueRangeOf(own), written)], true);
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

  /** The assertion whose `key=value` (or, with `part: 'value'`, whose value) is exactly `range`. */
  private assertionAt(range: TextRange, part: 'attribute' | 'value' = 'attribute'): Assertion | undefined {
    for (const claim of this.facts.claims) {
      for (const assertion of assertionsOf(claim)) {
        const at = part === 'attribute' ? assertion : valueRangeOf(assertion);
        if (at.start === range.start && at.end === range.end) return assertion;
      }
    }
    return undefined;
  }

  /**
   * A contradiction is a finding about the corpus, not a fault in one claim:
   * its fixes resolve the analysis — acknowledge the dispute, record the
   * desk's assessment, look at the whole event — and never turn one party's
   * recorded claim into another's. Only where the same party is reported
   * with two values (`inconsistent-reports`) may the annotation itself be
   * wrong, and correcting it to that party's other value is offered.
   */
  private contradiction(diagnostic: Diagnostic): void {
    const own = this.assertionAt(diagnostic);
    const event = own?.claim.event;
    if (!own || event === undefined) return;
    if (diagnostic.code !== 'acknowledged-dispute') {
      const others = this.contradictingValues(diagnostic, own);
      if (others.size > 0) {
        if (diagnostic.code === 'inconsistent-reports') this.corrections(diagnostic, own, others);
        this.acknowledge(diagnostic, own, event, others, diagnostic.code === 'conflicting-claims');
        if (diagnostic.code === 'conflicting-claims') this.deskAssessment(diagnostic, own, event, others);
      }
    }
    this.actions.addCommand('Show in claims matrix', diagnostic, { event });
  }

  /**
   * The other values this diagnostic is about, each with its claims, from its
   * related entries. For `inconsistent-reports` only the claimant's own
   * claims count, so a correction can only take a value that party was
   * reported with.
   */
  private contradictingValues(diagnostic: Diagnostic, own: Assertion): Map<string, Assertion[]> {
    const sameParty = diagnostic.code === 'inconsistent-reports';
    const group = this.corpus.claimsAbout(own.claim.event ?? '', own.property.key);
    const byPlace = new Map(group.map((a) => [`${a.claim.file}\u0000${a.start}`, a]));
    const others = new Map<string, Assertion[]>();
    for (const related of diagnostic.related ?? []) {
      const other = byPlace.get(`${related.file}\u0000${related.start}`);
      if (!other || other.valueKey === own.valueKey) continue;
      if (sameParty !== (other.claim.claimantKey === own.claim.claimantKey)) continue;
      others.set(other.valueKey, [...(others.get(other.valueKey) ?? []), other]);
    }
    return others;
  }

  /** "Correct this annotation to killed=50 (@fama’s claim in 003.txt)": one per value the same party was reported with. */
  private corrections(diagnostic: Diagnostic, own: Assertion, others: ReadonlyMap<string, Assertion[]>): void {
    for (const claims of others.values()) {
      const written = markupValue(claims[0].valueText);
      const files = [...new Set(claims.map((a) => a.claim.file))];
      const where = files.length > 1 ? `claims in ${files.length} documents` : `claim in ${files[0] === this.file ? 'this document' : files[0]}`;
      const edit = replace(this.file, valueRangeOf(own), written);
      this.actions.add(`Correct this annotation to ${own.property.key}=${written} (@${own.claim.claimant ?? '?'}’s ${where})`, diagnostic, [edit]);
    }
  }

  private acknowledge(diagnostic: Diagnostic, own: Assertion, event: string, others: ReadonlyMap<string, Assertion[]>, preferred: boolean): void {
    const property = own.property;
    // The registry has read what `disputed:` already lists, by meaning: `niafunke` acknowledges a claim of `@niafunke`.
    const listed = this.corpus.registry.entities.get(event)?.disputed.get(property.key);
    const values = [own, ...[...others.values()].map((claims) => claims[0])]
      .filter((a) => !(listed?.keys.has(a.valueKey) ?? false))
      .map((a) => a.valueText);
    const edits = acknowledgeDispute(this.corpus.registry, event, property.key, values);
    if (!edits || edits.length === 0) return;
    const shown = [...new Set([...(listed?.values.map((v) => v.value) ?? []), ...values])];
    this.actions.add(`Acknowledge the dispute over ${property.key} (${shown.join(', ')}) in corroborate.yaml`, diagnostic, edits, preferred);
  }

  /**
   * "Record the desk's assessment…": writes under the event what the desk
   * has to go on — an `assessment:` that sets out who claims what, for the
   * analyst to complete, and an `estimate:` for the property. A count or a
   * date is estimated by the span of every value claimed, which the analyst
   * narrows; for an enum or an entity no value lies between the claims, so
   * one action per value in dispute, each saying whose claim it takes. An
   * assessment or an estimate already written is the desk's own: it is never
   * replaced.
   */
  private deskAssessment(diagnostic: Diagnostic, own: Assertion, event: string, others: ReadonlyMap<string, Assertion[]>): void {
    const entity = this.corpus.registry.entities.get(event);
    const analysis = this.corpus.analysis(event, own.property.key);
    if (!entity || !analysis) return;
    const key = own.property.key;
    const disputed = [analysis.classes.get(own.valueKey), ...[...others.keys()].map((k) => analysis.classes.get(k))].filter((c) => c !== undefined);
    const assessment = entity.assessment === undefined ? assessmentOutline(key, disputed) : undefined;
    const estimates = entity.estimate.has(key) ? [] : estimateCandidates(own.property.type, analysis.classes.values(), disputed);
    if (estimates.length === 0) {
      if (assessment === undefined) return;
      const edits = recordAssessment(this.corpus.registry, event, { assessment });
      if (edits) this.actions.add(`Record the desk's assessment: a summary of the claims on ${key}, in corroborate.yaml (the estimate stays as written)`, diagnostic, edits);
      return;
    }
    for (const { value, why } of estimates) {
      const edits = recordAssessment(this.corpus.registry, event, { ...(assessment !== undefined ? { assessment } : {}), estimate: new Map([[key, value]]) });
      if (!edits) continue;
      const title =
        assessment !== undefined
          ? `Record the desk's assessment: estimate ${key}=${value} (${why}) and a summary of the claims, in corroborate.yaml`
          : `Record the desk's estimate: ${key}=${value} (${why}), in corroborate.yaml (the assessment stays as written)`;
      this.actions.add(title, diagnostic, edits);
    }
  }
}

/** Past this, an assessment outline or a list of estimates names no more values, and a value no more claimants. */
const MAX_OUTLINED = 4;
const MAX_CLAIMANTS = 3;

/** The claimants of a value, as ids: "@jnim, @local-sources and 2 others", and how many they are. */
function claimantsOf(valueClass: ValueClass): { readonly named: string; readonly count: number } {
  const ids = [...new Set(valueClass.members.map((a) => `@${a.claim.claimant ?? '?'}`))];
  const shown = ids.slice(0, MAX_CLAIMANTS).join(', ');
  return { named: ids.length > MAX_CLAIMANTS ? `${shown} and ${ids.length - MAX_CLAIMANTS} others` : shown, count: ids.length };
}

/** "killed: 5 (@fama); 50 (@jnim, @local-sources). To be assessed by the desk." */
function assessmentOutline(key: string, disputed: readonly ValueClass[]): string {
  const parts = disputed.slice(0, MAX_OUTLINED).map((c) => `${c.members[0].valueText} (${claimantsOf(c).named})`);
  if (disputed.length > MAX_OUTLINED) parts.push(`and ${disputed.length - MAX_OUTLINED} other values`);
  return `${key}: ${parts.join('; ')}. To be assessed by the desk.`;
}

/**
 * The estimates offered: for a count or a date, the span of every value
 * claimed (`5..50`, `>=5`, `2023-11-24..2023-11-26`); for any other type,
 * each value in dispute.
 */
function estimateCandidates(type: PropertyType, classes: Iterable<ValueClass>, disputed: readonly ValueClass[]): { value: string; why: string }[] {
  if (type === 'count' || type === 'date') {
    let low = Infinity;
    let high = -Infinity;
    for (const { value } of classes) {
      if (value.type !== 'interval') continue;
      low = Math.min(low, value.low);
      high = Math.max(high, value.high);
    }
    if (low > high) return [];
    const span = type === 'date' ? isoDays(low, high) : Number.isFinite(high) ? (low === high ? String(low) : `${low}..${high}`) : `>=${low}`;
    return [{ value: span, why: 'the span of the claims' }];
  }
  return disputed.slice(0, MAX_OUTLINED).map((c) => {
    const { named, count } = claimantsOf(c);
    return { value: c.members[0].valueText, why: `as ${named} ${count > 1 ? 'claim' : 'claims'}` };
  });
}
