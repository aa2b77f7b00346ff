// The whole-process counterpart of `corroborate check DIR`: start Node, find
// the reports, read them and parse each with markdown-it, print one line.
// Bundled like the CLI, so both pay the same kind of start-up.

import MarkdownIt from 'markdown-it';
import { readReports } from './corpusTexts';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: markdownItCheck DIR');
const markdown = new MarkdownIt();
let tokens = 0;
for (const report of readReports(dir)) tokens += markdown.parse(report.text, {}).length;
process.stdout.write(JSON.stringify({ tokens }) + '\n');
