// `corroborate report` as scripts and desks run it: the built program, its
// Markdown summary of the seeds kept as a golden file, its options and exit
// codes, a closed pipe, and user text that stays text in the HTML page. The
// page itself is opened in Chromium by test/e2e/report.test.ts.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { BIN, REPO, run, tempFolder, writeCorpus } from '../support/cli';
import { matchSnapshot } from '../support/snapshot';

const REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
actors:
  army: { name: Army }
  rebels: { name: Rebels }
  wire: { name: Wire }
events:
  raid: { name: The raid }
`;

const REPORTS = {
  'a.txt': '---\nsource: wire\n---\n[They took it]{claim by=@rebels event=@raid outcome=captured}. [We held]{claim by=@army event=@raid outcome=repelled}.\n',
};

void describe('corroborate report', () => {
  void test('--format md prints the Markdown summary of the seeds (golden file)', () => {
    // From the repository's root, as the README runs the seeds: paths read seeds/….
    const result = run(['report', 'seeds', '--format', 'md'], REPO);
    assert.deepEqual([result.status, result.stderr], [0, '']);
    matchSnapshot('report/seeds.md', result.stdout);
  });

  void test('--html FILE writes the page there and prints nothing; --format html prints it', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY, ...REPORTS });
    const written = run(['report', '--html', 'report.html'], root);
    assert.deepEqual([written.status, written.stdout, written.stderr], [0, '', '']);
    const page = fs.readFileSync(path.join(root, 'report.html'), 'utf8');
    assert.match(page, /^<!DOCTYPE html>\n/);
    assert.match(page, /<td data-event="raid" data-property="outcome" data-claimant="rebels" data-state="conflicts">/);
    const printed = run(['report', '--format', 'html'], root);
    assert.deepEqual([printed.status, printed.stderr], [0, '']);
    assert.equal(printed.stdout, page);
  });

  void test('--format md --output FILE writes the summary there', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY, ...REPORTS });
    const result = run(['report', root, '--format', 'md', '--output', path.join(root, 'out', '..', 'summary.md')]);
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
    assert.equal(fs.readFileSync(path.join(root, 'summary.md'), 'utf8'), run(['report', root, '--format', 'md']).stdout);
  });

  void test('a corpus whose claims are about no event says so', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': '---\nsource: wire\n---\nNothing claimed here.\n' });
    const page = run(['report', '--format', 'html'], root);
    assert.deepEqual([page.status, page.stderr], [0, '']);
    assert.match(page.stdout, /<p>No claim is about an event of corroborate\.yaml\.<\/p>\n<p class="muted">1 event without claims: The raid <code>@raid<\/code>\.<\/p>/);
    assert.doesNotMatch(page.stdout, /<td data-state/);
    const summary = run(['report', '--format', 'md'], root);
    assert.match(summary.stdout, /No claim is about an event of corroborate\.yaml\.\n\n1 event without claims: The raid `@raid`\.\n/);
  });

  void test('exits 1 when the corpus has errors, and still writes the report', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY, ...REPORTS, 'b.txt': '---\nsource: wire\n---\n[x]{claim event=@nowhere outcome=captured}\n' });
    const result = run(['report', '--html', 'report.html'], root);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^corroborate: the corpus has 1 error: what they concern may be missing from the report \(run corroborate check\)\n$/);
    assert.match(fs.readFileSync(path.join(root, 'report.html'), 'utf8'), /corroborate check finds 1 error,/);
  });

  void test('exits 2 on a usage error or when the page cannot be written', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY, ...REPORTS });
    const cases: [string[], RegExp][] = [
      [['report'], /report needs --html FILE or --format md/],
      [['report', '--html', 'a.html', '--format', 'md'], /use it without --format and --output/],
      [['report', '--html', 'a.html', '--output', 'b.html'], /use it without --format and --output/],
      [['report', '--format', 'pdf'], /argument 'pdf' is invalid/],
      [['report', '--html', path.join('missing', 'report.html')], /^corroborate: cannot write missing\/report\.html: ENOENT/],
      [['report', tempFolder('empty'), '--format', 'md'], /corroborate\.yaml/],
    ];
    for (const [args, message] of cases) {
      const result = run(args, root);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stdout, '', args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
    }
    assert.deepEqual(fs.readdirSync(root).sort(), ['a.txt', 'corroborate.yaml']);
  });

  void test('a closed pipe stops the output quietly, with the run’s exit code', async () => {
    // Far more than a pipe holds: a report's length grows with events and claimants, not claims.
    const events = Array.from({ length: 500 }, (_, k) => `  event-${k}: { name: Event number ${k} }\n`).join('');
    const claims = Array.from({ length: 500 }, (_, k) => `[x]{claim by=@rebels event=@event-${k} outcome=captured}`).join(' ');
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY.replace('events:\n', `events:\n${events}`), 'a.txt': `---\nsource: wire\n---\n${claims}\n` });
    for (const format of ['md', 'html']) {
      const child = spawn(process.execPath, [BIN, 'report', '--format', format], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => (stderr += chunk));
      await once(child.stdout, 'data');
      child.stdout.destroy();
      const [status, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
      assert.deepEqual({ status, signal, stderr }, { status: 0, signal: null, stderr: '' }, format);
    }
  });

  void test('acknowledged disputes are counted as check counts them: "2 information", not "2 informations"', () => {
    const root = writeCorpus({
      'corroborate.yaml': REGISTRY.replace('  raid: { name: The raid }', '  raid: { name: The raid, disputed: { outcome: [captured, repelled] } }'),
      ...REPORTS,
    });
    const summary = run(['report', '--format', 'md'], root);
    assert.equal(summary.status, 0, summary.stderr);
    assert.ok(summary.stdout.includes('acknowledged disputes: 1 property, 2 cells, 2 information\n'), summary.stdout);
    const page = run(['report', '--format', 'html'], root);
    assert.ok(page.stdout.includes('1 property, 2 cells, 2 information<'), page.stdout);
    assert.ok(!page.stdout.includes('informations'));
  });

  void test('a quoted value is the same value: the matrix puts it in words as it does the value unquoted', () => {
    const registry = `${REGISTRY.replace('properties:\n', 'properties:\n  killed: { type: count }\n  date: { type: date }\n')}`;
    const root = writeCorpus({
      'corroborate.yaml': registry,
      'a.txt': '---\nsource: wire\n---\n[a]{claim by=@rebels event=@raid killed=">=20" date="2023-11-24..2023-11-25"} [b]{claim by=@army event=@raid killed="~5"}\n',
    });
    const summary = run(['report', '--format', 'md'], root);
    assert.equal(summary.status, 0, summary.stderr);
    assert.ok(summary.stdout.includes('- Rebels: ≥ 20 (1 report) — *conflicts*'), summary.stdout);
    assert.ok(summary.stdout.includes('- Army: about 5 (1 report) — *conflicts*'), summary.stdout);
    assert.ok(summary.stdout.includes('- Rebels: 2023-11-24 to 2023-11-25 (1 report) — *single*'), summary.stdout);
    const page = run(['report', '--format', 'html'], root);
    assert.equal(page.status, 0, page.stderr);
    assert.match(page.stdout, /data-claimant="rebels" data-state="conflicts"><b>≥ 20<\/b>/);
    assert.doesNotMatch(page.stdout, /&quot;(&gt;=20|~5|2023-11-24)/);
  });

  void test('names, descriptions and assessments stay text: no markup of theirs reaches the page or the summary', () => {
    const hostile = `<script>alert("name")</script> & 'quotes' "too" <img src=x onerror=alert(1)>`;
    const registry = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled], description: '<b>bold</b>' }
actors:
  army: { name: '${hostile.replace(/'/g, "''")}' }
  rebels: { name: Rebels | pipes *stars* }
  wire: { name: "Wire</td></tr></table>" }
events:
  raid:
    name: '${hostile.replace(/'/g, "''")}'
    description: "</details><script>alert(2)</script>"
    assessment: "<!-- --> ]]> \\u001b[31m"
`;
    const root = writeCorpus({ 'corroborate.yaml': registry, ...REPORTS });
    const page = run(['report', '--format', 'html'], root);
    assert.equal(page.status, 0, page.stderr);
    // The page's own script, and no other element from the registry's text.
    assert.equal(page.stdout.match(/<script/g)?.length, 1);
    assert.doesNotMatch(page.stdout, /<img src|<b>bold|Wire<\/td>|<!-- -->|<\/details><script>/);
    assert.ok(page.stdout.includes('&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; &quot;too&quot; &lt;img src=x onerror=alert(1)&gt;'));
    const summary = run(['report', '--format', 'md'], root);
    assert.equal(summary.status, 0, summary.stderr);
    // Markdown renders \< as a plain <; the terminal's escape character is written as text.
    assert.doesNotMatch(summary.stdout, /(?<!\\)<(script|img)/);
    assert.ok(!summary.stdout.includes('\u001b') && summary.stdout.includes('\\u001b'));
    assert.ok(summary.stdout.includes('\\<script\\>alert("name")'));
    assert.ok(summary.stdout.includes('Rebels \\| pipes \\*stars\\*'));
  });

  void test('an entity reference in a name stays the characters written: the summary does not render "AT&amp;T" as "AT&T"', () => {
    const root = writeCorpus({ 'corroborate.yaml': REGISTRY.replace('name: Rebels', 'name: "AT&amp;T &lt;b&gt;"'), ...REPORTS });
    const summary = run(['report', '--format', 'md'], root);
    assert.equal(summary.status, 0, summary.stderr);
    const rendered = new MarkdownIt().render(summary.stdout);
    assert.ok(rendered.includes('AT&amp;amp;T &amp;lt;b&amp;gt;'), rendered);
  });
});
