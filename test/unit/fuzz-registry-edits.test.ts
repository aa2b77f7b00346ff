// Every registry edit — add an entity, acknowledge a dispute, record the
// desk's assessment and estimate, the registry's part of a rename — applied
// to generated registries written in every style YAML allows and analysts
// use: block and flow sections, explicit keys, block scalars that keep or
// strip their trailing lines, comments, anchors and the aliases that copy
// them, `---` and `...` markers, LF, CRLF and lone CR line endings, a BOM.
// After each edit the registry is read again: it is valid, the intended
// entity or value is there once, and nothing else it says has changed.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readRegistry, type Registry } from '../../server/src/engine/registry';
import { readRegistryValue } from '../../server/src/engine/registry';
import { valueKey } from '../../server/src/engine/values';
import { applyEdits } from '../../server/src/features/codeActions';
import type { TextEdit } from '../../server/src/features/locate';
import { acknowledgeDispute, addEntity, recordAssessment, renameInRegistry } from '../../server/src/features/registryEdits';
import { checkProperty } from '../fuzz';
import { registryModel, writeRegistry, type RegistryModel } from '../support/registryModel';

// ---------------------------------------------------------------------------
// What a registry says, positions left out: what must not change.

interface Said {
  readonly properties: unknown;
  readonly entities: Record<string, Record<string, unknown>>;
  readonly documents: readonly string[];
}

function said(registry: Registry): Said {
  const entities: Record<string, Record<string, unknown>> = {};
  for (const e of registry.entities.values()) {
    entities[e.id] = {
      section: e.section,
      name: e.name,
      kind: e.kind,
      aliases: e.aliases.map((a) => a.value),
      affiliations: e.affiliations.map((a) => a.value),
      description: e.description,
      anonymous: e.anonymous,
      in: e.in?.value,
      date: e.date,
      place: e.place?.value,
      disputed: Object.fromEntries([...e.disputed].map(([p, d]) => [p, [...d.keys].sort()])),
      assessment: e.assessment,
      estimate: Object.fromEntries([...e.estimate].map(([p, v]) => [p, v.valueKey])),
    };
  }
  const properties = [...registry.properties.values()].map((p) => [p.key, p.type, p.values, p.compatible, p.kind]);
  // As JSON reads it back, so that an absent field and an undefined one compare equal.
  return clone({ properties, entities, documents: registry.documents.map((d) => d.value) });
}

function clone(value: Said): Said {
  return JSON.parse(JSON.stringify(value)) as Said;
}

function errorsOf(registry: Registry): string[] {
  return registry.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} at ${d.start}: ${d.message}`);
}

function lineBreaks(text: string): string[] {
  return text.match(/\r\n|\r|\n/g) ?? [];
}

/** The edits applied: they do not overlap, add only the file's line ending, and leave a registry without YAML or schema problem. */
function applied(before: Registry, eol: string, edits: readonly TextEdit[], what: string): Registry {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  sorted.slice(1).forEach((e, k) => assert.ok(sorted[k].end <= e.start, `${what}: edits overlap`));
  for (const edit of edits) {
    assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= before.text.length, `${what}: an edit outside the text`);
    for (const lineBreak of lineBreaks(edit.newText)) assert.equal(lineBreak, eol, `${what}: inserted ${JSON.stringify(lineBreak)} in a file whose line ending is ${JSON.stringify(eol)}`);
  }
  const after = readRegistry(applyEdits(before.text, edits));
  assert.equal(after.editable, true, `${what}: the YAML reads without problem:\n${after.text}\n${errorsOf(after).join('\n')}`);
  assert.deepEqual(errorsOf(after), [], `${what}:\n${after.text}`);
  return after;
}

function keyOf(registry: Registry, property: string, value: string): string {
  const definition = registry.properties.get(property);
  assert.ok(definition);
  const reading = readRegistryValue(definition, value);
  assert.ok(reading.ok, `${property}=${value}`);
  return valueKey(reading.value);
}

const NEW_NAMES = ['Barkhane', 'Opération "Sahel": phase 2', '# not a comment', 'عملية', '- dash', 'null', '[x]'];

/** The styles a run of the property wrote, counted so that a generator that stopped writing one is noticed. */
function stylesOf(model: RegistryModel, text: string): string[] {
  const entities = [model.actors, model.places, model.events].flatMap((s) => ('entities' in s ? s.entities.map((e) => ({ ...e, section: s.style })) : []));
  const blockEntities = entities.filter((e) => e.section === 'block');
  return [
    ...(model.eol === '\r' ? ['lone CR'] : model.eol === '\r\n' ? ['CRLF'] : ['LF']),
    ...(model.bom ? ['BOM'] : []),
    ...(model.end !== '' ? ['end marker'] : []),
    ...(model.start ? ['start marker'] : []),
    ...([model.actors, model.places, model.events].some((s) => s.style === 'flow') ? ['flow section'] : []),
    ...([model.actors, model.places, model.events].some((s) => s.style !== 'flow' && !('entities' in s)) ? ['empty section'] : []),
    ...(blockEntities.some((e) => e.style === 'explicit' && !e.copied) ? ['explicit key'] : []),
    ...(blockEntities.some((e) => e.description?.style === '|+') ? ['kept block scalar'] : []),
    ...(entities.some((e) => e.copied) ? ['alias copy'] : []),
    ...(text.includes('# ') ? ['comment'] : []),
  ];
}

const ALL_STYLES = ['lone CR', 'CRLF', 'LF', 'BOM', 'end marker', 'start marker', 'flow section', 'empty section', 'explicit key', 'kept block scalar', 'alias copy', 'comment'];

void describe('every registry edit, on registries in every style', () => {
  void test('leaves valid YAML with the intended entity or value once and nothing else changed', () => {
    const seen = new Map<string, number>();
    checkProperty(
      fc.property(registryModel, fc.constantFrom(...NEW_NAMES), fc.constantFrom('~50', '>=20', '3'), (model, newName, estimate) => {
        const text = writeRegistry(model);
        for (const style of stylesOf(model, text)) seen.set(style, (seen.get(style) ?? 0) + 1);
        const before = readRegistry(text);
        assert.deepEqual(errorsOf(before), [], `the generated registry is valid:\n${text}`);
        const eol = model.eol;
        const copiedEvents = new Set('entities' in model.events ? model.events.entities.filter((e) => e.copied).map((e) => e.id) : []);

        for (const [section, noun] of [['actors', 'actor'], ['places', 'place'], ['events', 'event']] as const) {
          const edit = addEntity(before, section, `new-${noun}`, newName);
          assert.ok(edit, `add to ${section}:\n${text}`);
          const after = applied(before, eol, [edit], `add to ${section}`);
          const expected = clone(said(before));
          expected.entities[`new-${noun}`] = said(readRegistry(`documents: ["*.txt"]\n${section}: { new-${noun}: { name: ${JSON.stringify(newName)} } }\n`)).entities[`new-${noun}`];
          assert.deepEqual(said(after), expected, `add to ${section}:\n${after.text}`);
        }

        for (const event of [...before.entities.values()].filter((e) => e.section === 'event')) {
          const refused = copiedEvents.has(event.id) || event.id.endsWith('-copy');
          const values = ['captured', 'withdrawn', 'captured'];
          const edits = acknowledgeDispute(before, event.id, 'outcome', values);
          if (refused) {
            assert.equal(edits, undefined, `${event.id} is copied by an alias: editing it would edit the copy`);
            continue;
          }
          assert.ok(edits, `acknowledge on ${event.id}:\n${text}`);
          const after = applied(before, eol, edits, `acknowledge on ${event.id}`);
          const expected = clone(said(before));
          const listed = new Set([...((expected.entities[event.id].disputed as Record<string, string[]>).outcome ?? []), '=captured', '=withdrawn']);
          (expected.entities[event.id].disputed as Record<string, string[]>).outcome = [...listed].sort();
          assert.deepEqual(said(after), expected, `acknowledge on ${event.id}:\n${after.text}`);
          const written = after.entities.get(event.id)?.disputed.get('outcome');
          assert.equal(written?.values.length, written?.keys.size, 'each value listed once');

          const record = recordAssessment(before, event.id, { assessment: `Assessed: ${newName}`, estimate: new Map([['killed', estimate], ['place', '@gao']]) });
          if (!before.entities.has('gao')) {
            assert.equal(record, undefined, 'an estimate naming no place of the registry is not written');
            continue;
          }
          assert.ok(record, `record on ${event.id}:\n${text}`);
          const recorded = applied(before, eol, record, `record on ${event.id}`);
          const withRecord = clone(said(before));
          withRecord.entities[event.id].assessment = `Assessed: ${newName}`;
          withRecord.entities[event.id].estimate = { ...(withRecord.entities[event.id].estimate as object), killed: keyOf(before, 'killed', estimate), place: '@gao' };
          assert.deepEqual(said(recorded), withRecord, `record on ${event.id}:\n${recorded.text}`);
        }

        for (const entity of before.entities.values()) {
          if (entity.id.endsWith('-copy')) continue;
          const edits = renameInRegistry(before, entity.id, 'renamed-id');
          assert.ok(edits, `rename ${entity.id}:\n${text}`);
          const after = applied(before, eol, edits, `rename ${entity.id}`);
          const renamed = JSON.stringify(said(before)).replace(new RegExp(`"(@?)${entity.id}"`, 'g'), '"$1renamed-id"');
          assert.deepEqual(said(after), JSON.parse(renamed), `rename ${entity.id}:\n${after.text}`);
          // Renaming back gives the file back, byte for byte.
          const back = renameInRegistry(after, 'renamed-id', entity.id);
          assert.ok(back);
          assert.equal(applyEdits(after.text, back), text, `rename ${entity.id} and back`);
        }
      }),
      150,
    );
    for (const style of ALL_STYLES) assert.ok((seen.get(style) ?? 0) >= 3, `only ${seen.get(style) ?? 0} registries with ${style}`);
  });
});
