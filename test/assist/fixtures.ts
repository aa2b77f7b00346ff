// The claim finder's fixtures (test/fixtures/assist/*.md): a small corpus
// and, case by case, a report followed by the same report with every
// suggestion applied, as "Annotate all" would leave it. Reading one is
// reading what the assist proposes:
//
//     # Anything before the first `//-` is a comment.
//     //- corroborate.yaml             the registry, shared by the cases
//     documents: ["*.txt"]
//     …
//     //- front matter                 put before a case that has none of its own
//     ---
//     source: afp
//     ---
//     //- annotated.txt                other documents: the claims the model learns from
//     …
//     ## the case's title
//     Selon l'armée, 20 soldats ont été tués.
//     =>
//     [Selon l'armée, 20 soldats ont été tués]{claim by=@fama event=@x killed=20}.
//
// `=> nothing` says that the case gets no suggestion. Each case is read in
// a corpus of the registry, the other documents and itself alone.
// UPDATE_EXPECT=1 rewrites the expected texts from what the finder gives,
// for a change of behaviour that is meant (review the diff).

import * as fs from 'node:fs';
import { suggestionsFor, type Suggestion } from '../../server/src/engine/assist/finder';
import { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';

export interface FixtureCase {
  readonly title: string;
  /** The report as given, front matter included. */
  readonly text: string;
  /** The report with every suggestion applied, or undefined for `=> nothing`. */
  readonly expected: string | undefined;
  /** Where the case's lines are in the fixture file (0-based, the `##` line and the line after the expected text). */
  readonly lines: { readonly start: number; readonly end: number };
  /** Whether the case wrote its own front matter. */
  readonly ownFrontMatter: boolean;
}

export interface AssistFixture {
  readonly registry: string;
  readonly frontMatter: string;
  /** Other documents of the corpus, by name. */
  readonly documents: ReadonlyMap<string, string>;
  readonly cases: readonly FixtureCase[];
}

const NOTHING = 'nothing';
/** The name each case's report has in its corpus. */
export const CASE_FILE = 'case.txt';

function joined(lines: readonly string[]): string {
  const trimmed = [...lines];
  while (trimmed.length > 0 && trimmed[trimmed.length - 1].trim() === '') trimmed.pop();
  while (trimmed.length > 0 && trimmed[0].trim() === '') trimmed.shift();
  return trimmed.map((line) => `${line}\n`).join('');
}

export function parseAssistFixture(source: string): AssistFixture {
  const lines = source.split('\n');
  const sections = new Map<string, string[]>();
  const cases: FixtureCase[] = [];
  let section: string[] | undefined;
  let current: { title: string; start: number; body: string[]; expected?: string[] } | undefined;
  const closeCase = (end: number) => {
    if (current === undefined) return;
    if (current.expected === undefined) throw new Error(`fixture case "${current.title}" has no => line`);
    const text = joined(current.body);
    const expected = joined(current.expected);
    cases.push({ title: current.title, text, expected: expected.trim() === NOTHING ? undefined : expected, lines: { start: current.start, end }, ownFrontMatter: text.startsWith('---\n') });
    current = undefined;
  };
  lines.forEach((line, index) => {
    const header = /^\/\/- (.+)$/u.exec(line);
    if (header !== null && current === undefined) {
      section = [];
      sections.set(header[1], section);
      return;
    }
    const title = /^## (.+)$/u.exec(line);
    if (title !== null) {
      closeCase(index);
      section = undefined;
      current = { title: title[1], start: index, body: [] };
      return;
    }
    if (current !== undefined) {
      if (current.expected === undefined && line.startsWith('=>')) current.expected = line.slice(2).trim() === '' ? [] : [line.slice(2).trim()];
      else if (current.expected !== undefined) current.expected.push(line);
      else current.body.push(line);
      return;
    }
    section?.push(line);
  });
  closeCase(lines.length);
  const registry = sections.get(REGISTRY_FILE);
  if (registry === undefined) throw new Error(`an assist fixture needs a //- ${REGISTRY_FILE} section`);
  const documents = new Map([...sections].filter(([name]) => name !== REGISTRY_FILE && name !== 'front matter').map(([name, body]) => [name, joined(body)]));
  return { registry: joined(registry), frontMatter: joined(sections.get('front matter') ?? []), documents, cases };
}

/** The report of a case as the corpus holds it: its own front matter, or the fixture's. */
export function caseText(fixture: AssistFixture, fixtureCase: FixtureCase): string {
  return fixtureCase.ownFrontMatter ? fixtureCase.text : fixture.frontMatter + fixtureCase.text;
}

/** A case's corpus: the registry, the other documents, and the case's report. */
export function caseCorpus(fixture: AssistFixture, fixtureCase: FixtureCase): Corpus {
  const corpus = new Corpus(fixture.registry);
  for (const [name, text] of fixture.documents) corpus.setDocument(name, text);
  corpus.setDocument(CASE_FILE, caseText(fixture, fixtureCase));
  return corpus;
}

/** A text with every suggestion applied (they never overlap), last first so that offsets hold. */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  let out = text;
  for (const suggestion of [...suggestions].sort((a, b) => b.start - a.start)) out = out.slice(0, suggestion.start) + suggestion.markup + out.slice(suggestion.end);
  return out;
}

/** What the finder makes of a case: the report with its suggestions applied, the fixture's front matter left out again. */
export function actualOf(fixture: AssistFixture, fixtureCase: FixtureCase): { readonly text: string | undefined; readonly suggestions: readonly Suggestion[] } {
  const corpus = caseCorpus(fixture, fixtureCase);
  const suggestions = suggestionsFor(corpus, CASE_FILE);
  if (suggestions.length === 0) return { text: undefined, suggestions };
  const applied = applySuggestions(caseText(fixture, fixtureCase), suggestions);
  return { text: fixtureCase.ownFrontMatter ? applied : applied.slice(fixture.frontMatter.length), suggestions };
}

/** The fixture file with each case's expected text replaced by what the finder gives. */
export function rewriteFixture(source: string, fixture: AssistFixture, actual: (fixtureCase: FixtureCase) => string | undefined): string {
  const lines = source.split('\n');
  const out: string[] = [];
  let at = 0;
  for (const fixtureCase of fixture.cases) {
    out.push(...lines.slice(at, fixtureCase.lines.start));
    out.push(`## ${fixtureCase.title}`, ...fixtureCase.text.replace(/\n$/u, '').split('\n'));
    const text = actual(fixtureCase);
    if (text === undefined) out.push(`=> ${NOTHING}`);
    else out.push('=>', ...text.replace(/\n$/u, '').split('\n'));
    out.push('');
    at = fixtureCase.lines.end;
  }
  out.push(...lines.slice(at));
  return out.join('\n').replace(/\n+$/u, '\n');
}

export function readAssistFixture(file: string): { readonly source: string; readonly fixture: AssistFixture } {
  const source = fs.readFileSync(file, 'utf8');
  return { source, fixture: parseAssistFixture(source) };
}
