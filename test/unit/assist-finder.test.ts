// The claim finder on its fixtures (test/fixtures/assist/*.md): each case a
// report, then the report with every suggestion applied. French, English and
// Arabic: attribution constructions, quotes attributed after them, the
// outlet's own statements, vague tolls, relative dates, hedged and declined
// wording, clauses, and sentences whose numbers are no claim.
// UPDATE_EXPECT=1 rewrites the expected texts (review the diff).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../support/tempFolder';
import { readPassage } from '../../server/src/engine/assist/finder';
import { Corpus } from '../../server/src/engine/corpus';
import { actualOf, readAssistFixture, rewriteFixture } from '../assist/fixtures';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'assist');

for (const name of fs.readdirSync(FIXTURES).filter((file) => file.endsWith('.md')).sort()) {
  const file = path.join(FIXTURES, name);
  const { source, fixture } = readAssistFixture(file);
  if (process.env.UPDATE_EXPECT === '1') {
    const rewritten = rewriteFixture(source, fixture, (fixtureCase) => actualOf(fixture, fixtureCase).text);
    if (rewritten !== source) fs.writeFileSync(file, rewritten);
    continue;
  }
  describe(`claim finder: ${name}`, () => {
    for (const fixtureCase of fixture.cases) {
      test(fixtureCase.title, () => {
        const { text } = actualOf(fixture, fixtureCase);
        assert.equal(text ?? 'nothing\n', fixtureCase.expected ?? 'nothing\n', `${name}, line ${fixtureCase.lines.start + 1}: the suggestions differ (UPDATE_EXPECT=1 rewrites the fixture)`);
      });
    }
  });
}

/** What "Annotate selection as claim" reads for some words of a report, `body` after the front matter of a fixture file, in its corpus. */
function selectionIn(fixtureFile: string, body: string): (words: string) => ReturnType<typeof readPassage> {
  const { fixture } = readAssistFixture(path.join(FIXTURES, fixtureFile));
  const text = `${fixture.frontMatter}${body}`;
  const corpus = new Corpus(fixture.registry);
  // The fixture's own annotated reports are the desk's claims the assist learns from, as in a real corpus.
  for (const [name, document] of fixture.documents) corpus.setDocument(name, document);
  corpus.setDocument('report.txt', text);
  return (words) => readPassage(corpus, 'report.txt', { start: text.indexOf(words), end: text.indexOf(words) + words.length });
}

describe('Annotate selection as claim: a selection goes on with the account before it as a suggestion does', () => {
  const select = selectionIn(
    'carryover.md',
    'The army said it had killed 40 fighters near Dallo. Soldiers had arrested 15 suspects. Roads were closed for a week.\n\nGunmen wounded 12 villagers in the North province in January.\n',
  );

  test('in the paragraph of the statement, in reported speech: the party', () => {
    const reading = select('Soldiers had arrested 15 suspects');
    assert.equal(reading?.claimant, 'army');
    assert.match(reading?.markup ?? '', /by=@army/u);
  });

  test('in the paragraph of the statement, told plainly: the outlet', () => {
    const reading = select('Roads were closed for a week');
    assert.equal(reading?.claimant, 'reuters');
    assert.doesNotMatch(reading?.markup ?? '', /by=/u);
  });

  test('in the next paragraph, told in the simple past: the outlet', () => {
    const reading = select('Gunmen wounded 12 villagers in the North province in January');
    assert.equal(reading?.claimant, 'reuters');
    assert.equal(reading?.bySource, true);
    assert.doesNotMatch(reading?.markup ?? '', /by=/u);
  });
});

describe('Annotate selection as claim: a pronoun stands for the last party that spoke, never for a party an unknown speaker named', () => {
  const select = selectionIn(
    'claimant.md',
    "Un élu local a confirmé l'attaque de Dallo. Il a ajouté que 20 personnes avaient été tuées.\n\nUn responsable a dit que les assaillants avaient attaqué l'armée. Il a ajouté que 20 soldats avaient été tués à Dallo.\n",
  );

  test('after a party of the registry: that party', () => {
    const reading = select('Il a ajouté que 20 personnes avaient été tuées');
    assert.equal(reading?.claimant, 'officials');
    assert.match(reading?.markup ?? '', /by=@officials/u);
  });

  test('after a speaker the registry does not know, whose words name the army: the outlet, not the army', () => {
    const reading = select('Il a ajouté que 20 soldats avaient été tués à Dallo');
    assert.equal(reading?.claimant, 'afp');
    assert.doesNotMatch(reading?.markup ?? '', /by=/u);
  });
});

describe('Annotate selection as claim: a stance goes only to the party that surely takes it', () => {
  const select = selectionIn(
    'stance.md',
    'Survivors accused the Sand Front of the killings in Tamba. The Sand Front, named by survivors as responsible for the raid, has always denied it.\n',
  );

  test('an accusation: the accuser says the accused did it', () => {
    const reading = select('Survivors accused the Sand Front of the killings in Tamba');
    assert.equal(reading?.claimant, 'survivors');
    assert.deepEqual(reading?.properties.map((p) => `${p.key}=${p.value}`), ['front-involved=yes']);
  });

  test("two parties' stances in one sentence: the selection is read with no stance rather than one given to either", () => {
    const reading = select('The Sand Front, named by survivors as responsible for the raid, has always denied it');
    assert.deepEqual(reading?.properties.map((p) => p.key), []);
  });
});

describe('claims like the desk’s, as the desk edits its reports', () => {
  const { fixture } = readAssistFixture(path.join(FIXTURES, 'neighbours.md'));
  const sentence = 'The soldiers had been chasing the cattle raiders for two days';
  const report = `${fixture.frontMatter}${sentence}.\n`;
  const annotated = fixture.documents.get('annotated.txt') ?? '';
  // The desk writes its English claims of the mission, then takes them back.
  const unsaid = annotated.replace(/ mission=pursuit/gu, '');
  const valuesAfter = (corpus: Corpus) =>
    readPassage(corpus, 'report.txt', { start: report.indexOf(sentence), end: report.indexOf(sentence) + sentence.length })?.properties.map((p) => `${p.key}=${p.value}`) ?? [];
  const fresh = (annotatedText: string, registry = fixture.registry) => {
    const corpus = new Corpus(registry);
    for (const [name, document] of fixture.documents) corpus.setDocument(name, name === 'annotated.txt' ? annotatedText : document);
    corpus.setDocument('report.txt', report);
    return valuesAfter(corpus);
  };

  test('each edit proposes what a corpus read afresh proposes', () => {
    assert.notEqual(unsaid, annotated);
    const corpus = new Corpus(fixture.registry);
    for (const [name, document] of fixture.documents) corpus.setDocument(name, name === 'annotated.txt' ? unsaid : document);
    corpus.setDocument('report.txt', report);
    assert.ok(!valuesAfter(corpus).includes('mission=pursuit'), 'no English claim of the mission to be like');
    corpus.setDocument('annotated.txt', annotated);
    assert.deepEqual(valuesAfter(corpus), fresh(annotated));
    assert.ok(valuesAfter(corpus).includes('mission=pursuit'));
    corpus.setDocument('annotated.txt', unsaid);
    assert.deepEqual(valuesAfter(corpus), fresh(unsaid));
    // An alias added to corroborate.yaml keeps the reports' claims; the desk's claims are looked at again, not lost.
    const withAlias = fixture.registry.replace('aliases: [army, ', 'aliases: [soldiers of the army, army, ');
    assert.notEqual(withAlias, fixture.registry);
    corpus.setDocument('annotated.txt', annotated);
    corpus.setRegistry(withAlias);
    assert.deepEqual(valuesAfter(corpus), fresh(annotated, withAlias));
    assert.ok(valuesAfter(corpus).includes('mission=pursuit'));
    // A new property re-reads every report; then the desk takes its claims back, as before.
    const withProperty = withAlias.replace('  date: { type: date }', '  date: { type: date }\n  wounded: { type: count }');
    assert.notEqual(withProperty, withAlias);
    corpus.setRegistry(withProperty);
    assert.deepEqual(valuesAfter(corpus), fresh(annotated, withProperty));
    corpus.setDocument('annotated.txt', unsaid);
    assert.deepEqual(valuesAfter(corpus), fresh(unsaid, withProperty));
  });
});
