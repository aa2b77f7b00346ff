// Code lenses, inlay hints and the ways to the claims matrix, over stdio as
// any LSP editor asks for them: the lens's title, command and arguments, hint
// positions in UTF-16 past a BOM, emoji, Arabic and every line ending, the
// settings that switch them, and the refreshes an edit elsewhere asks for.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  CodeActionRequest,
  CodeLensRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  InlayHintRequest,
  type CodeAction,
  type MarkupContent,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { copySeeds, LspClient, stopServers, uriOf, writeCorpus } from './lspClient';

after(stopServers);

const REPORT = '002_bf727807ddea604f.txt';
const MATRIX_COMMAND = 'corroborate.showClaimsMatrix';

/** The LSP position of an offset: UTF-16 units after the last line break (\r\n, \n or a lone \r). */
function positionAt(text: string, offset: number): Position {
  const lines = text.slice(0, offset).split(/\r\n|\n|\r/);
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

async function seedsServer(): Promise<{ dir: string; client: LspClient; text: string }> {
  const dir = copySeeds();
  const client = await LspClient.start(dir, { refreshesViews: true });
  await client.waitFor('the seeds’ contradictions', () => client.diagnosticsOf(uriOf(dir, REPORT)).some((d) => d.code === 'conflicting-claims'));
  return { dir, client, text: fs.readFileSync(path.join(dir, REPORT), 'utf8') };
}

describe('the claims matrix, from a lens, a hover and a quick fix', () => {
  test('a lens above the first claim of each event names its claims, origins and conflicts, and opens its matrix', async () => {
    const { dir, client, text } = await seedsServer();
    const uri = uriOf(dir, REPORT);
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    const attack = lenses.find((lens) => lens.command?.title.startsWith('niafunke-attack '));
    assert.ok(attack, `a lens for the attack among ${lenses.map((l) => l.command?.title).join(' | ')}`);
    assert.match(attack.command?.title ?? '', /^niafunke-attack · \d+ claims · 2 origins · 1 conflict — Show matrix$/);
    assert.equal(attack.command?.command, MATRIX_COMMAND);
    assert.deepEqual(attack.command?.arguments, [{ event: 'niafunke-attack', uri }]);
    // Above the report's first claim about the attack.
    const first = text.search(/\[[^\]]*\]\{claim [^}]*event=@niafunke-attack/);
    const nested = text.lastIndexOf('[[', text.indexOf('event=@niafunke-attack'));
    assert.equal(attack.range.start.line, positionAt(text, Math.min(first, nested >= 0 ? nested : first)).line);
  });

  test('an event’s hover ends with a link to its matrix; a conflict between parties offers to show it, and no fix that writes the report', async () => {
    const { dir, client, text } = await seedsServer();
    const uri = uriOf(dir, REPORT);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, text.indexOf('@niafunke-attack') + 2) });
    const markdown = (hover?.contents as MarkupContent | undefined)?.value ?? '';
    const link = /\[Show in claims matrix\]\(command:([\w.]+)\?([^ )]+)/.exec(markdown);
    assert.ok(link, markdown);
    assert.equal(link[1], MATRIX_COMMAND);
    assert.deepEqual(JSON.parse(decodeURIComponent(link[2] ?? '')), [{ event: 'niafunke-attack', uri }]);

    const conflict = client.diagnosticsOf(uri).find((d) => d.code === 'conflicting-claims' && typeof d.message === 'string' && d.message.startsWith('@jnim claims outcome=captured'));
    assert.ok(conflict, 'JNIM’s outcome=captured contradicted');
    const actions = ((await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: conflict.range, context: { diagnostics: [conflict] } })) ?? []) as CodeAction[];
    assert.equal(actions[0]?.title, 'Acknowledge the dispute over outcome (captured, repelled) in corroborate.yaml');
    assert.equal(actions[0]?.isPreferred, true);
    for (const action of actions) {
      const files = Object.keys(action.edit?.changes ?? {});
      assert.ok(files.every((file) => file === uriOf(dir, 'corroborate.yaml')), `${action.title} writes ${files.join(', ')}`);
    }
    const show = actions.find((a) => a.title === 'Show in claims matrix');
    assert.deepEqual(show?.command, { title: 'Show in claims matrix', command: MATRIX_COMMAND, arguments: [{ event: 'niafunke-attack', uri }] });
    assert.equal(show?.edit, undefined);
  });
});

describe('inlay hints over stdio', () => {
  const registry = 'documents: ["*.txt"]\nproperties: { killed: { type: count }, date: { type: date } }\nactors: { army: { name: Army } }\nevents: { raid: { name: Raid } }\n';
  // A BOM, emoji and Arabic before the values, and every kind of line ending between them.
  const report = '\uFEFF---\r\nsource: army\r\n---\r\n😀 [قتلى 😀]{claim event=@raid killed=~50}\r[x]{claim event=@raid date=2023-11}\n[y]{claim event=@raid killed=12}\r\n';

  test('after each vague value, in UTF-16 positions counted after the BOM; none after an exact one', async () => {
    const dir = writeCorpus({ 'corroborate.yaml': registry, 'a.txt': report });
    const client = await LspClient.start(dir);
    const uri = uriOf(dir, 'a.txt');
    const hints = (await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE })) ?? [];
    const text = report.slice(1);
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [positionAt(text, text.indexOf('~50') + 3), '45..55'],
        [positionAt(text, text.indexOf('2023-11') + 7), '2023-11-01..2023-11-30'],
      ],
    );
    assert.deepEqual(hints[0]?.position, { line: 3, character: '😀 [قتلى 😀]{claim event=@raid killed=~50'.length });
    // A range that holds only the second line holds only its hint.
    const second = await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } } });
    assert.deepEqual(
      (second ?? []).map((h) => h.label),
      ['2023-11-01..2023-11-30'],
    );
  });

  test('switched off and on in the settings: nothing, then the hints and lenses again, redrawn at the server’s request', async () => {
    const dir = writeCorpus({ 'corroborate.yaml': registry, 'a.txt': report });
    const client = await LspClient.start(dir, { refreshesViews: true, settings: { codeLens: false, inlayHints: false } });
    const uri = uriOf(dir, 'a.txt');
    // The settings arrive through workspace/configuration after `initialized`: switching both views off redraws them. A redraw the
    // indexing asked before the settings were read does not count (under load it came first, and the hints were still on).
    const redrawnSinceSettings = () => {
      const at = client.refreshesAtConfiguration;
      return at !== undefined && client.refreshes.codeLens > at.codeLens && client.refreshes.inlayHints > at.inlayHints;
    };
    await client.waitFor('the views redrawn under the settings', redrawnSinceSettings);
    assert.deepEqual(await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE }), []);
    assert.deepEqual(await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
    const answeredBefore = client.refreshesAtConfiguration;
    client.settings = {};
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor('both views to be redrawn', () => client.refreshesAtConfiguration !== answeredBefore && redrawnSinceSettings());
    assert.equal((await client.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: WHOLE }))?.length, 2);
    assert.equal((await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))?.length, 1);
  });
});

describe('lenses follow edits in other reports', () => {
  test('a claim typed in one report changes the lens of another, and the client is asked to redraw', async () => {
    const registry = 'documents: ["*.txt"]\nproperties: { killed: { type: count } }\nactors: { army: { name: Army }, rebels: { name: Rebels } }\nevents: { raid: { name: Raid } }\n';
    const a = '---\nsource: army\n---\n[Five]{claim event=@raid killed=5}\n';
    const b = '---\nsource: rebels\n---\nNothing yet.\n';
    const dir = writeCorpus({ 'corroborate.yaml': registry, 'a.txt': a, 'b.txt': b });
    const client = await LspClient.start(dir, { refreshesViews: true });
    const lensOfA = async () => (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf(dir, 'a.txt') } }))?.[0]?.command?.title;
    assert.equal(await lensOfA(), 'raid · 1 claim · 1 origin · no conflicts — Show matrix');
    const before = client.refreshes.codeLens;
    await client.open(uriOf(dir, 'b.txt'), b);
    await client.change(uriOf(dir, 'b.txt'), b.replace('Nothing yet.', '[Fifty]{claim event=@raid killed=50}'));
    await client.waitFor('a code lens refresh', () => client.refreshes.codeLens > before);
    assert.equal(await lensOfA(), 'raid · 2 claims · 2 origins · 1 conflict — Show matrix');
  });
});
