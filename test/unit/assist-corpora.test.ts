// The assist's suggestions on the annotated corpora (the seeds and
// test/fixtures/corpora), each report read as the evaluation reads it: its
// own claims taken off, the other reports annotated. Whatever the finder
// proposes, an analyst must be able to read each suggestion as a claim of
// its own: it never starts or ends inside a mention's or a claim's markup
// (a suggestion opening on "a security source]{@x} said…" has lost its
// speaker and looks broken, however validly it applies), nor inside a
// figure ("…had counted some 16" of "16,000"). And what it proposes does not
// depend on the order the desk happened to list its properties in
// corroborate.yaml.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { isMap, parseDocument as parseYaml } from 'yaml';
import { suggestionsFor, type Suggestion } from '../../server/src/engine/assist/finder';
import { Corpus } from '../../server/src/engine/corpus';
import { parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import type { ParsedDocument } from '../../server/src/engine/syntax';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { stripClaims } from '../support/claims';
import { REPO, SEEDS } from '../support/tempFolder';

const CORPORA = path.join(REPO, 'test', 'fixtures', 'corpora');
const FOLDERS = [SEEDS, ...fs.readdirSync(CORPORA).sort().map((name) => path.join(CORPORA, name))];

/** Each report's suggestions with its claims taken off, and the report's text as the finder read it. */
async function suggestionsOfEachReport(folder: string, registryOf = (text: string) => text): Promise<{ file: string; text: string; suggestions: Suggestion[] }[]> {
  const annotated = await loadCorpus(folder);
  const files = annotated.files().filter((file) => file !== REGISTRY_FILE && annotated.document(file) !== undefined);
  return files.map((file) => {
    const corpus = new Corpus(registryOf(annotated.registry.text));
    for (const other of files) {
      const text = annotated.document(other)?.text ?? '';
      corpus.setDocument(other, other === file ? stripClaims(text) : text);
    }
    return { file, text: corpus.document(file)?.text ?? '', suggestions: suggestionsFor(corpus, file) };
  });
}

/** Whether an offset lies strictly inside a span's markup: after its `[`, before the end of its `]{…}`. */
function insideMarkup(parsed: ParsedDocument, offset: number): boolean {
  return parsed.spans.some((span) => offset > span.start && offset < span.end);
}

/** Whether an offset falls inside a figure written in digits: between a digit and a group or decimal mark followed by a digit ("16|,000", "1|.5", "١٦|٬٠٠٠"), or just after such a mark. */
function insideFigure(text: string, offset: number): boolean {
  const digit = /\p{Nd}/u;
  const mark = /[.,\u066b\u066c]/u;
  const at = (k: number) => text[k] ?? '';
  return (digit.test(at(offset - 1)) && mark.test(at(offset)) && digit.test(at(offset + 1))) || (digit.test(at(offset - 2)) && mark.test(at(offset - 1)) && digit.test(at(offset)));
}

describe('the assist on every read corpus: suggestions an analyst can read', () => {
  for (const folder of FOLDERS) {
    // Both checks read the same suggestions: the finder runs once per report.
    let read: ReturnType<typeof suggestionsOfEachReport> | undefined;
    const reports = () => (read ??= suggestionsOfEachReport(folder));
    test(`${path.basename(folder)}: no suggestion starts or ends inside a mention's or a claim's markup`, async () => {
      for (const { file, text, suggestions } of await reports()) {
        const parsed = parseDocument(text);
        const broken = suggestions.filter((suggestion) => insideMarkup(parsed, suggestion.start) || insideMarkup(parsed, suggestion.end)).map((suggestion) => suggestion.text);
        assert.deepEqual(broken, [], `${file}: suggestions cut inside markup`);
      }
    });
    test(`${path.basename(folder)}: no suggestion starts or ends inside a figure`, async () => {
      for (const { file, text, suggestions } of await reports()) {
        const cut = suggestions.filter((suggestion) => insideFigure(text, suggestion.start) || insideFigure(text, suggestion.end)).map((suggestion) => suggestion.text);
        assert.deepEqual(cut, [], `${file}: suggestions cut inside a figure`);
      }
    });
  }
});

/** A registry with its properties listed in the reverse order, each as written. */
function propertiesReversed(registryText: string): string {
  const registry = parseYaml(registryText);
  const properties = registry.get('properties');
  assert.ok(isMap(properties) && properties.items.length > 1, 'the registry lists properties');
  properties.items.reverse();
  return registry.toString();
}

/** What a suggestion proposes, its key=value pairs sorted: their order in the markup follows the registry, as it may. */
function proposal(suggestion: Suggestion): string {
  const pairs = suggestion.properties.map((property) => `${property.key}=${property.value}`).sort();
  return `${suggestion.start}-${suggestion.end} by=${suggestion.claimant ?? ''} event=${suggestion.event ?? ''} ${pairs.join(' ')}`;
}

describe('the assist does not depend on the order of the properties in corroborate.yaml', () => {
  // Solhan: a sentence of two figures was cut in two or kept whole by that order; Tongo Tongo: sibling counts (us-soldiers-killed,
  // nigerien-troops-killed) a figure fits as well went to the one listed first.
  for (const name of ['solhan', 'tongo-tongo']) {
    test(`${name}: the same suggestions with the properties listed in reverse`, async () => {
      const folder = path.join(CORPORA, name);
      const [asListed, reversed] = await Promise.all([suggestionsOfEachReport(folder), suggestionsOfEachReport(folder, propertiesReversed)]);
      asListed.forEach((report, i) => assert.deepEqual(reversed[i].suggestions.map(proposal), report.suggestions.map(proposal), `${report.file}: the suggestions change with the order of the properties`));
    });
  }
});
