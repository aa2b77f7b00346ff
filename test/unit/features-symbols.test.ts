import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/engine/corpus';
import { documentSymbols, workspaceSymbols, type DocumentSymbolNode } from '../../server/src/features/symbols';
import { seedsCorpus } from '../support/corpus';
const AFP = '002_bf727807ddea604f.txt';

function* walk(nodes: readonly DocumentSymbolNode[]): Generator<DocumentSymbolNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.children);
  }
}

describe('symbols of the sample corpus', () => {
  let corpus: Corpus;
  const text = (file: string) => corpus.document(file)?.text ?? '';

  before(async () => {
    corpus = await seedsCorpus();
  });

  test('a claim is named by claimant and assertions, with its mentions nested inside', () => {
    const symbols = documentSymbols(corpus, AFP);
    const start = text(AFP).indexOf("[[Le Groupe de soutien à l'islam");
    const claim = symbols.find((s) => s.range.start === start);
    assert.ok(claim);
    assert.equal(claim.kind, 'claim');
    assert.equal(claim.name, '@jnim: attacker=@jnim, outcome=captured, place=@tombouctou, date=2023-11-24');
    assert.equal(claim.detail, 'Attack on the Niafunké camp');
    const close = text(AFP).indexOf('date=2023-11-24}', start) + 'date=2023-11-24}'.length;
    assert.equal(claim.range.end, close);
    const mentions = claim.children.map((c) => c.name);
    assert.ok(mentions[0]?.startsWith('Le Groupe de soutien'));
    assert.ok(mentions[0]?.endsWith(' → @jnim'));
    assert.ok(mentions.includes("l'armée malienne → @fama"));
    assert.ok(claim.children.every((c) => c.kind === 'mention'));
  });

  test('claims nest in claims as their spans do', () => {
    const symbols = documentSymbols(corpus, AFP);
    const outer = symbols.find((s) => s.range.start === text(AFP).indexOf('[[Le GSIM (JNIM suivant'));
    assert.ok(outer);
    const inner = outer.children.find((c) => c.kind === 'claim');
    assert.ok(inner);
    assert.equal(inner.name, '@afp: channel=@al-zallaqa');
    assert.deepEqual(
      inner.children.map((c) => c.name),
      ['l\'organisation → @jnim', 'Al-Zallaqa → @al-zallaqa'],
    );
  });

  test('every symbol’s selection lies in its range, and children inside their parent', () => {
    for (const file of corpus.files()) {
      const check = (nodes: readonly DocumentSymbolNode[], parent?: DocumentSymbolNode) => {
        for (const node of nodes) {
          assert.ok(node.range.start <= node.selectionRange.start && node.selectionRange.end <= node.range.end, `${file}: ${node.name}`);
          if (parent) assert.ok(parent.range.start <= node.range.start && node.range.end <= parent.range.end, `${file}: ${node.name} in ${parent.name}`);
          check(node.children, node);
        }
      };
      check(documentSymbols(corpus, file));
    }
  });

  test('every claim and mention span of a report is in its outline, once', () => {
    const facts = corpus.document(AFP);
    const expected = (facts?.parsed.spans ?? []).filter((s) => s.block.kind !== 'invalid').length;
    assert.equal([...walk(documentSymbols(corpus, AFP))].length, expected);
  });

  test('corroborate.yaml outlines its sections and their entries', () => {
    const symbols = documentSymbols(corpus, 'corroborate.yaml');
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['documents', 'properties', 'actors', 'places', 'events'],
    );
    const registry = corpus.registry.text;
    const actors = symbols.find((s) => s.name === 'actors');
    const jnim = actors?.children.find((c) => c.name === 'jnim');
    assert.ok(jnim);
    assert.equal(jnim.kind, 'actor');
    assert.equal(registry.slice(jnim.selectionRange.start, jnim.selectionRange.end), 'jnim');
    assert.match(registry.slice(jnim.range.start, jnim.range.end), /^jnim:[\s\S]*aux musulmans \(GSIM\)\.\n?$/);
    assert.equal(jnim.detail, "Jama'at Nusrat al-Islam wal-Muslimin (JNIM) · armed-group");
    assert.equal(actors?.children.length, [...corpus.registry.entities.values()].filter((e) => e.section === 'actor').length);
    const outcome = symbols.find((s) => s.name === 'properties')?.children.find((c) => c.name === 'outcome');
    assert.equal(outcome?.kind, 'property');
    assert.equal(outcome?.detail, 'enum: captured | repelled | withdrawn');
    assert.equal(symbols.find((s) => s.name === 'events')?.children[0]?.kind, 'event');
  });

  test('workspace symbols find an entity by alias, folding case and accents', () => {
    const registry = corpus.registry.text;
    const gsim = workspaceSymbols(corpus, 'gsim');
    assert.equal(gsim[0]?.detail, '@jnim · actor · armed-group');
    assert.ok(gsim[0]?.name.includes('GSIM'), 'the name shows what matched, for editors that filter by name');
    const location = gsim[0]?.location;
    assert.equal(location?.file, 'corroborate.yaml');
    assert.equal(registry.slice(location?.start, location?.end), 'jnim');

    const spelled = workspaceSymbols(corpus, 'attnia').map((s) => s.name);
    assert.deepEqual(spelled, ['Attack on the Niafunké camp']);

    const niafunke = workspaceSymbols(corpus, 'NIAFUNKE').map((s) => s.detail?.split(' ')[0]);
    assert.ok(niafunke.includes('@niafunke'));
    assert.ok(niafunke.includes('@niafunke-attack'));
    assert.ok(!niafunke.includes('@goundam'));
  });

  test('workspace symbols list properties, and everything for an empty query', () => {
    const outcome = workspaceSymbols(corpus, 'outc');
    assert.deepEqual(
      outcome.map((s) => [s.name, s.kind]),
      [['outcome', 'property']],
    );
    const all = workspaceSymbols(corpus, '');
    assert.equal(all.length, corpus.registry.entities.size + corpus.registry.properties.size);
  });
});

describe('symbols of a small document', () => {
  test('nothing inside {skip} is listed; an invalid block’s inner spans go to its parent', () => {
    const corpus = new Corpus('documents: ["*.txt"]\nactors:\n  x: { name: X }\nevents:\n  e: { name: E }\n');
    const text = '---\nsource: x\n---\n[a [b]{@x} c]{skip} [outer [inner]{@x} [bad]{nonsense} end]{claim event=@e hedged}\n';
    corpus.setDocument('d.txt', text);
    const symbols = documentSymbols(corpus, 'd.txt');
    assert.deepEqual(
      symbols.map((s) => [s.kind, s.name, s.children.length]),
      [
        ['skip', 'skip', 0],
        ['claim', '@x: E', 1],
      ],
    );
    assert.equal(symbols[1]?.detail, 'E · hedged');
    assert.equal(symbols[0]?.detail, 'a b c');
  });
});

describe('the outline of corroborate.yaml, from the document the registry parsed', () => {
  const registry = [
    'documents: ["*.txt"]',
    'properties:',
    '  killed: { type: count, measure: fatalities, cues: [tués, killed] }',
    '  outcome: { type: enum, values: [captured, repelled], cues: { captured: [pris] } }',
    'actors:',
    '  jnim: &group { name: JNIM, kind: armed-group }',
    '  copy: *group',
    'events:',
    '  attack:',
    '    name: Attack',
    '    estimate: { killed: 20..50, outcome: repelled }',
    'vague: { des dizaines: ">=20", dozens: ">=12" }',
    '',
  ].join('\r\n');

  test('properties show their measure and cues, events their estimate, and vague its phrases', () => {
    const corpus = new Corpus(registry);
    const symbols = documentSymbols(corpus, 'corroborate.yaml');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.detail]),
      [
        ['documents', '*.txt'],
        ['properties', '2'],
        ['actors', '2'],
        ['events', '1'],
        ['vague', '2'],
      ],
    );
    const properties = symbols.find((s) => s.name === 'properties')?.children ?? [];
    assert.deepEqual(
      properties.map((p) => p.detail),
      ['count · measure: fatalities · 2 cues', 'enum: captured | repelled · 1 cue'],
    );
    const attack = symbols.find((s) => s.name === 'events')?.children[0];
    assert.deepEqual(
      attack?.children.map((c) => [c.name, c.detail, registry.slice(c.selectionRange.start, c.selectionRange.end), registry.slice(c.range.start, c.range.end)]),
      [
        ['estimate: killed', '20..50', 'killed', 'killed: 20..50'],
        ['estimate: outcome', 'repelled', 'outcome', 'outcome: repelled'],
      ],
    );
    const vague = symbols.find((s) => s.name === 'vague')?.children ?? [];
    assert.deepEqual(
      vague.map((v) => [v.name, v.detail, v.kind]),
      [
        ['des dizaines', '≈ >=20', 'property'],
        ['dozens', '≈ >=12', 'property'],
      ],
    );
    // An entry an alias copies is listed where it is written: `copy: *group`, not the anchor's text again.
    const copy = symbols.find((s) => s.name === 'actors')?.children.find((c) => c.name === 'copy');
    assert.equal(registry.slice(copy?.range.start, copy?.range.end), 'copy: *group');
  });

  test('a registry whose YAML cannot be read has no outline, and nothing throws', () => {
    const corpus = new Corpus('documents: ["*.txt"\nactors: {\n');
    assert.deepEqual(documentSymbols(corpus, 'corroborate.yaml'), []);
  });
});
