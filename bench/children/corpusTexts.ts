// The reports of a generated corpus, read the simple way a standalone
// markdown-it program would: every .txt under reports/, in path order.

import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Report {
  /** Corpus-relative, with `/`. */
  readonly file: string;
  readonly text: string;
}

export function reportFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(dir, 'reports'), { recursive: true, encoding: 'utf8' })
    .filter((entry) => entry.endsWith('.txt'))
    .map((entry) => `reports/${entry.split(path.sep).join('/')}`)
    .sort();
}

export function readReports(dir: string): Report[] {
  return reportFiles(dir).map((file) => ({ file, text: fs.readFileSync(path.join(dir, file), 'utf8') }));
}
