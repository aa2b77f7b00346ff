// corroborate.yaml read once: what the Registry resolves for everyone else —
// `in:` containment (linear, loops reported at their `in:`), the values under
// `disputed:` (read as claims read values, `@` written or not), the ids the
// registry refers to, and the parsed document the outline and edits use.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus } from '../../server/src/engine/corpus';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { readRegistry, type Registry } from '../../server/src/engine/registry';

function problems(registry: Registry): string[] {
  return registry.diagnostics.map((d) => `${d.code} ${registry.text.slice(d.start, d.end)}: ${d.message}`);
}

function at(registry: Registry, d: Diagnostic): string {
  return `${d.code} ${registry.text.slice(d.start, d.end)}`;
}

/** `places:` holding a chain p0 ⊃ p1 ⊃ … ⊃ p(n-1), one line each. */
function chainRegistry(places: number): string {
  const lines = ['documents: ["*.txt"]', 'properties:', '  place: { type: entity, kind: place }', 'actors: { a: { name: A }, b: { name: B } }', 'places:'];
  for (let i = 0; i < places; i++) lines.push(`  p${i}: {${i > 0 ? ` in: p${i - 1}` : ''} }`);
  lines.push('events: { e: { name: E } }', '');
  return lines.join('\n');
}

void describe('in: containment', () => {
  void test('a 40,000-place chain is read, and places at both ends compare as one inside the other', () => {
    const places = 40_000;
    const text = chainRegistry(places);
    const corpus = new Corpus(text);
    assert.deepEqual(corpus.registry.diagnostics, []);
    const containment = corpus.registry.containment;
    assert.equal(containment.contains('p0', `p${places - 1}`), true);
    assert.equal(containment.contains(`p${places - 1}`, 'p0'), false);
    assert.equal(containment.contains('p20000', 'p20001'), true);
    assert.equal(containment.contains('p20001', 'p20000'), false);
    assert.equal(corpus.placesContaining(`p${places - 1}`).length, places);
    // Claims at both ends of the chain agree (one place lies in the other); a place outside it does not.
    corpus.setDocument('a.txt', `---\nsource: a\n---\n[x]{claim by=@a event=@e place=@p${places - 1}}\n`);
    corpus.setDocument('b.txt', '---\nsource: b\n---\n[y]{claim by=@b event=@e place=@p0}\n');
    assert.deepEqual(corpus.allDiagnostics().filter((d) => d.severity !== 'hint'), []);
    corpus.setRegistry(`${text.replace('  p1: { in: p0 }', '  p1: { }')}`);
    assert.deepEqual(
      corpus.allDiagnostics().filter((d) => d.code === 'conflicting-claims').map((d) => d.file),
      ['a.txt', 'b.txt'],
    );
  });

  void test('places on a loop lie inside each other, each is reported at its in:, and places leading into the loop are not', () => {
    const registry = readRegistry(
      ['documents: ["*.txt"]', 'places:', '  a: { in: b }', '  b: { in: c }', '  c: { in: a }', '  d: { in: a }', '  e: { in: d }', '  f: { in: nowhere }', '  g: { in: g }', ''].join('\n'),
    );
    assert.deepEqual(
      registry.diagnostics.filter((d) => d.code === 'registry').map((d) => at(registry, d)),
      ['registry b', 'registry c', 'registry a', 'registry g'],
    );
    assert.match(problems(registry).join('\n'), /`in:` makes a loop through a: a place cannot lie inside itself/);
    assert.deepEqual(
      registry.diagnostics.filter((d) => d.code === 'unknown-entity').map((d) => at(registry, d)),
      ['unknown-entity nowhere'],
    );
    const { containment } = registry;
    for (const [outer, inner] of [['a', 'b'], ['b', 'a'], ['c', 'a'], ['a', 'd'], ['b', 'e'], ['d', 'e'], ['nowhere', 'f'], ['g', 'g']]) {
      assert.equal(containment.contains(outer, inner), true, `${inner} in ${outer}`);
    }
    for (const [outer, inner] of [['d', 'a'], ['e', 'd'], ['f', 'nowhere'], ['a', 'f'], ['g', 'a'], ['x', 'y']]) {
      assert.equal(containment.contains(outer, inner), false, `${inner} not in ${outer}`);
    }
    assert.deepEqual(containment.chain('e'), ['e', 'd', 'a', 'b', 'c']);
    assert.deepEqual(containment.chain('f'), ['f', 'nowhere']);
    assert.deepEqual(containment.chain('unknown'), ['unknown']);
  });
});

const EVENTS = [
  'documents: ["*.txt"]',
  'properties:',
  '  outcome: { type: enum, values: [captured, repelled, withdrawn] }',
  '  killed: { type: count }',
  '  place: { type: entity, kind: place }',
  'actors: { jnim: { name: JNIM } }',
  'places: { niafunke: { name: Niafunké }, bamako: { name: Bamako } }',
];

void describe('disputed: read once', () => {
  void test('values are read as claims read them, entity ids with their @ or without', () => {
    const registry = readRegistry(
      [...EVENTS, 'events:', '  attack: { disputed: { place: [niafunke, "@bamako"], killed: ["~50", 3], outcome: [captured, repelled] } }', ''].join('\n'),
    );
    assert.deepEqual(problems(registry), []);
    const disputed = registry.entities.get('attack')?.disputed;
    assert.deepEqual([...(disputed?.get('place')?.keys ?? [])], ['@niafunke', '@bamako']);
    assert.deepEqual(disputed?.get('place')?.values.map((v) => v.value), ['niafunke', '@bamako']);
    assert.deepEqual([...(disputed?.get('killed')?.keys ?? [])], ['45..55', '3..3']);
    assert.deepEqual([...(disputed?.get('outcome')?.keys ?? [])], ['=captured', '=repelled']);
  });

  void test('a value that is not the property\'s, or an id of the wrong kind or of nothing, is reported at it', () => {
    const registry = readRegistry([...EVENTS, 'events:', '  attack: { disputed: { place: [niafunke, jnim, "@gao"], outcome: [captured, taken] } }', ''].join('\n'));
    assert.deepEqual(
      registry.diagnostics.map((d) => at(registry, d)),
      ['wrong-kind jnim', 'unknown-entity "@gao"', 'bad-value taken'],
    );
    assert.deepEqual([...(registry.entities.get('attack')?.disputed.get('outcome')?.keys ?? [])], ['=captured']);
  });
});

void describe('YAML errors', () => {
  void test('a bare ? written for "not given" is told to be quoted, where YAML reads it as a key and says only that mappings nest', () => {
    const block = readRegistry(['documents: ["*.txt"]', 'events:', '  e:', '    estimate:', '      killed: ?', ''].join('\n'));
    assert.deepEqual(problems(block), ['registry ?: Nested mappings are not allowed in compact mappings: a bare ? starts a YAML key here; write "?" in quotes for the value, or leave the line out']);
    // In a flow mapping YAML stops at the } after it.
    const flow = readRegistry(['documents: ["*.txt"]', 'events: { e: { estimate: { killed: ? } } }', ''].join('\n'));
    assert.match(problems(flow).join('\n'), /a bare \? starts a YAML key here/);
    // A ? inside a word or a quoted string is no key, and other errors are the yaml package's own.
    assert.doesNotMatch(problems(readRegistry('documents: ["*.txt"\nevents: { e: { name: what? } }\n')).join('\n'), /bare \?/);
  });
});

void describe('what the registry refers to, and the document it keeps', () => {
  void test('each id written in the registry is listed once, even in a node an alias copies', () => {
    const text = ['documents: ["*.txt"]', 'properties: { place: { type: entity, kind: place } }', 'actors:', '  jnim: { name: JNIM }', '  ally: &b { affiliations: [jnim] }', '  copy: *b', 'places: { mali: {}, gao: { in: mali } }', 'events: { e: { place: "@gao", disputed: { place: [gao, "@mali"] } } }', ''].join('\n');
    const registry = readRegistry(text);
    assert.deepEqual(problems(registry), []);
    assert.deepEqual(
      registry.references.map((r) => `${r.id} ${text.slice(r.idRange.start, r.idRange.end)}`),
      ['jnim jnim', 'mali mali', 'gao gao', 'gao gao', 'mali mali'],
    );
    assert.equal(new Set(registry.references.map((r) => r.start)).size, registry.references.length);
  });

  void test('the parsed YAML is kept, and the file is editable only when it has no YAML problem', () => {
    const clean = readRegistry('documents: ["*.txt"]\nactors: { jnim: {} }\n');
    assert.ok(clean.parsed);
    assert.equal(clean.editable, true);
    const duplicateKey = readRegistry('documents: ["*.txt"]\nactors: { jnim: {}, jnim: {} }\n');
    assert.equal(duplicateKey.editable, false);
    const broken = readRegistry('documents: ["*.txt"\nactors: {\n');
    assert.equal(broken.parsed, undefined);
    assert.equal(broken.editable, false);
    // A schema problem is not a YAML problem: the file can still be edited to fix it.
    const unknownField = readRegistry('documents: ["*.txt"]\nactors: { jnim: { nmae: JNIM } }\n');
    assert.equal(unknownField.editable, true);
    assert.equal(unknownField.diagnostics.length, 1);
  });
});

const FIELDS = [
  'documents: ["*.txt"]',
  'properties:',
  '  outcome: { type: enum, values: [captured, repelled, withdrawn], cues: { captured: [pris le contrôle, overran], repelled: repoussé } }',
  '  killed: { type: count, measure: fatalities, cues: [tués, killed, morts, قتلى] }',
  '  wounded: { type: count, tolerance: 3, measure: injured }',
  '  date: { type: date }',
  '  place: { type: entity, kind: place, cues: [à, in] }',
  '  method: { type: text }',
  'places: { niafunke: { name: Niafunké } }',
  'events:',
  '  attack:',
  '    name: Attack',
  '    estimate: { killed: 20..50, outcome: repelled, wounded: "~10", date: 2023-11-24, place: niafunke, method: "?" }',
  'vague: { des dizaines: ">=20", dozens: ">=12", une cinquantaine: "~50", plusieurs: "?" }',
  '',
];

void describe('the registry\'s assist and export fields', () => {
  void test('estimate:, cues:, measure: and vague: are read and typed', () => {
    const registry = readRegistry(FIELDS.join('\n'));
    assert.deepEqual(problems(registry), []);
    const estimate = registry.entities.get('attack')?.estimate;
    assert.deepEqual(
      [...(estimate?.values() ?? [])].map((e) => [e.property, e.value, e.valueKey]),
      [
        ['killed', '20..50', '20..50'],
        ['outcome', 'repelled', '=repelled'],
        ['wounded', '~10', '7..13'],
        ['date', '2023-11-24', '19685..19685'],
        ['place', 'niafunke', '@niafunke'],
        ['method', '?', '?'],
      ],
    );
    assert.equal(registry.text.slice(estimate?.get('killed')?.start, estimate?.get('killed')?.end), '20..50');
    assert.equal(registry.text.slice(estimate?.get('killed')?.keyRange.start, estimate?.get('killed')?.keyRange.end), 'killed');
    const killed = registry.properties.get('killed');
    assert.deepEqual(killed?.cues.map((c) => c.value), ['tués', 'killed', 'morts', 'قتلى']);
    assert.equal(killed?.measure?.value, 'fatalities');
    const outcome = registry.properties.get('outcome');
    assert.deepEqual(outcome?.cues, []);
    assert.deepEqual(
      [...(outcome?.valueCues ?? [])].map(([value, cues]) => [value, cues.map((c) => c.value)]),
      [
        ['captured', ['pris le contrôle', 'overran']],
        ['repelled', ['repoussé']],
      ],
    );
    assert.deepEqual(registry.properties.get('place')?.cues.map((c) => c.value), ['à', 'in']);
    assert.deepEqual(
      [...registry.vague.values()].map((v) => [v.phrase, v.written, v.value.type === 'interval' ? `${v.value.low}..${v.value.high}` : v.value.type]),
      [
        ['des dizaines', '>=20', '20..Infinity'],
        ['dozens', '>=12', '12..Infinity'],
        ['une cinquantaine', '~50', '45..55'],
        ['plusieurs', '?', 'unknown'],
      ],
    );
    assert.equal(registry.text.slice(registry.vague.get('dozens')?.phraseRange.start, registry.vague.get('dozens')?.phraseRange.end), 'dozens');
  });

  void test('each bad value is a registry error at its exact place', () => {
    const text = [
      'documents: ["*.txt"]',
      'properties:',
      '  outcome: { type: enum, values: [captured, repelled], cues: { taken: [pris] } }',
      '  killed: { type: count, measure: fatalities, cues: [tués, "", [nested]] }',
      '  wounded: { type: count, measure: fatalities }',
      '  date: { type: date, measure: days, cues: { early: [tôt] } }',
      '  injured: { type: count, measure: "two words" }',
      '  place: { type: entity, kind: place }',
      'places: { niafunke: {} }',
      'actors: { jnim: { estimate: { killed: 3 } } }',
      'events:',
      '  attack: { estimate: { kiled: 20..50, outcome: taken, killed: lots, date: 2023-02-30, place: jnim } }',
      '  raid: { estimate: [killed, 3] }',
      '  siege: { estimate: { killed: [3, 4] } }',
      'vague: { des dizaines: beaucoup, dozens: [12], "": "3" }',
      'vagueness: {}',
      '',
    ].join('\n');
    const registry = readRegistry(text);
    const found = registry.diagnostics.map((d) => at(registry, d));
    assert.deepEqual(found, [
      'registry taken',
      'registry ""',
      'registry [nested]',
      'registry fatalities',
      'registry days',
      'registry { early: [tôt] }',
      'registry "two words"',
      'registry estimate',
      'registry kiled',
      'registry taken',
      'registry lots',
      'registry 2023-02-30',
      'wrong-kind jnim',
      'registry [killed, 3]',
      'registry [3, 4]',
      'registry beaucoup',
      'registry [12]',
      'registry ""',
      'registry vagueness',
    ]);
    const messages = problems(registry).join('\n');
    assert.match(messages, /`kiled` is not a property of corroborate.yaml: did you mean killed\?/);
    assert.match(messages, /measure `fatalities` is already killed's/);
    assert.match(messages, /measure only applies to count properties/);
    assert.match(messages, /cues per value only apply to enum properties/);
    assert.match(messages, /`taken` is not one of outcome's values/);
    assert.match(messages, /unknown field `estimate` for an actor/);
    assert.match(messages, /`beaucoup` is not a count/);
    // What could be read is still read.
    assert.equal(registry.properties.get('killed')?.measure?.value, 'fatalities');
    assert.equal(registry.properties.get('wounded')?.measure?.value, 'fatalities');
    assert.deepEqual(registry.properties.get('killed')?.cues.map((c) => c.value), ['tués']);
    assert.deepEqual([...(registry.entities.get('attack')?.estimate.keys() ?? [])], []);
    assert.equal(registry.vague.size, 0);
  });
});
