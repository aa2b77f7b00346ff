// Hover and the outlines: what is here, what a document and the workspace hold.

import type { Hover, DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver/node';
import { hover } from '../../features/hover';
import { documentSymbols, workspaceSymbols } from '../../features/symbols';
import { toDocumentSymbol, toHover, toOffset, toWorkspaceSymbol } from '../convert';
import type { ServerContext } from './context';
import { answer } from './requests';

export function registerInformationHandlers(context: ServerContext): void {
  const { connection, workspace } = context;

  connection.onHover(
    answer(context, 'hover', (params): Hover | null => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return null;
      const file = workspace.clientFile(at);
      const card = hover(at.host.corpus, at.file, toOffset(file.lines, params.position));
      return card ? toHover(card, file) : null;
    }),
  );

  connection.onDocumentSymbol(
    answer(context, 'documentSymbol', (params): DocumentSymbol[] => {
      const at = workspace.heldFileOf(params.textDocument.uri);
      if (!at) return [];
      const file = workspace.clientFile(at);
      return documentSymbols(at.host.corpus, at.file).map((node) => toDocumentSymbol(node, file));
    }),
  );

  connection.onWorkspaceSymbol(
    answer(context, 'workspaceSymbol', (params): WorkspaceSymbol[] =>
      workspace.corpora.flatMap((host) => {
        const files = workspace.clientFiles(host);
        return workspaceSymbols(host.corpus, params.query).flatMap((symbol) => toWorkspaceSymbol(symbol, files) ?? []);
      }),
    ),
  );
}
