// Hostile inputs shared by the engine tests (test/unit/hostile.test.ts) and
// the language server tests (test/lsp/hostile.test.ts), built in memory.

export const HOSTILE_REGISTRY = `documents: ["*.txt"]
properties:
  outcome: { type: enum, values: [captured, repelled] }
  killed: { type: count }
actors:
  jnim: { name: JNIM, aliases: [JNIM, GSIM] }
  fama: { name: FAMa, aliases: [FAMa, armée malienne] }
  afp: { name: AFP }
places:
  niafunke: { name: Niafunké, aliases: [Niafunké] }
events:
  attack: { name: Attack on the camp }
`;

export interface HugeReport {
  readonly text: string;
  /** Claim spans in it. */
  readonly claims: number;
  /** Registry aliases left unannotated in it. */
  readonly unannotated: number;
  /** The only error: a misspelt value in its last line. */
  readonly typo: string;
}

/**
 * A report of about `megabytes` MB as scraped: paragraphs of prose with CRLF
 * line ends, an annotated paragraph now and then, aliases left unannotated,
 * and one misspelt value at the very end.
 */
export function hugeReport(megabytes: number): HugeReport {
  const prose = 'Selon des sources locales, les combats ont duré plusieurs heures près de la ville, où les habitants décrivent une situation confuse. ';
  const annotated = 'Le [JNIM]{@jnim} a revendiqué [la prise du camp]{claim by=@jnim event=@attack outcome=captured} ; l’armée parle de [dix morts]{claim by=@fama event=@attack killed=10}. ';
  const parts = ['---\nsource: afp\n---\n'];
  let size = parts[0].length;
  let claims = 0;
  let unannotated = 0;
  for (let paragraph = 0; size < megabytes * 1024 * 1024; paragraph++) {
    const withClaims = paragraph % 50 === 0;
    const withNames = paragraph % 7 === 0;
    if (withClaims) claims += 2;
    if (withNames) unannotated += 3;
    const text = `${withClaims ? annotated : ''}${prose.repeat(6)}${withNames ? 'GSIM et FAMa, à Niafunké. ' : ''}\r\n\r\n`;
    parts.push(text);
    size += text.length;
  }
  const typo = 'capturd';
  parts.push(`Fin [du rapport]{claim by=@jnim event=@attack outcome=${typo}}\n`);
  return { text: parts.join(''), claims: claims + 1, unannotated, typo };
}

/** `[` nested `depth` deep around `inner`, each closed by `close`: `[[[x]{@a}]{@a}]{@a}`. */
export function nested(depth: number, inner: string, close: string): string {
  return `${'['.repeat(depth)}${inner}${close.repeat(depth)}\n`;
}

/** The classic billion laughs: nine levels of ten aliases each, under `key:`. */
export function aliasBomb(key: string): string {
  const levels = [`${key}:`, '  a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level < 9; level++) {
    const previous = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    levels.push(`  ${name}: &${name} [${Array.from({ length: 10 }, () => `*${previous}`).join(', ')}]`);
  }
  return `${levels.join('\n')}\n`;
}

/** 1-based line and UTF-16 column of an offset, as the CLI counts them (\r\n, \n and \r end a line). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) continue;
    if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
