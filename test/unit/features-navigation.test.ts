import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { applyEdits } from '../../server/src/features/codeActions';
import type { FileRange, TextEdit } from '../../server/src/features/locate';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { seedsCorpus } from '../support/corpus';
import { copySeeds } from '../support/tempFolder';
import { claimBlockOf } from '../../server/src/engine/claims';

function textOf(corpus: Corpus, file: string): string {
  return file === REGISTRY_FILE ? corpus.registry.text : (corpus.document(file)?.text ?? '');
}

/** Writes each file's edits to disk, as an editor applying the workspace edit would. */
function applyToDisk(dir: string, corpus: Corpus, edits: readonly TextEdit[]): void {
  const files = new Set(edits.map((e) => e.file));
  for (const file of files) {
    fs.writeFileSync(path.join(dir, file), applyEdits(textOf(corpus, file), edits.filter((e) => e.file === file)));
  }
}

/** Offset of the `nth` occurrence of `needle` in a file, plus `within`. */
function offsetOf(corpus: Corpus, file: string, needle: string, within = 1, nth = 0): number {
  const text = textOf(corpus, file);
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in ${file}`);
  return at + within;
}

function slice(corpus: Corpus, location: FileRange): string {
  return textOf(corpus, location.file).slice(location.start, location.end);
}

/** `@id` written in the reports, not followed by more id characters. */
function countInReports(dir: string, id: string): number {
  let count = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    count += fs.readFileSync(path.join(dir, file), 'utf8').match(new RegExp(`@${id}(?![A-Za-z0-9_-])`, 'g'))?.length ?? 0;
  }
  return count;
}

void describe('rename', () => {
  void test('jnim → gsim-jnim edits the four reports and corroborate.yaml, and the corpus checks the same', async () => {
    const dir = copySeeds();
    const corpus = await loadCorpus(dir);
    const before = corpus.allDiagnostics();
    const usesBefore = corpus.uses('jnim');
    const inReports = countInReports(dir, 'jnim');
    const file = corpus.files()[0];
    const at = offsetOf(corpus, file, '{@jnim}', 3);

    const prepared = prepareRename(corpus, file, at);
    assert.ok('range' in prepared);
    assert.equal(prepared.placeholder, 'jnim');
    assert.equal(textOf(corpus, file).slice(prepared.range.start, prepared.range.end), 'jnim');

    const result = rename(corpus, file, at, 'gsim-jnim');
    assert.ok('edits' in result, JSON.stringify(result));
    const edited = new Set(result.edits.map((e) => e.file));
    assert.deepEqual([...edited].sort(), [...corpus.files(), REGISTRY_FILE].sort());
    for (const edit of result.edits) assert.equal(slice(corpus, edit), 'jnim', `${edit.file}:${edit.start} replaces exactly the id`);
    // The key, the three affiliations [jnim, …] in the registry, every @jnim in the reports.
    const registryEdits = result.edits.filter((e) => e.file === REGISTRY_FILE).length;
    assert.equal(result.edits.length - registryEdits, inReports);

    applyToDisk(dir, corpus, result.edits);
    const renamed = await loadCorpus(dir);
    const after = renamed.allDiagnostics();
    assert.equal(after.length, before.length);
    assert.deepEqual(after.filter((d) => d.code === 'unknown-entity'), []);
    assert.deepEqual(after.filter((d) => d.severity === 'error'), []);
    assert.equal(renamed.registry.entities.has('jnim'), false);
    assert.equal(renamed.registry.entities.get('gsim-jnim')?.section, 'actor');
    assert.equal(renamed.uses('gsim-jnim'), usesBefore);
    assert.equal(countInReports(dir, 'jnim'), 0);
    assert.equal(countInReports(dir, 'gsim-jnim'), inReports);
    assert.deepEqual(renamed.registry.entities.get('ansar-dine')?.affiliations.map((a) => a.value), ['gsim-jnim']);
    // Ids that merely start with jnim are left alone.
    assert.equal(renamed.registry.entities.has('jnim-communique'), true);
  });

  void test('starts from the registry key or a registry reference, and takes the new name with its @', async () => {
    const corpus = await seedsCorpus();
    const fromKey = rename(corpus, REGISTRY_FILE, offsetOf(corpus, REGISTRY_FILE, '\n  fama:', 3), '@malian-army');
    const fromAffiliation = rename(corpus, REGISTRY_FILE, offsetOf(corpus, REGISTRY_FILE, 'affiliations: [fama]', 16), 'malian-army');
    assert.ok('edits' in fromKey && 'edits' in fromAffiliation);
    assert.deepEqual(fromKey.edits, fromAffiliation.edits);
    assert.ok(fromKey.edits.every((e) => e.newText === 'malian-army'));
  });

  void test('renames front matter ids, quoted or not, and @ids inside {skip} spans', () => {
    const corpus = new Corpus('documents: ["*.txt"]\nactors:\n  afp: { name: AFP }\n  rfi: { name: RFI }\n');
    corpus.setDocument('a.txt', '---\nsource: "afp"\norigin: afp\n---\n[RFI]{@rfi} cite [un tweet de [l\'AFP]{@afp}]{skip}.\n');
    const result = rename(corpus, 'a.txt', offsetOf(corpus, 'a.txt', 'origin: afp', 9), 'agence');
    assert.ok('edits' in result);
    const after = applyEdits(textOf(corpus, 'a.txt'), result.edits.filter((e) => e.file === 'a.txt'));
    assert.equal(after, '---\nsource: "agence"\norigin: agence\n---\n[RFI]{@rfi} cite [un tweet de [l\'AFP]{@agence}]{skip}.\n');
  });

  void test('refuses what is not an entity id, bad or taken names, and files with invalid UTF-8', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[0];
    const at = offsetOf(corpus, file, '{@fama}', 3);
    for (const [where, offset] of [
      ['article text', offsetOf(corpus, file, 'Ces affirmations')],
      ['a property key', offsetOf(corpus, file, 'outcome=', 2)],
      ['an alias in corroborate.yaml', offsetOf(corpus, REGISTRY_FILE, 'Forces armées maliennes,', 3)],
    ] as const) {
      const refused = prepareRename(corpus, where === 'an alias in corroborate.yaml' ? REGISTRY_FILE : file, offset);
      assert.ok('error' in refused, where);
      assert.match(refused.error, /Only entity ids can be renamed/);
    }
    for (const name of ['', '-fama', 'fa ma', '@', 'fama!']) {
      const refused = rename(corpus, file, at, name);
      assert.ok('error' in refused, name);
      assert.match(refused.error, /is not an id/);
    }
    const taken = rename(corpus, file, at, 'jnim');
    assert.ok('error' in taken);
    assert.match(taken.error, /already the id of an actor/);

    const other = corpus.files()[1];
    corpus.setDocument(other, textOf(corpus, other), { offset: 10, message: 'invalid UTF-8' });
    const refused = prepareRename(corpus, file, at);
    assert.ok('error' in refused);
    assert.match(refused.error, new RegExp(`${other} refers to @fama but has invalid UTF-8`));
    assert.ok('error' in rename(corpus, file, at, 'malian-army'));
  });

  void test('refuses an id that corroborate.yaml does not declare', () => {
    const corpus = new Corpus('documents: ["*.txt"]\nactors:\n  afp: { name: AFP }\n');
    corpus.setDocument('a.txt', '[X]{@nobody}\n');
    const refused = prepareRename(corpus, 'a.txt', 6);
    assert.ok('error' in refused);
    assert.match(refused.error, /@nobody is not in corroborate\.yaml/);
  });
});

void describe('references', () => {
  void test('every @fama of the reports and the registry\'s affiliation, in file and offset order', async () => {
    const dir = copySeeds();
    const corpus = await loadCorpus(dir);
    const file = corpus.files()[2];
    const at = offsetOf(corpus, file, '{@fama}', 2);
    const found = references(corpus, file, at, false);
    const inRegistry = found.filter((l) => l.file === REGISTRY_FILE);
    assert.equal(found.length - inRegistry.length, countInReports(dir, 'fama'));
    assert.equal(inRegistry.length, 1, 'mali-general-staff: affiliations: [fama]');
    for (const location of found) assert.equal(slice(corpus, location), 'fama');
    const sorted = [...found].sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.start - b.start));
    assert.deepEqual(found, sorted);

    const withDeclaration = references(corpus, file, at, true);
    assert.equal(withDeclaration.length, found.length + 1);
    const declaration = withDeclaration.find((l) => !found.some((f) => f.file === l.file && f.start === l.start));
    assert.deepEqual(declaration, definition(corpus, file, at)[0]);
  });

  void test('a property key: every claim using it, and its definition when asked', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[0];
    const found = references(corpus, file, offsetOf(corpus, file, 'captured=', 2), true);
    const claims = corpus.files().flatMap((f) => (corpus.document(f)?.claims ?? []).filter((c) => claimBlockOf(c).properties.some((a) => a.key === 'captured')));
    assert.equal(found.length, claims.length + 1);
    for (const location of found) assert.equal(slice(corpus, location), 'captured');
  });
});

void describe('definition', () => {
  void test('from a document @id, a front matter id, a claim key or a registry reference to the registry key', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[0];
    const expectKey = (locations: FileRange[], key: string) => {
      assert.equal(locations.length, 1);
      assert.equal(locations[0].file, REGISTRY_FILE);
      assert.equal(slice(corpus, locations[0]), key);
      const lineStart = corpus.registry.text.lastIndexOf('\n', locations[0].start) + 1;
      assert.match(corpus.registry.text.slice(lineStart, locations[0].end + 1), new RegExp(`^ *${key}:$`));
    };
    expectKey(definition(corpus, file, offsetOf(corpus, file, '{@al-qaida}', 4)), 'al-qaida');
    expectKey(definition(corpus, file, offsetOf(corpus, file, 'source: vietnam-vn', 10)), 'vietnam-vn');
    expectKey(definition(corpus, file, offsetOf(corpus, file, 'event=@niafunke-attack', 10)), 'niafunke-attack');
    expectKey(definition(corpus, file, offsetOf(corpus, file, 'casualties=', 3)), 'casualties');
    expectKey(definition(corpus, REGISTRY_FILE, offsetOf(corpus, REGISTRY_FILE, 'in: tombouctou', 6)), 'tombouctou');
    // On an enum value: where the property lists it.
    const value = definition(corpus, file, offsetOf(corpus, file, 'outcome=captured', 10));
    assert.equal(slice(corpus, value[0]), 'captured');
    assert.deepEqual(definition(corpus, file, offsetOf(corpus, file, 'Ces affirmations')), []);
  });
});
