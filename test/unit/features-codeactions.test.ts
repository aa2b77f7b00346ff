import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Corpus } from '../../server/src/engine/corpus';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { applyEdits, codeActions, type CodeActionResult } from '../../server/src/features/codeActions';
import { seedsCorpus } from '../support/corpus';
import { claimBlockOf } from '../../server/src/engine/claims';

function textOf(corpus: Corpus, file: string): string {
  return file === REGISTRY_FILE ? corpus.registry.text : (corpus.document(file)?.text ?? '');
}

/** Replaces the `nth` occurrence of `from` in a document. */
function edit(corpus: Corpus, file: string, from: string, to: string, nth = 0): void {
  const text = textOf(corpus, file);
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(from, at + 1);
  assert.ok(at >= 0, `${from} in ${file}`);
  corpus.setDocument(file, text.slice(0, at) + to + text.slice(at + from.length));
}

/** What the editor asks for at a diagnostic: the actions for the diagnostics overlapping its range. */
function actionsAt(corpus: Corpus, diagnostic: Diagnostic): CodeActionResult[] {
  const overlapping = corpus.diagnostics(diagnostic.file).filter((d) => d.start <= diagnostic.end && diagnostic.start <= d.end);
  return codeActions(corpus, diagnostic.file, diagnostic, overlapping);
}

function apply(corpus: Corpus, action: CodeActionResult): void {
  for (const file of new Set(action.edits.map((e) => e.file))) {
    const edits = action.edits.filter((e) => e.file === file);
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    sorted.slice(1).forEach((e, k) => assert.ok(sorted[k].end <= e.start, `${action.title}: edits overlap`));
    const text = applyEdits(textOf(corpus, file), edits);
    if (file === REGISTRY_FILE) corpus.setRegistry(text);
    else corpus.setDocument(file, text);
  }
}

function only<T>(items: readonly T[], what: string): T {
  assert.equal(items.length, 1, `one ${what}, got ${items.length}`);
  return items[0];
}

function errors(corpus: Corpus): string[] {
  return corpus.allDiagnostics().filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.start} ${d.code}: ${d.message}`);
}

function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.start}-${d.end} ${d.code}`);
}

void describe('did-you-mean', () => {
  const cases = [
    { what: 'an unknown mention id', file: 2, from: '{@fama}', to: '{@famma}', code: 'unknown-entity', title: 'Change to @fama' },
    { what: 'an unknown claimant', file: 0, from: 'by=@jnim', to: 'by=@jnimm', code: 'unknown-entity', title: 'Change to @jnim' },
    { what: 'an unknown front matter source', file: 3, from: 'source: rfi', to: 'source: rfii', code: 'unknown-entity', title: 'Change to @rfi' },
    { what: 'an unknown property', file: 0, from: 'casualties=', to: 'casualtes=', code: 'unknown-property', title: 'Change to `casualties`' },
    { what: 'a misspelt enum value', file: 1, from: 'outcome=repelled', to: 'outcome=repeled', code: 'bad-value', title: 'Change to `repelled`' },
    { what: 'a mention of the wrong entity', file: 0, from: "[L'armée malienne]{@fama}", to: "[L'armée malienne]{@jnim}", code: 'mention-mismatch', title: 'Reference @fama, which this text names' },
  ] as const;
  for (const c of cases) {
    void test(`${c.what}: the fix restores the report and its diagnostics`, async () => {
      const corpus = await seedsCorpus();
      const file = corpus.files()[c.file];
      const original = textOf(corpus, file);
      const baseline = summary(corpus.allDiagnostics());
      edit(corpus, file, c.from, c.to);
      const diagnostic = only(corpus.diagnostics(file).filter((d) => d.code === c.code), c.code);
      const action = only(actionsAt(corpus, diagnostic).filter((a) => a.title === c.title), c.title);
      assert.equal(action.isPreferred, true);
      assert.ok(action.diagnostics.includes(diagnostic));
      apply(corpus, action);
      assert.equal(textOf(corpus, file), original);
      assert.deepEqual(summary(corpus.allDiagnostics()), baseline);
    });
  }

  void test('a property the claim already has is not offered: it would be a duplicate key', () => {
    const corpus = new Corpus('documents: ["*.txt"]\nproperties:\n  killed: { type: count }\n  kills: { type: count }\nactors:\n  afp: { name: AFP }\nevents:\n  attack: { name: Attack }\n');
    corpus.setDocument('a.txt', '---\nsource: afp\n---\n[Trois morts]{claim event=@attack killed=3 kiled=4}\n');
    const diagnostic = only(corpus.diagnostics('a.txt').filter((d) => d.code === 'unknown-property'), 'unknown-property');
    assert.deepEqual(actionsAt(corpus, diagnostic).map((a) => a.title), []);
  });
});

void describe('add an unknown entity to corroborate.yaml', () => {
  void test('a mention offers actor, place and event, named after its text; the id is then known', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[0];
    edit(corpus, file, 'Ces affirmations', '[Opération\nBarkhane]{@barkhane} Ces affirmations');
    const before = errors(corpus);
    const diagnostic = only(corpus.diagnostics(file).filter((d) => d.code === 'unknown-entity'), 'unknown-entity');
    const actions = actionsAt(corpus, diagnostic).filter((a) => a.title.startsWith('Add @barkhane'));
    assert.deepEqual(
      actions.map((a) => a.title),
      ['Add @barkhane to corroborate.yaml as an actor (actors:)', 'Add @barkhane to corroborate.yaml as a place (places:)', 'Add @barkhane to corroborate.yaml as an event (events:)'],
    );
    apply(corpus, actions[0]);
    assert.equal(corpus.registry.entities.get('barkhane')?.name, 'Opération Barkhane');
    assert.equal(corpus.registry.entities.get('barkhane')?.section, 'actor');
    assert.deepEqual(errors(corpus), before.filter((e) => !e.includes('unknown-entity')));
    assert.deepEqual(corpus.allDiagnostics().filter((d) => d.code === 'unknown-entity'), []);
  });

  void test('a claimant is added under actors only, named after its id', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[1];
    edit(corpus, file, 'by=@fama', 'by=@barkhane');
    const diagnostic = only(corpus.diagnostics(file).filter((d) => d.code === 'unknown-entity'), 'unknown-entity');
    const action = only(actionsAt(corpus, diagnostic).filter((a) => a.title.startsWith('Add ')), 'add action');
    assert.equal(action.title, 'Add @barkhane to corroborate.yaml as an actor (actors:)');
    apply(corpus, action);
    assert.equal(corpus.registry.entities.get('barkhane')?.name, 'barkhane');
    assert.deepEqual(errors(corpus), []);
  });
});

void describe('annotate an unannotated mention', () => {
  void test('one mention: wrapped as [text]{@id}, which gives back the annotated report', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[0];
    const original = textOf(corpus, file);
    edit(corpus, file, '[Kidal]{@kidal}', 'Kidal');
    const diagnostic = only(corpus.diagnostics(file).filter((d) => d.code === 'unannotated-mention'), 'unannotated-mention');
    const action = only(actionsAt(corpus, diagnostic), 'action');
    assert.equal(action.title, 'Annotate `Kidal` as @kidal');
    apply(corpus, action);
    assert.equal(textOf(corpus, file), original);
  });

  void test('all mentions of a document in one action, each wrapped exactly', async () => {
    const corpus = await seedsCorpus();
    const file = corpus.files()[3];
    const original = textOf(corpus, file);
    // Unannotate every top-level mention whose text is exactly an alias of the entity it references.
    const facts = corpus.document(file);
    assert.ok(facts);
    const stripped = facts.parsed.spans.filter((span) => {
      if (span.depth !== 1 || span.block.kind !== 'mention' || span.block.refs.length !== 1) return false;
      const text = original.slice(span.start + 1, span.close);
      const matches = corpus.aliases.scan(text);
      return matches.length === 1 && matches[0].start === 0 && matches[0].end === text.length && matches[0].entityIds.join() === span.block.refs[0].id;
    });
    assert.ok(stripped.length >= 3, `${stripped.length} mentions to unannotate`);
    let text = original;
    for (const span of [...stripped].reverse()) text = text.slice(0, span.start) + text.slice(span.start + 1, span.close) + text.slice(span.end);
    corpus.setDocument(file, text);
    const hints = corpus.diagnostics(file).filter((d) => d.code === 'unannotated-mention');
    assert.equal(hints.length, stripped.length);
    const all = only(actionsAt(corpus, hints[1]).filter((a) => a.title.startsWith('Annotate all')), 'annotate all');
    assert.equal(all.title, `Annotate all ${stripped.length} unannotated mentions in this document`);
    assert.equal(all.edits.length, stripped.length);
    assert.deepEqual(all.diagnostics, hints);
    apply(corpus, all);
    assert.equal(textOf(corpus, file), original);
  });

  void test('an ambiguous alias offers one action per entity, and is left out of "all"', () => {
    const corpus = new Corpus('documents: ["*.txt"]\nactors:\n  afp: { name: AFP, aliases: [AFP] }\n  gao-militia: { name: Gao militia, aliases: [Gao] }\nplaces:\n  gao: { name: Gao, aliases: [Gao] }\n');
    corpus.setDocument('a.txt', '---\nsource: afp\n---\nÀ Gao, selon AFP et l\'AFP.\n');
    const hints = corpus.diagnostics('a.txt').filter((d) => d.code === 'unannotated-mention');
    assert.equal(hints.length, 3);
    const atGao = actionsAt(corpus, hints[0]);
    assert.deepEqual(
      atGao.map((a) => [a.title, a.isPreferred ?? false]),
      [
        ['Annotate `Gao` as @gao-militia', false],
        ['Annotate `Gao` as @gao', false],
        ['Annotate all 2 unannotated mentions in this document', false],
      ],
    );
    apply(corpus, atGao[2]);
    assert.equal(textOf(corpus, 'a.txt'), '---\nsource: afp\n---\nÀ Gao, selon [AFP]{@afp} et l\'[AFP]{@afp}.\n');
  });
});

void test('a match that wrapping would not keep as one span is not offered', () => {
  // An alias ending in a bracket: `[FAMa []{@fama}` would not read back as a span over the text.
  const corpus = new Corpus('documents: ["*.txt"]\nactors:\n  fama: { name: FAMa, aliases: ["FAMa ["] }\n');
  corpus.setDocument('a.txt', 'Selon les FAMa [ et les autres.\n');
  const hint = only(corpus.diagnostics('a.txt').filter((d) => d.code === 'unannotated-mention'), 'unannotated-mention');
  assert.deepEqual(actionsAt(corpus, hint), []);
});

void describe('contradictions', () => {
  const outcomeConflicts = (corpus: Corpus) => corpus.allDiagnostics().filter((d) => d.code === 'conflicting-claims' && d.fix?.kind === 'contradiction' && d.fix.property === 'outcome');

  /** Every claim of the corpus as written: file, then each `key=value` of its block. */
  const claimsAsWritten = (corpus: Corpus) => corpus.files().flatMap((file) => (corpus.document(file)?.claims ?? []).map((c) => `${file}: ${claimBlockOf(c).properties.map((a) => `${a.key}=${a.value.raw}`).join(' ')}`));

  void test('a conflict between parties offers to acknowledge it (preferred), to record the desk’s assessment, or to show the matrix — never the other party’s value', async () => {
    const corpus = await seedsCorpus();
    const diagnostic = outcomeConflicts(corpus).find((d) => d.message.startsWith('@jnim claims outcome=captured'));
    assert.ok(diagnostic, 'JNIM’s outcome=captured is contradicted');
    const actions = actionsAt(corpus, diagnostic);
    assert.deepEqual(
      actions.map((a) => a.title),
      [
        'Acknowledge the dispute over outcome (captured, repelled) in corroborate.yaml',
        'Record the desk\'s assessment: estimate outcome=captured (as @jnim claims) and a summary of the claims, in corroborate.yaml',
        'Record the desk\'s assessment: estimate outcome=repelled (as @fama claims) and a summary of the claims, in corroborate.yaml',
        'Show in claims matrix',
      ],
    );
    assert.deepEqual(actions.map((a) => a.isPreferred === true), [true, false, false, false]);
    // Nothing but corroborate.yaml is written: what each party claims stays as recorded.
    for (const action of actions) for (const e of action.edits) assert.equal(e.file, REGISTRY_FILE, `${action.title} edits ${e.file}`);
    const matrix = actions[actions.length - 1];
    assert.deepEqual([matrix.edits, matrix.showMatrix], [[], { event: 'niafunke-attack' }]);
  });

  void test('record the desk’s assessment: the estimate and a summary of who claims what go under the event; the claims stay as written', async () => {
    const corpus = await seedsCorpus();
    const before = claimsAsWritten(corpus);
    const diagnostic = outcomeConflicts(corpus)[0];
    const record = actionsAt(corpus, diagnostic).find((a) => a.title.includes('estimate outcome=repelled'));
    assert.ok(record, 'a record action with the army’s value as the estimate');
    apply(corpus, record);
    const event = corpus.registry.entities.get('niafunke-attack');
    assert.equal(event?.estimate.get('outcome')?.value, 'repelled');
    assert.equal(event?.assessment, 'outcome: captured (@jnim); repelled (@fama). To be assessed by the desk.');
    assert.deepEqual(claimsAsWritten(corpus), before);
    assert.deepEqual(errors(corpus), []);
    // The estimate is the desk's, not a source: the conflict stays until it is acknowledged.
    assert.ok(outcomeConflicts(corpus).length > 0);
    // Recorded once, the desk's words are its own: no action replaces them.
    assert.deepEqual(actionsAt(corpus, outcomeConflicts(corpus)[0]).filter((a) => a.title.startsWith('Record')), []);
  });

  void test('a count is estimated by the span of every value claimed; an assessment already written stays', () => {
    const registry = [
      'documents: ["*.txt"]',
      'properties: { killed: { type: count } }',
      'actors: { army: { name: Army }, rebels: { name: Rebels }, locals: { name: Locals, anonymous: true } }',
      'events:',
      '  raid:',
      '    name: Raid',
      '    assessment: Our own words.  # the desk wrote this',
      '',
    ].join('\r\n');
    const corpus = new Corpus(registry);
    corpus.setDocument('a.txt', '---\nsource: army\n---\n[Five dead]{claim event=@raid killed=5}\n');
    corpus.setDocument('b.txt', '---\nsource: rebels\n---\n[Dozens]{claim event=@raid killed=>=30} [fifty]{claim by=@locals event=@raid killed=~50}\n');
    const conflict = only(corpus.diagnostics('a.txt').filter((d) => d.code === 'conflicting-claims'), 'conflict');
    const record = only(actionsAt(corpus, conflict).filter((a) => a.title.startsWith('Record')), 'record action');
    assert.equal(record.title, 'Record the desk\'s estimate: killed=>=5 (the span of the claims), in corroborate.yaml (the assessment stays as written)');
    apply(corpus, record);
    assert.equal(corpus.registry.text, registry.replace('# the desk wrote this\r\n', '# the desk wrote this\r\n    estimate: { killed: ">=5" }\r\n'));
    assert.equal(corpus.registry.entities.get('raid')?.assessment, 'Our own words.');
    assert.deepEqual(errors(corpus), []);

    // Bounded claims, a bounded span.
    const again = new Corpus(registry);
    again.setDocument('a.txt', corpus.document('a.txt')?.text ?? '');
    again.setDocument('b.txt', '---\nsource: rebels\n---\n[Dozens]{claim event=@raid killed=20..40}\n');
    const narrowed = only(actionsAt(again, only(again.diagnostics('a.txt').filter((d) => d.code === 'conflicting-claims'), 'conflict')).filter((a) => a.title.startsWith('Record')), 'record action');
    assert.match(narrowed.title, /killed=5\.\.40 /);
  });

  void test('the same party reported two ways: correct this annotation to its other value, never to another party’s', () => {
    const registry = 'documents: ["*.txt"]\nproperties: { killed: { type: count } }\nactors: { army: { name: Army }, rebels: { name: Rebels } }\nevents: { raid: { name: Raid } }\n';
    const corpus = new Corpus(registry);
    corpus.setDocument('a.txt', '---\nsource: army\n---\n[Five dead]{claim event=@raid killed=5} [no, six]{claim event=@raid killed=6}\n');
    corpus.setDocument('b.txt', '---\nsource: rebels\n---\n[Fifty]{claim event=@raid killed=50}\n');
    const inconsistent = corpus.diagnostics('a.txt').filter((d) => d.code === 'inconsistent-reports');
    assert.equal(inconsistent.length, 2);
    const actions = actionsAt(corpus, inconsistent[0]);
    const corrections = actions.filter((a) => a.title.startsWith('Correct this annotation'));
    assert.deepEqual(
      corrections.map((a) => a.title),
      ['Correct this annotation to killed=6 (@army’s claim in this document)'],
    );
    // The conflict with the rebels on the same characters offers no value of theirs.
    assert.ok(!actions.some((a) => a.edits.some((e) => e.file === 'a.txt' && e.newText === '50')), actions.map((a) => a.title).join('\n'));
    apply(corpus, corrections[0]);
    assert.deepEqual(corpus.diagnostics('a.txt').filter((d) => d.code === 'inconsistent-reports'), []);
    assert.deepEqual(errors(corpus), []);
  });

  void test('acknowledge the dispute: every outcome conflict becomes acknowledged-dispute; a third value extends the list', async () => {
    const corpus = await seedsCorpus();
    const conflicts = outcomeConflicts(corpus);
    assert.ok(conflicts.length > 2);
    const action = only(actionsAt(corpus, conflicts[0]).filter((a) => a.title.startsWith('Acknowledge')), 'acknowledge action');
    assert.equal(action.title, 'Acknowledge the dispute over outcome (captured, repelled) in corroborate.yaml');
    apply(corpus, action);
    assert.deepEqual(outcomeConflicts(corpus), []);
    const acknowledged = corpus.allDiagnostics().filter((d) => d.code === 'acknowledged-dispute');
    assert.deepEqual(summary(acknowledged), summary(conflicts).map((s) => s.replace('conflicting-claims', 'acknowledged-dispute')));
    assert.deepEqual(errors(corpus), []);

    // JNIM now says it took the camp and left: withdrawn still contradicts repelled.
    const file = corpus.files()[0];
    edit(corpus, file, 'outcome=captured', 'outcome=withdrawn');
    const third = only(corpus.diagnostics(file).filter((d) => d.code === 'conflicting-claims' && d.fix?.kind === 'contradiction' && d.fix.value === 'withdrawn'), 'conflict over withdrawn');
    const extend = only(actionsAt(corpus, third).filter((a) => a.title.startsWith('Acknowledge')), 'acknowledge action');
    assert.equal(extend.title, 'Acknowledge the dispute over outcome (captured, repelled, withdrawn) in corroborate.yaml');
    assert.deepEqual(extend.edits.map((e) => e.newText), [', withdrawn']);
    apply(corpus, extend);
    assert.deepEqual(corpus.allDiagnostics().filter((d) => d.code === 'conflicting-claims' || d.code === 'inconsistent-reports'), []);
    assert.deepEqual(errors(corpus), []);
  });
});

void describe('acknowledge the dispute over entity values (issue 10, fault 9)', () => {
  const registry = (listed: string) =>
    [
      'documents: ["*.txt"]',
      'properties:',
      '  place: { type: entity, kind: place }',
      'actors: { jnim: { name: JNIM }, fama: { name: FAMa } }',
      'places: { mali: { name: Mali }, niafunke: { name: Niafunké, in: mali }, bamako: { name: Bamako, in: mali }, gao: { name: Gao, in: mali } }',
      `events: { attack: { name: Attack, disputed: { place: ${listed} } } }`,
      '',
    ].join('\n');
  const claimOf = (by: string, place: string) => `---\nsource: ${by}\n---\nIt [happened there]{claim by=@${by} event=@attack place=@${place}}.\n`;

  for (const { listed, added } of [
    { listed: '[niafunke, bamako]', added: 'gao' },
    { listed: '["@niafunke", "@bamako"]', added: '"@gao"' },
  ]) {
    void test(`disputed: { place: ${listed} } already acknowledges @niafunke: only @gao is added`, () => {
      const corpus = new Corpus(registry(listed));
      corpus.setDocument('a.txt', claimOf('jnim', 'niafunke'));
      corpus.setDocument('b.txt', claimOf('fama', 'gao'));
      const conflict = only(corpus.diagnostics('a.txt').filter((d) => d.code === 'conflicting-claims'), 'conflict');
      const action = only(actionsAt(corpus, conflict).filter((a) => a.title.startsWith('Acknowledge')), 'acknowledge action');
      assert.equal(action.title, `Acknowledge the dispute over place (${listed.replace(/[[\]"]/g, '')}, @gao) in corroborate.yaml`);
      assert.deepEqual(action.edits.map((e) => e.newText), [`, ${added}`]);
      apply(corpus, action);
      assert.deepEqual(corpus.registry.entities.get('attack')?.disputed.get('place')?.values.map((v) => v.value), [...listed.replace(/[[\]"]/g, '').split(', '), added.replace(/"/g, '')]);
      assert.deepEqual(corpus.allDiagnostics().filter((d) => d.code === 'conflicting-claims').map((d) => d.file), []);
      assert.equal(corpus.allDiagnostics().filter((d) => d.code === 'acknowledged-dispute').length, 2);
      assert.deepEqual(errors(corpus), []);
    });
  }
});

void test('no action on a document with invalid UTF-8', async () => {
  const corpus = await seedsCorpus();
  const file = corpus.files()[2];
  edit(corpus, file, '{@fama}', '{@famma}');
  const typo = only(corpus.diagnostics(file).filter((d) => d.code === 'unknown-entity'), 'unknown-entity');
  assert.ok(actionsAt(corpus, typo).length > 0);
  corpus.setDocument(file, textOf(corpus, file), { offset: 5, message: 'invalid UTF-8' });
  for (const diagnostic of corpus.diagnostics(file)) assert.deepEqual(actionsAt(corpus, diagnostic), [], diagnostic.code);
});

void describe('every offered action, on generated corpora', () => {
  const registries = [
    [
      'documents: ["*.txt"]',
      'properties:',
      '  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }',
      '  killed: { type: count }',
      '  place: { type: entity, kind: place }',
      'actors:',
      '  jnim: { name: JNIM, aliases: [JNIM, GSIM] }',
      '  fama: { name: FAMa, aliases: [FAMa, armée malienne] }',
      '  afp: { name: AFP }',
      '  locals: { name: Local sources, anonymous: true }',
      '  gao-militia: { name: Gao militia, aliases: [Gao] }',
      'places:',
      '  mali:',
      '    name: Mali',
      '    aliases: [Mali]',
      '  gao:',
      '    name: Gao',
      '    aliases: [Gao]',
      '    in: mali',
      'events:',
      '  attack:',
      '    name: Attack',
      '  raid: { name: Raid, disputed: { outcome: [captured, repelled] } }',
      '',
    ].join('\n'),
    [
      'documents: ["*.txt"]\r',
      'properties: { outcome: { type: enum, values: [captured, repelled, withdrawn] }, killed: { type: count }, place: { type: entity, kind: place } }\r',
      'actors: { jnim: { name: JNIM, aliases: [JNIM, GSIM] }, fama: { name: FAMa, aliases: [FAMa, armée malienne] }, afp: { name: AFP }, locals: { name: Local sources, anonymous: true } }\r',
      'places: { mali: { name: Mali, aliases: [Mali] }, gao: { name: Gao, aliases: [Gao], in: mali } }\r',
      'events: { attack: { name: Attack }, raid: { name: Raid, disputed: { killed: [3, "~50"] } } }\r',
      '',
    ].join('\n'),
  ];
  const word = fc.constantFrom('le', 'camp', "l'attaque", 'a', 'dit', '[sic]', '« repoussé »', 'x\\[y', 'Gao,', '{', 'GSIM)', '"', 'armée', 'malienne', 'FAMa [');
  const alias = fc.constantFrom('JNIM', 'GSIM', 'FAMa', "l'armée malienne", 'Mali', 'Gao', 'armée\nmalienne');
  const id = fc.constantFrom('jnim', 'fama', 'mali', 'gao', 'jnmi', 'famaa', 'barkhane', 'attack', 'locals');
  const mention = fc.tuple(fc.oneof(alias, word), id).map(([text, ref]) => `[${text}]{@${ref}}`);
  const values: Record<string, fc.Arbitrary<string>> = {
    outcome: fc.constantFrom('captured', 'repelled', 'withdrawn', 'captred', '?', '"repelled"'),
    killed: fc.constantFrom('3', '~50', '>=20', '10..20', '"~5"', 'trois'),
    place: fc.constantFrom('@mali', '@gao', '@gaoo', '@jnim'),
    kiled: fc.constantFrom('3', '4'),
    outcme: fc.constantFrom('captured', 'repelled'),
  };
  const attribute = fc.constantFrom(...Object.keys(values)).chain((key) => values[key].map((value) => ({ key, value })));
  const claim = fc
    .record({
      text: fc.array(fc.oneof(word, alias, mention), { minLength: 1, maxLength: 3 }),
      by: fc.constantFrom('', ' by=@jnim', ' by=@fama', ' by=@locals', ' by=@jnmi', ' by=@mali'),
      event: fc.constantFrom(' event=@attack', ' event=@raid', ' event=@atack', ''),
      attributes: fc.uniqueArray(attribute, { selector: (a) => a.key, maxLength: 3 }),
    })
    .map(({ text, by, event, attributes }) => `[${text.join(' ')}]{claim${by}${event}${attributes.map((a) => ` ${a.key}=${a.value}`).join('')}}`);
  const paragraph = fc.array(fc.oneof({ arbitrary: word, weight: 3 }, { arbitrary: alias, weight: 2 }, { arbitrary: mention, weight: 2 }, { arbitrary: claim, weight: 3 }), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(' '));
  const document = fc
    .record({ source: fc.constantFrom('afp', 'jnim', 'afpp', 'locals'), paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }) })
    .map(({ source, paragraphs }) => `---\nsource: ${source}\n---\n${paragraphs.join('\n\n')}\n`);
  const corpusTexts = fc.record({ registry: fc.constantFrom(...registries), documents: fc.array(document, { minLength: 1, maxLength: 3 }) });

  function build(registry: string, documents: ReadonlyMap<string, string>): Corpus {
    const corpus = new Corpus(registry);
    for (const [file, text] of documents) corpus.setDocument(file, text);
    return corpus;
  }

  function syntaxErrors(corpus: Corpus): number {
    return corpus.allDiagnostics().filter((d) => d.code === 'syntax' || d.code === 'front-matter' || d.code === 'registry').length;
  }

  void test('never adds a syntax or registry error and never changes the article text', () => {
    let applied = 0;
    fc.assert(
      fc.property(corpusTexts, ({ registry, documents }) => {
        const texts = new Map(documents.map((text, k) => [`${k}.txt`, text]));
        const corpus = build(registry, texts);
        const errorsBefore = syntaxErrors(corpus);
        for (const file of corpus.files()) {
          for (const diagnostic of corpus.diagnostics(file)) {
            for (const action of actionsAt(corpus, diagnostic)) {
              applied++;
              const fixed = build(registry, texts);
              apply(fixed, action);
              assert.ok(syntaxErrors(fixed) <= errorsBefore, `${action.title} adds a syntax error: ${JSON.stringify(action.edits)}`);
              for (const [name, text] of texts) {
                const after = fixed.document(name)?.text ?? '';
                assert.equal(articleText(parseDocument(after)).text, articleText(parseDocument(text)).text, `${action.title} changes the article of ${name}`);
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(applied > 500, `only ${applied} actions applied`);
  });
});
