// What each request's parameters must hold before its handler reads them. A
// client that sends a hover without a position gets InvalidParams saying so,
// not a TypeError from inside the handler reported as the server's own fault.

// A need named `maybe…` is a field that may be left out, but that must be well formed when given.
type Need = 'textDocument' | 'position' | 'range' | 'newName' | 'context' | 'query' | 'label' | 'maybeTextDocument' | 'maybeEvent' | 'maybePosition';

const NEEDS = {
  hover: ['textDocument', 'position'],
  completion: ['textDocument', 'position'],
  completionResolve: ['label'],
  definition: ['textDocument', 'position'],
  references: ['textDocument', 'position', 'context'],
  prepareRename: ['textDocument', 'position'],
  rename: ['textDocument', 'position', 'newName'],
  documentSymbol: ['textDocument'],
  workspaceSymbol: ['query'],
  codeAction: ['textDocument', 'range'],
  codeLens: ['textDocument'],
  inlayHint: ['textDocument', 'range'],
  claimsMatrix: ['maybeTextDocument', 'maybeEvent', 'maybePosition'],
} as const satisfies Record<string, readonly Need[]>;

export type RequestName = keyof typeof NEEDS;

type Fields = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null;
}

function isPosition(value: unknown): boolean {
  return isRecord(value) && Number.isInteger(value.line) && Number.isInteger(value.character);
}

const CHECKS: Readonly<Record<Need, { readonly holds: (params: Fields) => boolean; readonly words: string }>> = {
  textDocument: { holds: (p) => isRecord(p.textDocument) && typeof p.textDocument.uri === 'string', words: 'textDocument.uri' },
  position: { holds: (p) => isPosition(p.position), words: 'a position {line, character}' },
  range: { holds: (p) => isRecord(p.range) && isPosition(p.range.start) && isPosition(p.range.end), words: 'a range {start, end}' },
  newName: { holds: (p) => typeof p.newName === 'string', words: 'newName' },
  context: { holds: (p) => isRecord(p.context) && typeof p.context.includeDeclaration === 'boolean', words: 'context.includeDeclaration' },
  query: { holds: (p) => typeof p.query === 'string', words: 'a query' },
  label: { holds: (p) => typeof p.label === 'string', words: 'a label' },
  maybeTextDocument: { holds: (p) => p.textDocument === undefined || (isRecord(p.textDocument) && typeof p.textDocument.uri === 'string'), words: 'textDocument.uri, if given, as a string' },
  maybeEvent: { holds: (p) => p.event === undefined || typeof p.event === 'string', words: 'event, if given, as an id' },
  maybePosition: { holds: (p) => p.position === undefined || isPosition(p.position), words: 'position, if given, as {line, character}' },
};

/** What `params` lack for `request`, in words; undefined when they hold all its handler reads. */
export function missingParams(request: RequestName, params: unknown): string | undefined {
  const fields = isRecord(params) ? params : {};
  const missing = NEEDS[request].filter((need) => !CHECKS[need].holds(fields)).map((need) => CHECKS[need].words);
  return missing.length === 0 ? undefined : `${request} needs ${missing.join(' and ')}`;
}
