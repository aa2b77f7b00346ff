// What the server should publish for a corpus folder, from a fresh
// in-process check of the same texts, written the same way as what it did
// publish so the two compare as plain strings. Positions are computed here,
// not with the server's converter, so a fault there shows.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic as LspDiagnostic, Position } from 'vscode-languageserver-protocol/node';
import { editorDiagnostics } from '../../server/src/engine/assist/hints';
import type { Diagnostic } from '../../server/src/engine/diagnostics';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { lineColumn } from '../hostileInputs';
import { removeFolder, tempFolder } from '../support/tempFolder';
import { uriOf, type LspClient } from './lspClient';

/** The LSP position (0-based) of an offset, from the tests' own line counting. */
export function positionAt(text: string, offset: number): Position {
  const { line, column } = lineColumn(text, offset);
  return { line: line - 1, character: column - 1 };
}

const SEVERITY = { error: 1, warning: 2, information: 3, hint: 4 } as const;

/** The editor is shown this many diagnostics of a file at most, the most severe, then a note of how many more. */
export const MAX_PUBLISHED = 1000;

function shownInEditor(dir: string, texts: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[]): string[] {
  const entries = (list: readonly Diagnostic[]) => list.map((d) => expectedEntry(dir, texts, d));
  if (diagnostics.length <= MAX_PUBLISHED) return entries(diagnostics);
  const kept = new Set([...diagnostics].sort((a, b) => SEVERITY[a.severity] - SEVERITY[b.severity]).slice(0, MAX_PUBLISHED));
  const note = JSON.stringify({
    start: { line: 0, character: 0 },
    end: { line: 0, character: 0 },
    severity: SEVERITY.information,
    message: `${diagnostics.length - MAX_PUBLISHED} more diagnostics in this file are not shown (the editor shows the first ${MAX_PUBLISHED}, errors first): run \`corroborate check\` to list them all`,
    related: [],
  });
  return [...entries(diagnostics.filter((d) => kept.has(d))), note];
}

function expectedEntry(dir: string, texts: ReadonlyMap<string, string>, d: Diagnostic): string {
  const text = texts.get(d.file) ?? '';
  const related = (d.related ?? []).map((r) => ({ uri: uriOf(dir, r.file), start: positionAt(texts.get(r.file) ?? '', r.start), end: positionAt(texts.get(r.file) ?? '', r.end), message: r.message }));
  return JSON.stringify({ start: positionAt(text, d.start), end: positionAt(text, d.end), severity: SEVERITY[d.severity], code: d.code, message: d.message, related });
}

export function publishedEntry(d: LspDiagnostic): string {
  const related = (d.relatedInformation ?? []).map((r) => ({ uri: r.location.uri, start: r.location.range.start, end: r.location.range.end, message: r.message }));
  return JSON.stringify({ start: d.range.start, end: d.range.end, severity: d.severity, code: d.code, message: d.message, related });
}

/**
 * Per URI, the diagnostics a fresh check of `texts` (every file of the
 * folder, corroborate.yaml included) gives, hints only for open files
 * (their possible claims among them), as the server publishes them. Files the globs do not take get none.
 */
export async function freshDiagnostics(dir: string, texts: ReadonlyMap<string, string>, open: ReadonlySet<string> = new Set()): Promise<Map<string, string[]>> {
  const copy = tempFolder('fresh');
  try {
    for (const [file, text] of texts) {
      fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      fs.writeFileSync(path.join(copy, file), text);
    }
    const corpus = await loadCorpus(copy);
    const out = new Map<string, string[]>();
    for (const file of texts.keys()) {
      const known = file === REGISTRY_FILE || corpus.has(file);
      // An open document shows its possible claims too, as the engine gives them for the editor.
      const diagnostics = known ? editorDiagnostics(corpus, file, open.has(file)).filter((d) => d.severity !== 'hint' || open.has(file)) : [];
      out.set(uriOf(dir, file), shownInEditor(dir, texts, diagnostics).sort());
    }
    return out;
  } finally {
    removeFolder(copy);
  }
}

/** What the server last published for each URI of `expected`, in the same form. */
export function publishedDiagnostics(client: LspClient, uris: Iterable<string>): Map<string, string[]> {
  return new Map([...uris].map((uri) => [uri, client.diagnosticsOf(uri).map(publishedEntry).sort()]));
}

/**
 * A check for LspClient.waitFor that the server publishes `expected`. It runs
 * on every notification, so each URI's diagnostics are compared again only
 * when a new list arrived for it: thousands of files stay cheap.
 */
export function publishes(client: LspClient, expected: ReadonlyMap<string, readonly string[]>): () => boolean {
  const verdicts = new Map<string, { seen: unknown; agrees: boolean }>();
  const wanted = new Map([...expected].map(([uri, entries]) => [uri, JSON.stringify(entries)]));
  return () => {
    let all = true;
    for (const [uri, entries] of wanted) {
      const current = client.diagnosticsOf(uri);
      let verdict = verdicts.get(uri);
      if (verdict?.seen !== current) {
        verdict = { seen: current, agrees: JSON.stringify(current.map(publishedEntry).sort()) === entries };
        verdicts.set(uri, verdict);
      }
      all &&= verdict.agrees;
    }
    return all;
  };
}

/**
 * For a client that pulls: pulls the whole workspace, and again after each
 * refresh the server sends, until what the client shows agrees with
 * `expected` or `timeoutMs` pass (the disk's changes are followed in the
 * background). The caller compares what it has then.
 */
export async function pullUntilAgreeing(client: LspClient, expected: ReadonlyMap<string, readonly string[]>, timeoutMs: number): Promise<void> {
  const agrees = publishes(client, expected);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const refreshes = client.refreshes.diagnostics;
    await client.pullWorkspace();
    const left = deadline - Date.now();
    if (agrees() || left <= 0) return;
    await client.waitFor('a refresh', () => client.refreshes.diagnostics > refreshes, left).catch(() => undefined);
  }
}
