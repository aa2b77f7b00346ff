// The YAML front matter of a document: who published it and whose report it
// republishes. Read with the same YAML reader as the registry.

import type { Located } from './registry';
import type { FrontMatterNode, SyntaxProblem } from './syntax';
import { readDate } from './values';
import { readYaml, scalarText } from './yaml';

export interface FrontMatter {
  readonly source?: Located<string>;
  readonly origin?: Located<string>;
  readonly published?: string;
  readonly language?: string;
  readonly problems: readonly SyntaxProblem[];
}

const KNOWN = ['source', 'origin', 'published', 'language', 'title', 'url', 'author'];

export function readFrontMatter(text: string, node: FrontMatterNode | undefined): FrontMatter {
  if (!node) return { problems: [] };
  const problems: SyntaxProblem[] = [];
  const problem = (range: { start: number; end: number }, message: string) =>
    problems.push({ code: 'front-matter', start: range.start, end: Math.max(range.end, range.start + 1), message });
  const reading = readYaml(text.slice(node.content.start, node.content.end), node.content.start);
  for (const p of reading.problems) problem(p, p.message);
  const root = reading.root;
  if (!root) {
    if (reading.problems.length === 0) problem({ start: node.start, end: node.start + 3 }, 'front matter is empty: name the outlet with `source: <actor id>`');
    return { problems };
  }
  if (root.kind !== 'map') {
    problem(root, 'front matter must be `key: value` lines, such as `source: afp`');
    return { problems };
  }
  let source: Located<string> | undefined;
  let origin: Located<string> | undefined;
  let published: string | undefined;
  let language: string | undefined;
  for (const entry of root.entries) {
    const value = scalarText(entry.value);
    if (!KNOWN.includes(entry.key)) {
      problem(entry.keyRange, `unknown front matter field \`${entry.key}\`: use ${KNOWN.join(', ')}`);
      continue;
    }
    if (value === undefined) {
      problem(entry.value.kind === 'scalar' ? entry.keyRange : entry.value, `${entry.key} must be a single value`);
      continue;
    }
    const located = { value: value.startsWith('@') ? value.slice(1) : value, start: entry.value.start, end: entry.value.end };
    switch (entry.key) {
      case 'source':
        source = located;
        break;
      case 'origin':
        origin = located;
        break;
      case 'published': {
        const reading = readDate(value);
        if (!reading.ok) problem(entry.value, reading.message);
        else published = value;
        break;
      }
      case 'language':
        language = value;
        break;
    }
  }
  return {
    ...(source ? { source } : {}),
    ...(origin ? { origin } : {}),
    ...(published !== undefined ? { published } : {}),
    ...(language !== undefined ? { language } : {}),
    problems,
  };
}
