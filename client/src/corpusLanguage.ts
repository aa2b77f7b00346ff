import * as vscode from 'vscode';

/**
 * Gives the documents of the corpus the `corroborate` language. Corpus
 * documents are ordinary `.txt` files, so no file association can pick them
 * out; the server, which reads the globs in corroborate.yaml, names them.
 * Every other document keeps the language VS Code gave it.
 */
export class CorpusLanguage implements vscode.Disposable {
  /** Normalised URIs of the corpus documents, as last sent by the server. */
  private corpus = new Set<string>();
  /** The language each document had before it was switched, to give back if it leaves the corpus. */
  private readonly languageBefore = new Map<string, string>();
  private readonly openListener: vscode.Disposable;

  constructor(
    private readonly languageId: string,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.openListener = vscode.workspace.onDidOpenTextDocument((document) => this.assign(document));
  }

  /** Takes the whole new set of corpus documents and applies it to the documents already open. */
  setCorpus(uris: readonly string[]): void {
    // Both sides go through vscode.Uri so that percent-encoding and drive-letter case agree.
    this.corpus = new Set(uris.map((uri) => vscode.Uri.parse(uri).toString()));
    for (const document of vscode.workspace.textDocuments) this.assign(document);
  }

  dispose(): void {
    this.openListener.dispose();
  }

  private assign(document: vscode.TextDocument): void {
    const uri = document.uri.toString();
    if (this.corpus.has(uri)) {
      if (document.languageId === this.languageId) return;
      this.languageBefore.set(uri, document.languageId);
      this.setLanguage(document, this.languageId);
      return;
    }
    const before = this.languageBefore.get(uri);
    if (before === undefined) return;
    this.languageBefore.delete(uri);
    if (document.languageId === this.languageId) this.setLanguage(document, before);
  }

  private setLanguage(document: vscode.TextDocument, languageId: string): void {
    // Changing the language reopens the document, which calls assign() again and finds nothing left to do.
    vscode.languages.setTextDocumentLanguage(document, languageId).then(undefined, (error: unknown) => {
      this.log.warn(`Could not set the language of ${document.uri.toString()} to ${languageId}: ${String(error)}`);
    });
  }
}
