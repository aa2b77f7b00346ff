// Where a document may hold claims nobody has annotated yet: its sentences,
// cut by Intl.Segmenter over the article text (markup and `{skip}` spans
// left out), mended where the segmenter stumbles on press French and
// English (a quote closed after its full stop, "M." and "Gen." before a
// name, a quotation of several sentences attributed after it), then mapped
// back to the source. A sentence range never cuts a span: it grows to hold
// any span it starts or ends inside. Claim spans (and spans holding one) are
// left out: the stretches of a sentence between them are the units. A unit
// also ends at a semicolon and before what the outlet adds about the source
// of an end attribution, and a wire dateline is none (docs/assist.md, the
// tenth round: where the desks cut their claims).

import type { DocumentFacts } from '../document';
import type { InlineNode, ParsedDocument, SpanNode, TextRange } from '../syntax';
import { walkInline } from '../spans';
import { keepRecent } from '../recent';

/** A stretch of a sentence no claim covers, trimmed as the seeds trim claims (no final full stop). */
export interface Unit extends TextRange {
  /** The sentence it belongs to: units of one sentence share it. */
  readonly sentence: number;
  /** That whole sentence, the claims in it included. */
  readonly sentenceRange: TextRange;
  /** The line-separated block of text it is in: attribution carries within it. */
  readonly paragraph: number;
  /** Set on what the outlet adds about a statement's source ("…, selon X, qui parle de…"): the attribution naming that source, just before it. */
  readonly source?: TextRange;
}

/** The article as the segmenter reads it, with the way back to source offsets. */
interface ReadingText {
  readonly text: string;
  /** `source[i]`: the source offset of reading character i; `source[text.length]` the end. */
  readonly source: Int32Array;
}

const LF = '\n';

/** The article without markup and without what `{skip}` hides; a skipped span reads as a line break. */
function readingText(parsed: ParsedDocument): ReadingText {
  const text = parsed.text;
  let out = '';
  const offsets: number[] = [];
  let skipDepth = 0;
  walkInline<SpanNode>(parsed.nodes, {
    enter: (span) => {
      if (span.block.kind !== 'skip') return;
      if (skipDepth === 0) {
        out += LF;
        offsets.push(span.start);
      }
      skipDepth++;
    },
    leave: (span) => {
      if (span.block.kind === 'skip') skipDepth--;
    },
    leaf: (node) => {
      if (skipDepth > 0) return;
      if (node.kind === 'escape') {
        out += node.char;
        offsets.push(node.start);
        return;
      }
      for (let i = node.start; i < node.end; i++) {
        const c = text.charCodeAt(i);
        // `\r\n` and a lone `\r` end a line as `\n` does; `\r\n` keeps its two characters.
        out += c === 0x0d ? (text.charCodeAt(i + 1) === 0x0a ? ' ' : LF) : text[i];
        offsets.push(i);
      }
    },
  });
  const source = new Int32Array(offsets.length + 1);
  source.set(offsets);
  source[offsets.length] = offsets.length === 0 ? text.length : offsets[offsets.length - 1] + 1;
  return { text: out, source };
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(language: string | undefined): Intl.Segmenter {
  const key = language ?? '';
  let segmenter = segmenters.get(key);
  if (segmenter === undefined) {
    let locale: string | undefined;
    try {
      locale = language === undefined ? undefined : Intl.getCanonicalLocales(language)[0];
    } catch {
      locale = undefined;
    }
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** Words after which a full stop ends no sentence: titles and ranks before a name, and a few Latin abbreviations. */
const ABBREVIATIONS = new Set(
  ['m', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'mgr', 'mr', 'mrs', 'ms', 'messrs', 'gen', 'gén', 'col', 'lt', 'sgt', 'capt', 'cpt', 'cdt', 'st', 'ste', 'no', 'jr', 'sr', 'rev', 'sen', 'rep', 'gov', 'brig', 'maj', 'adm', 'prof', 'cf', 'vol', 'art', 'av', 'apr', 'env', 'ex', 'vs', 'hon', 'cpl', 'pte', 'fig'],
);

/**
 * Words that open a sentence rather than go on with a name: after a dotted
 * acronym ("…troops from the U.S. The attack…") they start a new one.
 */
const SENTENCE_OPENERS = new Set(
  ['the', 'a', 'an', 'it', 'he', 'she', 'they', 'we', 'i', 'this', 'these', 'those', 'there', 'in', 'on', 'but', 'and', 'le', 'la', 'les', 'l', 'un', 'une', 'des', 'il', 'elle', 'ils', 'elles', 'on', 'ce', 'cette', 'ces', 'mais', 'et'],
);

/** A capital before a sentence's final full stop, as a dotted acronym ends ("U.S."): looked at before the whole sentence is. */
const CAPITAL = /^\p{Lu}$/u;
const DOTTED_ACRONYM = /(?:^|[\s(«"“'’])(?:\p{Lu}\.){2,}\s*$/u;

/**
 * Whether a sentence ends on an abbreviation or an initial ("J."), or on a
 * dotted acronym before a name ("Three U.S. Army soldiers", "U.N.
 * Secretary-General"), so that the next one continues it.
 */
function endsOnAbbreviation(sentence: string, next: string): boolean {
  const tail = sentence.trimEnd();
  if (tail.endsWith('.') && CAPITAL.test(tail.charAt(tail.length - 2)) && DOTTED_ACRONYM.test(tail)) {
    const word = /^\s*([\p{L}]+)/u.exec(next)?.[1];
    return word !== undefined && !SENTENCE_OPENERS.has(word.toLowerCase());
  }
  const match = /(?:^|[\s(«"“'’])([\p{L}]+)\.\s*$/u.exec(sentence);
  if (match === null) return false;
  const word = match[1];
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word === word.toUpperCase());
}

/** How many quotations a stretch of text leaves open: « against », “ against ”, and straight quotes by parity. */
function openQuotes(text: string): number {
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  for (const c of text) {
    if (c === '«') guillemets++;
    else if (c === '»') guillemets = Math.max(0, guillemets - 1);
    else if (c === '“') curly++;
    else if (c === '”') curly = Math.max(0, curly - 1);
    else if (c === '"') straight ^= 1;
  }
  return guillemets + curly + straight;
}

/** At most this many segments are joined to close a quotation: past it, the quote is taken as never closed. */
const MAX_QUOTED_SEGMENTS = 6;

/** The sentences of one line of reading text, as ranges of it. */
function sentencesOfLine(reading: string, start: number, end: number, segmenter: Intl.Segmenter): TextRange[] {
  const pieces: TextRange[] = [];
  for (const segment of segmenter.segment(reading.slice(start, end))) {
    pieces.push({ start: start + segment.index, end: start + segment.index + segment.segment.length });
  }
  const sentences: TextRange[] = [];
  let joinedForQuote = 0;
  for (const piece of pieces) {
    const last = sentences[sentences.length - 1];
    const text = reading.slice(piece.start, piece.end);
    const lastText = last === undefined ? '' : reading.slice(last.start, last.end);
    // A closing quote or a lower-case letter does not start a sentence: the
    // segmenter cut after an abbreviation or before the quote's closing mark.
    // A straight quote closes only a quotation the sentence before left open.
    const closing = (openQuotes(lastText) > 0 ? /^\s*[»”)\]’"]+[ \t]*/u : /^\s*[»”)\]’]+[ \t]*/u).exec(text);
    if (last !== undefined && closing !== null && /[.!?…]\s*$/u.test(lastText) && /^\p{Lu}/u.test(text.slice(closing[0].length))) {
      // "… à grande échelle. » Le camp …": the quote's closing mark ends the
      // sentence before it, and what follows it is a sentence of its own.
      sentences[sentences.length - 1] = { start: last.start, end: piece.start + closing[0].length };
      sentences.push({ start: piece.start + closing[0].length, end: piece.end });
      joinedForQuote = 0;
      continue;
    }
    const continues =
      last !== undefined &&
      (closing !== null || /^\s*\p{Ll}/u.test(text) || endsOnAbbreviation(lastText, text) || (openQuotes(lastText) > 0 && joinedForQuote < MAX_QUOTED_SEGMENTS));
    if (continues) {
      joinedForQuote = openQuotes(lastText) > 0 ? joinedForQuote + 1 : 0;
      sentences[sentences.length - 1] = { start: last.start, end: piece.end };
    } else {
      joinedForQuote = 0;
      sentences.push(piece);
    }
  }
  return sentences;
}

/**
 * The lines of the reading text: a line break ends a line unless the next
 * line goes on in lower case (a paragraph wrapped by hand).
 */
function linesOf(reading: string): TextRange[] {
  const lines: TextRange[] = [];
  let start = 0;
  for (let i = 0; i <= reading.length; i++) {
    if (i < reading.length && reading[i] !== LF) continue;
    if (i < reading.length && /^[ \t]*\p{Ll}/u.test(reading.slice(i + 1, i + 40)) && !/^\s*$/u.test(reading.slice(start, i))) continue;
    if (i > start) lines.push({ start, end: i });
    start = i + 1;
  }
  return lines;
}

const TRAILING = /[\s.,;:]+$/u;
const LEADING = /^[\s,;:.]+/u;
/**
 * A word of single letters each followed by its dot ("U.S.", "O.N.U.",
 * "p.m."), as the text before a range's trailing punctuation ends when that
 * punctuation starts with the abbreviation's own dot: a sentence that ends on
 * one writes a single dot, which the abbreviation keeps.
 */
const DOTTED_ABBREVIATION = /(?:^|[^\p{L}\p{N}.])(?:\p{L}\p{M}*\.){2,}$/u;
/** How far back an abbreviation is looked for: "O.N.U.S.M.A." with room to spare. */
const ABBREVIATION_WINDOW = 32;

/** Index of the top-level node holding `offset`, or -1. */
function topNodeAt(nodes: readonly InlineNode[], offset: number): number {
  let low = 0;
  let high = nodes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const node = nodes[middle];
    if (offset < node.start) high = middle - 1;
    else if (offset >= node.end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** A document's spans as the units need them: top-level nodes to grow ranges to, and which spans hold a claim. */
class SpanLayout {
  private readonly top: readonly InlineNode[];
  /** Top-level spans that are claims, hold a claim or are skipped: no unit crosses them. */
  private readonly barriers = new Set<SpanNode>();

  constructor(private readonly parsed: ParsedDocument) {
    this.top = parsed.nodes;
    for (const node of parsed.nodes) {
      if (node.kind !== 'span') continue;
      if (node.block.kind === 'claim' || node.block.kind === 'skip') {
        this.barriers.add(node);
        continue;
      }
      let holdsClaim = false;
      walkInline<SpanNode>(node.children, {
        enter: (span) => {
          if (span.block.kind === 'claim') holdsClaim = true;
        },
      });
      if (holdsClaim) this.barriers.add(node);
    }
  }

  private isBarrier(node: InlineNode): boolean {
    return node.kind === 'span' && this.barriers.has(node);
  }

  /**
   * The source range [start, end) grown so that it cuts no span, then cut
   * into the stretches between barrier spans, each trimmed of spaces and
   * edge punctuation (trimming never enters a span).
   */
  pieces(start: number, end: number): TextRange[] {
    const first = topNodeAt(this.top, start);
    const last = topNodeAt(this.top, end - 1);
    if (first < 0 || last < 0) return [];
    const pieces: TextRange[] = [];
    let pieceStart = -1;
    let pieceEnd = -1;
    const close = () => {
      if (pieceStart >= 0) {
        const trimmed = trimRange(this.parsed, pieceStart, pieceEnd);
        if (trimmed !== undefined) pieces.push(trimmed);
      }
      pieceStart = -1;
    };
    for (let k = first; k <= last; k++) {
      const node = this.top[k];
      if (this.isBarrier(node)) {
        close();
        continue;
      }
      // Spans and escapes are taken whole; only plain text is cut.
      const from = node.kind === 'text' ? Math.max(node.start, start) : node.start;
      const to = node.kind === 'text' ? Math.min(node.end, end) : node.end;
      if (pieceStart < 0) pieceStart = from;
      pieceEnd = to;
    }
    close();
    return pieces;
  }
}

/**
 * The units last cut, by the facts of the document they were cut from, most
 * recent last: an edit that changes some claim of the corpus moves the cue
 * model, and every open report is read for claims again in the same text,
 * whose units it does not change (cutting them was some 14% of a report's
 * reading). A few are kept, more than an analyst has open: `corroborate
 * suggest` reads every report once and keeps none for long.
 */
const recentUnits = new Map<DocumentFacts, readonly Unit[]>();
const UNITS_KEPT = 64;

/** The units of a document: stretches of its sentences that no claim covers, in text order. */
export function readUnits(facts: DocumentFacts): readonly Unit[] {
  const units = recentUnits.get(facts) ?? cutUnits(facts);
  keepRecent(recentUnits, facts, units, UNITS_KEPT);
  return units;
}

function cutUnits(facts: DocumentFacts): Unit[] {
  const parsed = facts.parsed;
  const reading = readingText(parsed);
  const segmenter = segmenterFor(facts.frontMatter.language);
  // Sentences in source offsets, grown so that none cuts a span; a full stop
  // inside a mention ("[Le GSIM. Groupe]") joins the sentences on either side.
  const sentences: { start: number; end: number; paragraph: number }[] = [];
  linesOf(reading.text).forEach((line, paragraph) => {
    for (const sentence of sentencesOfLine(reading.text, line.start, line.end, segmenter)) {
      let start = sentence.start;
      let end = sentence.end;
      while (start < end && /\s/u.test(reading.text[start])) start++;
      while (end > start && /\s/u.test(reading.text[end - 1])) end--;
      if (end <= start) continue;
      const grown = growToSpans(parsed, reading.source[start], reading.source[end - 1] + 1);
      const last = sentences[sentences.length - 1];
      if (last !== undefined && grown.start < last.end) last.end = Math.max(last.end, grown.end);
      else sentences.push({ ...grown, paragraph });
    }
  });
  const layout = new SpanLayout(parsed);
  return sentences.flatMap((sentence, index) =>
    layout
      .pieces(sentence.start, sentence.end)
      .flatMap((piece) => withoutDateline(parsed, piece))
      .flatMap((piece) => atSemicolons(parsed, piece))
      .flatMap((piece) => withoutSourceAside(parsed, piece))
      .map((piece) => ({ ...piece, sentence: index, sentenceRange: { start: sentence.start, end: sentence.end }, paragraph: sentence.paragraph })),
  );
}

/**
 * A wire dispatch's dateline at the start of a piece: a place, perhaps a
 * day, the agency in brackets and a dash ("DAKAR, April 5 (Reuters) - ",
 * "Ouagadougou (AFP) - "), or in Arabic the place, a dash and the agency
 * before a colon ("نيامي - (أ ف ب):"). It states no claim, and no desk
 * annotates it.
 */
const DATELINE = /^\s*[^\s(),:]+(?:\s+[^\s(),:]+){0,2}\s*(?:,\s*\p{L}{3,9}\.?\s+\d{1,2}\s*)?(?:\(\s*[^()]{2,40}?\)\s*[-–—]|[-–—]\s*\(\s*[^()]{2,40}?\)\s*:)\s*/u;

/** A piece without the dateline it opens with. */
function withoutDateline(parsed: ParsedDocument, piece: TextRange): TextRange[] {
  const match = DATELINE.exec(maskedMarkup(parsed, piece));
  if (match === null || insideSpan(parsed, piece.start + match[0].length)) return [piece];
  const rest = trimRange(parsed, piece.start + match[0].length, piece.end);
  return rest === undefined ? [] : [rest];
}

/**
 * A piece cut at its semicolons outside quotations: each side is a statement
 * of its own ("local officials put the number at 160; the government settled
 * on 157"), and the desks of every read corpus end a claim there.
 */
function atSemicolons(parsed: ParsedDocument, piece: TextRange): TextRange[] {
  const masked = maskedMarkup(parsed, piece);
  const parts: TextRange[] = [];
  let start = piece.start;
  for (const semicolon of masked.matchAll(/[;؛]/gu)) {
    const at = piece.start + semicolon.index;
    if (insideSpan(parsed, at) || openQuotes(masked.slice(0, semicolon.index)) > 0) continue;
    const part = trimRange(parsed, start, at);
    if (part !== undefined) parts.push(part);
    start = at + 1;
  }
  const last = trimRange(parsed, start, piece.end);
  if (last !== undefined) parts.push(last);
  return parts;
}

/**
 * An attribution after a comma that ends a statement, then a comma and what
 * the outlet adds about the source, or another party's word on the event: a
 * relative clause, a participle or "in what X called"
 * ("…, selon une source sécuritaire, qui n'exclut pas…", "…, said two
 * officials, who spoke on condition of anonymity", "…, he said, asking not
 * to be named", "…, the government said, in what officials called…", "…،
 * بحسب المصدر، الذي طلب…"). The party is named in a few
 * words without a comma; `cut` is the comma before the aside — up to 90
 * characters after the verb, its mention's markup blanked but counted: "selon
 * un communiqué de [l'état-major général des armées]{@burkina-army}, qui
 * fait état de…" runs to 65. "adding",
 * "ajoutant", "مضيفا" are left out: what follows them is more of the
 * statement, and the desk keeps it in the claim.
 */
const SOURCE_ASIDE =
  /[,،]\s*(?:[\p{L}\p{N}'’-]+\s+){0,3}?(?:(?:according to|said|says|told|selon|d['’]après|a déclaré|a indiqué|a affirmé|a précisé|a dit)(?!\p{L})|و?(?:بحسب|حسب|وفق ما أفادت?|وفقا ?ل|قال|قالت))[^,،;:]{0,90}?(?<cut>[,،])\s+(?=(?:who|which|asking|speaking|in what|qui|dans ce que|الذي|التي|الذين|فيما وصف)(?![\p{L}\p{N}]))/diu;
/** Words of the statement that stand before its attribution at the least: with fewer, the attribution opens the sentence ("Selon X, qui…, 12 soldats…") and its aside is no aside. */
const STATEMENT_WORDS = 3;

/** A piece cut before what the outlet adds about the source of its statement: the statement and the aside become units of their own. */
function withoutSourceAside(parsed: ParsedDocument, piece: TextRange): (TextRange & { readonly source?: TextRange })[] {
  const masked = maskedMarkup(parsed, piece);
  const match = SOURCE_ASIDE.exec(masked);
  const comma = match?.indices?.groups?.cut?.[0];
  if (match === null || comma === undefined) return [piece];
  if ((masked.slice(0, match.index).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < STATEMENT_WORDS) return [piece];
  const cut = piece.start + comma;
  if (insideSpan(parsed, cut)) return [piece];
  const statement = trimRange(parsed, piece.start, cut);
  const aside = trimRange(parsed, cut + 1, piece.end);
  const source = trimRange(parsed, piece.start + match.index + 1, cut);
  return statement === undefined || aside === undefined ? [piece] : [statement, { ...aside, source }];
}

/**
 * A range's source text with the markup of its spans (`[`, `]{…}`) blanked
 * out, offsets kept: the words as a reader sees them. Built from slices
 * (every piece of every report is masked three times; splitting it into
 * characters cost a twentieth of `suggest`).
 */
function maskedMarkup(parsed: ParsedDocument, range: TextRange): string {
  const text = parsed.text;
  let masked = '';
  let at = range.start;
  // The markup ranges are sorted and disjoint: a nested span's `]{…}` lies in the text of the span around it.
  for (const markup of markupWithin(parsed, range.start, range.end)) {
    masked += text.slice(at, markup.start) + ' '.repeat(markup.end - markup.start);
    at = markup.end;
  }
  return masked + text.slice(at, range.end);
}

/** The index of the first span (or mention) whose start is at or after `offset`, in a list in the order of their starts. */
export function firstSpanFrom(spans: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (spans[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The markup of the spans inside [start, end) — each `[` and each `]{…}` — sorted, for the value readers to read past. */
export function markupWithin(parsed: ParsedDocument, start: number, end: number): TextRange[] {
  const ranges: { start: number; end: number }[] = [];
  markupInto(parsed, start, end, ranges);
  return ranges;
}

/**
 * markupWithin written over the first entries of `ranges` (their objects
 * reused, more added as needed): how many are the markup's. The value check
 * asks it for every claim, and a list of new ranges each time was a tenth of
 * what it allocated.
 */
export function markupInto(parsed: ParsedDocument, start: number, end: number, ranges: { start: number; end: number }[]): number {
  let length = 0;
  for (let k = firstSpanFrom(parsed.spans, start); k < parsed.spans.length && parsed.spans[k].start < end; k++) {
    const span = parsed.spans[k];
    if (span.end > end) continue;
    length = setRange(ranges, length, span.start, span.start + 1);
    length = setRange(ranges, length, span.close, span.end);
  }
  // Sorted already unless spans nest; then sorted in place, the ranges being disjoint (no two starts equal).
  for (let k = 1; k < length; k++) {
    const range = ranges[k];
    let at = k;
    for (; at > 0 && ranges[at - 1].start > range.start; at--) ranges[at] = ranges[at - 1];
    ranges[at] = range;
  }
  return length;
}

/** Writes [start, end) as entry `length` of `ranges`; the new length. */
function setRange(ranges: { start: number; end: number }[], length: number, start: number, end: number): number {
  const range = ranges[length];
  if (range === undefined) {
    ranges.push({ start, end });
  } else {
    range.start = start;
    range.end = end;
  }
  return length + 1;
}

/** The spans inside [start, end), in the order of their `[`. */
export function spansWithin(parsed: ParsedDocument, start: number, end: number): SpanNode[] {
  const found: SpanNode[] = [];
  for (let k = firstSpanFrom(parsed.spans, start); k < parsed.spans.length && parsed.spans[k].start < end; k++) {
    if (parsed.spans[k].end <= end) found.push(parsed.spans[k]);
  }
  return found;
}

/** Whether an offset lies strictly inside a top-level span or escape (its first character excluded): a cut there would cut it. */
export function insideSpan(parsed: ParsedDocument, offset: number): boolean {
  const k = topNodeAt(parsed.nodes, offset);
  return k >= 0 && parsed.nodes[k].kind !== 'text' && offset > parsed.nodes[k].start;
}

/** A range with spaces and edge punctuation trimmed, as units are (undefined when nothing is left). */
export function trimRange(parsed: ParsedDocument, start: number, end: number): TextRange | undefined {
  const text = parsed.text;
  const inText = (offset: number) => {
    const k = topNodeAt(parsed.nodes, offset);
    return k >= 0 && parsed.nodes[k].kind === 'text';
  };
  const lead = LEADING.exec(text.slice(start, end));
  if (lead !== null) for (let i = 0; i < lead[0].length && inText(start); i++) start++;
  const trail = TRAILING.exec(text.slice(start, end));
  if (trail !== null) {
    let trimmed = trail[0].length;
    const dotAt = end - trimmed;
    if (trail[0].startsWith('.') && DOTTED_ABBREVIATION.test(text.slice(Math.max(start, dotAt - ABBREVIATION_WINDOW), dotAt + 1))) trimmed--;
    for (let i = 0; i < trimmed && end > start && inText(end - 1); i++) end--;
  }
  return end > start ? { start, end } : undefined;
}

/** A range grown to the top-level spans (and escapes) it starts or ends inside, so that it cuts none. */
export function growToSpans(parsed: ParsedDocument, start: number, end: number): TextRange {
  const first = topNodeAt(parsed.nodes, start);
  const last = end > start ? topNodeAt(parsed.nodes, end - 1) : -1;
  const firstNode = first >= 0 ? parsed.nodes[first] : undefined;
  const lastNode = last >= 0 ? parsed.nodes[last] : undefined;
  return { start: firstNode !== undefined && firstNode.kind !== 'text' ? firstNode.start : start, end: lastNode !== undefined && lastNode.kind !== 'text' ? lastNode.end : end };
}
