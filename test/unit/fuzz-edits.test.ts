// Every edit the server proposes, applied to generated corpora: each quick fix
// (did-you-mean, add to the registry, annotate one mention, annotate all,
// correct an inconsistent annotation, acknowledge the dispute, record the
// desk's assessment) and renames started from any reference. None may add a
// syntax, front matter or registry error, change a character of any
// document's article, or lose a registry entry; no fix turns a claim's value
// into one its claimant was not reported with, and a fix for a conflict
// between parties writes corroborate.yaml only. A rename touches only the
// id's characters, keeps every diagnostic code, and renaming back gives every
// file back byte for byte.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assertionsOf } from '../../server/src/engine/claims';
import { Corpus } from '../../server/src/engine/corpus';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { applyEdits, codeActions, type CodeActionResult } from '../../server/src/features/codeActions';
import type { TextEdit } from '../../server/src/features/locate';
import { rename } from '../../server/src/features/navigation';
import { checkProperty } from '../fuzz';

const BLOCK_REGISTRY = [
  '# The registry of a generated corpus.',
  'documents: ["*.txt"]',
  'properties:',
  '  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }',
  '  killed: { type: count }',
  '  place: { type: entity, kind: place }',
  'actors:',
  '  jnim: { name: JNIM, aliases: [JNIM, GSIM] }   # the group',
  '  fama:',
  '    name: FAMa',
  '    aliases: [FAMa, armée malienne]',
  '  afp: { name: AFP }',
  '  locals: { name: Local sources, anonymous: true }',
  'places:',
  '  mali: { name: Mali, aliases: [Mali] }',
  '  gao: { name: Gao, aliases: [Gao], in: mali }',
  'events:',
  '  attack:',
  '    name: Attack',
  '    place: gao',
  '  raid: { name: Raid, disputed: { outcome: [captured, repelled] } }',
  '',
].join('\n');

const FLOW_REGISTRY = [
  'documents: ["*.txt"]',
  'properties: { outcome: { type: enum, values: [captured, repelled, withdrawn] }, killed: { type: count }, place: { type: entity, kind: place } }',
  'actors: { jnim: { name: JNIM, aliases: [JNIM, GSIM] }, fama: { name: FAMa, aliases: [FAMa, armée malienne] }, afp: { name: AFP }, locals: { name: Local sources, anonymous: true } }',
  'places: { mali: { name: Mali, aliases: [Mali] }, gao: { name: Gao, aliases: [Gao], in: mali } }',
  'events: { attack: { name: Attack }, raid: { name: Raid, disputed: { killed: [3, "~50"] } } }',
  '',
].join('\r\n');

/** New names a rename may take: none is written anywhere in the generated corpora. */
const NEW_NAMES = ['renamed', 'x9', 'A_b-c', 'jnim-2', 'very-long-new-identifier-2023', '0'];

const word = fc.constantFrom('le', 'camp', "l'attaque", 'a', 'dit', '[sic]', '« repoussé »', 'x\\[y', 'Gao,', '{', '}', 'GSIM)', '"', 'armée', 'malienne', 'FAMa [', '😀', 'عربي', '\\', '@jnim');
const alias = fc.constantFrom('JNIM', 'GSIM', 'FAMa', "l'armée malienne", 'Mali', 'Gao', 'armée\nmalienne', 'armée malienne', 'jnim');
const ref = fc.constantFrom('jnim', 'fama', 'mali', 'gao', 'jnmi', 'famaa', 'barkhane', 'attack', 'locals', 'afp');
const mention = fc.tuple(fc.oneof(alias, word), fc.array(ref, { minLength: 1, maxLength: 2 })).map(([text, ids]) => `[${text}]{${ids.map((i) => `@${i}`).join(' ')}}`);
const values: Record<string, fc.Arbitrary<string>> = {
  outcome: fc.constantFrom('captured', 'repelled', 'withdrawn', 'captred', '?', '"repelled"'),
  killed: fc.constantFrom('3', '~50', '>=20', '10..20', '"~5"', 'trois'),
  place: fc.constantFrom('@mali', '@gao', '@gaoo', '@jnim', '"@gao"'),
  kiled: fc.constantFrom('3', '4'),
  outcme: fc.constantFrom('captured', 'repelled'),
};
const attribute = fc.constantFrom(...Object.keys(values)).chain((key) => values[key].map((value) => `${key}=${value}`));
const claim = fc
  .record({
    text: fc.array(fc.oneof(word, alias, mention), { minLength: 1, maxLength: 3 }),
    by: fc.constantFrom('', ' by=@jnim', ' by=@fama', ' by=@locals', ' by=@jnmi', ' by=@mali', ' by="@afp"'),
    event: fc.constantFrom(' event=@attack', ' event=@raid', ' event=@atack', ''),
    extra: fc.constantFrom('', ' hedged', ' #c1', ' #c2'),
    attributes: fc.uniqueArray(attribute, { selector: (a) => a.split('=')[0], maxLength: 3 }),
  })
  .map(({ text, by, event, extra, attributes }) => `[${text.join(' ')}]{claim${by}${event}${extra}${attributes.map((a) => ` ${a}`).join('')}}`);
// Valid claims that disagree with each other, so contradiction fixes come up often.
const contested = fc.constantFrom(
  '[pris]{claim by=@jnim event=@attack outcome=captured}',
  '[repoussé]{claim by=@fama event=@attack outcome=repelled}',
  '[retiré]{claim by=@locals event=@attack outcome=withdrawn}',
  '[trois morts]{claim by=@fama event=@raid killed=3}',
  '[une cinquantaine]{claim by=@jnim event=@raid killed=~50}',
  '[à Mali]{claim by=@jnim event=@raid place=@mali}',
  // The same party reported two ways: inconsistent reports, where a correction is offered.
  '[cinq morts]{claim by=@fama event=@raid killed=5}',
  '[repoussés, dit le JNIM]{claim by=@jnim event=@attack outcome=repelled}',
);
const skip = fc.array(fc.oneof(word, alias, mention), { minLength: 1, maxLength: 3 }).map((parts) => `[${parts.join(' ')}]{skip}`);
const paragraph = fc
  .array(fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: alias, weight: 3 }, { arbitrary: mention, weight: 2 }, { arbitrary: claim, weight: 3 }, { arbitrary: contested, weight: 2 }, { arbitrary: skip, weight: 1 }), { minLength: 1, maxLength: 8 })
  .map((pieces) => pieces.join(' '));
const document = fc
  .record({
    frontMatter: fc.constantFrom('---\nsource: afp\n---\n', '---\nsource: jnim\norigin: afp\n---\n', '---\nsource: "@afpp"\n---\n', '---\nsource: locals\n---\n', ''),
    paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
    eol: fc.constantFrom('\n', '\r\n'),
  })
  .map(({ frontMatter, paragraphs, eol }) => `${frontMatter}${paragraphs.join('\n\n')}\n`.replace(/\n/g, eol));
const corpusTexts = fc.record({ registry: fc.constantFrom(BLOCK_REGISTRY, FLOW_REGISTRY), documents: fc.array(document, { minLength: 1, maxLength: 3 }) });

type Texts = ReadonlyMap<string, string>;

function build(texts: Texts): Corpus {
  const corpus = new Corpus(texts.get(REGISTRY_FILE) ?? '');
  for (const [file, text] of texts) if (file !== REGISTRY_FILE) corpus.setDocument(file, text);
  return corpus;
}

/** The texts after a set of edits, which must not overlap within a file. */
function applied(texts: Texts, edits: readonly TextEdit[], what: string): Map<string, string> {
  const out = new Map(texts);
  for (const file of new Set(edits.map((e) => e.file))) {
    const mine = edits.filter((e) => e.file === file).sort((a, b) => a.start - b.start);
    mine.slice(1).forEach((e, k) => assert.ok(mine[k].end <= e.start, `${what}: edits overlap in ${file}`));
    const text = texts.get(file);
    assert.ok(text !== undefined, `${what} edits ${file}, which is not in the corpus`);
    out.set(file, applyEdits(text, mine));
  }
  return out;
}

const MARKUP_ERRORS = new Set(['syntax', 'front-matter', 'registry', 'encoding']);

/** Per file, how many diagnostics of each code. */
function codeCounts(diagnostics: readonly Diagnostic[], only?: ReadonlySet<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) {
    if (only && !only.has(d.code)) continue;
    const key = `${d.file} ${d.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function articleOf(text: string): string {
  return articleText(parseDocument(text)).text;
}

/** No new markup error, the same article in every document, every registry entry still there (but a renamed one). */
function assertHarmless(before: Texts, beforeCorpus: Corpus, after: Texts, what: string, renamedId?: string): Corpus {
  const afterCorpus = build(after);
  const errorsBefore = codeCounts(beforeCorpus.allDiagnostics(), MARKUP_ERRORS);
  for (const [key, count] of codeCounts(afterCorpus.allDiagnostics(), MARKUP_ERRORS)) {
    assert.ok(count <= (errorsBefore.get(key) ?? 0), `${what} adds ${key} errors: ${count} > ${errorsBefore.get(key) ?? 0}`);
  }
  for (const [file, text] of before) {
    if (file !== REGISTRY_FILE) assert.equal(articleOf(after.get(file) ?? ''), articleOf(text), `${what} changes the article of ${file}`);
  }
  for (const id of beforeCorpus.registry.entities.keys()) assert.ok(afterCorpus.registry.entities.has(id) || id === renamedId, `${what} loses @${id} from the registry`);
  for (const key of beforeCorpus.registry.properties.keys()) assert.ok(afterCorpus.registry.properties.has(key), `${what} loses the property ${key}`);
  return afterCorpus;
}

/** What the editor asks for on each diagnostic: the actions for the diagnostics overlapping it, each distinct action once. */
function offeredActions(corpus: Corpus): CodeActionResult[] {
  const seen = new Map<string, CodeActionResult>();
  for (const file of corpus.files()) {
    const all = corpus.diagnostics(file);
    for (const diagnostic of all) {
      const overlapping = all.filter((d) => d.start <= diagnostic.end && diagnostic.start <= d.end);
      for (const action of codeActions(corpus, file, diagnostic, overlapping)) seen.set(`${action.title}\u0000${JSON.stringify(action.edits)}`, action);
    }
  }
  return [...seen.values()];
}

function kindOf(action: CodeActionResult): string {
  if (action.title.startsWith('Annotate all')) return 'annotate all';
  if (action.title.startsWith('Annotate')) return 'annotate';
  if (action.title.startsWith('Add @')) return 'add entity';
  if (action.title.startsWith('Acknowledge')) return 'acknowledge';
  if (action.title.startsWith('Correct this annotation')) return 'correct annotation';
  if (action.title.startsWith('Record the desk')) return 'record assessment';
  if (action.title === 'Show in claims matrix') return 'show matrix';
  return 'did you mean';
}

/** Each document's claims in order, with the values their claimant is recorded with: `file#k` → property → value key. */
function recordedClaims(corpus: Corpus): Map<string, { claimant: string | undefined; values: Map<string, string> }> {
  const out = new Map<string, { claimant: string | undefined; values: Map<string, string> }>();
  for (const file of corpus.files()) {
    (corpus.document(file)?.claims ?? []).forEach((claim, k) => {
      out.set(`${file}#${k}`, { claimant: claim.claimantKey, values: new Map(assertionsOf(claim).map((a) => [a.property.key, a.valueKey])) });
    });
  }
  return out;
}

/**
 * A claim's recorded value changes only to one its own claimant is recorded
 * with elsewhere about the same event and property: the same party reported
 * differently, where the annotation may be wrong. Never to another party's.
 */
function assertNoClaimTurned(before: Corpus, after: Corpus, what: string): void {
  const claimsAfter = recordedClaims(after);
  for (const [place, { claimant, values }] of recordedClaims(before)) {
    const now = claimsAfter.get(place);
    if (claimant === undefined || now?.claimant !== claimant) continue;
    const claim = before.document(place.slice(0, place.lastIndexOf('#')))?.claims[Number(place.slice(place.lastIndexOf('#') + 1))];
    for (const [property, valueKey] of values) {
      const changed = now.values.get(property);
      if (changed === undefined || changed === valueKey) continue;
      const own = before.claimsAbout(claim?.event ?? '', property).filter((a) => a.claim.claimantKey === claimant).map((a) => a.valueKey);
      assert.ok(own.includes(changed), `${what} turns ${place}'s ${property} from ${valueKey} into ${changed}, which @${claimant} is not recorded with`);
    }
  }
}

void describe('every edit the server proposes, on generated corpora', () => {
  void test('quick fixes add no markup error, keep every article and every registry entry', () => {
    const applications = new Map<string, number>();
    checkProperty(
      fc.property(corpusTexts, ({ registry, documents }) => {
        const texts: Texts = new Map([[REGISTRY_FILE, registry], ...documents.map((text, k): [string, string] => [`${k}.txt`, text])]);
        const corpus = build(texts);
        for (const action of offeredActions(corpus)) {
          const kind = kindOf(action);
          applications.set(kind, (applications.get(kind) ?? 0) + 1);
          const after = assertHarmless(texts, corpus, applied(texts, action.edits, action.title), action.title);
          assertNoClaimTurned(corpus, after, action.title);
          if (action.diagnostics.some((d) => d.code === 'conflicting-claims')) {
            // A conflict between parties is resolved in the analysis: no document is written.
            for (const e of action.edits) assert.equal(e.file, REGISTRY_FILE, `${action.title}, offered for a conflict, edits ${e.file}`);
            assert.deepEqual(recordedClaims(after), recordedClaims(corpus), `${action.title} changes a claim`);
          }
          if (kind === 'annotate all') {
            // Every mention it names is wrapped: the document has that many more spans, and those hints are gone.
            const file = action.edits[0].file;
            assert.equal(after.document(file)?.parsed.spans.length, (corpus.document(file)?.parsed.spans.length ?? 0) + action.edits.length);
            const hintsLeft = after.diagnostics(file).filter((d) => d.code === 'unannotated-mention' && d.fix?.kind === 'annotate' && d.fix.entityIds.length === 1).length;
            const hintsBefore = corpus.diagnostics(file).filter((d) => d.code === 'unannotated-mention' && d.fix?.kind === 'annotate' && d.fix.entityIds.length === 1).length;
            assert.equal(hintsLeft, hintsBefore - action.edits.length, 'annotate all leaves none of its mentions behind');
          }
        }
      }),
      60,
    );
    // The generator must reach every kind of fix, or the property proves little.
    for (const kind of ['did you mean', 'add entity', 'annotate', 'annotate all', 'correct annotation', 'acknowledge', 'record assessment', 'show matrix']) {
      assert.ok((applications.get(kind) ?? 0) >= 3, `only ${applications.get(kind) ?? 0} "${kind}" fixes applied: ${JSON.stringify([...applications])}`);
    }
  });

  void test('a rename touches only the id, keeps every diagnostic code, and renaming back restores every byte', () => {
    let renamed = 0;
    checkProperty(
      fc.property(corpusTexts, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NEW_NAMES), fc.boolean()), { minLength: 1, maxLength: 4 }), ({ registry, documents }, picks) => {
        const texts: Texts = new Map([[REGISTRY_FILE, registry], ...documents.map((text, k): [string, string] => [`${k}.txt`, text])]);
        const corpus = build(texts);
        // Where a rename may start: any reference in a document, or an entity's key in the registry.
        const starts: { file: string; offset: number }[] = [];
        for (const file of corpus.files()) for (const reference of corpus.document(file)?.references ?? []) starts.push({ file, offset: reference.idRange.start });
        for (const entity of corpus.registry.entities.values()) starts.push({ file: REGISTRY_FILE, offset: entity.idRange.start });
        for (const [index, newName, withAt] of picks) {
          const start = starts[index % starts.length];
          const result = rename(corpus, start.file, start.offset, withAt ? `@${newName}` : newName);
          if ('error' in result) continue;
          renamed++;
          const oldId = texts.get(start.file)?.slice(start.offset).match(/^[A-Za-z0-9][A-Za-z0-9_-]*/)?.[0] ?? '';
          assert.ok(corpus.registry.entities.has(oldId), `renamed @${oldId}, an id of the registry`);
          for (const edit of result.edits) {
            assert.equal(texts.get(edit.file)?.slice(edit.start, edit.end), oldId, `the edit in ${edit.file} at ${edit.start} replaces the id only`);
            assert.equal(edit.newText, newName);
          }
          const what = `rename @${oldId} → ${newName}`;
          const after = applied(texts, result.edits, what);
          const afterCorpus = assertHarmless(texts, corpus, after, what, oldId);
          assert.ok(afterCorpus.registry.entities.has(newName) && !afterCorpus.registry.entities.has(oldId), `${what}: the registry key is renamed`);
          assert.deepEqual(codeCounts(afterCorpus.allDiagnostics()), codeCounts(corpus.allDiagnostics()), `${what} changes the diagnostics`);
          const back = rename(afterCorpus, REGISTRY_FILE, afterCorpus.registry.entities.get(newName)?.idRange.start ?? -1, oldId);
          assert.ok(!('error' in back), `renaming back: ${'error' in back ? back.error : ''}`);
          assert.deepEqual(applied(after, back.edits, `${what} and back`), new Map(texts), `${what} and back restores every file`);
        }
      }),
      60,
    );
    assert.ok(renamed > 60, `only ${renamed} renames made`);
  });
});
