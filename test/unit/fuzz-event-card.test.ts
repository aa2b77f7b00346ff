// An event's hover card after edits equals the card of a corpus read from
// scratch. The card counts the contradictions on every claim about the event
// and tabulates every claimant's values; the corpus keeps those counts per
// (event, property) group and each row of the table with its group's
// analysis, so an edit rewrites only what it changed. Here the sample
// corpus's claims are edited as an analyst would (a claim given another
// claim's claimant, event and values; a claim's markup taken off; a
// `disputed:` acknowledged in corroborate.yaml), every event's card asked
// after each edit, and compared with a fresh corpus's.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { hover } from '../../server/src/features/hover';
import { checkProperty } from '../fuzz';
import { SEEDS } from '../support/tempFolder';

const REGISTRY = fs.readFileSync(path.join(SEEDS, REGISTRY_FILE), 'utf8');
const REPORTS = fs.readdirSync(SEEDS).filter((file) => file.endsWith('.txt')).sort();
const TEXTS = new Map(REPORTS.map((file) => [file, fs.readFileSync(path.join(SEEDS, file), 'utf8')]));

/** A claim block's inside, after `{claim `: who, about what, and its values. */
const CLAIM = /\{claim ([^}]*)\}/g;

type Edit =
  /** The k-th claim of a report takes the j-th claim of the corpus's attributes: its claimant, event and values move to it. */
  | { readonly kind: 'copy'; readonly file: string; readonly k: number; readonly j: number }
  /** The k-th claim of a report loses its markup: the span stays, its text untouched. */
  | { readonly kind: 'unclaim'; readonly file: string; readonly k: number }
  /** corroborate.yaml acknowledges the values of the k-th claim's properties as disputed on its event, or stops. */
  | { readonly kind: 'dispute'; readonly file: string; readonly k: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('copy' as const), file: fc.constantFrom(...REPORTS), k: fc.nat(), j: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('unclaim' as const), file: fc.constantFrom(...REPORTS), k: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dispute' as const), file: fc.constantFrom(...REPORTS), k: fc.nat() }) },
);

function claimsIn(text: string): RegExpExecArray[] {
  return [...text.matchAll(CLAIM)];
}

/** `event: { outcome: [captured, repelled] }` for the first claim's event with two values on a property, as a `disputed:` entry of the event. */
function disputedOf(inside: string): { event: string; entry: string } | undefined {
  const event = /event=@([\w-]+)/.exec(inside)?.[1];
  const outcome = /outcome=(\w+)/.exec(inside)?.[1];
  if (event === undefined || outcome === undefined) return undefined;
  const other = outcome === 'repelled' ? 'captured' : 'repelled';
  return { event, entry: `    disputed: { outcome: [${outcome}, ${other}] }\n` };
}

/** The texts after one edit; the files it changed. */
function applied(texts: Map<string, string>, registry: string, op: Edit): { registry: string; changed: string[] } {
  const text = texts.get(op.file) ?? '';
  const claims = claimsIn(text);
  const own = claims[claims.length > 0 ? op.k % claims.length : 0];
  if (!own) return { registry, changed: [] };
  const start = own.index;
  const end = start + own[0].length;
  if (op.kind === 'dispute') {
    const disputed = disputedOf(own[1] ?? '');
    if (!disputed) return { registry, changed: [] };
    const key = `\n  ${disputed.event}:\n`;
    const at = registry.indexOf(key);
    if (at < 0) return { registry, changed: [] };
    const after = at + key.length;
    const next = registry.startsWith(disputed.entry, after) ? registry.slice(0, after) + registry.slice(after + disputed.entry.length) : registry.slice(0, after) + disputed.entry + registry.slice(after);
    return { registry: next, changed: [REGISTRY_FILE] };
  }
  let replacement = '';
  if (op.kind === 'copy') {
    const all = [...texts.values()].flatMap(claimsIn);
    replacement = all[op.j % all.length]?.[0] ?? '';
  }
  texts.set(op.file, text.slice(0, start) + replacement + text.slice(end));
  return { registry, changed: [op.file] };
}

function fresh(registry: string, texts: ReadonlyMap<string, string>): Corpus {
  const corpus = new Corpus(registry);
  for (const [file, text] of texts) corpus.setDocument(file, text);
  return corpus;
}

/** Every event's card, as a hover on its key in corroborate.yaml shows it. */
function eventCards(corpus: Corpus): Map<string, string | undefined> {
  const cards = new Map<string, string | undefined>();
  for (const entity of corpus.registry.entities.values()) {
    if (entity.section === 'event') cards.set(entity.id, hover(corpus, REGISTRY_FILE, entity.idRange.start)?.markdown);
  }
  return cards;
}

void describe('the event card after edits', () => {
  void test('the sample corpus has events whose cards count contradictions and tabulate claimants', () => {
    const cards = eventCards(fresh(REGISTRY, TEXTS));
    const attack = cards.get('niafunke-attack') ?? '';
    assert.match(attack, /\d+ claims about it · [1-9]\d* contradictions/);
    assert.match(attack, /\| outcome ⚠ \|/);
  });

  void test('after any sequence of claim edits, every event card equals a fresh corpus’s', () => {
    checkProperty(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 10 }), (edits) => {
        const texts = new Map(TEXTS);
        let registry = REGISTRY;
        const corpus = fresh(registry, texts);
        eventCards(corpus);
        for (const op of edits) {
          const result = applied(texts, registry, op);
          registry = result.registry;
          for (const file of result.changed) {
            if (file === REGISTRY_FILE) corpus.setRegistry(registry);
            else corpus.setDocument(file, texts.get(file) ?? '');
          }
          // The diagnostics first, as the server publishes them before the card is asked: the findings the card counts are then the kept ones.
          for (const file of corpus.files()) corpus.diagnostics(file);
          assert.deepEqual(eventCards(corpus), eventCards(fresh(registry, texts)), `after ${op.kind} in ${op.file} (claim ${op.k})`);
        }
      }),
      30,
    );
  });
});
