// `corroborate check --format sarif`: the diagnostics as a SARIF 2.1.0 log,
// for code-scanning UIs (GitHub's, Azure DevOps', IDE viewers).
//
// - Files are named relative to the working folder, as in the text output,
//   against the `%SRCROOT%` base: run from a repository's root, they are the
//   repository paths a code-scanning UI opens. A file outside the working
//   folder gets an absolute file: URI.
// - Regions use the CLI's lines and columns; columns count UTF-16 code units
//   (`columnKind`), as the editor does.
// - Each result carries a fingerprint that does not depend on line numbers,
//   so a UI keeps a dismissed alert dismissed when other lines or files change.

import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Corpus } from '../engine/corpus';
import { severityOf, type Diagnostic, type DiagnosticCode, type RelatedEntry, type Severity } from '../engine/diagnostics';
import { REGISTRY_FILE } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import type { CodeGuide } from './diagnosticGuide';
import { Positions, uriReference } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'corroborate/v1';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Readonly<Record<Severity, SarifLevel>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifContext {
  /** The corpus folder, absolute. */
  readonly root: string;
  /** The working folder, absolute: file URIs are relative to it. */
  readonly cwd: string;
  readonly version: string;
  /** docs/diagnostics.md, read: each rule's help. */
  readonly guide: ReadonlyMap<string, CodeGuide>;
}

interface ArtifactLocation {
  readonly uri: string;
  readonly uriBaseId?: string;
}

function artifactLocation(context: SarifContext, file: string): ArtifactLocation {
  const absolute = path.join(context.root, ...file.split('/'));
  const relative = path.relative(context.cwd, absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: uriReference(relative, path.sep), uriBaseId: SOURCE_ROOT };
}

/** A folder's file: URI, ending with `/` as a base URI must. */
function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function rules(guide: ReadonlyMap<string, CodeGuide>): { codes: DiagnosticCode[]; descriptors: object[] } {
  const codes = Object.keys(severityOf) as DiagnosticCode[];
  const descriptors = codes.map((code) => {
    const entry = guide.get(code);
    return {
      id: code,
      shortDescription: { text: entry?.summary || code },
      ...(entry ? { fullDescription: { text: entry.triggers }, help: { text: entry.text, markdown: entry.markdown } } : {}),
      defaultConfiguration: { level: LEVEL[severityOf[code]] },
    };
  });
  return { codes, descriptors };
}

/** The text of the line a range starts on, without its line break. */
function lineAround(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return text.slice(start, end);
}

/**
 * Fingerprints from what a finding is, not where it sits: its code, its file,
 * the characters at fault and the line around them; the n-th finding with the
 * same of those in a file gets n in its fingerprint. An edit elsewhere in the
 * corpus, or one that moves the finding's line, keeps it.
 */
class Fingerprints {
  private readonly seen = new Map<string, number>();

  constructor(private readonly corpus: Corpus) {}

  private textOf(file: string): string {
    return file === REGISTRY_FILE ? this.corpus.registry.text : (this.corpus.document(file)?.text ?? '');
  }

  of(d: Diagnostic): string {
    const text = this.textOf(d.file);
    const key = [d.code, d.file, text.slice(d.start, d.end), lineAround(text, d.start)].join('\u0000');
    const occurrence = (this.seen.get(key) ?? 0) + 1;
    this.seen.set(key, occurrence);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex');
  }
}

/**
 * The SARIF log, in pieces (as `check --format json`, a corpus's findings
 * can outgrow one string): the run's opening, one result per diagnostic,
 * the closing.
 */
export function* sarifParts(corpus: Corpus, diagnostics: readonly Diagnostic[], context: SarifContext): Generator<string> {
  const { codes, descriptors } = rules(context.guide);
  const positions = new Positions(corpus);
  const fingerprints = new Fingerprints(corpus);
  const physical = (file: string, range: TextRange) => {
    const at = positions.range(file, range);
    return {
      artifactLocation: artifactLocation(context, file),
      region: { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn },
    };
  };
  const related = (entry: RelatedEntry, index: number) => ({ id: index + 1, physicalLocation: physical(entry.file, entry), message: { text: entry.message } });
  const opening = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'corroborate', version: context.version, semanticVersion: context.version, rules: descriptors } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: [],
      },
    ],
  };
  const json = JSON.stringify(opening);
  // The log up to the results' `[`, then the results, then what follows it.
  const cut = json.lastIndexOf('"results":[]') + '"results":['.length;
  yield json.slice(0, cut);
  let first = true;
  for (const d of diagnostics) {
    const result = {
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: LEVEL[d.severity],
      message: { text: d.message },
      locations: [{ physicalLocation: physical(d.file, d) }],
      ...(d.related && d.related.length > 0 ? { relatedLocations: d.related.map(related) } : {}),
      partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.of(d) },
    };
    yield (first ? '' : ',') + JSON.stringify(result);
    first = false;
  }
  yield json.slice(cut) + '\n';
}
