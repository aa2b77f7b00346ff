// Hover cards as whole texts: each case's card is a snapshot under
// test/unit/snapshots/hover/ (UPDATE_SNAPSHOTS=1 rewrites them; review the
// diff). Beside the snapshots, the figures a card gives are counted a second
// way from the reports themselves, and the Markdown is rendered to check that
// user text cannot break it.

import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import type { Corpus } from '../../server/src/engine/corpus';
import { hover, prepareCards, type HoverCard } from '../../server/src/features/hover';
import { corpusOf, seedsCorpus } from '../support/corpus';
import { matchSnapshot } from '../support/snapshot';

const markdown = new MarkdownIt({ html: false });

function decode(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** What the reader sees: the Markdown rendered, tags dropped, one line per block. */
function visible(md: string): string {
  return decode(
    markdown
      .render(md)
      .replace(/<\/(p|li|tr|h\d)>/g, '\n')
      .replace(/<\/t[dh]>/g, ' | ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The rendered tables' rows as cells; a mangled table (a stray `|`) shows as a wrong cell count. */
function tableRows(md: string): string[][] {
  const html = markdown.render(md);
  return [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => decode((cell[1] ?? '').replace(/<[^>]+>/g, '')).trim()));
}

/** The HTML of the first bold text: a name rendered literally holds no tags of its own. */
function firstBold(md: string): string | undefined {
  return /<strong>([\s\S]*?)<\/strong>/.exec(markdown.render(md))?.[1];
}

/**
 * Hovers at `offset` and compares the card with its snapshot: where the
 * pointer was, the text the card covers, then the Markdown as sent.
 */
function hoverSnapshot(corpus: Corpus, file: string, offset: number, snapshot: string): HoverCard {
  const card = hover(corpus, file, offset);
  assert.ok(card, `a card at ${file}:${offset}`);
  const text = file === 'corroborate.yaml' ? corpus.registry.text : (corpus.document(file)?.text ?? '');
  // The pointer in its line, with at most 40 characters either side.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const pointer = `${text.slice(Math.max(lineStart, offset - 40), offset)}|${text.slice(offset, Math.min(lineEnd, offset + 40))}`;
  matchSnapshot(`hover/${snapshot}.md`, `<!-- hover in ${file} at: ${pointer.trim()} -->\n<!-- covers: ${text.slice(card.range.start, card.range.end).replace(/\r?\n/g, '⏎')} -->\n\n${card.markdown}\n`);
  return card;
}

describe('hover on the sample corpus', () => {
  let corpus: Corpus;
  const afp = '002_bf727807ddea604f.txt';
  const text = (file: string) => corpus.document(file)?.text ?? '';
  /** How many times the reports' text has `pattern` (counted from the text, not from the engine's reading). */
  const count = (pattern: RegExp, file: string) => text(file).match(new RegExp(pattern.source, 'g'))?.length ?? 0;

  before(async () => {
    corpus = await seedsCorpus();
  });

  test('the GSIM mention in the AFP report shows JNIM’s card with its aliases and footprint', () => {
    const span = '[Le GSIM]{@jnim}';
    const at = text(afp).indexOf(span);
    const card = hoverSnapshot(corpus, afp, at + '[Le G'.length, 'mention-gsim');
    assert.deepEqual(card.range, { start: at, end: at + span.length });

    // The footprint counted again from the reports' text and their mention blocks.
    const referencing = corpus.files().filter((file) => /@jnim(?![\w-])/.test(text(file)));
    let mentions = 0;
    for (const file of corpus.files()) {
      for (const s of corpus.document(file)?.parsed.spans ?? []) if (s.block.kind === 'mention') mentions += s.block.refs.filter((r) => r.id === 'jnim').length;
    }
    assert.ok(visible(card.markdown).includes(`In the corpus: ${referencing.length} documents · ${mentions} mentions · `));
  });

  test('a JNIM outcome=captured claim lists the army’s “repelled” as contradicting and the origins that corroborate', () => {
    const at = text(afp).indexOf('outcome=captured');
    const card = hoverSnapshot(corpus, afp, at + 'outcome=cap'.length, 'claim-value-captured');
    assert.deepEqual(card.range, { start: at, end: at + 'outcome=captured'.length });

    // Independent origins counted again: front matter origin, else source; this report's own origin does not count.
    const byJnimCaptured = /\{claim by=@jnim event=@niafunke-attack[^}]*outcome=captured/;
    const origins = new Set<string>();
    for (const file of corpus.files()) {
      const front = corpus.document(file)?.frontMatter;
      if (count(byJnimCaptured, file) > 0) origins.add(front?.origin?.value ?? front?.source?.value ?? '');
    }
    origins.delete('afp');
    const repelled = corpus.files().reduce((n, file) => n + count(/\{claim by=@fama event=@niafunke-attack[^}]*outcome=repelled/, file), 0);
    const shown = visible(card.markdown);
    assert.ok(origins.size > 0);
    assert.ok(shown.includes(`Corroborated by ${origins.size} independent origin${origins.size > 1 ? 's' : ''} besides this report’s @afp: `), shown);
    for (const origin of origins) assert.ok(shown.includes(`@${origin} (`), origin);
    assert.ok(shown.includes(`@fama: repelled — ${repelled} claims`), shown);
  });

  test('hovering a claim’s text puts every property in words', () => {
    const at = text(afp).indexOf('a revendiqué la prise');
    const card = hoverSnapshot(corpus, afp, at, 'claim-text');
    assert.equal(card.range.start, text(afp).lastIndexOf('[[Le Groupe de soutien', at));
  });

  test('an event ref shows the claims as a property × claimant table', () => {
    const ref = '@niafunke-attack';
    const at = text(afp).indexOf(ref);
    const card = hoverSnapshot(corpus, afp, at + 3, 'event-ref');
    assert.deepEqual(card.range, { start: at, end: at + ref.length });
    const rows = tableRows(card.markdown);
    const header = rows[0] ?? [];
    for (const row of rows) assert.equal(row.length, header.length);
    // JNIM's "captured" counted again, document by document.
    const outcome = rows.find((row) => row[0]?.startsWith('outcome'));
    const jnimDocs = corpus.files().filter((file) => count(/\{claim by=@jnim event=@niafunke-attack[^}]*outcome=captured/, file) > 0).length;
    assert.equal(outcome?.[header.indexOf('@jnim')], `captured (${jnimDocs} docs)`);
  });

  test('a front matter origin shows the outlet’s footprint', () => {
    const republication = '000_ad34e4e326f002f7.txt';
    const at = text(republication).indexOf('origin: afp') + 'origin: '.length;
    const card = hoverSnapshot(corpus, republication, at + 1, 'front-matter-origin');
    assert.deepEqual(card.range, { start: at, end: at + 3 });
    const shown = visible(card.markdown);
    const sourceOf = corpus.files().filter((file) => /^source: afp$/m.test(text(file))).length;
    const originOf = corpus.files().filter((file) => /^origin: afp$/m.test(text(file))).length;
    assert.ok(shown.includes(`source of ${sourceOf} document`), shown);
    assert.ok(shown.includes(`origin of ${originOf} republished document`), shown);
  });

  test('an entity key in corroborate.yaml shows the place’s `in:` chain', () => {
    const registry = corpus.registry.text;
    const card = hoverSnapshot(corpus, 'corroborate.yaml', registry.indexOf('\n  niafunke:') + 3, 'registry-place');
    assert.equal(registry.slice(card.range.start, card.range.end), 'niafunke');
  });

  test('a property key in a claim explains the property after the analysis', () => {
    hoverSnapshot(corpus, afp, text(afp).indexOf('casualties=>=20') + 2, 'property-key');
  });

  test('plain article text has no hover', () => {
    const at = text(afp).indexOf('La collecte et la vérification');
    assert.equal(hover(corpus, afp, at + 3), undefined);
  });
});

describe('hover on a small corpus', () => {
  const registry = [
    'documents: ["*.txt"]',
    'properties:',
    '  outcome: { type: enum, values: [captured, repelled, withdrawn], compatible: [[captured, withdrawn]] }',
    '  killed: { type: count }',
    '  method: { type: text }',
    'actors:',
    '  army: { name: "Army | *Forces* [armées] _x_", kind: state-force, aliases: [Army] }',
    '  rebels: { name: Rebels, aliases: [Rebels] }',
    '  wire: { name: Wire, kind: media }',
    '  paper: { name: Paper, kind: media }',
    '  blog: { name: Blog, kind: media }',
    'events:',
    '  raid: { name: The raid, date: 2024-01-02, disputed: { outcome: [captured, repelled] }, assessment: "Both sides claim it." }',
    '',
  ].join('\n');
  const wire = '---\nsource: wire\n---\n[They took it]{claim by=@rebels event=@raid outcome=captured killed=10 method="car|bomb"}.\n';
  const paper = '---\nsource: paper\norigin: wire\n---\n[They left]{claim by=@rebels event=@raid outcome=withdrawn killed=12}.\n';
  const blog = '---\nsource: blog\n---\n[About ten]{claim by=@rebels event=@raid killed=9..11}. [Held]{claim by=@army event=@raid outcome=repelled killed=?}.\n';

  const build = () => corpusOf({ 'corroborate.yaml': registry, 'a.txt': wire, 'b.txt': paper, 'c.txt': blog });

  test('corroboration counts independent origins; a republication of the same origin does not count', () => {
    // The same claimant giving another figure is an inconsistent report, not a conflict.
    hoverSnapshot(build(), 'a.txt', wire.indexOf('killed=10') + 'killed='.length, 'small-corroboration');
  });

  test('agreement only within one origin is not corroboration, and an acknowledged dispute says so', () => {
    const corpus = build();
    hoverSnapshot(corpus, 'a.txt', wire.indexOf('outcome=captured') + 'outcome='.length, 'small-one-origin');
    // A third value is not part of the acknowledged dispute.
    hoverSnapshot(corpus, 'b.txt', paper.indexOf('outcome=withdrawn') + 'outcome='.length, 'small-third-value');
  });

  test('user text cannot break the Markdown: names stay literal, a `|` in a value keeps the table’s columns', () => {
    const corpus = build();
    const card = hoverSnapshot(corpus, 'c.txt', blog.indexOf('@army') + 1, 'small-markdown-name');
    assert.ok(visible(card.markdown).includes('Army | *Forces* [armées] _x_ @army'));
    assert.equal(firstBold(card.markdown), 'Army | *Forces* [armées] _x_');

    const event = hoverSnapshot(corpus, 'a.txt', wire.indexOf('@raid') + 1, 'small-markdown-table');
    const rows = tableRows(event.markdown);
    const header = rows[0] ?? [];
    for (const row of rows) assert.equal(row.length, header.length);
    assert.equal(rows.find((row) => row[0] === 'method')?.[header.indexOf('@rebels')], '“car|bomb” (1 doc)');
    // Only captured/repelled is acknowledged: withdrawn against repelled still warns, so the row is marked.
    assert.equal(rows.find((row) => row[0]?.startsWith('outcome'))?.[0], 'outcome ⚠');
  });

  test('a card hovered again shows what changed in between: cards are kept only while the corpus stays the same', () => {
    const corpus = build();
    const at = blog.indexOf('@rebels') + 1;
    const event = wire.indexOf('@raid') + 1;
    const before = { actor: hover(corpus, 'c.txt', at)?.markdown ?? '', event: hover(corpus, 'a.txt', event)?.markdown ?? '' };
    assert.match(before.actor, /3 claims made/);
    assert.equal(hover(corpus, 'c.txt', at)?.markdown, before.actor, 'the same card while nothing changes');
    corpus.setDocument('d.txt', '---\nsource: blog\n---\n[They fled]{claim by=@rebels event=@raid outcome=repelled}\n');
    assert.match(hover(corpus, 'c.txt', at)?.markdown ?? '', /4 claims made/);
    assert.notEqual(hover(corpus, 'a.txt', event)?.markdown, before.event, 'the event table counts the new claim');
  });

  test('the cards shown last, the event’s written ahead after an edit, are those a corpus read afresh shows', () => {
    const corpus = build();
    const actor = blog.indexOf('@rebels') + 1;
    const event = wire.indexOf('@raid') + 1;
    hover(corpus, 'c.txt', actor);
    hover(corpus, 'a.txt', event);
    const added = '---\nsource: blog\n---\n[They fled]{claim by=@rebels event=@raid outcome=repelled killed=40}\n';
    corpus.setDocument('d.txt', added);
    prepareCards(corpus);
    const fresh = corpusOf({ 'corroborate.yaml': registry, 'a.txt': wire, 'b.txt': paper, 'c.txt': blog, 'd.txt': added });
    assert.match(hover(corpus, 'c.txt', actor)?.markdown ?? '', /4 claims made/);
    assert.equal(hover(corpus, 'c.txt', actor)?.markdown, hover(fresh, 'c.txt', actor)?.markdown);
    assert.equal(hover(corpus, 'a.txt', event)?.markdown, hover(fresh, 'a.txt', event)?.markdown);
  });

  test('a hedged claim says so, and a claim without a known event is not compared', () => {
    const corpus = build();
    const text = '---\nsource: blog\n---\n[Maybe]{claim by=@rebels event=@raid hedged killed=10} [Else]{claim by=@rebels event=@nowhere killed=3}\n';
    corpus.setDocument('d.txt', text);
    hoverSnapshot(corpus, 'd.txt', text.indexOf('Maybe'), 'small-hedged');
    const misspelt = '[Colour]{claim by=@rebels event=@raid colour=red}';
    corpus.setDocument('e.txt', `---\nsource: blog\n---\n${misspelt}\n`);
    hoverSnapshot(corpus, 'e.txt', '---\nsource: blog\n---\n'.length + misspelt.indexOf('red'), 'small-unread-value');
    hoverSnapshot(corpus, 'd.txt', text.indexOf('killed=3') + 7, 'small-no-event');
  });

  test('a quoted value is the same value: the claim and the event table put it in words as they do the value unquoted', () => {
    const corpus = build();
    const text = '---\nsource: blog\n---\n[Some]{claim by=@army event=@raid killed="~20"}\n';
    corpus.setDocument('d.txt', text);
    const claim = hover(corpus, 'd.txt', text.indexOf('Some'));
    assert.ok(claim && visible(claim.markdown).includes('killed about 20'), claim?.markdown);
    const event = hover(corpus, 'd.txt', text.indexOf('@raid') + 1);
    const rows = tableRows(event?.markdown ?? '');
    assert.equal(rows.find((row) => row[0]?.startsWith('killed'))?.[(rows[0] ?? []).indexOf('@army')], 'not given (?) (1 doc), about 20 (1 doc)');
  });
});

describe('the event table hides nobody in conflict', () => {
  // Claimants a–f say killed=5, g says 50; h, i and j only say how, and agree.
  const claimants = 'abcdefghij'.split('');
  const registry = [
    'documents: ["*.txt"]',
    'properties: { killed: { type: count }, method: { type: text }, outcome: { type: enum, values: [captured, repelled] } }',
    `actors: { ${claimants.map((c) => `${c}: { name: Party ${c.toUpperCase()} }`).join(', ')} }`,
    'events:',
    '  raid:',
    '    name: The raid',
    '    estimate: { killed: 20..50, outcome: repelled }',
    '    assessment: "Casualty figures diverge: the army\'s is low."',
    '',
  ].join('\n');
  const claim = (by: string) => (by <= 'f' ? `killed=5` : by === 'g' ? 'killed=50' : 'method=raid');
  const files = Object.fromEntries(claimants.map((c) => [`${c}.txt`, `---\nsource: ${c}\n---\n[It happened]{claim event=@raid ${claim(c)}}.\n`]));
  const build = () => corpusOf({ 'corroborate.yaml': registry, ...files });

  test('claimants a–f say killed=5, g says 50: g is in the table, conflicting claimants first, the others cut in words', () => {
    const corpus = build();
    const card = hoverSnapshot(corpus, 'a.txt', files['a.txt'].indexOf('@raid') + 1, 'event-conflict-first');
    const rows = tableRows(card.markdown);
    const header = rows[0] ?? [];
    // Every claimant in conflict, g included, comes before those in no conflict.
    assert.deepEqual(header.slice(1, 8).sort(), ['@a', '@b', '@c', '@d', '@e', '@f', '@g']);
    assert.equal(rows.find((row) => row[0] === 'killed ⚠')?.[header.indexOf('@g')], '50 (1 doc)');
    const shown = visible(card.markdown);
    assert.ok(shown.includes(`and ${claimants.length + 1 - header.length} other claimants, none of them in conflict`), shown);
    assert.ok(!shown.includes('…'), 'a cut list says how much it cuts, in words');
    assert.deepEqual(card.showMatrix, { event: 'raid' });
  });

  test('a mention of the event leads to its claims matrix while a claim is about it, and no longer once the last one is gone', () => {
    const corpus = build();
    const mention = (file: string) => hover(corpus, file, (corpus.document(file)?.text ?? '').indexOf('@raid') + 1);
    assert.deepEqual(mention('a.txt')?.showMatrix, { event: 'raid' });
    for (const c of claimants) corpus.setDocument(`${c}.txt`, `---\nsource: ${c}\n---\n[It happened]{@raid}.\n`);
    assert.ok(mention('a.txt')?.markdown.includes('0 claims about it'), mention('a.txt')?.markdown);
    assert.equal(mention('a.txt')?.showMatrix, undefined);
  });

  test('the desk’s estimate and assessment show on the event, and the estimate on a claim of that property', () => {
    const corpus = build();
    const event = visible(hover(corpus, 'a.txt', files['a.txt'].indexOf('@raid') + 1)?.markdown ?? '');
    assert.ok(event.includes('Desk’s estimate: killed 20–50 · outcome repelled'), event);
    assert.ok(event.includes('Assessment: Casualty figures diverge: the army\'s is low.'), event);
    const claimCard = hoverSnapshot(corpus, 'g.txt', files['g.txt'].indexOf('killed=50') + 2, 'claim-desk-estimate');
    assert.ok(visible(claimCard.markdown).includes('Desk’s estimate: 20–50'));
    // A property the desk has not estimated says nothing of it.
    const method = hover(corpus, 'h.txt', files['h.txt'].indexOf('method=raid') + 2);
    assert.ok(!(method?.markdown ?? '').includes('estimate'));
  });
});

describe('the event table’s cells', () => {
  // An anonymous claimant is one in each document, but one column: its values read in the order of the documents that give them.
  const registry = [
    'documents: ["*.txt"]',
    'properties: { killed: { type: count }, outcome: { type: enum, values: [captured, repelled] } }',
    'actors: { army: { name: The army }, rebels: { name: The rebels }, locals: { name: Local sources, anonymous: true } }',
    'events:',
    '  raid: { name: The raid, disputed: { outcome: [captured, repelled] } }',
    '',
  ].join('\n');
  const files = {
    'a.txt': '---\nsource: army\n---\n[Five dead]{claim event=@raid killed=5 outcome=repelled}.\n',
    'b.txt': '---\nsource: rebels\n---\n[Fifty dead]{claim event=@raid killed=50 outcome=captured}.\n',
    'c.txt': '---\nsource: rebels\n---\n[Fifty, say locals]{claim by=@locals event=@raid killed=50}. [Taken, say locals]{claim by=@locals event=@raid outcome=?}.\n',
    'd.txt': '---\nsource: army\n---\n[Five, say locals]{claim by=@locals event=@raid killed=5}. [Maybe more]{claim by=@locals event=@raid killed=50 hedged}.\n',
  };

  test('an anonymous claimant’s documents share a column, each value with its documents, in the order the documents give them', () => {
    const corpus = corpusOf({ 'corroborate.yaml': registry, ...files });
    const card = hover(corpus, 'a.txt', files['a.txt'].indexOf('@raid') + 1)?.markdown ?? '';
    const rows = tableRows(card);
    const header = rows[0] ?? [];
    assert.equal(rows.find((row) => row[0] === 'killed ⚠')?.[header.indexOf('@locals')], '50 (2 docs), 5 (1 doc)');
    assert.equal(rows.find((row) => row[0] === 'killed ⚠')?.[header.indexOf('@army')], '5 (1 doc)');
    // outcome's two values are an acknowledged dispute, and `?` contradicts nothing: no ⚠ on that row.
    assert.equal(rows.find((row) => row[0]?.startsWith('outcome'))?.[0], 'outcome');
    assert.equal(rows.find((row) => row[0] === 'outcome')?.[header.indexOf('@locals')], 'not given (?) (1 doc)');
  });

  test('a claimant’s last claim of a value taken off takes the value out of its cell; its last claim, the claimant out of the row', () => {
    const corpus = corpusOf({ 'corroborate.yaml': registry, ...files });
    const cell = (claimant: string) => {
      const rows = tableRows(hover(corpus, 'a.txt', files['a.txt'].indexOf('@raid') + 1)?.markdown ?? '');
      const at = (rows[0] ?? []).indexOf(claimant);
      return at < 0 ? undefined : rows.find((row) => row[0]?.startsWith('killed'))?.[at];
    };
    assert.equal(cell('@locals'), '50 (2 docs), 5 (1 doc)');
    corpus.setDocument('d.txt', '---\nsource: army\n---\n[Five, say locals]{claim by=@locals event=@raid killed=5}. Maybe more.\n');
    assert.equal(cell('@locals'), '50 (1 doc), 5 (1 doc)');
    corpus.setDocument('c.txt', '---\nsource: rebels\n---\nFifty, say locals. Taken, say locals.\n');
    assert.equal(cell('@locals'), '5 (1 doc)');
    corpus.setDocument('d.txt', '---\nsource: army\n---\nFive, say locals.\n');
    assert.equal(cell('@locals'), undefined);
  });
});
