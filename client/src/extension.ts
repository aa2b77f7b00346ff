// The VS Code side of Corroborate. It starts the language server, gives
// corpus documents their language and shows the claims matrix the server
// computes (matrixView.ts); every analysis lives in the server, so
// that any LSP editor, and the CLI, see exactly what VS Code sees.
import * as vscode from 'vscode';
import { LanguageClient, NotificationType, TransportKind, type LanguageClientOptions, type NodeModule } from 'vscode-languageclient/node';
import { corpusDocumentsMethod, showClaimsMatrixCommand, type CorpusDocumentsParams, type ShowClaimsMatrixArguments } from '../../server/src/lsp/customProtocol';
import { CorpusLanguage } from './corpusLanguage';
import { ClaimsMatrixView } from './matrixView';
import { ServerCrashHandler } from './serverCrashHandler';

const languageId = 'corroborate';
const corpusDocuments = new NotificationType<CorpusDocumentsParams>(corpusDocumentsMethod);

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  // The server bundle is also the `corroborate` CLI; `lsp` selects the server and the client appends `--stdio`.
  const server: NodeModule = {
    module: context.asAbsolutePath('server/dist/corroborate.js'),
    transport: TransportKind.stdio,
    args: ['lsp'],
  };
  const crashHandler = new ServerCrashHandler({
    showOutput: () => void vscode.commands.executeCommand('corroborate.showOutput'),
    restartServer: () => void vscode.commands.executeCommand('corroborate.restartServer'),
  });
  const options: LanguageClientOptions = {
    documentSelector: [
      { language: languageId, scheme: 'file' },
      { language: languageId, scheme: 'untitled' },
      // The registry is YAML to VS Code; selecting it by name brings its diagnostics, hovers and navigation.
      { scheme: 'file', pattern: '**/corroborate.yaml' },
    ],
    // Deprecated in favour of workspace/configuration, which the server uses to read settings;
    // naming the section still tells the server when `corroborate.*` changed, so it reads them again.
    synchronize: { configurationSection: 'corroborate' },
    // Hover cards link to the claims matrix with a `command:` link; only that one command is trusted, so a corpus's text can run nothing else.
    markdown: { isTrusted: { enabledCommands: [showClaimsMatrixCommand] } },
    errorHandler: crashHandler,
  };
  const languageClient = new LanguageClient('corroborate', 'Corroborate', server, options);
  client = languageClient;

  const corpusLanguage = new CorpusLanguage(languageId, languageClient.outputChannel);
  const matrixView = new ClaimsMatrixView(context.extensionUri, languageClient);
  context.subscriptions.push(
    corpusLanguage,
    matrixView,
    // From the command palette without arguments; from a lens, a hover link or a quick fix with `{ event, uri }`.
    vscode.commands.registerCommand(showClaimsMatrixCommand, (args?: ShowClaimsMatrixArguments) => matrixView.show(args)),
    languageClient.onNotification(corpusDocuments, (params) => corpusLanguage.setCorpus(params.uris)),
    vscode.commands.registerCommand('corroborate.showOutput', () => languageClient.outputChannel.show()),
    vscode.commands.registerCommand('corroborate.restartServer', async () => {
      crashHandler.forgetCrashes();
      try {
        // restart() stops first, which only a running client can do.
        await (languageClient.isRunning() ? languageClient.restart() : languageClient.start());
      } catch (error) {
        void vscode.window.showErrorMessage(`The Corroborate server could not be restarted: ${String(error)}`);
      }
    }),
  );

  languageClient.start().then(undefined, () => {
    // The client has already shown the failure and written it to the output channel;
    // activation still succeeds so that "Restart Server" stays at hand.
  });
}

export function deactivate(): Promise<void> | undefined {
  return client?.isRunning() ? client.stop() : undefined;
}
