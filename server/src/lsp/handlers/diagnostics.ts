// Pulled diagnostics (LSP 3.17): textDocument/diagnostic and
// workspace/diagnostic, for a client that pulls them (see
// pullDiagnostics.ts). Like every request they read the client's buffers as
// they are when answered; like pushing, they wait until the client's settings
// are known.

import type { DocumentDiagnosticParams, WorkspaceDiagnosticParams } from 'vscode-languageserver/node';
import { notPulled } from '../pullDiagnostics';
import type { ServerContext } from './context';
import { answer } from './requests';

export function registerDiagnosticHandlers(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.languages.diagnostics.on(
    answer(context, 'diagnostic', (params: DocumentDiagnosticParams) => {
      const pull = workspace.pulled;
      if (!pull) return notPulled('textDocument/diagnostic');
      const previous = typeof params.previousResultId === 'string' ? params.previousResultId : undefined;
      if (pull.isLive) return pull.document(params.textDocument.uri, previous);
      return pull.started.then(() => {
        workspace.applyBuffers();
        return pull.document(params.textDocument.uri, previous);
      });
    }),
  );

  connection.languages.diagnostics.onWorkspace(
    answer(context, 'workspaceDiagnostic', (params: WorkspaceDiagnosticParams, token, _workDone, progress) => {
      const pull = workspace.pulled;
      if (!pull) return notPulled('workspace/diagnostic');
      if (pull.isLive) return pull.workspace(params.previousResultIds, token, progress);
      return pull.started.then(() => {
        workspace.applyBuffers();
        return pull.workspace(params.previousResultIds, token, progress);
      });
    }),
  );
}
