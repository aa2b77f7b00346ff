// Every diagnostic code of DESIGN.md, triggered on a small corpus and checked
// as `corroborate check --format json` checks it. Each case is a fixture
// (test/support/fixture.ts, described in CONTRIBUTING.md): the files as they
// are, and under each fault the carets of its exact range and its code. A
// fixture lists every diagnostic of the codes the test compares, so a valid
// input that raised one would fail as surely as a fault that raised none.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpusOf } from '../support/corpus';
import { severityOf } from '../../server/src/engine/diagnostics';
import { checkOutput, CONTRACT_SEVERITY, expectDiagnostics, rangeOf, type Checked, type CheckOutput, type DiagnosticsCase, type JsonDiagnostic } from '../support/diagnostics';
import { REPO, tempFolder, writeCorpus } from '../support/tempFolder';

const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');

const REGISTRY = `documents: ["**/*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }
  killed: { type: count }
  date: { type: date }
  place: { type: entity, kind: place }
  method: { type: text }
actors:
  jnim: { name: JNIM, kind: armed-group, aliases: [JNIM, GSIM] }
  fama: { name: Forces armées maliennes, kind: state-force, aliases: [FAMa, armée malienne] }
  afp: { name: Agence France-Presse, kind: media }
  rfi: { name: Radio France Internationale, kind: media }
  local-sources: { name: Local sources, kind: other, anonymous: true }
places:
  mali: { name: Mali, aliases: [Mali] }
  niafunke: { name: Niafunké, aliases: [Niafunké, Niafounke], in: mali }
events:
  attack: { name: Attack on the Niafunké camp, date: 2023-11-24, place: niafunke }
  raid:
    name: Raid on the camp
    disputed: { outcome: [captured, repelled] }
    assessment: Both sides' accounts stand; no independent confirmation.
`;

/** Checks the fixture on the shared registry, unless it writes its own corroborate.yaml. */
function checked(fixture: string, options: DiagnosticsCase = {}): Promise<Checked> {
  return expectDiagnostics(fixture, { ...options, extra: { 'corroborate.yaml': REGISTRY, ...options.extra } });
}

async function check(fixture: string, options: DiagnosticsCase = {}): Promise<void> {
  await checked(fixture, options);
}

function withCode(out: CheckOutput, code: string): JsonDiagnostic[] {
  return out.diagnostics.filter((d) => d.code === code);
}

/** Most cases are about faults in a document: the hints (the registry's unused entities, unmarked aliases) are not their subject. */
const DOCUMENT: DiagnosticsCase = { ignore: ['unused-entity', 'unannotated-mention'] };

void describe('the codes', () => {
  void test('every code the engine has is in docs/diagnostics.md, with the severity it reports', () => {
    assert.deepEqual(new Map(Object.entries(severityOf)), CONTRACT_SEVERITY);
  });
});

void describe('a valid corpus', () => {
  const report = `
    ---
    source: afp
    origin: rfi
    published: 2023-11-25
    language: fr
    title: Le JNIM attaque Niafunké
    url: https://example.org/a
    author: AFP
    ---
    Selon [des sources locales]{@local-sources}, [le JNIM]{@jnim} a attaqué le camp de
    [Niafunké]{@niafunke}, au [Mali]{@mali}, le 24 novembre. [Le groupe dit avoir pris le camp]{claim by=@jnim
    event=@attack outcome=captured date=2023-11-24 place=@niafunke #jnim-prise}, ce que
    [l’armée malienne]{@fama} dément : [l'assaut a été repoussé]{claim by=@fama event=@raid outcome=repelled}.
    [Une cinquantaine de soldats auraient été tués]{claim by=@local-sources event=@attack killed=~50 hedged}.
    [Le bilan officiel n'a pas été donné]{claim by=@fama event=@attack killed=? method="au mortier, puis à l'assaut"}.
    Il a dit [sic] que \\[rien\\] n'était {vrai}.

    [Commentaire d'un lecteur : le JNIM ment, l'armée malienne aussi]{skip}
  `;

  void test('raises no diagnostic at all, the registry included', async () => {
    const { out } = await checked(report);
    assert.deepEqual({ documents: out.documents, mentions: out.mentions, claims: out.claims }, { documents: 1, mentions: 5, claims: 4 });
  });

  void test('the real program on a folder prints what the engine gives in memory', async () => {
    const { fixture } = await checked(report);
    const files = { 'corroborate.yaml': REGISTRY, 'a.txt': fixture.files.get('a.txt') ?? '', 'b.txt': '---\nsource: afp\n---\n[GSIM]{@fama} [x]{claim event=@attack killed=3}\n' };
    const run = spawnSync(process.execPath, [BIN, 'check', writeCorpus(files), '--format', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const spawned = JSON.parse(run.stdout) as CheckOutput;
    assert.deepEqual(spawned, checkOutput(corpusOf(files)));
    assert.ok(spawned.diagnostics.length > 0);
  });
});

void describe('syntax', () => {
  const cases: [string, string][] = [
    [
      'a ]{ with no open [',
      `
        ---
        source: afp
        ---
        Le camp ]{@niafunke} a été attaqué.
                ^^^^^^^^^^^^ syntax
      `,
    ],
    [
      'a mention block that follows no ]',
      `
        ---
        source: afp
        ---
        Le camp {@niafunke} a été attaqué.
                ^^^^^^^^^^^ syntax
      `,
    ],
    [
      'a claim block that follows no ]',
      `
        ---
        source: afp
        ---
        Le camp a été pris {claim by=@jnim event=@attack}.
                           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ syntax
      `,
    ],
    [
      'a skip block that follows no ]',
      `
        ---
        source: afp
        ---
        Un lecteur écrit {skip} : bravo.
                         ^^^^^^ syntax
      `,
    ],
    [
      'a block left open at the end of its paragraph',
      `
        ---
        source: afp
        ---
        Le [camp]{@niafunke a été
                 ^ syntax
        attaqué.

        La suite.
      `,
    ],
    [
      'an unclosed quote',
      `
        ---
        source: afp
        ---
        [Le camp]{claim event=@attack method="au mortier} a été attaqué.
                                             ^ syntax
      `,
    ],
    [
      'an empty block',
      `
        ---
        source: afp
        ---
        Le [camp]{} a été attaqué.
                 ^^ syntax
      `,
    ],
    [
      'an unknown block',
      `
        ---
        source: afp
        ---
        Le [camp]{lieu} a été attaqué.
                  ^^^^ syntax
      `,
    ],
    [
      'a duplicate key',
      `
        ---
        source: afp
        ---
        [Dix morts]{claim event=@attack killed=10 killed=12}.
                                                  ^^^^^^^^^ syntax
      `,
    ],
    [
      'a duplicate by=',
      `
        ---
        source: afp
        ---
        [Dix morts]{claim by=@jnim event=@attack by=@fama}.
                                                 ^^^^^^^^ syntax
      `,
    ],
    [
      'empty span text',
      `
        ---
        source: afp
        ---
        Le camp []{@niafunke} a été attaqué.
                ^^ syntax
      `,
    ],
    [
      'a word that is not a ref in a mention block',
      `
        ---
        source: afp
        ---
        Le [camp]{@niafunke camp} a été attaqué.
                            ^^^^ syntax
      `,
    ],
  ];
  for (const [name, fixture] of cases) void test(name, () => check(fixture, DOCUMENT));

  void test('nesting deeper than 32, at the block of the 33rd span', async () => {
    const nested = (depth: number) => `---\nsource: afp\n---\n${'['.repeat(depth)}mot${']{@niafunke}'.repeat(depth)}\n`;
    // Under the first block, after the brackets, the word and its ].
    await check(`${nested(33)}${' '.repeat(33 + 'mot]'.length)}^^^^^^^^^^^ syntax\n`, DOCUMENT);
    await check(nested(32), DOCUMENT);
  });

  void test('valid markup raises none: balanced brackets, plain brackets and braces, escapes, wrapped spans', () =>
    check(
      `
        ---
        source: afp
        ---
        [il a dit [sic] ceci]{claim by=@jnim event=@attack}, un [lien] et des {accolades} ;
        \\[pas un span\\]\\{ni un bloc\\} ; [un span
        sur deux lignes]{@niafunke} ; [une valeur]{claim by=@jnim event=@attack method="a } et \\" b"} ;
        [[Niafunké]{@niafunke} [Mali]{@mali}]{claim by=@jnim event=@attack place=@niafunke}.
      `,
      DOCUMENT,
    ));
});

void describe('encoding', () => {
  const frontMatter = Buffer.from('---\nsource: afp\n---\n');

  void test('Latin-1 text: at its first byte that is not UTF-8', () =>
    check(
      `
        ---
        source: afp
        ---
        Le camp de Niafunk� a �t� attaqu�.
                          ^ encoding
      `,
      { ...DOCUMENT, bytes: { 'a.txt': Buffer.concat([frontMatter, Buffer.from('Le camp de Niafunk\xe9 a \xe9t\xe9 attaqu\xe9.\n', 'latin1')]) } },
    ));

  void test('the column counts the valid characters before the bad byte in UTF-16 units', () =>
    // é (2 bytes, 1 unit), € (3 bytes, 1 unit), 😀 (4 bytes, 2 units), then 0xFF; the rest of the file is still read.
    check(
      `
        ---
        source: afp
        ---
        é€😀 �A�
             ^ encoding
        [x]{@nope}
            ^^^^^ unknown-entity
      `,
      { ...DOCUMENT, bytes: { 'a.txt': Buffer.concat([frontMatter, Buffer.from('é€😀 '), Buffer.from([0xff, 0x41, 0xfe]), Buffer.from('\n[x]{@nope}\n')]) } },
    ));

  void test('a truncated sequence, an overlong form and an encoded surrogate are invalid', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        ab�
          ^ encoding
        suite
        //- b.txt
        ---
        source: afp
        ---
        abc��
           ^ encoding
        //- c.txt
        ---
        source: afp
        ---
        abcd���
            ^ encoding
      `,
      {
        ...DOCUMENT,
        bytes: {
          'a.txt': Buffer.concat([frontMatter, Buffer.from('ab'), Buffer.from([0xc3]), Buffer.from('\nsuite\n')]),
          'b.txt': Buffer.concat([frontMatter, Buffer.from('abc'), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]),
          'c.txt': Buffer.concat([frontMatter, Buffer.from('abcd'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]),
        },
      },
    ));

  void test('a Latin-1 corroborate.yaml is reported on it too, at its first accent, not read silently', () => {
    const registry = 'documents: ["*.txt"]\nactors:\n  fama: { name: Forces armées maliennes }\nplaces:\n  niafunke: { name: Niafunké }\n';
    return check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          fama: { name: Forces arm�es maliennes }
                                  ^ encoding
        places:
          niafunke: { name: Niafunk� }
        //- a.txt
        [Niafunké]{@niafunke}, [Forces armées maliennes]{@fama}
      `,
      { bytes: { 'corroborate.yaml': Buffer.from(registry, 'latin1') } },
    );
  });

  void test('a file with NUL bytes is binary: skipped, not counted, no diagnostic', async () => {
    const { out } = await checked(
      `
        ---
        source: afp
        ---
        [Niafunké]{@niafunke}
      `,
      { ...DOCUMENT, extra: { 'image.txt': Buffer.concat([frontMatter, Buffer.from('[x]{@nope}\u0000\u0001\u0002\n')]) } },
    );
    assert.equal(out.documents, 1);
    assert.equal(out.mentions, 1);
    assert.deepEqual(out.diagnostics.filter((d) => d.file === 'image.txt'), []);
  });

  void test('valid UTF-8, with or without a BOM, raises none', async () => {
    await check(
      `
        ---
        source: afp
        ---
        Niafunké, 😀, قالت
      `,
      DOCUMENT,
    );
    await check(
      `
        ---
        source: afp
        ---
        é
      `,
      { ...DOCUMENT, bom: true },
    );
  });
});

void describe('front-matter', () => {
  void test('an unknown field, at its key', () =>
    check(
      `
        ---
        source: afp
        autor: Jean
        ^^^^^ front-matter
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('a YAML error: a tab as indentation, at the tab', () =>
    check(
      `
        ---
        source: afp
        title:
        \tsub: x
        ^ front-matter
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('a field written twice, at the second key', () =>
    check(
      `
        ---
        source: afp
        source: rfi
        ^^^^^^ front-matter
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('front matter that is never closed, at its opening ---', () =>
    check(
      `
        ---
        ^^^ front-matter
        source: afp
        Le camp a été attaqué.
      `,
      DOCUMENT,
    ));

  void test('published that is not a date, at the value', () =>
    check(
      `
        ---
        source: afp
        published: 25/11/2023
                   ^^^^^^^^^^ front-matter
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('a source that is a list, at the list', () =>
    check(
      `
        ---
        source: [afp, rfi]
                ^^^^^^^^^^ front-matter
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('every known field, and no front matter at all, raise none', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        origin: rfi
        published: 2023-11
        language: fr
        title: "Niafunké : l'attaque"
        url: https://example.org
        author: X
        ---
        Texte.
        //- b.txt
        Un texte sans front matter.
      `,
      DOCUMENT,
    ));
});

void describe('registry', () => {
  void test('a YAML error: a tab as indentation, at the tab', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        events:
          attack: { name: Attack on the Niafunké camp }
        \traid:
        ^ registry
            name: Raid on the camp
      `,
    ));

  void test('a section written twice, at the second key', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM }
        actors:
        ^^^^^^ registry
          isgs: { name: EIGS }
      `,
    ));

  void test('an id listed twice in one section, the later reported, and the rest of the registry still read', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM, aliases: [JNIM] }
        places:
          mali: { name: Mali, aliases: [Mali] }
          mali: { name: Mali, aliases: [Mali] }
          ^^^^ registry
          niafunke: { name: Niafunké, aliases: [Niafunké], in: mali }
        //- a.txt
        ---
        source: jnim
        ---
        [Niafunké]{@niafunke}, [JNIM]{@jnim}.
      `,
    ));

  void test('schema errors: a property without a valid type, an unknown field', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        properties:
          outcome: { type: enum, values: [captured, repelled] }
          killed: { type: number }
                          ^^^^^^ registry
          wounded: { typ: count }
          ^^^^^^^ registry
                     ^^^ registry
      `,
    ));

  void test('an unknown section, at its key', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM }
        entities:
        ^^^^^^^^ registry
          isgs: { name: EIGS }
      `,
    ));

  void test('an id used in two sections', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM, kind: armed-group }
        places:
          jnim: { name: Jnim (village) }
          ^^^^ registry: duplicate entity id \`jnim\`: already used by the actor on line 3; ids are shared by actors, places and events
      `,
    ));

  void test('a documents glob with .. or an absolute path', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt", "../other/*.txt", "/etc/*.txt", "a/../../b/*.txt"]
                             ^^^^^^^^^^^^^^^^ registry
                                               ^^^^^^^^^^^^ registry
                                                             ^^^^^^^^^^^^^^^^^ registry
        actors:
          afp: { name: AFP }
      `,
    ));

  void test('a custom tag is a YAML warning, reported as a registry error', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          isgs: { name: !foo EIGS }
                        ^^^^ registry
      `,
    ));

  void test('an alias bomb returns with a registry diagnostic', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`);
    }
    const bomb = levels.map((l) => `  ${l}`).join('\n');
    const registry = `documents: ["*.txt"]\nlol:\n${bomb}\nactors:\n  afp: { name: AFP, aliases: *i }\n`;
    const frontMatter = `---\nsource: afp\ntitle:\n${bomb}\n---\nTexte.\n`;
    const out = checkOutput(corpusOf({ 'corroborate.yaml': registry, 'a.txt': frontMatter }));
    assert.ok(out.diagnostics.some((d) => d.code === 'registry'));
    assert.ok(out.diagnostics.some((d) => d.code === 'front-matter'));
  });

  void test('links: one out of the folder is reported at the glob and not read; one inside is read, once', async () => {
    const outside = writeCorpus({ 'secret.txt': '---\nsource: afp\n---\n[x]{@nope}\n' }, tempFolder('outside'));
    const { out } = await checked(
      `
        //- corroborate.yaml
        documents: ["*.txt", "reports/**/*.txt"]
                    ^^^^^^^ registry: link.txt links to a file outside the corpus folder and is not read: copy the file in instead
        actors:
          afp: { name: AFP }
        places:
          mali: { name: Mali }
          niafunke: { name: Niafunké, in: mali }
        //- a.txt
        ---
        source: afp
        ---
        [Niafunké]{@niafunke}
      `,
      {
        extra: { 'notes/r.md': '---\nsource: afp\n---\n[Mali]{@mali}\n' },
        onDisk: (root) => {
          fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'link.txt'));
          fs.symlinkSync(path.join('notes', 'r.md'), path.join(root, 'inside.txt'));
          fs.mkdirSync(path.join(root, 'reports'));
          fs.symlinkSync(path.join('..', 'a.txt'), path.join(root, 'reports', 'again.txt'));
        },
      },
    );
    // a.txt (not again under reports/again.txt) and inside.txt.
    assert.deepEqual([out.documents, out.mentions], [2, 2]);
  });

  void test('the shared registry raises none', () => check(`//- corroborate.yaml\n${REGISTRY}`));
});

void describe('unknown-entity', () => {
  void test('a mention ref, by=, event= and an entity value, at the @id', () =>
    check(
      `
        ---
        source: afp
        ---
        [Ansar Dine]{@ansar-dine} [a pris]{claim by=@ansar event=@battle place=@gao}.
                     ^^^^^^^^^^^ unknown-entity
                                                    ^^^^^^ unknown-entity
                                                                 ^^^^^^^ unknown-entity
                                                                               ^^^^ unknown-entity
      `,
      DOCUMENT,
    ));

  void test('a front matter source or origin that is in no section', () =>
    check(
      `
        ---
        source: lemonde
                ^^^^^^^ unknown-entity
        origin: "@aljazeera"
                ^^^^^^^^^^^^ unknown-entity
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('a front matter source or origin that is a place or an event is not an actor: unknown-entity, not wrong-kind', () =>
    check(
      `
        //- a.txt
        ---
        source: niafunke
                ^^^^^^^^ unknown-entity
        ---
        Texte.
        //- b.txt
        ---
        source: attack
                ^^^^^^ unknown-entity
        ---
        Texte.
        //- c.txt
        ---
        source: afp
        origin: mali
                ^^^^ unknown-entity
        ---
        Texte.
      `,
      DOCUMENT,
    ));

  void test('registry references: in:, place:, affiliations:', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM, kind: armed-group, affiliations: [al-qaida] }
                                                                ^^^^^^^^ unknown-entity
        places:
          mali: { name: Mali }
          niafunke: { name: Niafunké, in: tombouctou }
                                          ^^^^^^^^^^ unknown-entity
        events:
          attack: { name: Attack on the Niafunké camp, place: niafunk }
                                                              ^^^^^^^ unknown-entity
      `,
    ));

});

void describe('unknown-property', () => {
  void test('a key that is not a property, at the key', () =>
    check(
      `
        ---
        source: afp
        ---
        [Dix morts]{claim by=@jnim event=@attack tues=10 killed=10}.
                                                 ^^^^ unknown-property
      `,
      DOCUMENT,
    ));

  void test('a disputed: property that is not defined, in the registry', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        properties:
          outcome: { type: enum, values: [captured, repelled] }
        events:
          raid:
            name: Raid on the camp
            disputed: { result: [captured, repelled] }
                        ^^^^^^ unknown-property
      `,
    ));

  void test('defined keys, by=, event=, #id and hedged raise none', () =>
    check(
      `
        ---
        source: afp
        ---
        [Dix morts]{claim by=@jnim event=@attack #dix hedged killed=10 outcome=captured date=2023 place=@mali method=x}.
      `,
      DOCUMENT,
    ));

});

void describe('bad-value', () => {
  void test('values that do not read for their property, at the value', () =>
    check(
      `
        ---
        source: afp
        ---
        [x]{claim event=@attack killed=beaucoup date=2023-02-30 outcome=pris place=niafunke}.
                                       ^^^^^^^^ bad-value
                                                     ^^^^^^^^^^ bad-value
                                                                        ^^^^ bad-value
                                                                                   ^^^^^^^^ bad-value
      `,
      DOCUMENT,
    ));

  void test('by= and event= without @', () =>
    check(
      `
        ---
        source: afp
        ---
        [x]{claim by=jnim event=attack}.
                     ^^^^ bad-value
                                ^^^^^^ bad-value
      `,
      DOCUMENT,
    ));

  void test('an impossible event date and a disputed value outside the enum, in the registry', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        properties:
          outcome: { type: enum, values: [captured, repelled, withdrawn] }
        places:
          niafunke: { name: Niafunké }
        events:
          attack: { name: Attack on the Niafunké camp, date: 2023-02-30, place: niafunke }
                                                             ^^^^^^^^^^ bad-value
          raid:
            name: Raid on the camp
            disputed: { outcome: [captured, pris] }
                                            ^^^^ bad-value
      `,
    ));

  void test('valid values raise none', () =>
    check(
      `
        ---
        source: afp
        ---
        [x]{claim event=@attack killed="~50" date=2024-02-29 outcome=withdrawn place=@niafunke}.
      `,
      DOCUMENT,
    ));

});

void describe('missing-event and missing-claimant', () => {
  void test('a claim without event=, at the word claim', () =>
    check(
      `
        ---
        source: afp
        ---
        [Le camp est tombé]{claim by=@jnim outcome=captured}.
                            ^^^^^ missing-event
      `,
      DOCUMENT,
    ));

  void test('a claim without by= in a document without source, at the word claim', () =>
    check(
      `
        Un texte sans front matter : [dix morts]{claim event=@attack killed=10}.
                                                 ^^^^^ missing-claimant
      `,
      DOCUMENT,
    ));

  void test('an event= or by= that cannot be read is a syntax error alone: the claim does name one, so no missing-event or missing-claimant', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        [x]{claim event=@att.ack killed=3} [y]{claim event= killed=3}.
                        ^^^^^^^^ syntax
                                                     ^^^^^^ syntax
        //- b.txt
        Sans front matter : [dix morts]{claim by=@ event=@attack killed=10}.
                                                 ^ syntax
      `,
      DOCUMENT,
    ));

  void test('by= or the document source makes the claimant', () =>
    check(
      `
        //- a.txt
        Sans front matter : [dix morts]{claim by=@jnim event=@attack killed=10}.
        //- b.txt
        ---
        source: afp
        ---
        [Dix morts]{claim event=@attack killed=10}.
      `,
      DOCUMENT,
    ));

});

void describe('wrong-kind', () => {
  void test('by=@place, event=@actor, place=@actor, at the @id', () =>
    check(
      `
        ---
        source: afp
        ---
        [x]{claim by=@niafunke event=@attack} [y]{claim by=@jnim event=@jnim} [z]{claim by=@jnim event=@attack place=@fama}.
                     ^^^^^^^^^ wrong-kind
                                                                       ^^^^^ wrong-kind
                                                                                                                     ^^^^^ wrong-kind
      `,
      DOCUMENT,
    ));

  void test('registry references of the wrong section', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          jnim: { name: JNIM }
        places:
          niafunke: { name: Niafunké, in: jnim }
                                          ^^^^ wrong-kind
      `,
    ));

});

void describe('duplicate-id', () => {
  void test('a claim #id used in two documents: on the later one, related to the first', async () => {
    const { out, mark } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Dix morts]{claim event=@attack #bilan killed=10}.
                                        ^^^^^^ $first
        //- b.txt
        ---
        source: afp
        ---
        Plus loin, [dix morts]{claim event=@attack #bilan killed=10}.
                                                   ^^^^^^ duplicate-id
      `,
      DOCUMENT,
    );
    assert.deepEqual(withCode(out, 'duplicate-id')[0]?.related.map(rangeOf), [mark('first')]);
  });

  void test('twice in one document: on the second', () =>
    check(
      `
        ---
        source: afp
        ---
        [Dix]{claim event=@attack #bilan killed=10} et [douze]{claim event=@attack #bilan killed=10}.
                                                                                   ^^^^^^ duplicate-id
      `,
      DOCUMENT,
    ));

  void test('distinct ids raise none', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Dix]{claim event=@attack #a1 killed=10}
        //- b.txt
        ---
        source: afp
        ---
        [Dix]{claim event=@attack #a2 killed=10}
      `,
      DOCUMENT,
    ));

});

void describe('contradictions', () => {
  void test('conflicting-claims: different claimants, on each key=value, related to the other with claimant, source and value', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.
                                                                               ^^^^^^^^^^^^^^^^ conflicting-claims
        //- b.txt
        ---
        source: rfi
        ---
        [L'armée malienne]{@fama} dit avoir [repoussé l'assaut]{claim by=@fama event=@attack outcome=repelled}.
                                                                                             ^^^^^^^^^^^^^^^^ conflicting-claims
      `,
      DOCUMENT,
    );
    const [jnim, fama] = withCode(out, 'conflicting-claims');
    assert.ok(jnim && fama);
    const related = (d: JsonDiagnostic) => d.related.map((r) => ({ ...rangeOf(r), claimant: r.claimant, source: r.source, value: r.value }));
    assert.deepEqual(related(jnim), [{ ...rangeOf(fama), claimant: 'fama', source: 'rfi', value: 'repelled' }]);
    assert.deepEqual(related(fama), [{ ...rangeOf(jnim), claimant: 'jnim', source: 'afp', value: 'captured' }]);
  });

  void test('a hedged claim compares like any other; a claim in a document without source has a null source', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.
                                                                               ^^^^^^^^^^^^^^^^ conflicting-claims
        //- b.txt
        Sans front matter, [ils auraient repoussé l'assaut]{claim by=@fama event=@attack hedged outcome=repelled}.
                                                                                                ^^^^^^^^^^^^^^^^ conflicting-claims
      `,
      DOCUMENT,
    );
    const related = withCode(out, 'conflicting-claims')[0]?.related[0];
    assert.deepEqual([related?.claimant, related?.source, related?.value], ['fama', null, 'repelled']);
  });

  void test('compatible values raise none', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Le JNIM]{@jnim} dit avoir [pris le camp]{claim by=@jnim event=@attack outcome=captured}.
        //- b.txt
        ---
        source: afp
        ---
        [Ils se sont retirés]{claim by=@fama event=@attack outcome=withdrawn}.
      `,
      DOCUMENT,
    ));

  void test('inconsistent-reports: one claimant reported differently in two documents', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Dix soldats tués]{claim by=@jnim event=@attack killed=10}.
                                                        ^^^^^^^^^ inconsistent-reports
        //- b.txt
        ---
        source: rfi
        ---
        [Vingt soldats tués]{claim by=@jnim event=@attack killed=20}.
                                                          ^^^^^^^^^ inconsistent-reports
      `,
      DOCUMENT,
    );
    assert.deepEqual(
      withCode(out, 'inconsistent-reports').map((d) => d.related.map((r) => [r.claimant, r.source, r.value])),
      [[['jnim', 'rfi', '20']], [['jnim', 'afp', '10']]],
    );
  });

  void test('inconsistent-reports: the document source as claimant, twice in one document', () =>
    check(
      `
        ---
        source: afp
        ---
        [Dix tués]{claim event=@attack killed=10}, puis [douze]{claim event=@attack killed=12}.
                                       ^^^^^^^^^ inconsistent-reports
                                                                                    ^^^^^^^^^ inconsistent-reports
      `,
      DOCUMENT,
    ));

  void test('acknowledged-dispute: both values listed under the event disputed:, instead of a warning', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Pris]{claim by=@jnim event=@raid outcome=captured}.
                                          ^^^^^^^^^^^^^^^^ acknowledged-dispute
        //- b.txt
        ---
        source: afp
        ---
        [Repoussé]{claim by=@fama event=@raid outcome=repelled}.
                                              ^^^^^^^^^^^^^^^^ acknowledged-dispute
      `,
      DOCUMENT,
    ));

  void test('acknowledged-dispute: a third value still warns', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Pris]{claim by=@jnim event=@raid outcome=captured}.
                                          ^^^^^^^^^^^^^^^^ acknowledged-dispute
        //- b.txt
        ---
        source: afp
        ---
        [Repoussé]{claim by=@fama event=@raid outcome=repelled}.
                                              ^^^^^^^^^^^^^^^^ acknowledged-dispute
                                              ^^^^^^^^^^^^^^^^ conflicting-claims
        //- c.txt
        ---
        source: afp
        ---
        [Retirés]{claim by=@local-sources event=@raid outcome=withdrawn}.
                                                      ^^^^^^^^^^^^^^^^^ conflicting-claims
      `,
      DOCUMENT,
    );
    // withdrawn is compatible with captured, not with repelled.
    assert.deepEqual(withCode(out, 'conflicting-claims')[0]?.related.map((r) => r.value), ['withdrawn']);
  });

  void test('anonymous claimants are a different claimant in each document: conflicting, not inconsistent', () =>
    check(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Dix morts]{claim by=@local-sources event=@attack killed=10}.
                                                          ^^^^^^^^^ conflicting-claims
        //- b.txt
        ---
        source: afp
        ---
        [Cinquante morts]{claim by=@local-sources event=@attack killed=~50}.
                                                                ^^^^^^^^^^ conflicting-claims
      `,
      DOCUMENT,
    ));

  void test('anonymous claimants in one document are one claimant: inconsistent', () =>
    check(
      `
        ---
        source: afp
        ---
        [Dix morts]{claim by=@local-sources event=@attack killed=10}, [cinquante]{claim by=@local-sources event=@attack killed=~50}.
                                                          ^^^^^^^^^ inconsistent-reports
                                                                                                                        ^^^^^^^^^^ inconsistent-reports
      `,
      DOCUMENT,
    ));

  void test('one diagnostic per (claim, property, code), whatever the number of other claims', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: rfi
        ---
        [Un mort, assaut repoussé]{claim by=@fama event=@attack killed=1 outcome=repelled}.
                                                                ^^^^^^^^ conflicting-claims
                                                                ^^^^^^^^ inconsistent-reports
                                                                         ^^^^^^^^^^^^^^^^ conflicting-claims
        //- b.txt
        ---
        source: afp
        ---
        [Dix]{claim by=@jnim event=@attack killed=10} [vingt]{claim by=@jnim event=@attack killed=20 outcome=captured}.
                                           ^^^^^^^^^ conflicting-claims
                                           ^^^^^^^^^ inconsistent-reports
                                                                                           ^^^^^^^^^ conflicting-claims
                                                                                           ^^^^^^^^^ inconsistent-reports
                                                                                                     ^^^^^^^^^^^^^^^^ conflicting-claims
        //- c.txt
        ---
        source: afp
        ---
        [Trente]{claim by=@fama event=@attack killed=30}.
                                              ^^^^^^^^^ conflicting-claims
                                              ^^^^^^^^^ inconsistent-reports
      `,
      DOCUMENT,
    );
    assert.deepEqual(
      out.diagnostics.filter((d) => d.file === 'a.txt').map((d) => [d.code, d.related.map((r) => `${r.file}:${r.value}`)]),
      [
        ['conflicting-claims', ['b.txt:10', 'b.txt:20']],
        ['inconsistent-reports', ['c.txt:30']],
        ['conflicting-claims', ['b.txt:captured']],
      ],
    );
  });

  void test('related entries: file and offset order, at most 20; the message names claimants and values, never a count of claims', async () => {
    // The army's one figure against 25 of JNIM's, five in each of five reports: every figure is a fault.
    const claim = (file: number, k: number) => `[${100 + file * 10 + k} morts]{claim by=@jnim event=@attack killed=${100 + file * 10 + k}}${k < 4 ? ' ;' : ''}`;
    // JNIM's 25 figures also disagree with each other.
    const underKilled = (line: string) => ['conflicting-claims', 'inconsistent-reports'].map((code) => `${' '.repeat(line.indexOf('killed='))}${'^'.repeat('killed=100'.length)} ${code}`).join('\n');
    const reports = Array.from({ length: 5 }, (_, r) => {
      const lines = Array.from({ length: 5 }, (_, k) => `${claim(r + 1, k)}\n${underKilled(claim(r + 1, k))}`);
      return `//- reports/b${r + 1}.txt\n---\nsource: rfi\n---\n${lines.join('\n')}\n`;
    });
    const { out } = await checked(
      `//- a.txt
---
source: afp
---
[Un seul mort]{claim by=@fama event=@attack killed=1}.
                                            ^^^^^^^^ conflicting-claims
${reports.join('')}`,
      DOCUMENT,
    );
    const [onFama, ...onJnim] = withCode(out, 'conflicting-claims');
    assert.ok(onFama);
    assert.equal(
      onFama.message,
      "@fama claims killed=1, contradicted by @jnim: 110, 111, 112 and 22 other values. Check the sources, or acknowledge the dispute under the event's disputed: in corroborate.yaml",
    );
    assert.deepEqual(
      onFama.related.map((r) => ({ ...rangeOf(r), claimant: r.claimant, source: r.source, value: r.value })),
      onJnim.slice(0, 20).map((d, k) => ({ ...rangeOf(d), claimant: 'jnim', source: 'rfi', value: String(110 + Math.floor(k / 5) * 10 + (k % 5)) })),
    );
    for (const related of onFama.related) assert.ok(related.message.length > 0);
    // Each of the 25 gets its own single diagnostic, related to the one claim it contradicts.
    assert.equal(onJnim.length, 25);
    for (const d of onJnim) {
      assert.deepEqual(d.related.map(rangeOf), [rangeOf(onFama)]);
      assert.match(d.message, /^@jnim claims killed=\d+, contradicted by @fama: 1\. /);
    }
  });

  void test('past three claimants, the message says how many others there are, in words', async () => {
    const { out } = await checked(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        properties:
          killed: { type: count }
        actors:
          a: { name: A }
          b: { name: B }
          c: { name: C }
          d: { name: D }
          e: { name: E }
          wire: { name: Wire }
        events:
          attack: { name: Attack }
        //- a.txt
        ---
        source: wire
        ---
        [Un]{claim by=@a event=@attack killed=1}, [deux]{claim by=@b event=@attack killed=2}, [trois]{claim by=@c event=@attack killed=3},
        [quatre]{claim by=@d event=@attack killed=4}, [cinq]{claim by=@e event=@attack killed=5 #e}.
      `,
      { ignore: ['unused-entity', 'unannotated-mention', 'conflicting-claims'] },
    );
    const messages = withCode(out, 'conflicting-claims').map((d) => d.message.slice(0, d.message.indexOf('. Check')));
    assert.deepEqual(messages, [
      '@a claims killed=1, contradicted by @b: 2; @c: 3; @d: 4; and 1 other claimant',
      '@b claims killed=2, contradicted by @a: 1; @c: 3; @d: 4; and 1 other claimant',
      '@c claims killed=3, contradicted by @a: 1; @b: 2; @d: 4; and 1 other claimant',
      '@d claims killed=4, contradicted by @a: 1; @b: 2; @c: 3; and 1 other claimant',
      '@e claims killed=5, contradicted by @a: 1; @b: 2; @c: 3; and 1 other claimant',
    ]);
  });

  void test('anonymous claimants are named as people name them: an unnamed source, in its report', async () => {
    const { out } = await checked(
      `
        //- a.txt
        ---
        source: afp
        ---
        [Dix morts]{claim by=@local-sources event=@attack killed=10}, [douze]{claim by=@local-sources event=@attack killed=12}.
        //- b.txt
        ---
        source: afp
        ---
        [Cinquante morts]{claim by=@local-sources event=@attack killed=~50} ; [l'armée]{claim by=@fama event=@attack killed=10}.
      `,
      { ignore: ['unused-entity', 'unannotated-mention', 'conflicting-claims', 'inconsistent-reports'] },
    );
    const messages = out.diagnostics.filter((d) => d.file !== 'corroborate.yaml').map((d) => `${d.file} ${d.message.slice(0, d.message.search(/\. Check/))}`);
    assert.deepEqual(messages, [
      'a.txt An unnamed source (@local-sources) claims killed=10, contradicted by another unnamed source (in b.txt): ~50',
      'a.txt An unnamed source (@local-sources) is reported with killed=10 here but with 12 elsewhere in this report',
      'a.txt An unnamed source (@local-sources) claims killed=12, contradicted by @fama: 10; another unnamed source (in b.txt): ~50',
      'a.txt An unnamed source (@local-sources) is reported with killed=12 here but with 10 elsewhere in this report',
      'b.txt An unnamed source (@local-sources) claims killed=~50, contradicted by @fama: 10; another unnamed source (in a.txt): 10, 12',
      'b.txt @fama claims killed=10, contradicted by an unnamed source (@local-sources, in a.txt): 12; an unnamed source (@local-sources, in b.txt): ~50',
    ]);
    const related = out.diagnostics[0]?.related[0];
    assert.equal(related?.message, 'an unnamed source (@local-sources): killed=~50, reported by @afp');
  });

  void test('a claim joining a large group leaves the other reports\' diagnostics as they were', () => {
    // Thirty reports of the army's toll, each contradicted by JNIM's.
    const documents: Record<string, string> = {};
    const army = (n: number) => `---\nsource: afp\n---\n[Dix morts]{claim by=@fama event=@attack killed=10} selon l'armée, [cinquante]{claim by=@jnim event=@attack killed=50} selon le JNIM (${n}).\n`;
    for (let n = 10; n < 40; n++) documents[`r${n}.txt`] = army(n);
    const corpus = corpusOf({ ...documents, 'corroborate.yaml': REGISTRY });
    const before = new Map(corpus.files().map((file) => [file, JSON.stringify(corpus.diagnostics(file))]));
    // One more report, late in file order: neither party's first claims, no new claimant or value.
    const touched = corpus.setDocument('r99.txt', army(99));
    assert.deepEqual([...touched], ['r99.txt']);
    for (const [file, diagnostics] of before) assert.equal(JSON.stringify(corpus.diagnostics(file)), diagnostics, file);
    // A new value is news to every report it contradicts.
    const more = corpus.setDocument('r98.txt', `---\nsource: afp\n---\n[Cent]{claim by=@jnim event=@attack killed=100}.\n`);
    assert.equal(more.size, 32);
  });

  void test('when related entries are cut, the contradicting claims of the same report come first', () => {
    const documents: Record<string, string> = {};
    for (let n = 10; n < 40; n++) documents[`r${n}.txt`] = `---\nsource: afp\n---\n[Cinquante]{claim by=@jnim event=@attack killed=50 outcome=captured} (${n}).\n`;
    documents['z.txt'] = `---\nsource: rfi\n---\n[Cinquante]{claim by=@jnim event=@attack killed=50}, [mais dix]{claim by=@fama event=@attack killed=10}.\n`;
    documents['y.txt'] = `---\nsource: rfi\n---\n[Dix]{claim by=@fama event=@attack killed=10}.\n`;
    const corpus = corpusOf({ ...documents, 'corroborate.yaml': REGISTRY });
    const onFama = corpus.diagnostics('z.txt').find((d) => d.code === 'conflicting-claims' && d.message.startsWith('@fama'));
    assert.ok(onFama?.related);
    assert.equal(onFama.related.length, 20);
    assert.ok(onFama.related.some((r) => r.file === 'z.txt'), 'JNIM\'s claim beside it in z.txt');
    assert.equal(onFama.related.filter((r) => r.file !== 'z.txt').length, 19);
  });
});

void describe('mentions and aliases', () => {
  void test('mention-mismatch: the text is an alias of another entity, at the refs', () =>
    check(
      `
        ---
        source: afp
        ---
        [GSIM]{@fama} et [FAMa]{@jnim @mali}.
               ^^^^^ mention-mismatch
                                ^^^^^^^^^^^ mention-mismatch
      `,
      DOCUMENT,
    ));

  void test('mention-mismatch ignores a leading article', () =>
    check(
      `
        ---
        source: afp
        ---
        [les FAMa]{@jnim} ; [l'armée malienne]{@jnim} ; [le JNIM]{@jnim} ; [l’armée malienne]{@fama} ; [du Mali]{@mali}
                   ^^^^^ mention-mismatch
                                               ^^^^^ mention-mismatch
      `,
      DOCUMENT,
    ));

  void test('mention-mismatch: none when the text names a referenced entity or no entity', () =>
    check(
      `
        ---
        source: afp
        ---
        [GSIM]{@jnim @fama} ; [les jihadistes]{@jnim} ; [Niafounke]{@niafunke}
      `,
      DOCUMENT,
    ));

  void test('ambiguous-alias: one folded alias on two entities, on the later entry', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        places:
          niafunke-cercle: { name: Cercle de Niafunké, aliases: [niafunke] }
          mali: { name: Mali, aliases: [Mali] }
          niafunke: { name: Niafunké, aliases: [Niafunké, Niafounke], in: mali }
                                                ^^^^^^^^ ambiguous-alias
      `,
    ));

  void test('ambiguous-alias: none for distinct aliases, or one alias listed twice on one entity', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          fama: { name: Forces armées maliennes, aliases: [FAMa, armée malienne] }
        places:
          mali: { name: Mali, aliases: [Mali, mali] }
          niafunke: { name: Niafunké, aliases: [Niafunké, Niafounke] }
      `,
    ));

  void test('unannotated-mention: an alias in article text outside every span', () =>
    check(
      `
        ---
        source: afp
        ---
        Le JNIM a attaqué ; selon l'armée
           ^^^^ unannotated-mention
                                    ^^^^^> unannotated-mention
        malienne, l'assaut a échoué près de #Niafunké.
        ^^^^^^^^
                                             ^^^^^^^^ unannotated-mention
      `,
      { ignore: ['unused-entity'] },
    ));

  void test('an alias that begins with "the", and one with a word in capitals among words that fold', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        actors:
          wire: { name: Wire }
          minusma: { name: UN mission, aliases: [the mission, the UN mission] }
          army: { name: Army, aliases: [the national army] }
        //- a.txt
        ---
        source: wire
        ---
        The UN mission said so; so did the mission and THE UN MISSION; not the un mission.
        ^^^^^^^^^^^^^^ unannotated-mention
                                       ^^^^^^^^^^^ unannotated-mention
                                                       ^^^^^^^^^^^^^^ unannotated-mention
        [The national army]{@army} ; [The UN Mission]{@army} ; [the mission]{@minusma}
                                                      ^^^^^ mention-mismatch: this text names @minusma, not @army: reference @minusma, or fix the aliases in corroborate.yaml
      `,
      { ignore: ['unused-entity'] },
    ));

  void test('unannotated-mention: none inside {skip}, inside spans or in front matter', () =>
    check(
      `
        ---
        source: afp
        title: Le JNIM à Niafunké
        ---
        [Un lecteur : le JNIM et les FAMa mentent]{skip} ; [le JNIM a pris Niafunké]{claim by=@jnim event=@attack} ; [le JNIM]{@jnim}
      `,
      { ignore: ['unused-entity'] },
    ));

  void test('unused-entity: an entity no document references, at its id', () =>
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        places:
          niamey: { name: Niamey }
          ^^^^^^ unused-entity
          niafunke: { name: Niafunké }
        //- a.txt
        [Niafunké]{@niafunke}
      `,
    ));

  void test('unused-entity: none for entities referenced only as source, origin, by=, event=, a value, or by the registry', () =>
    // mali is niafunke's in:, so the registry itself relies on it.
    check(
      `
        //- corroborate.yaml
        documents: ["*.txt"]
        properties:
          place: { type: entity, kind: place }
        actors:
          afp: { name: Agence France-Presse }
          rfi: { name: Radio France Internationale }
          jnim: { name: JNIM }
          fama: { name: Forces armées maliennes }
          ^^^^ unused-entity
        places:
          mali: { name: Mali }
          niafunke: { name: Niafunké, in: mali }
        events:
          attack: { name: Attack on the Niafunké camp, place: niafunke }
          raid: { name: Raid on the camp }
          ^^^^ unused-entity
        //- a.txt
        ---
        source: afp
        origin: rfi
        ---
        [x]{claim by=@jnim event=@attack place=@niafunke}
      `,
    ));
});

void describe('positions', () => {
  // Accents (composed and decomposed), an emoji (two UTF-16 units), Arabic,
  // then faults: an unknown id, a mention-mismatch after a span wrapped across
  // a line, an unannotated alias wrapped across a line. A caret stands for a
  // UTF-16 unit, so on the first line they sit where the units are, not where
  // the escape, the emoji and the right-to-left Arabic put the glyphs.
  const faults = `
    ---
    source: afp
    ---
    Niafunké, Niafunke\u0301, 😀 et قالت مصادر محلية : [x]{@nope}
    ^^^^^^^^ unannotated-mention
              ^^^^^^^^^ unannotated-mention
                                                      ^^^^^ unknown-entity
    [Le
    GSIM]{@fama} puis l’armée
          ^^^^^ mention-mismatch
                        ^^^^^> unannotated-mention
    malienne.
    ^^^^^^^^
  `;
  const variants: [string, '\n' | '\r\n' | '\r', boolean][] = [
    ['LF', '\n', false],
    ['CRLF', '\r\n', false],
    ['lone CR', '\r', false],
    ['BOM and LF', '\n', true],
    ['BOM and CRLF', '\r\n', true],
    ['BOM and lone CR', '\r', true],
  ];
  for (const [name, eol, bom] of variants) {
    void test(`${name}: the same faults at the same lines and columns`, () => check(faults, { ignore: ['unused-entity'], eol, bom }));

    void test(`${name}: an invalid byte and the registry keep their positions`, () =>
      check(
        `
          //- corroborate.yaml
          documents: ["*.txt"]
          sections: {}
          ^^^^^^^^ registry
          actors:
            afp: { name: AFP }
            unused: { name: Unused }
            ^^^^^^ unused-entity
          //- a.txt
          ---
          source: afp
          ---
          Côté 😀 �
                  ^ encoding
        `,
        { eol, bom, bytes: { 'a.txt': Buffer.concat([Buffer.from((bom ? '\ufeff' : '') + ['---', 'source: afp', '---', 'Côté 😀 '].join(eol)), Buffer.from([0xe9]), Buffer.from(eol)]) } },
      ));
  }
});
