// What `corroborate suggest` prints (DESIGN.md, "Annotation assist"): the
// claims the assist proposes, as JSON for scripts and editors, or one line
// each for a person. Positions as `check` prints them: 1-based lines,
// UTF-16 columns, ends exclusive, `file` relative to DIR in JSON and to the
// working folder in text.

import { suggestionsFor, type Suggestion } from '../engine/assist/finder';
import type { Corpus } from '../engine/corpus';
import { jsonItems, Positions } from './report';
import { terminalPath, terminalText } from './terminal';

/** The suggestions for some documents of a corpus, by file then offset. */
export function suggestionsOfFiles(corpus: Corpus, files: readonly string[]): Suggestion[] {
  const suggestions: Suggestion[] = [];
  for (const file of [...new Set(files)].sort()) suggestions.push(...suggestionsFor(corpus, file));
  return suggestions;
}

/** The JSON object of `suggest --format json`, in pieces (a large corpus has many). */
export function* suggestJsonParts(corpus: Corpus, suggestions: readonly Suggestion[]): Generator<string> {
  const positions = new Positions(corpus);
  yield '{"suggestions":[';
  yield* jsonItems(suggestions, (s) => ({
    file: s.file,
    ...positions.range(s.file, s),
    text: s.text,
    markup: s.markup,
    claimant: s.claimant,
    event: s.event,
    properties: s.properties.map(({ key, value, words }) => ({ key, value, words })),
    hedged: s.hedged,
    confidence: s.confidence,
    why: s.why,
  }));
  yield ']}\n';
}

/** Longer passages are cut in the text output, which keeps one line per suggestion. */
const SHOWN_TEXT = 70;

/** The words of a passage on one line, cut to a glance: markup shown as written. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length <= SHOWN_TEXT ? line : `${line.slice(0, SHOWN_TEXT - 1)}…`;
}

/**
 * The lines of `suggest`: `path:line:col: {claim …} "passage" (confidence)
 * — why`, then a summary. `name` prints a corpus file relative to the
 * working folder.
 */
export function* suggestTextParts(corpus: Corpus, suggestions: readonly Suggestion[], documents: number, name: (file: string) => string): Generator<string> {
  const positions = new Positions(corpus);
  const names = new Map<string, string>();
  for (const s of suggestions) {
    const at = positions.range(s.file, s);
    let shown = names.get(s.file);
    if (shown === undefined) names.set(s.file, (shown = terminalPath(name(s.file))));
    const block = s.markup.slice(s.markup.length - blockLength(s));
    yield `${shown}:${at.line}:${at.column}: ${terminalText(block)} "${terminalText(excerpt(s.text))}" (${s.confidence.toFixed(2)}) — ${terminalText(s.why)}\n`;
  }
  const files = new Set(suggestions.map((s) => s.file)).size;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  yield `${plural(suggestions.length, 'suggested claim')} in ${plural(files, 'document')} of ${plural(documents, 'document')} read\n`;
}

/** The length of a suggestion's claim block: its markup is `[` + text + `]` + block. */
function blockLength(s: Suggestion): number {
  return s.markup.length - s.text.length - 2;
}
