// The claims matrix request (corroborate/claimsMatrix) over stdio, as the
// editor's matrix view sends it: the seeds' outcome row in conflict, each
// passage in UTF-16 ranges past a BOM, emoji, accents and every line ending,
// the open buffer's text rather than the disk's, the event at the cursor, and
// clear refusals for an event or a document the corpus does not have.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { ErrorCodes, RequestType, ResponseError, type Position, type Range } from 'vscode-languageserver-protocol/node';
import { claimsMatrixMethod, type ClaimsMatrixParams, type ClaimsMatrixResult, type MatrixView } from '../../server/src/lsp/customProtocol';
import { copySeeds, LspClient, stopServers, uriOf, writeCorpus } from './lspClient';

after(stopServers);

const claimsMatrix = new RequestType<ClaimsMatrixParams, ClaimsMatrixResult, void>(claimsMatrixMethod);
const EVENT = 'niafunke-attack';
const REPORT = '002_bf727807ddea604f.txt';

/** The text an LSP range covers: lines end at \r\n, \n or a lone \r; characters are UTF-16 code units. */
function textAt(text: string, range: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\r' || text[i] === '\n') starts.push(i + 1);
  }
  const offset = (p: Position) => (starts[p.line] ?? text.length) + p.character;
  return text.slice(offset(range.start), offset(range.end));
}

function cellOf(matrix: MatrixView, property: string, claimant: string) {
  const row = matrix.rows.find((r) => r.property === property);
  assert.ok(row, `a ${property} row among ${matrix.rows.map((r) => r.property).join(', ')}`);
  const column = matrix.claimants.find((c) => c.id === claimant);
  assert.ok(column, `a column for @${claimant}`);
  const cell = row.cells.find((c) => c.claimant === column.key);
  assert.ok(cell, `@${claimant} has a cell in the ${property} row`);
  const labels = new Map(row.values.map((v) => [v.key, v.label]));
  return { cell, labels: cell.values.map((v) => labels.get(v.value)) };
}

async function refusal(client: LspClient, params: unknown): Promise<ResponseError<unknown>> {
  const error = await client.connection.sendRequest(claimsMatrixMethod, params).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof ResponseError, `refused: ${JSON.stringify(params)}`);
  return error;
}

describe('the claims matrix request', () => {
  test('the seeds’ outcome row: JNIM’s captured and the army’s repelled conflict, each cell opening its passages', async () => {
    const dir = copySeeds();
    const client = await LspClient.start(dir);
    const uri = uriOf(dir, REPORT);
    const result = await client.connection.sendRequest(claimsMatrix, { textDocument: { uri }, event: EVENT });
    assert.equal(result.corpus.uri, uriOf(dir, 'corroborate.yaml'));
    assert.equal(result.events[0]?.event.id, EVENT, 'the most disputed event first');
    const matrix = result.matrix;
    assert.ok(matrix);
    assert.equal(matrix.event.id, EVENT);

    const jnim = cellOf(matrix, 'outcome', 'jnim');
    const fama = cellOf(matrix, 'outcome', 'fama');
    assert.equal(jnim.cell.state, 'conflicts');
    assert.deepEqual(jnim.labels, ['captured']);
    assert.equal(fama.cell.state, 'conflicts');
    assert.deepEqual(fama.labels, ['repelled']);

    // Every passage's assertion range holds the `outcome=value` it says, in the file it names.
    for (const { cell, labels } of [jnim, fama]) {
      const passages = cell.values.flatMap((v) => v.passages);
      assert.ok(passages.length > 0);
      for (const passage of passages) {
        const text = fs.readFileSync(new URL(passage.uri), 'utf8');
        assert.equal(textAt(text, passage.assertion), `outcome=${labels[0]}`);
        assert.match(textAt(text, passage.claim), /^\[[\s\S]*\{claim [^}]*\}$/);
      }
    }
    // The republication 001 sits under RFI's origin, marked as a copy.
    const copy = matrix.reports.find((r) => r.file.startsWith('001_'));
    assert.equal(copy?.copy, true);
    assert.equal(copy?.uri, uriOf(dir, copy?.file ?? ''));
    assert.ok(matrix.origins.some((o) => o.reports.includes(copy?.file ?? '') && o.copies === 1));
  });

  test('ranges in UTF-16 past a BOM, emoji, accents, CRLF and a lone CR; the open buffer answered, not the disk', async () => {
    const registry = 'documents: ["*.txt"]\nproperties: { killed: { type: count } }\nactors: { army: { name: Army }, rebels: { name: Rebels } }\nevents: { raid: { name: Raid } }\n';
    const a = '\uFEFF---\r\nsource: army\r\n---\r\n😀 Élodie écrit\r[Cinq 😀 tués]{claim event=@raid killed=5}\r\n';
    const b = '---\nsource: rebels\n---\n[Cinquante]{claim event=@raid killed=50}\n';
    const dir = writeCorpus({ 'corroborate.yaml': registry, 'a.txt': a, 'b.txt': b });
    const client = await LspClient.start(dir);
    const ask = async () => {
      const { matrix } = await client.connection.sendRequest(claimsMatrix, { textDocument: { uri: uriOf(dir, 'b.txt') }, event: 'raid' });
      assert.ok(matrix);
      return matrix;
    };
    const army = cellOf(await ask(), 'killed', 'army');
    assert.equal(army.cell.state, 'conflicts');
    const [passage] = army.cell.values.flatMap((v) => v.passages);
    assert.ok(passage);
    assert.deepEqual(passage.assertion, { start: { line: 4, character: 33 }, end: { line: 4, character: 41 } });
    assert.equal(textAt(a.slice(1), passage.assertion), 'killed=5');
    assert.equal(textAt(a.slice(1), passage.claim), '[Cinq 😀 tués]{claim event=@raid killed=5}');

    // The army's toll typed into the open buffer, never saved: the cells agree at once. (An editor's buffer holds no BOM.)
    const uriA = uriOf(dir, 'a.txt');
    const edited = a.slice(1).replace('killed=5}', 'killed=~50}');
    await client.open(uriA, a.slice(1));
    await client.change(uriA, edited);
    const now = cellOf(await ask(), 'killed', 'army');
    assert.equal(now.cell.state, 'agrees');
    assert.deepEqual(now.labels, ['about 50']);
    const [moved] = now.cell.values.flatMap((v) => v.passages);
    assert.ok(moved);
    assert.equal(textAt(edited, moved.assertion), 'killed=~50');
  });

  test('the event at the cursor; without one, only the events, most disputed first', async () => {
    const dir = copySeeds();
    const client = await LspClient.start(dir);
    const uri = uriOf(dir, REPORT);
    const text = fs.readFileSync(path.join(dir, REPORT), 'utf8');
    const lines = text.slice(0, text.indexOf('outcome=repelled')).split(/\r\n|\n|\r/);
    const position = { line: lines.length - 1, character: (lines.at(-1) ?? '').length + 2 };
    const atCursor = await client.connection.sendRequest(claimsMatrix, { textDocument: { uri }, position });
    assert.equal(atCursor.matrix?.event.id, EVENT);
    const inProse = await client.connection.sendRequest(claimsMatrix, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(inProse.matrix, undefined);
    const listed = await client.connection.sendRequest(claimsMatrix, {});
    assert.equal(listed.matrix, undefined);
    assert.deepEqual(
      listed.events.map((e) => e.event.id),
      inProse.events.map((e) => e.event.id),
    );
    const conflicts = listed.events.map((e) => e.conflicts.properties);
    assert.deepEqual(conflicts, [...conflicts].sort((x, y) => y - x));
  });

  test('an unknown event, an actor, a file outside the corpus and malformed parameters are refused in words; the server goes on', async () => {
    const dir = copySeeds();
    const client = await LspClient.start(dir);
    const uri = uriOf(dir, REPORT);
    const typo = await refusal(client, { textDocument: { uri }, event: 'niafunke-atack' });
    assert.equal(typo.code, ErrorCodes.InvalidParams);
    assert.equal(typo.message, 'no event @niafunke-atack in corroborate.yaml: did you mean @niafunke-attack?');
    const actor = await refusal(client, { textDocument: { uri }, event: 'jnim' });
    assert.equal(actor.message, '@jnim is an actor in corroborate.yaml, not an event: a claims matrix is of an event');
    const outside = await refusal(client, { textDocument: { uri: uriOf(path.dirname(dir), 'elsewhere.txt') }, event: EVENT });
    assert.equal(outside.code, ErrorCodes.InvalidParams);
    assert.match(outside.message, /is not a document of a Corroborate corpus/);
    const malformed = await refusal(client, { event: 42 });
    assert.equal(malformed.code, ErrorCodes.InvalidParams);
    assert.equal(malformed.message, 'claimsMatrix needs event, if given, as an id');
    const still = await client.connection.sendRequest(claimsMatrix, { event: EVENT });
    assert.equal(still.matrix?.event.id, EVENT);
  });
});
