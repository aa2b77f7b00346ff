// `corroborate report`: the claims report of a corpus — its overview, each
// event's claims matrix and timeline — as one self-contained HTML page
// (`--html FILE`) or a Markdown summary (`--format md`, printed, or written
// with `--output FILE`). The model comes from features/matrix.ts; this file
// chooses the form and where it goes.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Corpus } from '../engine/corpus';
import { claimsReport } from '../features/matrix';
import { plural } from '../features/present';
import { writeParts, type Output } from './output';
import { reportHtmlParts } from './reportHtml';
import { reportMarkdownParts } from './reportMarkdown';
import type { ReportContext } from './reportText';
import { pathFromWorkingFolder, terminalPath } from './terminal';

export type ReportFormat = 'html' | 'md';

/** FILE could not be written: an I/O failure of the run. */
export class ReportUnwritable extends Error {}

export interface ReportRequest {
  readonly root: string;
  readonly corpus: Corpus;
  readonly format: ReportFormat;
  /** Where to write it; absent, standard output. */
  readonly file?: string;
  readonly cwd: string;
  readonly version: string;
}

export interface ReportRun {
  /** The errors `check` finds in the corpus: claims they concern may be missing from the report. */
  readonly errors: number;
  /** Writes the report (to its file, or to `out`); call once the exit code is set. */
  write(out: Output): void;
}

export function prepareReport(request: ReportRequest): ReportRun {
  const { root, corpus, cwd } = request;
  const counts = { error: 0, warning: 0, information: 0 };
  for (const found of corpus.allDiagnostics()) if (found.severity !== 'hint') counts[found.severity]++;
  const context: ReportContext = {
    corpusName: path.basename(root),
    corpusPath: path.relative(cwd, root) || '.',
    version: request.version,
    checkSummary: `corroborate check finds ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.information} information`,
  };
  return {
    errors: counts.error,
    write(out) {
      const report = claimsReport(corpus, { showPath: (file) => pathFromWorkingFolder(root, file, cwd) });
      const parts = request.format === 'html' ? reportHtmlParts(report, context) : reportMarkdownParts(report, context);
      if (request.file === undefined) {
        writeParts(out, parts);
        return;
      }
      const target = path.resolve(cwd, request.file);
      try {
        fs.writeFileSync(target, [...parts].join(''));
      } catch (error) {
        throw new ReportUnwritable(`cannot write ${terminalPath(path.relative(cwd, target))}: ${(error as Error).message}`);
      }
    },
  };
}
