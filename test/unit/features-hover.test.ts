import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { Corpus } from '../../server/src/engine/corpus';
import { hover } from '../../server/src/features/hover';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';

const SEEDS = path.join(__dirname, '..', '..', 'seeds');
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

describe('hover on the sample corpus', () => {
  let root: string;
  let corpus: Corpus;
  const afp = '002_bf727807ddea604f.txt';
  const text = (file: string) => corpus.document(file)?.text ?? '';

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-hover-'));
    fs.cpSync(SEEDS, root, { recursive: true });
    corpus = await loadCorpus(root);
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the GSIM mention in the AFP report shows JNIM’s card with its aliases and footprint', () => {
    const span = '[Le GSIM]{@jnim}';
    const at = text(afp).indexOf(span);
    assert.ok(at > 0);
    const card = hover(corpus, afp, at + '[Le G'.length);
    assert.ok(card);
    assert.deepEqual(card.range, { start: at, end: at + span.length });
    const shown = visible(card.markdown);
    assert.match(shown, /^Le GSIM → @jnim$/m);
    assert.match(shown, /^Jama'at Nusrat al-Islam wal-Muslimin \(JNIM\) @jnim$/m);
    assert.match(shown, /^actor · armed-group$/m);
    const aliases = shown.split('\n').find((line) => line.startsWith('Aliases: '));
    assert.ok(aliases?.slice('Aliases: '.length).split(', ').includes('GSIM'));
    assert.match(shown, /Affiliated with: al-Qaïda @al-qaida/);

    const referencing = corpus.files().filter((file) => /@jnim(?![\w-])/.test(text(file)));
    let mentions = 0;
    for (const file of corpus.files()) {
      for (const s of corpus.document(file)?.parsed.spans ?? []) if (s.block.kind === 'mention') mentions += s.block.refs.filter((r) => r.id === 'jnim').length;
    }
    assert.match(shown, new RegExp(`In the corpus: ${referencing.length} documents · ${mentions} mentions · `));
    // JNIM's "captured" against the army's "repelled" warns on every report.
    assert.match(shown, /· [1-9]\d* contradictions on its claims/);
  });

  test('a JNIM outcome=captured claim lists the army’s “repelled” as contradicting and the origins that corroborate', () => {
    const at = text(afp).indexOf('outcome=captured');
    const card = hover(corpus, afp, at + 'outcome=cap'.length);
    assert.ok(card);
    assert.deepEqual(card.range, { start: at, end: at + 'outcome=captured'.length });
    const shown = visible(card.markdown);
    assert.match(shown, /^@jnim claims, about Attack on the Niafunké camp: /m);
    assert.match(shown, /^Reported by @afp$/m);

    // Independent origins: front matter origin, else source; this report's own origin does not count.
    const byJnimCaptured = /\{claim by=@jnim event=@niafunke-attack[^}]*outcome=captured/;
    const origins = new Set<string>();
    for (const file of corpus.files()) {
      const front = corpus.document(file)?.frontMatter;
      if (byJnimCaptured.test(text(file))) origins.add(front?.origin?.value ?? front?.source?.value ?? '');
    }
    origins.delete('afp');
    assert.ok(origins.size > 0);
    const corroborated = shown.split('\n').find((line) => line.includes('Corroborated'));
    assert.ok(corroborated?.startsWith(`✓ Corroborated by ${origins.size} independent origin${origins.size > 1 ? 's' : ''} besides this report’s @afp: `), corroborated);
    for (const origin of origins) assert.ok(corroborated?.includes(`@${origin} (`), `${origin} in ${corroborated}`);

    const repelled = [...corpus.files()].reduce((n, file) => n + (text(file).match(/\{claim by=@fama event=@niafunke-attack[^}]*outcome=repelled/g)?.length ?? 0), 0);
    assert.match(shown, /✗ Contradicted by/);
    assert.match(shown, new RegExp(`@fama: repelled — ${repelled} claims`));
  });

  test('hovering a claim’s text puts every property in words', () => {
    const at = text(afp).indexOf('a revendiqué la prise');
    const card = hover(corpus, afp, at);
    assert.ok(card);
    const claimStart = text(afp).lastIndexOf('[[Le Groupe de soutien', at);
    assert.equal(card.range.start, claimStart);
    const shown = visible(card.markdown);
    assert.match(shown, /outcome captured, place Région de Tombouctou, date 2023-11-24/);
    for (const key of ['attacker', 'outcome', 'place', 'date']) assert.match(shown, new RegExp(`^${key} = `, 'm'));
  });

  test('an event ref shows the claims as a property × claimant table', () => {
    const ref = '@niafunke-attack';
    const at = text(afp).indexOf(ref);
    const card = hover(corpus, afp, at + 3);
    assert.ok(card);
    assert.deepEqual(card.range, { start: at, end: at + ref.length });
    const shown = visible(card.markdown);
    assert.match(shown, /^Attack on the Niafunké camp @niafunke-attack$/m);
    assert.match(shown, /Date: 2023-11-24 · Place: Niafunké @niafunke/);
    const rows = tableRows(card.markdown);
    const header = rows[0] ?? [];
    const outcome = rows.find((row) => row[0]?.startsWith('outcome'));
    assert.ok(outcome, 'a row for outcome');
    for (const row of rows) assert.equal(row.length, header.length);
    const jnimDocs = corpus.files().filter((file) => /\{claim by=@jnim event=@niafunke-attack[^}]*outcome=captured/.test(text(file))).length;
    assert.equal(outcome[header.indexOf('@jnim')], `captured (${jnimDocs} docs)`);
    assert.match(outcome[header.indexOf('@fama')] ?? '', /^repelled \(\d+ docs\)$/);
    assert.match(outcome[0] ?? '', /⚠/, 'the contested row is marked');
  });

  test('a front matter origin shows the outlet’s footprint', () => {
    const republication = '000_ad34e4e326f002f7.txt';
    const at = text(republication).indexOf('origin: afp') + 'origin: '.length;
    const card = hover(corpus, republication, at + 1);
    assert.ok(card);
    assert.deepEqual(card.range, { start: at, end: at + 3 });
    const shown = visible(card.markdown);
    const sourceOf = corpus.files().filter((file) => /^source: afp$/m.test(text(file))).length;
    const originOf = corpus.files().filter((file) => /^origin: afp$/m.test(text(file))).length;
    assert.match(shown, new RegExp(`source of ${sourceOf} document`));
    assert.match(shown, new RegExp(`origin of ${originOf} republished document`));
  });

  test('an entity key in corroborate.yaml shows the place’s `in:` chain', () => {
    const registry = corpus.registry.text;
    const at = registry.indexOf('\n  niafunke:') + 3;
    const card = hover(corpus, 'corroborate.yaml', at);
    assert.ok(card);
    assert.equal(registry.slice(card.range.start, card.range.end), 'niafunke');
    assert.match(visible(card.markdown), /^In: Région de Tombouctou › Mali › Sahel$/m);
  });

  test('a property key in a claim explains the property after the analysis', () => {
    const at = text(afp).indexOf('casualties=>=20');
    const card = hover(corpus, afp, at + 2);
    assert.ok(card);
    const shown = visible(card.markdown);
    assert.match(shown, /^casualties = ≥ 20$/m);
    assert.match(shown, /casualties — property, count/);
    assert.match(shown, /People killed or wounded/);
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

  function build(): Corpus {
    const corpus = new Corpus(registry);
    corpus.setDocument('a.txt', wire);
    corpus.setDocument('b.txt', paper);
    corpus.setDocument('c.txt', blog);
    return corpus;
  }

  test('corroboration counts independent origins; a republication of the same origin does not count', () => {
    const corpus = build();
    const card = hover(corpus, 'a.txt', wire.indexOf('killed=10') + 'killed='.length);
    assert.ok(card);
    const shown = visible(card.markdown);
    assert.match(shown, /✓ Corroborated by 1 independent origin besides this report’s @wire: @blog \(1 document\)/);
    assert.match(shown, /@rebels: 9–11 — 1 claim, source @blog/);
    // The same claimant giving another figure is an inconsistent report, not a conflict.
    assert.match(shown, /@rebels: 12 — 1 claim, source @paper — same claimant: inconsistent reports/);
    assert.match(shown, /Not given \(\?\) by @army/);
  });

  test('agreement only within one origin is not corroboration, and an acknowledged dispute says so', () => {
    const corpus = build();
    const card = hover(corpus, 'a.txt', wire.indexOf('outcome=captured') + 'outcome='.length);
    assert.ok(card);
    const shown = visible(card.markdown);
    assert.match(shown, /Repeated only within this report’s origin @wire: no independent corroboration/);
    assert.match(shown, /@rebels: withdrawn — 1 claim, source @paper/);
    assert.match(shown, /@army: repelled — 1 claim, source @blog — acknowledged dispute/);

    // A third value is not part of the acknowledged dispute.
    const withdrawn = hover(corpus, 'b.txt', paper.indexOf('outcome=withdrawn') + 'outcome='.length);
    const other = visible(withdrawn?.markdown ?? '');
    assert.match(other, /@army: repelled — 1 claim, source @blog$/m);
  });

  test('user text cannot break the Markdown: names stay literal, a `|` in a value keeps the table’s columns', () => {
    const corpus = build();
    const card = hover(corpus, 'c.txt', blog.indexOf('@army') + 1);
    assert.ok(card);
    assert.ok(visible(card.markdown).includes('Army | *Forces* [armées] _x_ @army'));
    assert.equal(firstBold(card.markdown), 'Army | *Forces* [armées] _x_');

    const event = hover(corpus, 'a.txt', wire.indexOf('@raid') + 1);
    assert.ok(event);
    const shown = visible(event.markdown);
    assert.match(shown, /^Disputed: outcome — captured \/ repelled$/m);
    assert.match(shown, /^Assessment: Both sides claim it\.$/m);
    const rows = tableRows(event.markdown);
    const header = rows[0] ?? [];
    for (const row of rows) assert.equal(row.length, header.length);
    const method = rows.find((row) => row[0] === 'method');
    assert.equal(method?.[header.indexOf('@rebels')], '“car|bomb” (1 doc)');
    // Only captured/repelled is acknowledged: withdrawn against repelled still warns, so the row is marked.
    assert.equal(rows.find((row) => row[0]?.startsWith('outcome'))?.[0], 'outcome ⚠');
    assert.match(shown, /^⚠ claims on this property contradict each other$/m);
  });

  test('a hedged claim says so, and a claim without a known event is not compared', () => {
    const corpus = build();
    const text = '---\nsource: blog\n---\n[Maybe]{claim by=@rebels event=@raid hedged killed=10} [Else]{claim by=@rebels event=@nowhere killed=3}\n';
    corpus.setDocument('d.txt', text);
    const hedged = hover(corpus, 'd.txt', text.indexOf('Maybe'));
    assert.match(visible(hedged?.markdown ?? ''), /hedged \(conditional or unconfirmed wording\)/);
    const misspelt = '[Colour]{claim by=@rebels event=@raid colour=red}';
    corpus.setDocument('e.txt', `---\nsource: blog\n---\n${misspelt}\n`);
    const unread = hover(corpus, 'e.txt', '---\nsource: blog\n---\n'.length + misspelt.indexOf('red'));
    assert.match(visible(unread?.markdown ?? ''), /^colour=red is not read: see the problem reported on it$/m);
    const orphan = hover(corpus, 'd.txt', text.indexOf('killed=3') + 7);
    const shown = visible(orphan?.markdown ?? '');
    assert.match(shown, /about no known event/);
    assert.match(shown, /not compared: the claim needs a known event and claimant/);
  });
});
