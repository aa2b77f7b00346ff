// Text output is read in a terminal and by CI problem matchers: one finding
// per line, `path:line:col: …`, the path relative to where the command ran
// so that a terminal can open it. A file name or a message may hold a line
// break or a terminal escape; written raw, it would split the line or drive
// the terminal. Those characters are written as escapes instead.

import * as path from 'node:path';

/**
 * C0 and C1 controls (line breaks, tab, ESC…), DEL, the Unicode line and
 * paragraph separators, and the bidirectional overrides and isolates, which
 * reorder how a terminal shows the rest of the line.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_TEST = new RegExp(UNSAFE.source);

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeCharacter(c: string): string {
  return SHORT_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** A message on one line: its unsafe characters as JSON-style escapes (`\n`, `\u001b`). */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, escapeCharacter);
}

/**
 * A path as text output prints it: as is, unless it holds an unsafe
 * character or starts with a double quote; then as a JSON string
 * (`"a\nb.txt":4:1: …`), which JSON.parse turns back into the name.
 */
export function terminalPath(name: string): string {
  if (!UNSAFE_TEST.test(name) && !name.startsWith('"')) return name;
  return `"${name.replace(/["\\]/g, (c) => `\\${c}`).replace(UNSAFE, escapeCharacter)}"`;
}

/** A corpus file (DIR-relative, with `/`) named relative to the working folder, as tsc and ESLint name files. */
export function pathFromWorkingFolder(root: string, file: string, cwd: string): string {
  return path.relative(cwd, path.join(root, ...file.split('/')));
}
