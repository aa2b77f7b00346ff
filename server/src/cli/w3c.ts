// `corroborate export --format w3c`: the corpus's claims and mentions as W3C
// Web Annotations (JSON-LD), for annotation platforms (Hypothesis, Recogito,
// INCEpTION). One annotation per claim span and per mention span outside
// `{skip}`, in file and offset order.
//
// - The target's `source` is the report's path relative to the corpus folder,
//   a relative IRI: the export is meant to sit in, or travel with, the corpus.
// - Selectors are over the report's article text: the file without its front
//   matter and markup, escapes resolved (engine/parser.ts `articleText`). That
//   is the raw report an annotation platform holds.
// - TextPositionSelector offsets count Unicode code points (an emoji is one),
//   stated in the collection's `positionUnit`.
// - A TextQuoteSelector's prefix and suffix are long enough for prefix +
//   exact + suffix to occur once in the article text (QuoteSelectors).

import type { Corpus } from '../engine/corpus';
import { assertionsOf, claimBlockFrom, type Claim } from '../engine/claims';
import type { DocumentFacts } from '../engine/document';
import { articleText, type ArticleText } from '../engine/parser';
import type { ClaimBlock, SpanNode } from '../engine/syntax';
import { valueBounds } from '../engine/values';
import { mentionSpans, uriReference } from './report';

/** Where our own terms live. The `.invalid` domain never resolves: the IRIs only name the terms, and the context is inline. */
const NAMESPACE = 'https://corroborate.invalid/ns#';

export const W3C_CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    cr: NAMESPACE,
    Claim: 'cr:Claim',
    positionUnit: 'cr:positionUnit',
    claimant: 'cr:claimant',
    outlet: 'cr:outlet',
    origin: 'cr:origin',
    event: 'cr:event',
    claimId: 'cr:claimId',
    hedged: { '@id': 'cr:hedged', '@type': 'xsd:boolean' },
    assertions: { '@id': 'cr:assertion', '@container': '@list' },
    property: 'cr:property',
    low: 'cr:low',
    high: 'cr:high',
    entity: 'cr:entity',
    section: 'cr:section',
  },
] as const;

export const POSITION_UNIT = 'unicode-code-point';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** UTF-16 offsets of the article to code point offsets, through the (usually few) surrogate pairs. */
class CodePoints {
  private readonly pairs: number[] = [];

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) this.pairs.push(i++);
    }
  }

  /** The code point offset of a UTF-16 offset that falls between code points. */
  at(offset: number): number {
    let low = 0;
    let high = this.pairs.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.pairs[middle] + 1 < offset) low = middle + 1;
      else high = middle;
    }
    return offset - low;
  }
}

export interface QuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Context, in UTF-16 code units, a quote takes on each side at least. */
const INITIAL_CONTEXT = 32;
/** Context a quote takes on each side at most: the bound on its size, whatever the text. */
export const MAX_CONTEXT = 1024;
/** Length of the windows whose uniqueness proves a quote's. */
const WINDOW = 16;
const HASH_BASE = 0x01000193;

/** Up to this length, a quote's uniqueness is first checked by searching the text itself. */
const DIRECT_SEARCH_LIMIT = 100_000;

/**
 * TextQuoteSelectors that anchor once. A quote takes 32 code units of
 * context on each side; when prefix + exact + suffix occurs elsewhere in the
 * text, it takes more, on the side of the nearest run of 16 code units that
 * occurs nowhere else in the text (which makes the quote unique), up to
 * 1,024 units. Only a passage inside text repeated for longer than that (the
 * same paragraph pasted twice and more) can fail to be told apart; its
 * TextPositionSelector still is.
 *
 * The first check searches the text itself, except in a long text, where a
 * search per quote would make the export quadratic. The runs that occur
 * once are found in one pass over the text, when first needed: a rolling
 * hash over every run, whose collisions can only make a run look repeated,
 * never unique.
 */
export class QuoteSelectors {
  private runs?: Uint8Array;

  constructor(private readonly text: string) {}

  /** unique[i] is 1 when text[i, i + WINDOW) occurs once in the text. */
  private get unique(): Uint8Array {
    this.runs ??= uniqueRuns(this.text);
    return this.runs;
  }

  /** Whether a run that occurs once lies inside text[from, to). */
  private holdsUniqueRun(from: number, to: number): boolean {
    const unique = this.unique;
    for (let i = from; i + WINDOW <= to; i++) if (unique[i] === 1) return true;
    return false;
  }

  /** Whether text[from, to) occurs nowhere else in the text. */
  private occursOnce(from: number, to: number): boolean {
    if (this.text.length > DIRECT_SEARCH_LIMIT) return this.holdsUniqueRun(from, to);
    const needle = this.text.slice(from, to);
    return this.text.indexOf(needle) === from && this.text.indexOf(needle, from + 1) === -1;
  }

  /** A start that does not split a surrogate pair, at or before `offset`. */
  private startAt(offset: number): number {
    const at = Math.max(0, offset);
    return at > 0 && isLowSurrogate(this.text.charCodeAt(at)) ? at - 1 : at;
  }

  /** An end that does not split a surrogate pair, at or after `offset`. */
  private endAt(offset: number): number {
    const at = Math.min(this.text.length, offset);
    return at < this.text.length && isLowSurrogate(this.text.charCodeAt(at)) ? at + 1 : at;
  }

  /** The quote of text[start, end). */
  select(start: number, end: number): QuoteSelector {
    let from = this.startAt(start - INITIAL_CONTEXT);
    let to = this.endAt(end + INITIAL_CONTEXT);
    const wholeText = from === 0 && to === this.text.length;
    if (!wholeText && !this.occursOnce(from, to)) {
      // The nearest run that occurs once on each side, within reach.
      const unique = this.unique;
      let left = -1;
      for (let i = from - 1; i >= Math.max(0, start - MAX_CONTEXT); i--) {
        if (unique[i] === 1) {
          left = i;
          break;
        }
      }
      let right = -1;
      for (let i = Math.max(to - WINDOW + 1, 0); i + WINDOW <= Math.min(this.text.length, end + MAX_CONTEXT); i++) {
        if (unique[i] === 1) {
          right = i + WINDOW;
          break;
        }
      }
      if (left !== -1 && (right === -1 || from - left <= right - to)) from = this.startAt(left);
      else if (right !== -1) to = this.endAt(right);
      else {
        from = this.startAt(start - MAX_CONTEXT);
        to = this.endAt(end + MAX_CONTEXT);
      }
    }
    return { type: 'TextQuoteSelector', exact: this.text.slice(start, end), prefix: this.text.slice(from, start), suffix: this.text.slice(end, to) };
  }
}

/** For each start i, 1 when text[i, i + WINDOW) occurs once in the text. */
function uniqueRuns(text: string): Uint8Array {
  const count = Math.max(0, text.length - WINDOW + 1);
  const hashes = new Uint32Array(count);
  let power = 1;
  for (let k = 1; k < WINDOW; k++) power = Math.imul(power, HASH_BASE);
  let hash = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= WINDOW) hash = (hash - Math.imul(text.charCodeAt(i - WINDOW), power)) >>> 0;
    hash = (Math.imul(hash, HASH_BASE) + text.charCodeAt(i)) >>> 0;
    if (i >= WINDOW - 1) hashes[i - WINDOW + 1] = hash;
  }
  const sorted = hashes.slice().sort();
  const unique = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const at = lowerBound(sorted, hashes[i]);
    if (sorted[at + 1] !== hashes[i]) unique[i] = 1;
  }
  return unique;
}

function lowerBound(sorted: Uint32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Source offsets of one document to offsets in its article text. */
class ArticleOffsets {
  readonly article: ArticleText;
  private readonly codePoints: CodePoints;
  private readonly quotes: QuoteSelectors;

  constructor(facts: DocumentFacts) {
    this.article = articleText(facts.parsed);
    this.codePoints = new CodePoints(this.article.text);
    this.quotes = new QuoteSelectors(this.article.text);
  }

  /** The first article offset whose character sits at or after the source offset. */
  fromSource(sourceOffset: number): number {
    let low = 0;
    let high = this.article.text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.article.toSource(middle) < sourceOffset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The selectors of a span's text: between its `[` and its `]`, nested markup left out. */
  target(file: string, span: SpanNode): object {
    const start = this.fromSource(span.start + 1);
    const end = this.fromSource(span.close);
    return {
      type: 'SpecificResource',
      source: uriReference(file),
      selector: [
        this.quotes.select(start, end),
        { type: 'TextPositionSelector', start: this.codePoints.at(start), end: this.codePoints.at(end) },
      ],
    };
  }
}

function claimBodies(claim: Claim, block: ClaimBlock): object[] {
  const { properties } = block;
  const assertions = properties.map((attribute) => {
    const assertion = assertionsOf(claim).find((a) => a.start === attribute.start);
    const bounds = assertion ? valueBounds(assertion.property, assertion.value) : { low: null, high: null };
    return { property: attribute.key, value: attribute.value.text, ...bounds };
  });
  const words = properties.map((a) => `${a.key}=${a.value.raw}`).join(', ');
  const who = claim.claimant !== undefined ? `@${claim.claimant}` : 'unknown claimant';
  const about = claim.event !== undefined ? ` (event @${claim.event})` : '';
  return [
    { type: 'TextualBody', purpose: 'describing', format: 'text/plain', value: `${who}: ${words || 'no property'}${about}${claim.hedged ? ', hedged' : ''}` },
    {
      type: 'Claim',
      claimant: claim.claimant ?? null,
      outlet: claim.source ?? null,
      origin: claim.origin ?? null,
      event: claim.event ?? null,
      claimId: claim.id ?? null,
      hedged: claim.hedged,
      assertions,
    },
  ];
}

/**
 * The AnnotationCollection, in pieces: its opening, one annotation per claim
 * and mention, its closing. Every annotation's id is a fragment of the
 * export itself (`#claim-1`, `#mention-1`), numbered across the corpus.
 */
export function* w3cParts(corpus: Corpus, label: string): Generator<string> {
  let total = 0;
  for (const file of corpus.files()) {
    const facts = corpus.document(file);
    if (facts) total += facts.claims.length + [...mentionSpans(facts)].length;
  }
  const opening = JSON.stringify({
    '@context': W3C_CONTEXT,
    type: 'AnnotationCollection',
    label,
    total,
    positionUnit: POSITION_UNIT,
    first: { type: 'AnnotationPage', startIndex: 0, items: [] },
  });
  const cut = opening.lastIndexOf('"items":[]') + '"items":['.length;
  yield opening.slice(0, cut);
  let claims = 0;
  let mentions = 0;
  let first = true;
  for (const file of corpus.files()) {
    const facts = corpus.document(file);
    if (!facts) continue;
    const offsets = new ArticleOffsets(facts);
    const claimOf = new Map(facts.claims.map((claim) => [claim.start, claim]));
    const mentionOf = new Map([...mentionSpans(facts)].map((span) => [span.start, span]));
    for (const span of facts.parsed.spans) {
      const claim = claimOf.get(span.start);
      const mention = mentionOf.get(span.start);
      let annotation: object | undefined;
      if (claim) {
        annotation = { id: `#claim-${++claims}`, type: 'Annotation', motivation: 'describing', body: claimBodies(claim, claimBlockFrom(span, claim)), target: offsets.target(file, span) };
      } else if (mention) {
        const body = mention.block.refs.map((ref) => {
          const entity = corpus.registry.entities.get(ref.id);
          return { type: 'TextualBody', purpose: 'identifying', format: 'text/plain', value: entity?.name ?? `@${ref.id}`, entity: ref.id, section: entity?.section ?? null };
        });
        annotation = { id: `#mention-${++mentions}`, type: 'Annotation', motivation: 'identifying', body, target: offsets.target(file, span) };
      }
      if (!annotation) continue;
      yield (first ? '' : ',') + JSON.stringify(annotation);
      first = false;
    }
  }
  yield opening.slice(cut) + '\n';
}
