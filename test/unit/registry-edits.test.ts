import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readRegistry, REGISTRY_FILE, type Registry } from '../../server/src/engine/registry';
import { applyEdits } from '../../server/src/features/codeActions';
import type { TextEdit } from '../../server/src/features/locate';
import { lineEnding } from '../../server/src/engine/lineIndex';
import { acknowledgeDispute, addEntity, recordAssessment, renameInRegistry, yamlScalar } from '../../server/src/features/registryEdits';

const SEEDS_REGISTRY = fs.readFileSync(path.join(__dirname, '..', '..', 'seeds', REGISTRY_FILE), 'utf8');

/** Applies insertions and checks that every byte outside the inserted text is the original's. */
function applyInsertions(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let shift = 0;
  const inserted = sorted.map((edit) => {
    assert.equal(edit.file, REGISTRY_FILE);
    assert.equal(edit.start, edit.end, 'registry edits only insert');
    const at = edit.start + shift;
    shift += edit.newText.length;
    return { at, length: edit.newText.length };
  });
  const after = applyEdits(text, edits);
  let rebuilt = after;
  for (const { at, length } of inserted.reverse()) rebuilt = rebuilt.slice(0, at) + rebuilt.slice(at + length);
  assert.equal(rebuilt, text);
  return after;
}

function errorsOf(registry: Registry): string[] {
  return registry.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code}: ${d.message}`);
}

function disputedValues(registry: Registry, event: string, property: string): string[] | undefined {
  return registry.entities.get(event)?.disputed.get(property)?.values.map((v) => v.value);
}

const FLOW_REGISTRY = [
  '# flow-style registry',
  'documents: ["*.txt"]',
  'properties: { outcome: { type: enum, values: [captured, repelled, withdrawn] }, killed: { type: count }, place: { type: entity, kind: place } }',
  'actors: { jnim: { name: JNIM }, fama: { name: FAMa } }   # the parties',
  'places: { mali: { name: Mali }, gao: { name: Gao, in: mali } }',
  'events: { attack: { name: Attack, date: 2023-11-24 }, raid: { name: Raid, disputed: { outcome: [captured, repelled] } } }',
  '',
].join('\n');

void describe('addEntity', () => {
  void test('appends a block entry under the seeds actors, keeping every other byte and the comments', () => {
    const before = readRegistry(SEEDS_REGISTRY);
    const edit = addEntity(readRegistry(SEEDS_REGISTRY), 'actors', 'barkhane', 'Opération Barkhane: "Sahel"');
    assert.ok(edit);
    const after = applyInsertions(SEEDS_REGISTRY, [edit]);
    const registry = readRegistry(after);
    assert.deepEqual(errorsOf(registry), []);
    const entity = registry.entities.get('barkhane');
    assert.equal(entity?.section, 'actor');
    assert.equal(entity?.name, 'Opération Barkhane: "Sahel"');
    assert.equal(registry.entities.size, before.entities.size + 1);
    // It follows the last actor, at the actors' indentation, before places:.
    assert.match(after, /composition and one on Kidal\.\n {2}barkhane:\n {4}name: "Opération Barkhane: \\"Sahel\\""\n\nplaces:/);
  });

  void test('keeps CRLF line endings: the inserted text uses the file\'s own', () => {
    const crlf = SEEDS_REGISTRY.replace(/\n/g, '\r\n');
    assert.equal(lineEnding(crlf), '\r\n');
    for (const section of ['actors', 'places', 'events'] as const) {
      const edit = addEntity(readRegistry(crlf), section, `new-${section}`, 'Nouveau');
      assert.ok(edit);
      assert.doesNotMatch(edit.newText, /(^|[^\r])\n/, 'no bare LF');
      const after = applyInsertions(crlf, [edit]);
      const registry = readRegistry(after);
      assert.deepEqual(errorsOf(registry), []);
      assert.equal(registry.entities.get(`new-${section}`)?.section, section.slice(0, -1));
    }
  });

  void test('adds to a flow-style section inside its braces, keeping the comment after it', () => {
    const edit = addEntity(readRegistry(FLOW_REGISTRY), 'actors', 'afp', 'Agence France-Presse');
    assert.ok(edit);
    const after = applyInsertions(FLOW_REGISTRY, [edit]);
    assert.match(after, /^actors: \{ jnim: \{ name: JNIM \}, fama: \{ name: FAMa \}, afp: \{ name: Agence France-Presse \} \} {3}# the parties$/m);
    assert.equal(readRegistry(after).entities.get('afp')?.name, 'Agence France-Presse');
  });

  void test('creates a missing section at the end of the file, and fills an empty one', () => {
    const noEvents = 'documents: ["*.txt"]\nactors:   # none yet\nplaces: ~\n# end\n';
    const created = addEntity(readRegistry(noEvents), 'events', 'attack', 'Attack');
    assert.ok(created);
    const withEvent = applyInsertions(noEvents, [created]);
    assert.ok(withEvent.startsWith(noEvents), 'appended at the very end');
    assert.equal(readRegistry(withEvent).entities.get('attack')?.section, 'event');

    const filled = addEntity(readRegistry(noEvents), 'actors', 'jnim', 'JNIM');
    assert.ok(filled);
    const withActor = applyInsertions(noEvents, [filled]);
    assert.match(withActor, /^actors: {3}# none yet\n {2}jnim:\n {4}name: JNIM\nplaces: ~$/m);
    assert.equal(readRegistry(withActor).entities.get('jnim')?.section, 'actor');

    const explicitNull = addEntity(readRegistry(noEvents), 'places', 'mali', 'Mali');
    assert.ok(explicitNull);
    assert.equal(readRegistry(applyEdits(noEvents, [explicitNull])).entities.get('mali')?.section, 'place');
  });

  void test('quotes ids and names the core schema would read as something else', () => {
    const edit = addEntity(readRegistry(FLOW_REGISTRY), 'actors', 'null', 'true');
    assert.ok(edit);
    const registry = readRegistry(applyEdits(FLOW_REGISTRY, [edit]));
    assert.deepEqual(errorsOf(registry), []);
    assert.equal(registry.entities.get('null')?.name, 'true');
  });

  void test('refuses a registry with YAML errors or an id already there', () => {
    assert.equal(addEntity(readRegistry('actors: { jnim: [\n'), 'actors', 'x', 'X'), undefined);
    assert.equal(addEntity(readRegistry(FLOW_REGISTRY), 'actors', 'jnim', 'JNIM'), undefined);
  });
});

void describe('acknowledgeDispute', () => {
  void test('adds disputed: on a block event at its field indentation', () => {
    const edits = acknowledgeDispute(readRegistry(SEEDS_REGISTRY), 'niafunke-attack', 'outcome', ['captured', 'repelled']);
    assert.ok(edits);
    const after = applyInsertions(SEEDS_REGISTRY, edits);
    const registry = readRegistry(after);
    assert.deepEqual(errorsOf(registry), []);
    assert.deepEqual(disputedValues(registry, 'niafunke-attack', 'outcome'), ['captured', 'repelled']);
    assert.match(after, /assailants\.\n {4}disputed: \{ outcome: \[captured, repelled\] \}\n {2}goundam-attack:/);
  });

  void test('adds before the closing brace of a flow event, quoting values that are not plain scalars', () => {
    const edits = acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'attack', 'killed', ['>=20', '~50', '12', '20..99']);
    assert.ok(edits);
    const after = applyInsertions(FLOW_REGISTRY, edits);
    assert.match(after, /attack: \{ name: Attack, date: 2023-11-24, disputed: \{ killed: \[">=20", "~50", 12, 20\.\.99\] \} \}/);
    const registry = readRegistry(after);
    assert.deepEqual(errorsOf(registry), []);
    assert.deepEqual(disputedValues(registry, 'attack', 'killed'), ['>=20', '~50', '12', '20..99']);

    const places = acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'attack', 'place', ['@gao', '@jnim']);
    assert.ok(places);
    assert.deepEqual(disputedValues(readRegistry(applyInsertions(FLOW_REGISTRY, places)), 'attack', 'place'), ['@gao', '@jnim']);
  });

  void test('extends an existing disputed list or map without repeating values', () => {
    const extended = acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'raid', 'outcome', ['repelled', 'withdrawn', 'captured']);
    assert.ok(extended);
    assert.equal(extended.length, 1);
    assert.equal(extended[0].newText, ', withdrawn');
    assert.deepEqual(disputedValues(readRegistry(applyInsertions(FLOW_REGISTRY, extended)), 'raid', 'outcome'), ['captured', 'repelled', 'withdrawn']);

    assert.deepEqual(acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'raid', 'outcome', ['repelled', 'captured']), []);

    const another = acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'raid', 'killed', ['3', '~50']);
    assert.ok(another);
    const registry = readRegistry(applyInsertions(FLOW_REGISTRY, another));
    assert.deepEqual(disputedValues(registry, 'raid', 'outcome'), ['captured', 'repelled']);
    assert.deepEqual(disputedValues(registry, 'raid', 'killed'), ['3', '~50']);
  });

  void test('extends a block list in its own style, with CRLF, and keeps the comments around it', () => {
    const block = [
      'documents: ["*.txt"]',
      'properties:',
      '  outcome: { type: enum, values: [captured, repelled, withdrawn] }',
      'events:',
      '  attack:',
      '    name: Attack',
      '    disputed:',
      '      outcome:',
      '        - captured # JNIM',
      '        - repelled # FAMa',
      '    # assessment to come',
      '  raid:',
      '    name: Raid',
      '',
    ].join('\r\n');
    const edits = acknowledgeDispute(readRegistry(block), 'attack', 'outcome', ['withdrawn', 'captured']);
    assert.ok(edits);
    const after = applyInsertions(block, edits);
    assert.ok(after.includes('        - repelled # FAMa\r\n        - withdrawn\r\n    # assessment to come\r\n'));
    assert.deepEqual(disputedValues(readRegistry(after), 'attack', 'outcome'), ['captured', 'repelled', 'withdrawn']);
  });

  void test('refuses an unknown event or a malformed disputed:', () => {
    assert.equal(acknowledgeDispute(readRegistry(FLOW_REGISTRY), 'nowhere', 'outcome', ['a', 'b']), undefined);
    assert.equal(acknowledgeDispute(readRegistry('events: { e: { disputed: [a, b] } }\n'), 'e', 'outcome', ['a', 'b']), undefined);
  });
});

void describe('yamlScalar', () => {
  void test('any text reads back as itself, as the registry reads scalars, in a flow list and as a block value', () => {
    const readBack = (yaml: string): string => {
      const value: unknown = parse(yaml, { version: '1.2', schema: 'core' });
      const item = Array.isArray(value) ? (value as unknown[])[0] : (value as { key: unknown }).key;
      assert.ok(typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean', `${yaml} reads as ${String(item)}`);
      return String(item);
    };
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary-ascii', maxLength: 12 }), fc.constantFrom('>=20', '~50', '@x', 'null', '0x1A', '1e3', 'a: b', 'a #b', '- a', 'true')), (value) => {
        const written = yamlScalar(value);
        assert.equal(readBack(`[${written}]`), value);
        assert.equal(readBack(`key: ${written}`), value);
        if (/^[>~@]/.test(value)) assert.ok(written.startsWith('"'));
      }),
      { numRuns: 500 },
    );
  });
});

/** The registry after the edits: no YAML or schema error, and the edits applied. */
function appliedCleanly(text: string, edits: readonly TextEdit[]): Registry {
  const after = readRegistry(applyInsertions(text, edits));
  assert.deepEqual(errorsOf(after), []);
  return after;
}

/** How many times a top-level key is written in a registry text, whatever its line endings. */
function topLevelKeys(text: string, key: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => line.startsWith(`${key}:`)).length;
}

void describe('registry edits that knew the YAML only in part (issue 10, fault 8)', () => {
  void test('a rename whose reference sits in an anchored node that an alias copies edits it once', () => {
    const text = ['documents: ["*.txt"]', 'actors:', '  jnim: { name: JNIM }', '  ally: &b { name: Ally, affiliations: [jnim] }', '  copy: *b', ''].join('\n');
    const registry = readRegistry(text);
    const edits = renameInRegistry(registry, 'jnim', 'gsim');
    assert.ok(edits);
    assert.deepEqual(
      edits.map((e) => text.slice(e.start, e.end)),
      ['jnim', 'jnim'],
      'the key and the one written affiliation',
    );
    const after = readRegistry(applyEdits(text, edits));
    assert.deepEqual(errorsOf(after), []);
    assert.match(after.text, /affiliations: \[gsim\] \}/);
    assert.deepEqual(after.entities.get('copy')?.affiliations.map((a) => a.value), ['gsim']);
    assert.deepEqual(after.entities.get('ally')?.affiliations.map((a) => a.value), ['gsim']);
  });

  void test('a CR-only registry gets the new actor under its actors:, not a second actors: section', () => {
    const text = ['documents: ["*.txt"]', 'actors:', '  jnim:', '    name: JNIM', 'places:', '  gao: { name: Gao }', ''].join('\r');
    const edit = addEntity(readRegistry(text), 'actors', 'fama', 'FAMa');
    assert.ok(edit);
    const after = appliedCleanly(text, [edit]);
    assert.equal(topLevelKeys(after.text, 'actors'), 1);
    assert.equal(after.entities.get('fama')?.section, 'actor');
    assert.equal(after.entities.get('jnim')?.name, 'JNIM');
    assert.doesNotMatch(after.text, /\n/, 'only lone CRs end its lines');
  });

  void test('a registry that ends with the end marker ... gets a new section before it', () => {
    const text = 'documents: ["*.txt"]\nactors: { jnim: { name: JNIM } }\n...\n# notes after the end\n';
    const edit = addEntity(readRegistry(text), 'events', 'attack', 'Attack');
    assert.ok(edit);
    const after = appliedCleanly(text, [edit]);
    assert.equal(after.entities.get('attack')?.section, 'event');
    assert.ok(after.text.indexOf('events:') < after.text.indexOf('...'), 'the section is inside the document');
    assert.ok(after.text.endsWith('...\n# notes after the end\n'));
  });

  void test('a section written with explicit keys (? attack) gets its new entry at the entries\' indentation', () => {
    const text = ['documents: ["*.txt"]', 'properties: { outcome: { type: enum, values: [captured, repelled] } }', 'events:', '  ? attack', '  : name: Attack', '    date: 2023-11-24', ''].join('\n');
    const added = addEntity(readRegistry(text), 'events', 'raid', 'Raid');
    assert.ok(added);
    const after = appliedCleanly(text, [added]);
    assert.equal(after.entities.get('raid')?.section, 'event');
    assert.equal(after.entities.get('attack')?.date, '2023-11-24');
    assert.match(after.text, /\n {2}raid:\n {4}name: Raid\n$/);

    const acknowledged = acknowledgeDispute(readRegistry(text), 'attack', 'outcome', ['captured', 'repelled']);
    assert.ok(acknowledged);
    assert.deepEqual(disputedValues(appliedCleanly(text, acknowledged), 'attack', 'outcome'), ['captured', 'repelled']);
  });

  void test('an entry added after a |+ block scalar leaves it its trailing blank lines', () => {
    const text = ['documents: ["*.txt"]', 'actors:', '  jnim:', '    name: JNIM', '    description: |+', '      Sahel coalition.', '', '', 'places:', '  gao: { name: Gao }', ''].join('\n');
    const before = readRegistry(text).entities.get('jnim')?.description;
    assert.equal(before, 'Sahel coalition.\n\n\n');
    const edit = addEntity(readRegistry(text), 'actors', 'fama', 'FAMa');
    assert.ok(edit);
    const after = appliedCleanly(text, [edit]);
    assert.equal(after.entities.get('jnim')?.description, before);
    assert.equal(after.entities.get('fama')?.name, 'FAMa');
  });
});

void describe('recordAssessment', () => {
  const record = (text: string, event: string, assessment: string | undefined, estimate: [string, string][]) =>
    recordAssessment(readRegistry(text), event, { ...(assessment !== undefined ? { assessment } : {}), estimate: new Map(estimate) });

  void test('adds assessment: and estimate: to a block event, and to a flow event before its brace', () => {
    const edits = record(SEEDS_REGISTRY, 'niafunke-attack', 'The army held the camp.', [['killed', '20..50'], ['outcome', 'repelled']]);
    assert.ok(edits);
    const after = readRegistry(applyInsertions(SEEDS_REGISTRY, edits));
    assert.deepEqual(errorsOf(after), []);
    const event = after.entities.get('niafunke-attack');
    assert.equal(event?.assessment, 'The army held the camp.');
    assert.deepEqual([...(event?.estimate.values() ?? [])].map((e) => `${e.property}=${e.value}`), ['killed=20..50', 'outcome=repelled']);
    assert.match(after.text, /assailants\.\n {4}assessment: The army held the camp\.\n {4}estimate: \{ killed: 20\.\.50, outcome: repelled \}\n {2}goundam-attack:/);

    const flow = record(FLOW_REGISTRY, 'attack', 'Dit "assez".', [['killed', '>=20']]);
    assert.ok(flow);
    assert.equal(flow.length, 1, 'one insertion');
    const flowAfter = applyInsertions(FLOW_REGISTRY, flow);
    assert.match(flowAfter, /attack: \{ name: Attack, date: 2023-11-24, assessment: "Dit \\"assez\\"\.", estimate: \{ killed: ">=20" \} \}/);
    assert.equal(readRegistry(flowAfter).entities.get('attack')?.estimate.get('killed')?.valueKey, '20..Infinity');
  });

  void test('replaces what is there — a block scalar assessment, an estimate value, an empty value — and keeps the rest', () => {
    const text = [
      'documents: ["*.txt"]',
      'properties: { killed: { type: count }, outcome: { type: enum, values: [captured, repelled] }, place: { type: entity, kind: place } }',
      'places: { gao: {} }',
      'events:',
      '  attack:',
      '    assessment: |+',
      '      First thoughts.',
      '',
      '    estimate:',
      '      killed: 3   # to check',
      '      outcome:',
      '  raid: { name: Raid, estimate: { killed: 5 } }',
      '',
    ].join('\r\n');
    const edits = record(text, 'attack', 'Settled.', [['killed', '~50'], ['outcome', 'repelled'], ['place', 'gao']]);
    assert.ok(edits);
    const after = readRegistry(applyEdits(text, edits));
    assert.deepEqual(errorsOf(after), []);
    const attack = after.entities.get('attack');
    assert.equal(attack?.assessment, 'Settled.');
    assert.deepEqual([...(attack?.estimate.values() ?? [])].map((e) => `${e.property}=${e.value}`), ['killed=~50', 'outcome=repelled', 'place=gao']);
    assert.ok(after.text.includes('      killed: "~50"   # to check\r\n      outcome: repelled\r\n      place: gao\r\n'), after.text);
    assert.equal(after.entities.get('raid')?.estimate.get('killed')?.value, '5');
    assert.doesNotMatch(after.text, /(^|[^\r])\n/, 'CRLF kept');

    const flow = record(text, 'raid', undefined, [['killed', '7'], ['outcome', 'captured']]);
    assert.ok(flow);
    assert.equal(flow.length, 1, 'the replaced value and the added entry touch: one edit');
    assert.match(applyEdits(text, flow), /raid: \{ name: Raid, estimate: \{ killed: 7, outcome: captured \} \}/);
  });

  void test('refuses an unknown event or property, a value that does not read, an entity not in the registry, and an event an alias copies', () => {
    const text = 'documents: ["*.txt"]\nproperties: { killed: { type: count }, place: { type: entity, kind: place } }\nplaces: { gao: {} }\nevents: { a: &body { name: A }, b: *body }\n';
    assert.equal(record(text, 'nowhere', 'x', []), undefined);
    assert.equal(record(text, 'a', undefined, [['kiled', '3']]), undefined);
    assert.equal(record(text, 'a', undefined, [['killed', 'lots']]), undefined);
    assert.equal(record(text, 'a', undefined, [['place', '@mali']]), undefined);
    assert.equal(record(text, 'a', 'Shared.', []), undefined);
    assert.equal(record(text, 'b', 'Copy.', []), undefined);
  });
});

void test('an explicit key without a value (? attack) is left alone rather than extended', () => {
  const text = 'documents: ["*.txt"]\nproperties: { outcome: { type: enum, values: [captured, repelled] } }\nevents:\n  ? attack\n  raid: { name: Raid }\n';
  assert.equal(readRegistry(text).entities.has('attack'), true);
  assert.equal(acknowledgeDispute(readRegistry(text), 'attack', 'outcome', ['captured', 'repelled']), undefined);
  const raid = acknowledgeDispute(readRegistry(text), 'raid', 'outcome', ['captured', 'repelled']);
  assert.ok(raid);
  assert.deepEqual(disputedValues(readRegistry(applyInsertions(text, raid)), 'raid', 'outcome'), ['captured', 'repelled']);
});
