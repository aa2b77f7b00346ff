// Every claim the assist proposes, applied: to generated reports (claims,
// brackets, escapes, quotes, emoji, Arabic, CRLF, lone CR, half-typed
// blocks) and to the seeds with their claim spans taken off. Suggestions
// never overlap and never cut a span; applying all of them adds no syntax
// problem, leaves the article text identical and puts a claim span exactly
// where each said. A selection read as a claim ("Annotate selection as
// claim") keeps the same promises whenever it offers markup.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readPassage, suggestionsFor, type Suggestion } from '../../server/src/engine/assist/finder';
import { Corpus } from '../../server/src/engine/corpus';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { applySuggestions } from '../assist/fixtures';
import { stripClaims } from '../support/claims';
import { SEEDS } from '../support/tempFolder';
import { checkProperty } from '../fuzz';

const REGISTRY = [
  'documents: ["*.txt"]',
  'properties:',
  '  outcome: { type: enum, values: [captured, repelled] }',
  '  killed: { type: count }',
  '  captured: { type: count }',
  '  date: { type: date }',
  '  place: { type: entity, kind: place }',
  '  attacker: { type: entity, kind: actor }',
  '  method: { type: text }',
  'actors:',
  '  jnim: { name: JNIM, aliases: [JNIM, GSIM, جماعة نصرة الإسلام] }',
  '  fama: { name: FAMa, aliases: [FAMa, armée malienne, army, الجيش] }',
  '  afp: { name: AFP, aliases: [AFP] }',
  '  locals: { name: Local sources, anonymous: true, aliases: [sources locales, residents] }',
  'places:',
  '  mali: { name: Mali, aliases: [Mali] }',
  '  gao: { name: Gao, aliases: [Gao, غاو], in: mali }',
  'events:',
  '  attack: { name: Attack, date: 2023-11-24, place: gao }',
  '',
].join('\n');

const ANNOTATED = [
  '---',
  'source: afp',
  'published: 2023-11-25',
  '---',
  '[[Le JNIM]{@jnim} a revendiqué la prise du camp de [Gao]{@gao} vendredi]{claim by=@jnim event=@attack outcome=captured attacker=@jnim date=2023-11-24}.',
  '[Vingt soldats ont été tués par des tirs de mortier]{claim by=@jnim event=@attack killed=20 method="tirs de mortier"}.',
  '',
].join('\n');

/** Sentences that state facts, in the three languages, some already annotated. */
const sentence = fc.constantFrom(
  'Selon [l’armée malienne]{@fama}, 20 soldats ont été tués vendredi à Gao.',
  'Le JNIM a revendiqué la prise du camp de Gao.',
  '« Nous avons repoussé l’assaut », a dit l’armée malienne.',
  'Des dizaines de morts, dit [le GSIM]{@jnim}.',
  'Deux soldats auraient été capturés.',
  "L'armée n'a pas souhaité donner de bilan.",
  'The army said 12 people were killed on Friday in Gao.',
  '"We repelled them," the army said.',
  'قال الجيش إن 20 جنديا قتلوا أمس في غاو.',
  'وأعلنت جماعة نصرة الإسلام سيطرتها على غاو.',
  '[Vingt soldats ont été tués]{claim by=@jnim event=@attack killed=20}.',
  'Des tirs de mortier ont visé le camp, selon des sources locales.',
  'Depuis 2012, le Mali connaît des violences.',
);

/** Pieces that make markup hard: brackets, escapes, braces, quotes, half-typed blocks, skips, astral and Arabic letters. */
const hazard = fc.constantFrom(
  '[sic]',
  '\\[',
  '\\]',
  '\\',
  '{',
  '}',
  ']{',
  '[',
  ']',
  '"',
  '«',
  '[x]{claim',
  '[x]{@',
  '[tweet 50 morts]{skip}',
  '[[Gao]{@gao}',
  '😀 3 morts',
  'عشرات',
  '`',
  '{claim}',
  '[a]{@jnim} 40 tués',
);

const separator = fc.constantFrom(' ', ' ', '. ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', ', ');

const frontMatter = fc.constantFrom('', '---\nsource: afp\npublished: 2023-11-25\nlanguage: fr\n---\n', '---\r\nsource: afp\r\npublished: 2023-11\r\n---\r\n', '---\nsource: afp\nlanguage: ar\npublished: 2023-11-25\n---\n', '---\nsource: nobody\n---\n');

const report = fc
  .tuple(frontMatter, fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: sentence }, { weight: 1, arbitrary: hazard }), separator), { minLength: 1, maxLength: 14 }))
  .map(([front, parts]) => front + parts.map(([piece, sep]) => piece + sep).join(''));

/** Asserts the contract of a document's suggestions, and returns the text with all of them applied. */
function checkSuggestions(text: string, suggestions: readonly Suggestion[]): string {
  let previousEnd = -1;
  for (const s of suggestions) {
    assert.ok(s.start >= previousEnd, `suggestions overlap at ${s.start}`);
    previousEnd = s.end;
    assert.equal(s.text, text.slice(s.start, s.end));
    assert.ok(s.markup.startsWith(`[${s.text}]{claim`) && s.markup.endsWith('}'), s.markup);
    assert.ok(s.confidence >= 0 && s.confidence <= 1);
    for (const p of s.properties) {
      assert.notEqual(p.value, '', `a blank value in ${s.markup}`);
      assert.equal(p.words, text.slice(p.start, p.end));
    }
  }
  const before = parseDocument(text);
  const applied = applySuggestions(text, suggestions);
  const after = parseDocument(applied);
  assert.equal(articleText(after).text, articleText(before).text, 'the article text changed');
  assert.deepEqual(
    after.problems.map((p) => p.code),
    before.problems.map((p) => p.code),
    `applying the suggestions changed the problems: ${JSON.stringify(after.problems.map((p) => p.message))}`,
  );
  const claims = after.spans.filter((span) => span.block.kind === 'claim').length - before.spans.filter((span) => span.block.kind === 'claim').length;
  assert.equal(claims, suggestions.length, 'each suggestion adds one claim span');
  return applied;
}

describe('the assist property: suggestions applied keep markup valid and the article the same', () => {
  test('on generated reports, with an annotated report to learn from', () => {
    checkProperty(
      fc.property(report, (text) => {
        const corpus = new Corpus(REGISTRY);
        corpus.setDocument('annotated.txt', ANNOTATED);
        corpus.setDocument('report.txt', text);
        checkSuggestions(text, suggestionsFor(corpus, 'report.txt'));
      }),
      300,
    );
  });

  test('on a selection of a generated report read as a claim', () => {
    checkProperty(
      fc.property(report, fc.nat(), fc.nat(), (text, a, b) => {
        const corpus = new Corpus(REGISTRY);
        corpus.setDocument('report.txt', text);
        const reading = readPassage(corpus, 'report.txt', { start: a % (text.length + 1), end: b % (text.length + 1) });
        if (reading?.markup === undefined) return;
        assert.equal(reading.text, text.slice(reading.start, reading.end));
        const applied = text.slice(0, reading.start) + reading.markup + text.slice(reading.end);
        const before = parseDocument(text);
        const after = parseDocument(applied);
        assert.equal(articleText(after).text, articleText(before).text);
        assert.deepEqual(
          after.problems.map((p) => p.code),
          before.problems.map((p) => p.code),
        );
      }),
      300,
    );
  });

  test('on each seed with its claim spans taken off, the others annotated', () => {
    const registry = fs.readFileSync(path.join(SEEDS, REGISTRY_FILE), 'utf8');
    const files = fs.readdirSync(SEEDS).filter((file) => file.endsWith('.txt'));
    for (const file of files) {
      const corpus = new Corpus(registry);
      for (const other of files) {
        const text = fs.readFileSync(path.join(SEEDS, other), 'utf8');
        corpus.setDocument(other, other === file ? stripClaims(text) : text);
      }
      const suggestions = suggestionsFor(corpus, file);
      assert.ok(suggestions.length > 0, `${file} gets suggestions`);
      checkSuggestions(corpus.document(file)?.text ?? '', suggestions);
    }
  });
});
