// corroborate.yaml read again after an edit reuses the reading of the text
// before it where the edit leaves it (readYamlEdit: the one entry of a block
// mapping that holds the edit is read on its own, the rest moved), and must
// give exactly what reading the new text from scratch gives: the YAML tree
// and its problems, and the registry read from them, positions included.
// Edits land anywhere, one after another, in registries of every style, and
// are of every kind a keystroke or a paste makes: a value added to a list, a
// character, a quote or a bracket left open, a line break, a line indented
// less, a comment, an anchor or an alias, a block scalar's indicator, a
// document marker.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readRegistry, type Registry } from '../../server/src/engine/registry';
import { readYaml, readYamlEdit, type YamlReading } from '../../server/src/engine/yaml';
import { checkProperty } from '../fuzz';
import { registryModel, writeRegistry, type RegistryModel, type SectionModel } from '../support/registryModel';

/** What an edit may insert: what typing and pasting in corroborate.yaml write, the YAML that changes how the rest reads among them. */
const INSERTED = [
  'x',
  ' ',
  ', "Bench Alias"',
  ', AO',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  ': ',
  ' # a comment',
  '#',
  '\n',
  '\r\n',
  '\r',
  '\n    ',
  '\n  ',
  '\n      kind: armed-group',
  '\n    description: "added"\n',
  '&anchor ',
  '*anchor',
  '|',
  '|+\n',
  '>-\n      folded\n',
  '- ',
  '? ',
  '\t',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '~',
  'null',
  '\n\n',
  '\u00e9',
  '\ud83d\ude00',
];

type Edit =
  /** Replace `removed` characters at a fraction of the text's length. */
  | { readonly kind: 'text'; readonly at: number; readonly removed: number; readonly inserted: string }
  /** An alias added at the end of the n-th `aliases: [` list, as the benchmark's alias edit does. */
  | { readonly kind: 'alias'; readonly list: number; readonly alias: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      removed: fc.oneof(fc.constant(0), fc.nat({ max: 12 })),
      inserted: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTED) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('alias' as const), list: fc.nat({ max: 8 }), alias: fc.constantFrom('"Bench Alias"', 'Autre nom', "'quoted'", '"x", "y"') }) },
);

function applied(text: string, change: Edit): string {
  if (change.kind === 'text') {
    const at = Math.floor(change.at * text.length);
    return text.slice(0, at) + change.inserted + text.slice(Math.min(text.length, at + change.removed));
  }
  const lists = [...text.matchAll(/aliases: \[[^\]\n]*/g)];
  const list = lists[change.list % Math.max(1, lists.length)];
  if (list?.index === undefined) return text;
  const end = list.index + list[0].length;
  return `${text.slice(0, end)}${list[0].endsWith('[') ? '' : ', '}${change.alias}${text.slice(end)}`;
}

/** A registry as most desks write one: no YAML anchor nor alias, no document marker, lines ending in LF or CRLF. */
function plain(model: RegistryModel): RegistryModel {
  const uncopied = (section: SectionModel): SectionModel => ('entities' in section ? { ...section, entities: section.entities.map((entity) => ({ ...entity, copied: false })) } : section);
  return { ...model, actors: uncopied(model.actors), places: uncopied(model.places), events: uncopied(model.events), start: false, end: '', eol: model.eol === '\r' ? '\n' : model.eol };
}

/** Registries of every style, most of them plain: the edits spliced happen in those. */
const registries = fc.tuple(registryModel, fc.nat({ max: 3 })).map(([model, style]) => writeRegistry(style === 0 ? model : plain(model)));

/** Whether a reading was spliced rather than parsed whole: its yaml Document is parsed only when asked for. */
function spliced(reading: YamlReading): boolean {
  return Object.getOwnPropertyDescriptor(reading, 'parsed')?.get !== undefined;
}

/** Everything a registry says, the yaml Document aside (compared by whether there is one and what it copies). */
function everything(registry: Registry): unknown {
  const { parsed, ...said } = registry;
  return { ...said, parsed: parsed === undefined ? undefined : parsed.aliased.size };
}

void describe('corroborate.yaml read again after an edit', () => {
  void test('gives what reading the edited text from scratch gives, edit after edit', () => {
    let edits = 0;
    let splices = 0;
    checkProperty(
      fc.property(registries, fc.array(edit, { minLength: 1, maxLength: 8 }), (written, changes) => {
        let text = written;
        let reading = readYaml(text);
        let registry = readRegistry(text);
        for (const change of changes) {
          const next = applied(text, change);
          const fresh = readYaml(next);
          const edited = readYamlEdit(text, reading, next);
          const what = `after ${JSON.stringify(change)} in:\n${text}\n---- giving:\n${next}`;
          assert.deepEqual({ root: edited.root, problems: edited.problems }, { root: fresh.root, problems: fresh.problems }, what);
          const nextRegistry = readRegistry(next, registry);
          assert.deepEqual(everything(nextRegistry), everything(readRegistry(next)), what);
          edits++;
          if (spliced(edited)) splices++;
          text = next;
          reading = edited;
          registry = nextRegistry;
        }
      }),
      200,
    );
    // The generator must keep reaching the edits that are spliced, or the property says nothing of them.
    assert.ok(splices >= edits / 10, `${splices} of ${edits} edits spliced`);
  });

  test('an alias added to an actor of a block registry reads one entry again, and the Document is parsed when asked for', () => {
    const before = ['documents: ["*.txt"]', 'actors:', '  jnim:', '    name: JNIM', '    aliases: [JNIM, "Jama\'at Nusrat"]', '  fama:', '    name: FAMa', ''].join('\n');
    const after = before.replace('"Jama\'at Nusrat"]', '"Jama\'at Nusrat", "Bench Alias"]');
    const edited = readYamlEdit(before, readYaml(before), after);
    assert.ok(spliced(edited));
    assert.deepEqual(edited.root, readYaml(after).root);
    const registry = readRegistry(after, readRegistry(before));
    assert.deepEqual(
      registry.entities.get('jnim')?.aliases.map((alias) => alias.value),
      ['JNIM', "Jama'at Nusrat", 'Bench Alias'],
    );
    assert.equal(registry.editable, true);
    assert.equal(registry.parsed?.document.toString(), readRegistry(after).parsed?.document.toString());
  });

  test('an edit that takes the newline before the next entry joins the two lines, and is read whole: the registry no longer parses', () => {
    const before = ['documents: ["*.txt"]', 'actors:', '  jnim:', '    name: JNIM', '  fama:', '    name: FAMa', ''].join('\n');
    for (const after of [before.replace('"]\nactors', '"]actors'), before.replace('JNIM\n  fama', 'JNIM  fama')]) {
      const fresh = readYaml(after);
      assert.notEqual(fresh.problems.length, 0, after);
      const edited = readYamlEdit(before, readYaml(before), after);
      assert.deepEqual({ root: edited.root, problems: edited.problems }, { root: fresh.root, problems: fresh.problems }, after);
      assert.deepEqual(everything(readRegistry(after, readRegistry(before))), everything(readRegistry(after)), after);
    }
  });

  test('an entry read on its own counts the mappings around it against the depth YAML may nest', () => {
    const before = ['documents: ["*.txt"]', 'actors:', '  jnim:', '    name: JNIM', '  fama:', '    name: FAMa', ''].join('\n');
    // The root, `actors:` and jnim's mapping hold the name's value: 97 lists inside each other reach the limit, 98 pass it.
    for (const lists of [97, 98]) {
      const after = before.replace('JNIM', '['.repeat(lists) + ']'.repeat(lists));
      const fresh = readYaml(after);
      assert.equal(fresh.problems.length, lists === 97 ? 0 : 1, `${lists} lists`);
      const edited = readYamlEdit(before, readYaml(before), after);
      assert.deepEqual({ root: edited.root, problems: edited.problems }, { root: fresh.root, problems: fresh.problems }, `${lists} lists`);
    }
  });
});
