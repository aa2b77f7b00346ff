// "Corroborate: Show Claims Matrix": one webview panel per window, reused,
// that shows an event's claims matrix as the server answers it
// (corroborate/claimsMatrix) and follows the corpus as it changes. The panel
// only draws; the server computes, from the same index as the diagnostics,
// on the buffers as they are.

import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import {
  claimsMatrixMethod,
  type ClaimsMatrixParams,
  type ClaimsMatrixResult,
  type MatrixPassage,
  type MatrixRange,
  type ShowClaimsMatrixArguments,
} from '../../server/src/lsp/customProtocol';
import type { FromView, ToView, ViewState } from '../webview/messages';

const claimsMatrixRequest = new RequestType<ClaimsMatrixParams, ClaimsMatrixResult, void>(claimsMatrixMethod);

/** The panel's type, which VS Code restores it by after a reload. */
export const MATRIX_VIEW_TYPE = 'corroborate.claimsMatrix';
/** Edits and republished diagnostics come in bursts: the view asks again once they pause. */
const REFRESH_DELAY_MS = 250;

export class ClaimsMatrixView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** What the panel shows: the event and a file of its corpus. */
  private target: ViewState = {};
  private ready = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** A change arrived while the panel was hidden: it asks again when shown. */
  private stale = false;
  /** Each answer is drawn only if no later request was sent meanwhile. */
  private generation = 0;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** The bundled page script and style: all the page may load. */
  private readonly dist: vscode.Uri;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    this.dist = vscode.Uri.joinPath(extensionUri, 'client', 'dist');
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.refreshSoon()),
      vscode.workspace.onDidChangeTextDocument((change) => {
        if (change.document.languageId === 'corroborate' || change.document.uri.path.endsWith('/corroborate.yaml')) this.refreshSoon();
      }),
      vscode.window.registerWebviewPanelSerializer(MATRIX_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state: ViewState | undefined) => {
          this.adopt(panel, state ?? {});
          return Promise.resolve();
        },
      }),
    );
  }

  /** The command: with `{ event, uri }` (a lens, a hover link, a quick fix), that event; without, the event at the cursor, or one picked from a list. */
  async show(args?: ShowClaimsMatrixArguments): Promise<void> {
    if (args?.event !== undefined) {
      this.open({ event: args.event, ...(args.uri !== undefined ? { uri: args.uri } : {}) });
      return;
    }
    const editor = vscode.window.activeTextEditor;
    const uri = editor && editor.document.uri.scheme === 'file' ? editor.document.uri.toString() : this.target.uri;
    const atCursor: ClaimsMatrixParams = uri !== undefined ? { textDocument: { uri }, ...(editor ? { position: editor.selection.active } : {}) } : {};
    let answer: ClaimsMatrixResult;
    try {
      // A document outside every corpus is refused: then the workspace's corpus is asked about.
      answer = await this.client.sendRequest(claimsMatrixRequest, atCursor).catch(() => this.client.sendRequest(claimsMatrixRequest, {}));
    } catch (error) {
      void vscode.window.showErrorMessage(`No claims matrix to show: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (answer.matrix) {
      this.open({ event: answer.matrix.event.id, uri: answer.corpus.uri });
      return;
    }
    const picked = await pickEvent(answer);
    if (picked !== undefined) this.open({ event: picked, uri: answer.corpus.uri });
  }

  private open(target: ViewState): void {
    this.target = target;
    if (this.panel) {
      this.panel.reveal(undefined, true);
    } else {
      // The page keeps its DOM while hidden, so focus and scroll stay where the analyst left them.
      const options = { enableScripts: true, retainContextWhenHidden: true, localResourceRoots: [this.dist] };
      const panel = vscode.window.createWebviewPanel(MATRIX_VIEW_TYPE, 'Claims Matrix', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, options);
      this.adopt(panel, target);
    }
    void this.refresh();
  }

  /** Takes a panel, new or restored by VS Code, and fills it. */
  private adopt(panel: vscode.WebviewPanel, target: ViewState): void {
    this.panel = panel;
    this.target = target;
    this.ready = false;
    panel.webview.options = { enableScripts: true, localResourceRoots: [this.dist] };
    panel.webview.html = pageHtml(panel.webview, this.dist);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    const listeners = [
      panel.webview.onDidReceiveMessage((message: FromView) => this.onMessage(message)),
      panel.onDidChangeViewState(() => {
        if (panel.visible && this.stale) void this.refresh();
      }),
    ];
    panel.onDidDispose(() => {
      for (const listener of listeners) listener.dispose();
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private onMessage(message: FromView): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        void this.refresh();
        return;
      case 'selectEvent':
        this.target = { ...this.target, event: message.event };
        void this.refresh();
        return;
      case 'open':
        void openPassages(message.passages, message.title);
        return;
      case 'copy':
        void vscode.env.clipboard.writeText(message.text).then(() => vscode.window.setStatusBarMessage(`${message.what} is on the clipboard, as TSV`, 4000));
        return;
    }
  }

  private refreshSoon(): void {
    if (!this.panel) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel || !this.ready) return;
    if (!panel.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    const generation = ++this.generation;
    const { event, uri } = this.target;
    const params: ClaimsMatrixParams = { ...(uri !== undefined ? { textDocument: { uri } } : {}), ...(event !== undefined ? { event } : {}) };
    let message: ToView;
    try {
      const result = await this.client.sendRequest(claimsMatrixRequest, params);
      message = { type: 'show', result };
      panel.title = result.matrix ? `Claims Matrix: ${result.matrix.event.name}` : 'Claims Matrix';
    } catch (error) {
      message = { type: 'error', message: `The claims matrix could not be updated: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (generation === this.generation && this.panel === panel) void panel.webview.postMessage(message);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

async function pickEvent(answer: ClaimsMatrixResult): Promise<string | undefined> {
  if (answer.events.length === 0) {
    void vscode.window.showInformationMessage(`No claim in ${answer.corpus.name} is about an event of corroborate.yaml yet: there is no claims matrix to show.`);
    return undefined;
  }
  const items = answer.events.map((summary) => ({
    label: summary.event.name,
    description: `@${summary.event.id}`,
    detail: `${summary.conflicts.properties > 0 ? `${summary.conflicts.properties} ${summary.conflicts.properties === 1 ? 'property' : 'properties'} in open conflict` : 'no open conflict'} · ${summary.claims} claims · ${summary.origins} independent origins`,
    event: summary.event.id,
  }));
  const picked = await vscode.window.showQuickPick(items, { title: 'Show Claims Matrix', placeHolder: 'Event (most disputed first)', matchOnDescription: true });
  return picked?.event;
}

function rangeOf(range: MatrixRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** One passage opens with its `key=value` selected; several open the first and peek them all. */
async function openPassages(passages: readonly MatrixPassage[], title: string): Promise<void> {
  const [first] = passages;
  if (!first) return;
  // Beside the panel: in the editor group the analyst was reading in.
  const column = vscode.window.visibleTextEditors[0]?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(first.uri), { selection: rangeOf(first.assertion), viewColumn: column });
  if (passages.length === 1) return;
  const locations = passages.map((p) => new vscode.Location(vscode.Uri.parse(p.uri), rangeOf(p.assertion)));
  await vscode.commands.executeCommand('editor.action.peekLocations', editor.document.uri, editor.selection.active, locations, 'peek');
  vscode.window.setStatusBarMessage(`${title}: ${passages.length} passages`, 4000);
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64');
}

/** The page: nothing remote, only the bundled script (with this page's nonce) and style. */
function pageHtml(webview: vscode.Webview, dist: vscode.Uri): string {
  const once = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'matrix.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(dist, 'matrix.css'));
  const policy = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${once}'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${style.toString()}">
<title>Claims Matrix</title>
</head>
<body>
<main id="root"><p class="muted">Loading the claims matrix…</p></main>
<script nonce="${once}" src="${script.toString()}"></script>
</body>
</html>`;
}
