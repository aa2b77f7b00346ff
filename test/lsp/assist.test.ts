// The annotation assist in the editor, over stdio as any LSP editor meets
// it: `possible-claim` hints on open reports only (pulled too, after edits
// that touch other open reports), "Annotate as claim"
// applied as the client applies a workspace edit (the article unchanged,
// `check` still clean), "Annotate all", "Not a claim" kept in the report
// across a restart, "Annotate selection as claim", and hint positions in
// UTF-16 past a BOM, accents, emoji, Arabic and every line ending.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { CodeActionRequest, DidChangeConfigurationNotification, type CodeAction, type Diagnostic, type Position, type Range } from 'vscode-languageserver-protocol/node';
import { suggestionsFor } from '../../server/src/engine/assist/finder';
import { articleText, parseDocument } from '../../server/src/engine/parser';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { stripClaims } from '../support/claims';
import { checkOutput } from '../support/diagnostics';
import { SEEDS } from '../support/tempFolder';
import { applyEdits, copySeeds, editsByUri, LspClient, stopServers, uriOf, writeCorpus, type ClientOptions } from './lspClient';

after(stopServers);

const REPORT = '002_bf727807ddea604f.txt';

/** The LSP position of an offset: UTF-16 units after the last line break (\r\n, \n or a lone \r). */
function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

function possibleClaims(client: LspClient, uri: string): Diagnostic[] {
  return client.diagnosticsOf(uri).filter((d) => d.code === 'possible-claim');
}

async function actionsAt(client: LspClient, uri: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<CodeAction[]> {
  return ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only !== undefined ? { only } : {}) } })) ?? []) as CodeAction[];
}

/** The text after a code action's edit of `uri`, applied as an editor applies it; asserts the edit names the buffer's version when versioned. */
function applied(action: CodeAction, uri: string, text: string, version?: number): string {
  assert.ok(action.edit, `${action.title} has an edit`);
  const byUri = editsByUri(action.edit);
  assert.deepEqual([...byUri.keys()], [uri], `${action.title} edits the report only`);
  const entry = byUri.get(uri);
  assert.ok(entry);
  if (version !== undefined) assert.equal(entry.version, version, `${action.title} names the buffer's version`);
  return applyEdits(text, entry.edits);
}

function articleOf(text: string): string {
  return articleText(parseDocument(text)).text;
}

/** The seeds with one report's claims taken off, on disk, and a server on them with that report open. */
async function strippedSeeds(options: ClientOptions = { versionedEdits: true }): Promise<{ dir: string; client: LspClient; uri: string; text: string }> {
  const dir = copySeeds();
  const text = stripClaims(fs.readFileSync(path.join(dir, REPORT), 'utf8'));
  fs.writeFileSync(path.join(dir, REPORT), text);
  const client = await LspClient.start(dir, options);
  const uri = uriOf(dir, REPORT);
  await client.open(uri, text);
  await client.waitFor('possible claims on the open report', () => possibleClaims(client, uri).length > 0);
  return { dir, client, uri, text };
}

describe('possible-claim hints', () => {
  test('an open report shows one hint per suggested claim, naming claimant, event and values; a closed one shows none', async () => {
    const { dir, client, uri, text } = await strippedSeeds();
    const hints = possibleClaims(client, uri);
    const corpus = await loadCorpus(dir);
    const suggestions = suggestionsFor(corpus, REPORT);
    assert.equal(hints.length, suggestions.length, 'one hint per suggestion `corroborate suggest` lists');
    for (const [k, hint] of hints.entries()) {
      const suggestion = suggestions[k];
      const message = typeof hint.message === 'string' ? hint.message : hint.message.value;
      assert.deepEqual(hint.range, { start: positionAt(text, suggestion.start), end: positionAt(text, suggestion.end) });
      assert.equal(hint.severity, 4, 'a hint');
      if (suggestion.claimant !== null) assert.ok(message.includes(`@${suggestion.claimant}`), message);
      if (suggestion.event !== null) assert.ok(message.includes(`@${suggestion.event}`), message);
      for (const property of suggestion.properties) assert.ok(message.includes(`${property.key}=${property.value}`), message);
    }
    // Another report of the corpus, not open: its diagnostics hold no hint at all.
    const closed = uriOf(dir, '000_ad34e4e326f002f7.txt');
    await client.waitFor('the closed report’s diagnostics', () => client.diagnosticsOf(closed).length > 0);
    assert.deepEqual(
      client.diagnosticsOf(closed).filter((d) => d.severity === 4),
      [],
    );
  });

  test('"Annotate as claim" wraps the passage in the claim its title shows; the article is unchanged and check stays clean', async () => {
    const { dir, client, uri, text } = await strippedSeeds();
    const hints = possibleClaims(client, uri);
    const hint = hints[1];
    const actions = await actionsAt(client, uri, hint.range, [hint]);
    const annotate = actions.find((a) => a.title.startsWith('Annotate as claim: '));
    assert.ok(annotate, `an annotate action among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(annotate.kind, 'quickfix');
    assert.equal(annotate.isPreferred, true);
    const after = applied(annotate, uri, text, client.versionOf(uri));
    assert.equal(articleOf(after), articleOf(text), 'the article text is unchanged');
    const block = `{claim ${annotate.title.slice('Annotate as claim: '.length)}}`;
    assert.ok(after.includes(block), `the edit writes ${block}`);
    fs.writeFileSync(path.join(dir, REPORT), after);
    const checked = checkOutput(await loadCorpus(dir));
    assert.deepEqual(checked.diagnostics.filter((d) => d.severity === 'error' && d.file === REPORT), [], 'no error in the annotated report');
    assert.equal(checked.claims, 66 - countClaims(fs.readFileSync(path.join(SEEDS, REPORT), 'utf8')) + 1, 'one claim more');

    await client.change(uri, after);
    await client.waitFor('one hint fewer', () => possibleClaims(client, uri).length === hints.length - 1);
  });

  test('a pull client gets the edited report\'s possible claims after an edit that touches the other reports it has open, as after one that touches none', async () => {
    const dir = copySeeds();
    const text = stripClaims(fs.readFileSync(path.join(dir, REPORT), 'utf8'));
    fs.writeFileSync(path.join(dir, REPORT), text);
    const client = await LspClient.start(dir, { pullsDiagnostics: true, versionedEdits: true });
    await client.waitFor('the corpus indexed', () => client.corpusDocuments.length > 0);
    const uri = uriOf(dir, REPORT);
    // The other reports, open as well: the claim annotated below is about an event they make claims about.
    const others = fs.readdirSync(dir).filter((file) => file.endsWith('.txt') && file !== REPORT);
    for (const file of others) {
      await client.open(uriOf(dir, file), fs.readFileSync(path.join(dir, file), 'utf8'));
      await client.pullDocument(uriOf(dir, file));
    }
    await client.open(uri, text);
    /** Pulls the report at each refresh, as VS Code pulls the documents it shows, until it shows `count` possible claims. */
    const pullUntil = async (what: string, count: (n: number) => boolean) => {
      for (;;) {
        const refreshes = client.refreshes.diagnostics;
        await client.pullDocument(uri);
        if (count(possibleClaims(client, uri).length)) return;
        await client.waitFor(what, () => client.refreshes.diagnostics > refreshes);
      }
    };
    await pullUntil('the possible claims of the opened report', (n) => n > 0);
    const hints = possibleClaims(client, uri);
    const hint = hints[1];
    const annotate = (await actionsAt(client, uri, hint.range, [hint])).find((a) => a.title.startsWith('Annotate as claim: '));
    assert.ok(annotate);
    const after = applied(annotate, uri, text, client.versionOf(uri));
    const event = /event=(@[\w-]+)/.exec(annotate.title)?.[1];
    assert.ok(event !== undefined && others.some((file) => fs.readFileSync(path.join(dir, file), 'utf8').includes(`event=${event}`)), 'another open report claims about the annotated claim\'s event');
    // A claim more in the corpus: its cues are learnt again before the report is read for claims.
    await client.change(uri, after);
    await pullUntil('one possible claim fewer', (n) => n === hints.length - 1);
    // Typing in the report alone touches no other report.
    await client.change(uri, `${after}\nSelon le maire, 12 civils ont été tués.\n`);
    await pullUntil('the possible claims of the typed sentence', (n) => n > hints.length - 1);
  });

  test('"Annotate all N suggested claims" (a fix and a source action) writes every suggestion; no hint is left', async () => {
    const { client, uri, text } = await strippedSeeds({ versionedEdits: false });
    const hints = possibleClaims(client, uri);
    const title = `Annotate all ${hints.length} suggested claims in this document`;
    const fix = (await actionsAt(client, uri, hints[0].range, [hints[0]])).find((a) => a.title === title);
    assert.ok(fix, title);
    assert.equal(fix.kind, 'quickfix');
    const source = (await actionsAt(client, uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['source'])).filter((a) => a.title === title);
    assert.equal(source.length, 1, 'offered as a source action anywhere in the report');
    assert.equal(source[0].kind, 'source.corroborate.annotateClaims');
    const after = applied(source[0], uri, text);
    assert.equal(articleOf(after), articleOf(text));
    assert.deepEqual(parseDocument(after).problems, []);
    assert.equal(countClaims(after), hints.length);
    await client.change(uri, after);
    await client.waitFor('no hint left', () => possibleClaims(client, uri).length === 0);
    // Asked only for fixes, no source action comes back.
    const fixesOnly = await actionsAt(client, uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], ['quickfix']);
    assert.ok(fixesOnly.every((a) => a.kind === 'quickfix'), fixesOnly.map((a) => a.kind).join());
  });

  test('"Not a claim" records the dismissal in the front matter: the hint goes, and stays gone after a restart and in suggest', async () => {
    const { dir, client, uri, text } = await strippedSeeds();
    const hints = possibleClaims(client, uri);
    const hint = hints[0];
    const dismiss = (await actionsAt(client, uri, hint.range, [hint])).find((a) => a.title.startsWith('Not a claim'));
    assert.ok(dismiss, 'a Not a claim action');
    const after = applied(dismiss, uri, text, client.versionOf(uri));
    assert.equal(articleOf(after), articleOf(text), 'the article text is unchanged');
    assert.match(after, /\nnot-claims:\n {2}- "[^"\n]+"\n---\n/);
    await client.change(uri, after);
    await client.waitFor('the dismissed hint gone', () => possibleClaims(client, uri).length === hints.length - 1);
    assert.ok(!possibleClaims(client, uri).some((d) => d.range.start.line === hint.range.start.line && d.range.start.character === hint.range.start.character));
    assert.deepEqual(client.diagnosticsOf(uri).filter((d) => d.code === 'front-matter'), []);

    // Saved, and read by a new server: still dismissed.
    fs.writeFileSync(path.join(dir, REPORT), after);
    const again = await LspClient.start(dir);
    await again.open(uri, after);
    await again.waitFor('the hints after a restart', () => possibleClaims(again, uri).length > 0);
    assert.equal(possibleClaims(again, uri).length, hints.length - 1);
    // And `suggest` honours it: the engine reads the dismissal once, for both.
    assert.equal(suggestionsFor(await loadCorpus(dir), REPORT).length, hints.length - 1);
  });

  test('"Annotate selection as claim" on a selection reads its claimant and values, and grows it rather than cut a mention', async () => {
    const { client, uri, text } = await strippedSeeds();
    // From inside the mention "[L'armée malienne]{@fama}" to the verb: less than the suggested passage.
    const from = text.indexOf("armée malienne]{@fama} a assuré");
    const to = text.indexOf('repoussé', from) + 'repoussé'.length;
    assert.ok(from > 0 && to > from);
    const actions = await actionsAt(client, uri, { start: positionAt(text, from), end: positionAt(text, to) });
    const annotate = actions.find((a) => a.title.startsWith('Annotate selection as claim'));
    assert.ok(annotate, `among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(annotate.kind, 'refactor.rewrite');
    assert.match(annotate.title, /by=@fama/);
    const after = applied(annotate, uri, text, client.versionOf(uri));
    assert.equal(articleOf(after), articleOf(text));
    assert.deepEqual(parseDocument(after).problems, []);
    assert.ok(after.includes("[[L'armée malienne]{@fama} a assuré"), 'the mention is inside the new claim, whole');
    // A selection inside a block offers no such action.
    const block = text.indexOf('{@fama}') + 2;
    const inBlock = await actionsAt(client, uri, { start: positionAt(text, block), end: positionAt(text, block + 3) });
    assert.ok(!inBlock.some((a) => a.title.startsWith('Annotate selection as claim')));
  });
});

function countClaims(text: string): number {
  return parseDocument(text).spans.filter((span) => span.block.kind === 'claim').length;
}

describe('possible-claim positions', () => {
  const REGISTRY = [
    'documents: ["*.txt"]',
    'properties:',
    '  killed: { type: count, cues: [tués, killed, قتلى, قتل] }',
    '  date: { type: date }',
    'actors:',
    '  afp: { name: AFP }',
    '  fama: { name: FAMa, aliases: [armée malienne, army, الجيش] }',
    'events:',
    '  attack: { name: Attack, date: 2023-11-24 }',
    '',
  ].join('\n');
  const cases = [
    { name: 'accents and emoji, LF', eol: '\n', bom: false, body: 'Le café 🎉 ouvre. Selon l’armée malienne, une cinquantaine de soldats ont été tués vendredi à Niafunké.' },
    { name: 'Arabic, CRLF', eol: '\r\n', bom: false, body: 'قال الجيش إن نحو خمسين جنديا قتلوا يوم الجمعة في الهجوم.' },
    { name: 'a BOM and lone CR', eol: '\r', bom: true, body: 'Emoji 👍🏽 first. The army said 12 soldiers were killed on Friday in the attack.' },
  ];
  for (const c of cases) {
    test(`hint ranges are UTF-16 positions: ${c.name}`, async () => {
      const text = ['---', 'source: afp', 'published: 2023-11-25', '---', '', c.body, ''].join(c.eol);
      const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': (c.bom ? '\uFEFF' : '') + text });
      const client = await LspClient.start(dir);
      const uri = uriOf(dir, 'a.txt');
      await client.open(uri, text);
      await client.waitFor('a possible claim', () => possibleClaims(client, uri).length > 0);
      const corpus = await loadCorpus(dir);
        const suggestions = suggestionsFor(corpus, 'a.txt');
      assert.ok(suggestions.length > 0);
      assert.deepEqual(
        possibleClaims(client, uri).map((d) => d.range),
        suggestions.map((s) => ({ start: positionAt(text, s.start), end: positionAt(text, s.end) })),
      );
      assert.ok(suggestions.some((s) => s.properties.some((p) => p.key === 'killed')), JSON.stringify(suggestions.map((s) => s.markup)));
      const hint = possibleClaims(client, uri)[0];
      const annotate = (await actionsAt(client, uri, hint.range, [hint])).find((a) => a.title.startsWith('Annotate as claim'));
      assert.ok(annotate);
      const after = applied(annotate, uri, text);
      assert.equal(articleOf(after), articleOf(text));
      assert.deepEqual(parseDocument(after).problems, []);
      const dismiss = (await actionsAt(client, uri, hint.range, [hint])).find((a) => a.title.startsWith('Not a claim'));
      assert.ok(dismiss);
      const dismissed = applied(dismiss, uri, text);
      assert.ok(dismissed.includes(`not-claims:${c.eol}  - "`), 'the new lines end as the file’s do');
      await client.change(uri, dismissed);
      await client.waitFor('the hint dismissed', () => possibleClaims(client, uri).length === suggestions.length - 1);
    });
  }
});

describe('"Annotate selection as claim" and what its words do not give', () => {
  const REGISTRY = ['documents: ["*.txt"]', 'properties:', '  killed: { type: count }', 'places:', '  kera: { name: Kera, aliases: [Kera] }', 'events:', '  attack: { name: Attack }', ''].join('\n');
  // No `source:` (so no claimant), no event named, no value; a `$` and a mention's braces, which a snippet must escape.
  const TEXT = ['---', 'published: 2024-03-05', '---', '', 'Des maisons (5 000 $ chacune) ont brûlé à [Kera]{@kera} dans la nuit.', ''].join('\r\n');
  const SELECTED = 'Des maisons (5 000 $ chacune) ont brûlé à [Kera]{@kera}';

  /** A snippet as the editor inserts it when the analyst types nothing: each placeholder's default text, escapes read. */
  function expandDefaults(snippet: string): string {
    let out = '';
    for (let i = 0; i < snippet.length; i++) {
      const c = snippet[i];
      if (c === '\\') out += snippet[++i];
      else if (c === '$' && snippet[i + 1] === '{') {
        const close = snippet.indexOf('}', i);
        out += snippet.slice(snippet.indexOf(':', i) + 1, close);
        i = close;
      } else if (c === '$') while (/\d/u.test(snippet[i + 1] ?? '')) i++;
      else out += c;
    }
    return out;
  }

  async function selectionAction(snippetEdits: boolean): Promise<{ action: CodeAction; client: LspClient; uri: string }> {
    const dir = writeCorpus({ 'corroborate.yaml': REGISTRY, 'a.txt': TEXT });
    const client = await LspClient.start(dir, { versionedEdits: true, snippetEdits });
    const uri = uriOf(dir, 'a.txt');
    await client.open(uri, TEXT);
    const from = TEXT.indexOf(SELECTED);
    const actions = await actionsAt(client, uri, { start: positionAt(TEXT, from), end: positionAt(TEXT, from + SELECTED.length) });
    const action = actions.find((a) => a.title.startsWith('Annotate selection as claim'));
    assert.ok(action, `among: ${actions.map((a) => a.title).join(' | ')}`);
    return { action, client, uri };
  }

  test('where the client takes snippet edits, the cursor goes to the claimant, the event and the values, and what it holds meanwhile parses', async () => {
    const { action, client, uri } = await selectionAction(true);
    const change = action.edit?.documentChanges?.[0];
    assert.ok(change && 'edits' in change && change.textDocument.uri === uri);
    assert.equal(change.textDocument.version, client.versionOf(uri));
    assert.equal(change.edits.length, 1);
    const edit = change.edits[0];
    assert.ok('snippet' in edit, JSON.stringify(edit));
    assert.equal(edit.snippet.kind, 'snippet');
    assert.equal(
      edit.snippet.value,
      '[Des maisons (5 000 \\$ chacune) ont brûlé à [Kera]{@kera\\}]{claim by=@${1:claimant} event=@${2:event} $3\\}',
    );
    const after = applyEdits(TEXT, [{ range: edit.range, newText: expandDefaults(edit.snippet.value) }]);
    assert.equal(articleOf(after), articleOf(TEXT));
    assert.deepEqual(parseDocument(after).problems, []);
    const claim = parseDocument(after).spans.find((span) => span.block.kind === 'claim');
    assert.ok(claim?.block.kind === 'claim');
    assert.ok(claim.block.by !== undefined && claim.block.event !== undefined && claim.block.rejected.length === 0, after);
    assert.ok(after.includes(`[${SELECTED}]{claim by=@claimant event=@event }`), after);
  });

  test('without snippet edits, what the words do not give is left out, never left blank', async () => {
    const { action, uri } = await selectionAction(false);
    assert.equal(action.title, 'Annotate selection as claim');
    const after = applied(action, uri, TEXT);
    assert.ok(after.includes(`[${SELECTED}]{claim}`), after);
    assert.equal(articleOf(after), articleOf(TEXT));
    assert.deepEqual(parseDocument(after).problems, []);
  });
});

describe('the setting corroborate.hintPossibleClaims', () => {
  test('turned off, an open report shows no possible claim and offers no fix for one; on again, they come back', async () => {
    const settings: Record<string, unknown> = { hintPossibleClaims: true };
    const { client, uri } = await strippedSeeds({ settings });
    const hint = possibleClaims(client, uri)[0];
    const annotates = async () => (await actionsAt(client, uri, hint.range, [hint])).some((a) => a.title.startsWith('Annotate as claim'));
    assert.ok(await annotates());

    settings.hintPossibleClaims = false;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.waitFor('the possible claims gone', () => possibleClaims(client, uri).length === 0);
    assert.equal(await annotates(), false, 'no fix for a hint the editor no longer shows');
    // The report's other diagnostics are still shown.
    assert.ok(client.publishedUris.has(uri));

    settings.hintPossibleClaims = true;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    await client.waitFor('possible claims once turned on again', () => possibleClaims(client, uri).length > 0);
    assert.ok(await annotates());
  });
});
