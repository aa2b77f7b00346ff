// The hot event's hover card after edits to its claims equals the card of a
// corpus read from scratch, on the benchmark's own corpus (bench/corpus.ts,
// 120 reports): one event holds 6 % of the claims, from outlets, armed groups
// and anonymous sources (a different claimant in each report, one column in
// the table). After an edit the card reuses what the edit did not change:
// each claimant's documents per value are kept by the groups as claims come
// and go, and the table carries its sums over the rows (each claimant's
// claims, the rows that put it in conflict) and the unchanged rows' lines
// from the table before. So the edits here are the ones that move those or
// not: a claim given another hot claim's claimant and value, a second claim
// of the same claimant and value in the same report, before or after the
// first (the document count stays), a claim's markup taken off, a toll
// changed to a value nobody else gives (a value class comes and goes, and
// with it who is in conflict and who is shown).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateCorpus } from '../../bench/corpus';
import { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { hover } from '../../server/src/features/hover';
import { checkProperty } from '../fuzz';
import { removeFolder, tempFolder } from '../support/tempFolder';

const folder = tempFolder('bench-corpus');
const generated = generateCorpus({ documents: 120, seed: 1, dir: folder });
const REGISTRY = fs.readFileSync(path.join(folder, REGISTRY_FILE), 'utf8');
const TEXTS = new Map(generated.files.map((file) => [file, fs.readFileSync(path.join(folder, file), 'utf8')]));
removeFolder(folder);

const HOT = generated.hotEvent.id;
/** A claim block's inside, after `{claim `. */
const CLAIM = /\{claim ([^}]*)\}/g;

/** A claim about the hot event in a report: where its span opens (`[`), where its block opens (`{`) and ends, the span's text and the block's inside. */
interface HotClaim {
  readonly start: number;
  readonly block: number;
  readonly end: number;
  readonly span: string;
  readonly inside: string;
}

function hotClaims(text: string): HotClaim[] {
  const found: HotClaim[] = [];
  for (const match of text.matchAll(CLAIM)) {
    const inside = match[1] ?? '';
    if (!inside.split(' ').includes(`event=@${HOT}`)) continue;
    // The span ends just before the block; mentions nest inside it.
    let depth = 0;
    let start = match.index - 1;
    for (; start >= 0; start--) {
      if (text[start] === ']') depth++;
      else if (text[start] === '[' && --depth === 0) break;
    }
    if (start < 0) continue;
    found.push({ start, block: match.index, end: match.index + match[0].length, span: text.slice(start + 1, match.index - 1), inside });
  }
  return found;
}

const HOT_REPORTS = [...TEXTS].filter(([, text]) => hotClaims(text).length > 0).map(([file]) => file);

type Edit =
  /** The k-th hot claim of a report takes the j-th hot claim of the corpus's block: its claimant and values move to it. */
  | { readonly kind: 'copy'; readonly file: string; readonly k: number; readonly j: number }
  /** A report's j-th hot claim written again before its k-th, hedged if it was not (or the other way round): a second claim of the same claimant and value in the report, before or after the first, and not the same claim read again. */
  | { readonly kind: 'repeat'; readonly file: string; readonly k: number; readonly j: number }
  /** The k-th hot claim of a report loses its markup. */
  | { readonly kind: 'unclaim'; readonly file: string; readonly k: number }
  /** The k-th hot claim of a report, if it gives a toll, gives another one, which may be nobody else's. */
  | { readonly kind: 'toll'; readonly file: string; readonly k: number; readonly toll: number };

/** A few reports, as an analyst works on them: edits land on each other's claims (a repeated claim taken off again, say). */
const file = fc.constantFrom(...HOT_REPORTS.slice(0, 3));
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('copy' as const), file, k: fc.nat(), j: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('repeat' as const), file, k: fc.nat(), j: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('unclaim' as const), file, k: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('toll' as const), file, k: fc.nat(), toll: fc.integer({ min: 1, max: 400 }) }) },
);

/** The report's text after one edit (the same text when the edit finds nothing to change). */
function applied(texts: ReadonlyMap<string, string>, op: Edit): string {
  const text = texts.get(op.file) ?? '';
  const all = () => [...texts.values()].flatMap(hotClaims);
  const claims = hotClaims(text);
  const own = claims[op.k % Math.max(1, claims.length)];
  if (!own) return text;
  switch (op.kind) {
    case 'repeat': {
      const again = claims[op.j % claims.length] ?? own;
      const hedged = / hedged\b/.test(again.inside) ? again.inside.replace(/ hedged\b/, '') : `${again.inside} hedged`;
      return `${text.slice(0, own.start)}[${again.span}]{claim ${hedged}}. ${text.slice(own.start)}`;
    }
    case 'copy': {
      const other = all()[op.j % all().length];
      return other ? `${text.slice(0, own.block)}{claim ${other.inside}}${text.slice(own.end)}` : text;
    }
    case 'unclaim':
      return text.slice(0, own.block) + text.slice(own.end);
    case 'toll': {
      const block = text.slice(own.block, own.end).replace(/\b(killed|wounded)=[^\s}]+/, (_, key: string) => `${key}=${op.toll}`);
      return text.slice(0, own.block) + block + text.slice(own.end);
    }
  }
}

function fresh(texts: ReadonlyMap<string, string>): Corpus {
  const corpus = new Corpus(REGISTRY);
  for (const [name, text] of texts) corpus.setDocument(name, text);
  return corpus;
}

function hotCard(corpus: Corpus): string | undefined {
  const entity = corpus.registry.entities.get(HOT);
  return entity && hover(corpus, REGISTRY_FILE, entity.idRange.start)?.markdown;
}

void describe('the hot event’s card after edits, on the benchmark’s corpus', () => {
  void test('the card tabulates anonymous sources, and a claimant’s value given in several documents', () => {
    const card = hotCard(fresh(TEXTS)) ?? '';
    assert.match(card, /\| killed( ⚠)? \|/);
    assert.match(card, /\([2-9]\d* docs\)/);
    assert.ok(HOT_REPORTS.length >= 10, `${HOT_REPORTS.length} reports about ${HOT}`);
  });

  void test('after any sequence of edits to its claims, the card equals a fresh corpus’s', () => {
    checkProperty(
      fc.property(fc.array(fc.tuple(edit, fc.boolean()), { minLength: 1, maxLength: 8 }), (edits) => {
        const texts = new Map(TEXTS);
        const corpus = fresh(texts);
        hotCard(corpus);
        for (const [op, diagnosed] of edits) {
          texts.set(op.file, applied(texts, op));
          corpus.setDocument(op.file, texts.get(op.file) ?? '');
          // As the server does before a card is asked (or not: a hover may come before the publishes).
          if (diagnosed) for (const name of corpus.files()) corpus.diagnostics(name);
          assert.equal(hotCard(corpus), hotCard(fresh(texts)), `after ${op.kind} in ${op.file}`);
        }
      }),
      15,
    );
  });
});
