// docs/diagnostics.md, read as data: the one description of every
// diagnostic code, for people and for tools. The bundle carries the page's
// text (esbuild.mjs); this module finds, per code, its one-line summary in
// the table at the top and its section (`### \`code\``), so the SARIF rules
// say what the page says and cannot drift from it.

export interface CodeGuide {
  /** The table's "In short" cell. */
  readonly summary: string;
  /** The section's "Triggers" paragraph, as plain text. */
  readonly triggers: string;
  /** The whole section, in Markdown, links to other pages reduced to their text. */
  readonly markdown: string;
  /** The whole section as plain text. */
  readonly text: string;
}

const SUMMARY_ROW = /^\|\s*\[`([a-z-]+)`\]\(#[a-z-]+\)\s*\|[^|]*\|\s*(.*?)\s*\|\s*$/;
const SECTION_HEADING = /^### `([a-z-]+)`\s*$/;

/**
 * Links to other pages or anchors mean nothing where the help is shown (a
 * code-scanning alert, an IDE's rule list): only their text is kept. Web
 * links stay.
 */
function withoutRelativeLinks(markdown: string): string {
  return markdown.replace(/\[([^\]]+)\]\((?!https?:)[^)]*\)/g, '$1');
}

function plainText(markdown: string): string {
  return withoutRelativeLinks(markdown).replace(/\*\*([^*]+)\*\*/g, '$1');
}

/** Text that starts with a capital, as a description on its own does. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function readDiagnosticGuide(page: string): Map<string, CodeGuide> {
  const lines = page.split(/\r\n|\n|\r/);
  const summaries = new Map<string, string>();
  const sections = new Map<string, string[]>();
  let current: string[] | undefined;
  let inFence = false;
  for (const line of lines) {
    if (line.startsWith('```')) inFence = !inFence;
    if (!inFence) {
      const row = SUMMARY_ROW.exec(line);
      if (row) summaries.set(row[1], row[2]);
      const heading = SECTION_HEADING.exec(line);
      if (heading) {
        current = [];
        sections.set(heading[1], current);
        continue;
      }
      if (line.startsWith('#') || line.trim() === '---') {
        current = undefined;
        continue;
      }
    }
    current?.push(line);
  }
  const guide = new Map<string, CodeGuide>();
  for (const [code, body] of sections) {
    const markdown = withoutRelativeLinks(body.join('\n').trim());
    const firstParagraph = markdown.split(/\n\s*\n/)[0] ?? '';
    guide.set(code, {
      summary: summaries.get(code) ?? '',
      triggers: sentence(plainText(firstParagraph.replace(/^\*\*Triggers:\*\*\s*/, '')).replace(/\s*\n\s*/g, ' ')),
      markdown,
      text: plainText(markdown),
    });
  }
  return guide;
}
