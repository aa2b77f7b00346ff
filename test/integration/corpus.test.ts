// The extension as VS Code runs it, through VS Code's own API: the same
// commands the editor's UI calls for hovers, quick fixes and renames. The
// workspace is a temporary copy of seeds/ opened by the runner; every test
// that edits it puts the corpus back as it found it.
import assert from 'node:assert/strict';
import path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../e2e/waitFor';

const EXTENSION_ID = 'corroborate.corroborate';
const LANGUAGE_ID = 'corroborate';
const REGISTRY = 'corroborate.yaml';
const REPORTS = ['000_ad34e4e326f002f7.txt', '001_5d94ad36ec1082ee.txt', '002_bf727807ddea604f.txt', '003_1a14fc8a2bf519ca.txt'];
/** Each wait is for a condition; this only bounds how long a broken build takes to say so. */
const WAIT_MS = 30_000;

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens the seeds copy as the workspace folder');
  return folder.uri;
}

function fileUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), name);
}

/** The server sends codes as strings; VS Code wraps a code that links to documentation in `{ value, target }`. */
function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic) === code);
}

function outcomeContradictions(uri: vscode.Uri): vscode.Diagnostic[] {
  return diagnosticsWithCode(uri, 'conflicting-claims').filter((diagnostic) => diagnostic.message.includes('outcome='));
}

function waitUntil(what: string, condition: () => boolean | Promise<boolean>): Promise<true> {
  return waitFor(async () => ((await condition()) ? true : undefined), { what, timeoutMs: WAIT_MS, pollMs: 50 });
}

function positionOf(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${path.basename(document.uri.fsPath)} should contain ${needle}`);
  return document.positionAt(at + shift);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

function isCodeAction(action: vscode.Command | vscode.CodeAction): action is vscode.CodeAction {
  return !('command' in action && typeof action.command === 'string');
}

const originalTexts = new Map<string, string>();

/** Undoes what a test applied: open buffers get their original text back and are saved, so disk agrees too. */
async function restoreCorpus(): Promise<void> {
  for (const [name, original] of originalTexts) {
    const document = await vscode.workspace.openTextDocument(fileUri(name));
    if (document.getText() !== original) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
      assert.ok(await vscode.workspace.applyEdit(edit), `restoring ${name}`);
    }
    if (document.isDirty) assert.ok(await document.save(), `saving the restored ${name}`);
  }
  await waitForSeedsDiagnostics('the restored corpus to show its outcome contradictions again');
}

function waitForSeedsDiagnostics(what: string): Promise<true> {
  return waitUntil(what, () =>
    REPORTS.every((report) => outcomeContradictions(fileUri(report)).length > 0 && diagnosticsWithCode(fileUri(report), 'acknowledged-dispute').length === 0),
  );
}

describe('Corroborate in VS Code, on a copy of the seeds', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    // The quick fixes and the rename write to the workspace: it must never be the repository's own seeds/.
    assert.notEqual(path.resolve(workspaceFolder().fsPath), path.resolve(extension.extensionPath, 'seeds'), 'the workspace is a copy of seeds/, not seeds/ itself');
    for (const name of [...REPORTS, REGISTRY]) {
      originalTexts.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(name))));
    }
  });

  afterEach(restoreCorpus);

  it('activates on a folder holding corroborate.yaml, without being asked to', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await waitUntil(`${EXTENSION_ID} to activate (activation event workspaceContains:**/corroborate.yaml)`, () => extension?.isActive === true);
  });

  it('gives reports the corroborate language and leaves other .txt files alone', async () => {
    const outside = fileUri('notes/outside-the-corpus.txt');
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode('JNIM and FAMa, in a note the corpus globs (*.txt) do not match.\n'));
    try {
      const note = await vscode.workspace.openTextDocument(outside);
      const report = await vscode.workspace.openTextDocument(fileUri(REPORTS[1]));
      // The language is switched once the server has named the corpus documents.
      await waitUntil(`${REPORTS[1]} to get the language ${LANGUAGE_ID}`, async () => (await vscode.workspace.openTextDocument(report.uri)).languageId === LANGUAGE_ID);
      // Both were open when the corpus list arrived, so the note's language was decided by then too.
      assert.equal((await vscode.workspace.openTextDocument(note.uri)).languageId, 'plaintext');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceFolder(), 'notes'), { recursive: true });
    }
  });

  it('reports the outcome contradiction on all four reports, pointing at the claims that disagree', async () => {
    await waitForSeedsDiagnostics('outcome contradictions on all four reports, none of them opened');
    for (const report of REPORTS) {
      for (const diagnostic of outcomeContradictions(fileUri(report))) {
        assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning, `${report}: ${diagnostic.message}`);
        const related = diagnostic.relatedInformation ?? [];
        assert.ok(related.length > 0, `${report}: "${diagnostic.message}" names the claims that disagree`);
        for (const entry of related) {
          assert.ok([...REPORTS, REGISTRY].includes(path.basename(entry.location.uri.fsPath)), `related location ${entry.location.uri.toString()} is in the corpus`);
          const target = await vscode.workspace.openTextDocument(entry.location.uri);
          assert.ok(target.getText(entry.location.range).length > 0, `related location ${entry.location.uri.toString()} covers text`);
        }
      }
    }
    // JNIM says captured, the army says repelled: each side is contradicted somewhere in the corpus.
    const messages = REPORTS.flatMap((report) => outcomeContradictions(fileUri(report)).map((diagnostic) => diagnostic.message));
    assert.ok(messages.some((message) => message.includes('@jnim claims outcome=captured')), messages.join('\n'));
    assert.ok(messages.some((message) => message.includes('@fama claims outcome=repelled')), messages.join('\n'));
  });

  it("shows JNIM's card, with its aliases, on hover over a GSIM mention", async () => {
    const document = await vscode.workspace.openTextDocument(fileUri(REPORTS[2]));
    const position = positionOf(document, '[GSIM]{@jnim} quittent', 2);
    const card = await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        const text = hoverText(hovers);
        return text.includes('@jnim') ? text : undefined;
      },
      { what: `a hover card for @jnim on GSIM in ${REPORTS[2]}`, timeoutMs: WAIT_MS },
    );
    assert.match(card, /Jama'at Nusrat al-Islam wal-Muslimin/);
    // The aliases, including the French name the mention abbreviates.
    assert.match(card, /GSIM/);
    assert.match(card, /Groupe de soutien à l'islam et aux musulmans/);
    assert.doesNotMatch(card, /@fama/, 'the card is about JNIM only');
  });

  describe('quick fixes for a contradiction', () => {
    async function contradictionFixes(): Promise<{ uri: vscode.Uri; contradiction: vscode.Diagnostic; actions: vscode.CodeAction[] }> {
      const uri = fileUri(REPORTS[0]);
      await vscode.workspace.openTextDocument(uri);
      // Opening the report makes VS Code pull its diagnostics again, and the collection may be between two answers for a moment.
      const contradiction = await waitFor(() => outcomeContradictions(uri).find((diagnostic) => diagnostic.message.includes('@jnim claims outcome=captured')), {
        what: `${REPORTS[0]} to have JNIM's outcome=captured contradicted`,
        timeoutMs: WAIT_MS,
      });
      const offered = await vscode.commands.executeCommand<(vscode.Command | vscode.CodeAction)[]>('vscode.executeCodeActionProvider', uri, contradiction.range);
      return { uri, contradiction, actions: offered.filter(isCodeAction) };
    }

    function titles(actions: readonly vscode.CodeAction[]): string {
      return actions.map((action) => action.title).join(' | ');
    }

    it('offers to acknowledge the dispute first, to record the desk’s assessment or to show the claims matrix — never JNIM’s claim turned into the army’s', async () => {
      const { uri, actions } = await contradictionFixes();
      const quickFixes = actions.filter((action) => action.kind !== undefined && vscode.CodeActionKind.QuickFix.contains(action.kind));
      assert.match(quickFixes[0]?.title ?? '', /^Acknowledge the dispute over outcome \(captured, repelled\) in corroborate\.yaml$/, `acknowledge first among: ${titles(actions)}`);
      assert.equal(quickFixes[0]?.isPreferred, true);
      assert.ok(quickFixes.some((action) => action.title.startsWith("Record the desk's assessment: estimate outcome=repelled")), `record the assessment among: ${titles(actions)}`);
      const show = quickFixes.find((action) => action.title === 'Show in claims matrix');
      assert.equal(show?.command?.command, 'corroborate.showClaimsMatrix', `show the matrix among: ${titles(actions)}`);
      assert.deepEqual(show.command.arguments, [{ event: 'niafunke-attack', uri: uri.toString() }]);
      for (const action of actions) {
        const written = (action.edit?.entries() ?? []).map(([file]) => path.basename(file.fsPath));
        assert.ok(written.every((file) => file === REGISTRY), `${action.title} writes ${written.join(', ')}`);
      }
    });

    it('acknowledging the dispute turns the warnings on every report into information', async () => {
      const { actions } = await contradictionFixes();
      const acknowledge = actions.find((action) => action.title.startsWith('Acknowledge the dispute over outcome'));
      assert.ok(acknowledge?.edit, `an acknowledge fix with an edit among: ${titles(actions)}`);
      assert.deepEqual(
        acknowledge.edit.entries().map(([uri]) => path.basename(uri.fsPath)),
        [REGISTRY],
        'acknowledging edits corroborate.yaml only',
      );
      assert.ok(await vscode.workspace.applyEdit(acknowledge.edit), 'the edit applies');
      await waitUntil('every report to trade its outcome warnings for an acknowledged dispute', () =>
        REPORTS.every((report) => {
          const acknowledged = diagnosticsWithCode(fileUri(report), 'acknowledged-dispute');
          return outcomeContradictions(fileUri(report)).length === 0 && acknowledged.length > 0 && acknowledged.every((d) => d.severity === vscode.DiagnosticSeverity.Information);
        }),
      );
    });

    it('recording the desk’s assessment writes the estimate under the event, shown in the hover; JNIM’s claim stays as it was', async () => {
      const { uri, contradiction, actions } = await contradictionFixes();
      const claimLine = (await vscode.workspace.openTextDocument(uri)).lineAt(contradiction.range.start.line).text;
      const record = actions.find((action) => action.title.startsWith("Record the desk's assessment: estimate outcome=repelled"));
      assert.ok(record?.edit, `a record fix with an edit among: ${titles(actions)}`);
      assert.ok(await vscode.workspace.applyEdit(record.edit), 'the edit applies');
      const registry = (await vscode.workspace.openTextDocument(fileUri(REGISTRY))).getText();
      assert.match(registry, /\n {4}estimate: \{ outcome: repelled \}\r?\n/);
      assert.equal((await vscode.workspace.openTextDocument(uri)).lineAt(contradiction.range.start.line).text, claimLine);
      await waitUntil('the claim’s hover to show the desk’s estimate', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, contradiction.range.start);
        return hoverText(hovers).includes('Desk’s estimate: repelled');
      });
      // The estimate is the desk's, not a source: the claims still disagree until the dispute is acknowledged.
      assert.ok(outcomeContradictions(uri).some((diagnostic) => diagnostic.range.isEqual(contradiction.range)));
    });
  });

  describe('lenses, hints and the editor’s defaults', () => {
    it('a code lens above the first claim of the attack names its figures and opens the claims matrix', async () => {
      const uri = fileUri(REPORTS[2]);
      const document = await vscode.workspace.openTextDocument(uri);
      const lens = await waitFor(
        async () => {
          const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
          return lenses.find((l) => l.command?.title.startsWith('niafunke-attack '));
        },
        { what: `a code lens for the attack in ${REPORTS[2]}`, timeoutMs: WAIT_MS },
      );
      assert.match(lens.command?.title ?? '', /^niafunke-attack · \d+ claims · 2 origins · 1 conflict — Show matrix$/);
      assert.equal(lens.command?.command, 'corroborate.showClaimsMatrix');
      assert.deepEqual(lens.command?.arguments, [{ event: 'niafunke-attack', uri: uri.toString() }]);
      // It stands on the first claim about the attack.
      assert.match(document.getText(lens.range), /^\[[\s\S]*\{claim [^}]*event=@niafunke-attack[\s}]/);
      assert.ok(!document.getText(new vscode.Range(new vscode.Position(0, 0), lens.range.start)).includes('event=@niafunke-attack'));
    });

    it('the lens’s command opens one claims matrix panel, which another event reuses', async () => {
      const matrixTabs = () =>
        vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('corroborate.claimsMatrix'));
      const uri = fileUri(REPORTS[2]).toString();
      await vscode.commands.executeCommand('corroborate.showClaimsMatrix', { event: 'niafunke-attack', uri });
      await waitUntil('the matrix panel titled after the attack', () => matrixTabs().some((tab) => tab.label === 'Claims Matrix: Attack on the Niafunké camp'));
      await vscode.commands.executeCommand('corroborate.showClaimsMatrix', { event: 'goundam-attack', uri });
      await waitUntil('the same panel titled after the Goundam attack', () => matrixTabs().length === 1 && /^Claims Matrix: .*Goundam/.test(matrixTabs()[0]?.label ?? ''));
      await vscode.window.tabGroups.close(matrixTabs());
    });

    it('an inlay hint after a vague count gives the interval it stands for', async () => {
      const uri = fileUri(REPORTS[2]);
      const document = await vscode.workspace.openTextDocument(uri);
      const value = positionOf(document, 'casualties=>=20', 'casualties=>=20'.length);
      const hints = await waitFor(
        async () => {
          const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, new vscode.Range(0, 0, document.lineCount, 0));
          return found.length > 0 ? found : undefined;
        },
        { what: `inlay hints in ${REPORTS[2]}`, timeoutMs: WAIT_MS },
      );
      const label = (hint: vscode.InlayHint) => (typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join(''));
      const after = hints.find((hint) => hint.position.isEqual(value));
      assert.ok(after, `a hint right after casualties=>=20 among ${hints.map((hint) => `${hint.position.line}:${hint.position.character} ${label(hint)}`).join(', ')}`);
      assert.equal(label(after), '20..');
    });

    it('wraps long lines in reports, so that a contradiction deep in a paragraph is on screen', async () => {
      const document = await vscode.workspace.openTextDocument(fileUri(REPORTS[0]));
      await waitUntil(`${REPORTS[0]} to get the language ${LANGUAGE_ID}`, async () => (await vscode.workspace.openTextDocument(document.uri)).languageId === LANGUAGE_ID);
      assert.equal(vscode.workspace.getConfiguration('editor', { uri: document.uri, languageId: LANGUAGE_ID }).get('wordWrap'), 'on');
      // Other text keeps the user's default.
      assert.equal(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
    });
  });

  it('renames @jnim in every report and in corroborate.yaml', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri(REPORTS[1]));
    const position = positionOf(document, '{@jnim}', 3);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', document.uri, position, 'gsim-jnim');
    assert.ok(edit, 'the rename provider returns an edit');
    const touched = edit.entries().map(([uri]) => path.basename(uri.fsPath)).sort();
    assert.deepEqual(touched, [...REPORTS, REGISTRY].sort());
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit applies');
    for (const report of REPORTS) {
      const text = (await vscode.workspace.openTextDocument(fileUri(report))).getText();
      assert.doesNotMatch(text, /@jnim(?![A-Za-z0-9_-])/, `${report} keeps no @jnim`);
      assert.match(text, /\{@gsim-jnim\}/, `${report} references @gsim-jnim`);
    }
    await waitUntil('the renamed corpus to be re-checked with no unknown entity', () =>
      REPORTS.every((report) => {
        const diagnostics = vscode.languages.getDiagnostics(fileUri(report));
        return diagnostics.some((d) => d.message.includes('@gsim-jnim')) && !diagnostics.some((d) => codeOf(d) === 'unknown-entity');
      }),
    );
  });
});
