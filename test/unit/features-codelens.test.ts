// Code lenses: one above the first claim of each event in a report, with the
// event's claims, independent origins and conflicts. On the seeds, every
// figure is counted a second way, from the reports' text and front matter; on
// a small corpus, the lenses follow edits in other reports.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Corpus } from '../../server/src/engine/corpus';
import { codeLenses } from '../../server/src/features/codeLens';
import { eventSummary } from '../../server/src/features/matrix';
import { corpusOf, seedsCorpus } from '../support/corpus';

const CLAIM_BLOCK = /\{claim\b[^}]*\}/g;
const PROPERTY = /\s(?!by=|event=)[A-Za-z0-9][A-Za-z0-9_-]*=/;

describe('code lenses on the sample corpus', () => {
  let corpus: Corpus;
  const text = (file: string) => corpus.document(file)?.text ?? '';

  before(async () => {
    corpus = await seedsCorpus();
  });

  test('each report has one lens per event it claims about, above the first claim of that event', () => {
    for (const file of corpus.files()) {
      const lenses = codeLenses(corpus, file);
      // The events the report's claim blocks name, counted from the text.
      const named = new Set<string>();
      for (const block of text(file).match(CLAIM_BLOCK) ?? []) {
        const event = /event=@([A-Za-z0-9_-]+)/.exec(block)?.[1];
        if (event !== undefined && PROPERTY.test(block)) named.add(event);
      }
      assert.deepEqual(lenses.map((l) => l.event).sort(), [...named].sort(), file);
      assert.deepEqual(
        lenses.map((l) => l.range.start),
        lenses.map((l) => l.range.start).sort((a, b) => a - b),
        `${file}: lenses in document order`,
      );
      for (const lens of lenses) {
        const span = text(file).slice(lens.range.start, lens.range.end);
        assert.match(span, new RegExp(`^\\[[\\s\\S]*\\{claim [^}]*event=@${lens.event}[\\s}]`), `${file}: the lens of @${lens.event} stands on its first claim`);
        assert.ok(!text(file).slice(0, lens.range.start).match(new RegExp(`event=@${lens.event}[\\s}]`)), `${file}: no claim of @${lens.event} before the lens`);
      }
    }
  });

  test('the Niafunké attack: its claims, independent origins and one conflict, counted from the reports', () => {
    const files = corpus.files();
    let claims = 0;
    const origins = new Set<string>();
    for (const file of files) {
      const about = (text(file).match(CLAIM_BLOCK) ?? []).filter((block) => /event=@niafunke-attack[\s}]/.test(block) && PROPERTY.test(block));
      claims += about.length;
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text(file))?.[1] ?? '';
      if (about.length > 0) origins.add(/^origin:\s*(\S+)/m.exec(front)?.[1] ?? /^source:\s*(\S+)/m.exec(front)?.[1] ?? file);
    }
    // The seeds' one unacknowledged disagreement between parties is over outcome.
    const conflicting = new Set(corpus.allDiagnostics().flatMap((d) => (d.fix?.kind === 'contradiction' && d.fix.event === 'niafunke-attack' && d.code !== 'acknowledged-dispute' ? [d.fix.property] : [])));
    assert.deepEqual([...conflicting], ['outcome']);
    const lens = codeLenses(corpus, files[0]).find((l) => l.event === 'niafunke-attack');
    assert.equal(lens?.title, `niafunke-attack · ${claims} claims · ${origins.size} origins · 1 conflict — Show matrix`);
  });
});

describe('code lenses follow the corpus', () => {
  const registry = [
    'documents: ["*.txt"]',
    'properties: { outcome: { type: enum, values: [captured, repelled] }, killed: { type: count } }',
    'actors: { army: { name: Army }, rebels: { name: Rebels }, wire: { name: Wire }, paper: { name: Paper } }',
    'events: { raid: { name: Raid }, siege: { name: Siege } }',
    '',
  ].join('\n');
  const wire = '---\nsource: wire\n---\n[Taken]{claim by=@rebels event=@raid outcome=captured killed=3} and [held]{claim by=@army event=@siege outcome=repelled}.\n';
  const paper = '---\nsource: paper\norigin: wire\n---\n[Held]{claim by=@army event=@raid outcome=repelled} [Taken]{claim by=@rebels event=@raid outcome=captured}.\n';
  const blog = '---\nsource: paper\n---\n[😀 عربي Held]{claim by=@army event=@raid killed=30} [an aside]{claim event=@nowhere killed=1} [nothing asserted]{claim by=@army event=@siege}\n';

  test('a republication counts with its original; conflicts are properties; an unknown event has no lens', () => {
    const corpus = corpusOf({ 'corroborate.yaml': registry, 'a.txt': wire, 'b.txt': paper, 'c.txt': blog });
    assert.deepEqual(
      codeLenses(corpus, 'a.txt').map((l) => [l.title, wire.slice(l.range.start, l.range.end)]),
      [
        ['raid · 4 claims · 2 origins · 2 conflicts — Show matrix', '[Taken]{claim by=@rebels event=@raid outcome=captured killed=3}'],
        // The figures are the matrix's and the report's: the blog's claim about the siege that asserts nothing counts too.
        ['siege · 2 claims · 2 origins · no conflicts — Show matrix', '[held]{claim by=@army event=@siege outcome=repelled}'],
      ],
    );
    // A claim that asserts nothing, or about no known event, stands for no lens.
    assert.deepEqual(
      codeLenses(corpus, 'c.txt').map((l) => l.event),
      ['raid'],
    );
  });

  test('an edit in another report changes the figures; an acknowledged dispute is said apart', () => {
    const corpus = corpusOf({ 'corroborate.yaml': registry, 'a.txt': wire, 'b.txt': paper });
    const figures = () => {
      const summary = eventSummary(corpus, 'raid');
      return { claims: summary.claims, origins: summary.origins, conflicts: summary.conflicts.properties, acknowledged: summary.acknowledged.properties };
    };
    assert.deepEqual(figures(), { claims: 3, origins: 1, conflicts: 1, acknowledged: 0 });
    corpus.setDocument('b.txt', paper.replace('outcome=repelled', 'outcome=captured'));
    assert.deepEqual(figures(), { claims: 3, origins: 1, conflicts: 0, acknowledged: 0 });
    corpus.setDocument('c.txt', blog);
    assert.equal(codeLenses(corpus, 'a.txt')[0]?.title, 'raid · 4 claims · 2 origins · 1 conflict — Show matrix');
    corpus.setRegistry(registry.replace('raid: { name: Raid }', 'raid: { name: Raid, disputed: { killed: [3, 30] } }'));
    assert.equal(codeLenses(corpus, 'a.txt')[0]?.title, 'raid · 4 claims · 2 origins · no conflicts · 1 acknowledged dispute — Show matrix');
  });
});
