// `corroborate export --format w3c`: one W3C Web Annotation per claim and
// per mention, whose quote selector anchors exactly once in the raw report
// and whose position selector counts code points in it.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { assertGolden, copySeeds, REPO, run, writeCorpus } from '../support/cli';

const FIXTURE = path.join(REPO, 'test', 'fixtures', 'export');
const RAW = path.join(REPO, 'test', 'fixtures', 'raw');

interface QuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

interface PositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

interface Annotation {
  id: string;
  type: string;
  motivation: 'describing' | 'identifying';
  body: Record<string, unknown>[];
  target: { type: string; source: string; selector: [QuoteSelector, PositionSelector] };
}

interface Collection {
  '@context': [string, Record<string, unknown>];
  type: string;
  label: string;
  total: number;
  positionUnit: string;
  first: { type: string; startIndex: number; items: Annotation[] };
}

type ExportRecord = Record<string, string | number | boolean | null>;

function exportW3c(root: string): Collection {
  const result = run(['export', root, '--format', 'w3c']);
  assert.equal(result.status, 0);
  assert.equal(result.stderr, '');
  return JSON.parse(result.stdout) as Collection;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** Re-anchors an annotation in the raw report as an annotation platform would; returns the UTF-16 offset of its exact text. */
function anchor(raw: string, annotation: Annotation): number {
  const [quote, position] = annotation.target.selector;
  const found = occurrences(raw, quote.prefix + quote.exact + quote.suffix);
  assert.equal(found.length, 1, `${annotation.id}: the quote occurs ${found.length} times`);
  const at = (found[0]) + quote.prefix.length;
  const codePoints = Array.from(raw);
  assert.equal(codePoints.slice(position.start, position.end).join(''), quote.exact, `${annotation.id}: the position selector does not select the quote`);
  assert.equal(Array.from(raw.slice(0, at)).length, position.start, `${annotation.id}: the two selectors disagree`);
  return at;
}

/** The terms of http://www.w3.org/ns/anno.jsonld that the export uses. */
const W3C_TERMS = ['id', 'type', 'motivation', 'body', 'target', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end', 'value', 'purpose', 'format', 'label', 'total', 'first', 'items', 'startIndex'];

/** Every key of the export is a W3C term or one the inline context defines, so no field is lost in JSON-LD processing. */
function assertTermsDefined(collection: Collection): void {
  const own = Object.keys(collection['@context'][1]);
  const defined = new Set([...W3C_TERMS, ...own, '@context']);
  const stack: unknown[] = [collection];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...(value as unknown[]));
    else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        assert.ok(defined.has(key), `${key} is not a term of the context`);
        if (key !== '@context') stack.push(inner);
      }
    }
  }
}

void describe('export --format w3c', () => {
  void test('on the seeds: every quote anchors exactly once in the raw report, one annotation per claim and per mention', () => {
    const seeds = copySeeds();
    const collection = exportW3c(seeds);
    const items = collection.first.items;
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.total, items.length);
    assert.equal(collection.positionUnit, 'unicode-code-point');
    const check = JSON.parse(run(['check', seeds, '--format', 'json']).stdout) as { claims: number };
    assert.equal(items.filter((a) => a.motivation === 'describing').length, check.claims);
    assert.ok(items.filter((a) => a.motivation === 'identifying').length > 100);
    assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'annotation ids are unique');
    for (const annotation of items) {
      const raw = fs.readFileSync(path.join(RAW, decodeURIComponent(annotation.target.source)), 'utf8');
      anchor(raw, annotation);
    }
    assertTermsDefined(collection);
  });

  void test('a claim\'s body holds what export --format json says of it', () => {
    const seeds = copySeeds();
    const records = JSON.parse(run(['export', seeds, '--format', 'json']).stdout) as ExportRecord[];
    const claims = exportW3c(seeds).first.items.filter((a) => a.motivation === 'describing');
    const fromW3c = claims.flatMap((annotation) => {
      const claim = annotation.body.find((b) => b.type === 'Claim') as Record<string, unknown> & { assertions: Record<string, unknown>[] };
      return claim.assertions.map((assertion) => ({
        file: annotation.target.source,
        id: claim.claimId,
        event: claim.event,
        ...assertion,
        claimant: claim.claimant,
        source: claim.outlet,
        origin: claim.origin,
        hedged: claim.hedged,
        text: annotation.target.selector[0].exact,
      }));
    });
    const fields = ['file', 'id', 'event', 'property', 'value', 'low', 'high', 'claimant', 'source', 'origin', 'hedged', 'text'];
    const pick = (record: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, record[f]]));
    assert.deepEqual(fromW3c.map(pick), records.map(pick));
  });

  void test('the golden collection of a small corpus: nesting, an escape, {skip}, an emoji, Arabic', () => {
    const collection = exportW3c(path.join(FIXTURE, 'corpus'));
    assertGolden(collection, path.join(FIXTURE, 'expected', 'export.w3c.jsonld'));
    for (const annotation of collection.first.items) {
      const text = fs.readFileSync(path.join(FIXTURE, 'corpus', annotation.target.source), 'utf8');
      anchor(articleText(parseDocument(text)).text, annotation);
    }
    const skipped = collection.first.items.filter((a) => a.target.selector[0].exact.includes('lecteur'));
    assert.deepEqual(skipped, [], 'a mention inside {skip} is not the article');
  });

  void test('offsets count code points, after a BOM, across CRLF, escapes and nested spans', () => {
    const root = writeCorpus({
      'corroborate.yaml': 'documents: ["*.txt"]\nactors:\n  jnim: { name: JNIM }\n  afp: { name: AFP }\nevents:\n  e: { name: E }\n',
      'a.txt': '\ufeff---\r\nsource: afp\r\n---\r\n👍🏽 \\[note\\] [le [JNIM]{@jnim} 🎉 dit]{claim event=@e}\r\nfin 😀 [JNIM]{@jnim}\r\n',
    });
    const items = exportW3c(root).first.items;
    const article = '👍🏽 [note] le JNIM 🎉 dit\r\nfin 😀 JNIM\r\n';
    assert.deepEqual(
      items.map((a) => [a.motivation, a.target.selector[0].exact, a.target.selector[1].start, a.target.selector[1].end]),
      [
        ['describing', 'le JNIM 🎉 dit', 10, 23],
        ['identifying', 'JNIM', 13, 17],
        ['identifying', 'JNIM', 31, 35],
      ],
    );
    for (const annotation of items) anchor(article, annotation);
  });

  void test('a passage repeated in one report, short or long, still anchors once; a long run of identical lines keeps quotes bounded', () => {
    const paragraph = 'Selon des sources locales, [le JNIM]{@jnim} a attaqué le camp au petit matin, puis s\'est retiré vers le nord après plusieurs heures de combats.\n';
    const repeated = `Une introduction.\n${paragraph}Un paragraphe entre les deux.\n${paragraph}Une conclusion.\n`;
    const identical = 'Le [JNIM]{@jnim} a parlé.\n'.repeat(400);
    // Over 100,000 code units, where quotes are told apart by runs that occur once rather than by searching the text.
    const lines = Array.from({ length: 6000 }, (_, n) => `Ligne ${n} du rapport.\n`);
    const long = [...lines.slice(0, 3000), repeated, ...lines.slice(3000)].join('');
    const registry = 'documents: ["*.txt"]\nactors:\n  jnim: { name: JNIM }\n';
    const root = writeCorpus({ 'corroborate.yaml': registry, 'repeated.txt': repeated, 'identical.txt': identical, 'long.txt': long });
    const items = exportW3c(root).first.items;
    const article = (file: string) => articleText(parseDocument(fs.readFileSync(path.join(root, file), 'utf8'))).text;
    const inRepeated = items.filter((a) => a.target.source === 'repeated.txt');
    assert.equal(inRepeated.length, 2);
    const anchored = inRepeated.map((a) => anchor(article('repeated.txt'), a));
    assert.notEqual(anchored[0], anchored[1]);
    const inLong = items.filter((a) => a.target.source === 'long.txt');
    assert.ok(article('long.txt').length > 100_000);
    assert.equal(new Set(inLong.map((a) => anchor(article('long.txt'), a))).size, 2);
    // 400 identical lines: no context tells the middle ones apart; each quote stays within 1,024 units a side and the position selector places it.
    const inIdentical = items.filter((a) => a.target.source === 'identical.txt');
    assert.equal(inIdentical.length, 400);
    const text = Array.from(article('identical.txt'));
    for (const annotation of inIdentical) {
      const [quote, position] = annotation.target.selector;
      assert.ok(quote.prefix.length <= 1025 && quote.suffix.length <= 1025);
      assert.equal(text.slice(position.start, position.end).join(''), 'JNIM');
    }
  });
});
