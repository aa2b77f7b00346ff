// Workspace trust. The extension says it supports untrusted workspaces
// because it only reads text: nothing in a corpus can make it run code, load
// modules or reach the network. These tests hold it to that: the manifest's
// claim and settings, the sources' imports, and a corpus written to be
// evaluated (YAML tags for code, template and shell syntax, __proto__ keys)
// read through every feature and the real CLI while a canary watches.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJson, exportCsv, exportRecords } from '../../server/src/cli/report';
import type { Corpus } from '../../server/src/engine/corpus';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { codeActions } from '../../server/src/features/codeActions';
import { complete } from '../../server/src/features/completion';
import { hover } from '../../server/src/features/hover';
import { definition, prepareRename, references, rename } from '../../server/src/features/navigation';
import { documentSymbols, workspaceSymbols } from '../../server/src/features/symbols';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { tempFolder, writeCorpus } from '../support/tempFolder';
import { claimBlockOf } from '../../server/src/engine/claims';

const REPO = path.join(__dirname, '..', '..');
const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');

interface Manifest {
  readonly capabilities?: { readonly untrustedWorkspaces?: { readonly supported?: boolean | string; readonly description?: string } };
  readonly contributes?: { readonly configuration?: { readonly properties?: Record<string, { readonly type?: string; readonly enum?: readonly string[] }> } };
}

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => path.join(folder, f));
}

void describe('what the extension declares', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Manifest;

  void test('it supports untrusted workspaces, and says it only reads text', () => {
    const trust = manifest.capabilities?.untrustedWorkspaces;
    assert.equal(trust?.supported, true);
    assert.match(trust?.description ?? '', /only reads/);
    assert.match(trust?.description ?? '', /run code, load modules or reach the network/);
  });

  void test('no setting a workspace could set names a program, a path or a module: each is a choice or a switch', () => {
    const properties = Object.entries(manifest.contributes?.configuration?.properties ?? {});
    assert.ok(properties.length > 0);
    for (const [name, property] of properties) {
      assert.ok(property.type === 'boolean' || (property.type === 'string' && (property.enum?.length ?? 0) > 0), `${name} is ${property.type ?? 'untyped'} without a fixed set of values`);
    }
  });

  void test('the server and the client import nothing that runs programs, evaluates code or opens connections', () => {
    // The language client starts the bundled server itself, from the extension's own folder.
    const forbidden = /\b(?:child_process|node:vm|worker_threads|node:net|node:http|node:https|node:dgram|node:dns)\b|\beval\s*\(|new\s+Function\s*\(|\bimport\s*\(|\brequire\s*\(|\bfetch\s*\(|process\.binding/;
    // One module may start a thread: the corpus reader, which runs only our own
    // bundled script (server/dist/corpusReader.js) and no corpus content; it
    // reads and decodes files discovery has already vetted, off the main thread.
    const reader = path.join(REPO, 'server', 'src', 'workspace', 'readAhead.ts');
    const files = [...sourceFiles(path.join(REPO, 'server', 'src')), ...sourceFiles(path.join(REPO, 'client', 'src'))];
    assert.ok(files.length > 20 && files.includes(reader));
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const found = forbidden.exec(file === reader ? text.replace("from 'node:worker_threads'", '') : text);
      assert.equal(found, null, `${path.relative(REPO, file)} uses ${found?.[0] ?? ''}`);
    }
  });

  void test('the one thread the server starts runs the reader script bundled beside it, never a path from elsewhere', () => {
    const uses = sourceFiles(path.join(REPO, 'server', 'src')).flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/(?<!function )\b(?:new Worker|readAhead)\(([^,]*),/g)].map((m) => `${path.basename(file)}: ${m[0]}`));
    assert.deepEqual(uses.sort(), ['corpusFiles.ts: readAhead(READER_SCRIPT,', 'readAhead.ts: new Worker(script,']);
    const corpusFiles = fs.readFileSync(path.join(REPO, 'server', 'src', 'workspace', 'corpusFiles.ts'), 'utf8');
    assert.match(corpusFiles, /const READER_SCRIPT = path\.join\(__dirname, 'corpusReader\.js'\);/);
  });
});

void describe('corpus values are data, never evaluated', () => {
  // Where a shell command run from a value would leave a file (inside a folder removed after the run).
  const canaryFile = path.join(tempFolder('canary'), 'canary');
  const canary = '__corroborateCanary';
  // Each line tries one way a value could be run: a YAML tag for code, template
  // syntax reaching the Function constructor, shell syntax, JavaScript template syntax.
  const payloads = [
    `{{constructor.constructor('globalThis.${canary} = "template"')()}}`,
    `$(touch ${canaryFile})`,
    `\`touch ${canaryFile}\``,
    `\${globalThis.${canary} = "template literal"}`,
    `\${process.exit(9)}`,
    `<script>globalThis.${canary} = "html"</script>`,
  ];
  const registry = [
    'documents: ["*.txt"]',
    '__proto__: { polluted: true }',
    'constructor: { prototype: { polluted: true } }',
    'properties:',
    '  outcome: { type: enum, values: [captured, repelled] }',
    '  __proto__: { type: count }',
    'actors:',
    `  afp: { name: ${JSON.stringify(payloads[0])}, aliases: [${payloads.slice(1).map((p) => JSON.stringify(p)).join(', ')}], description: !!js/function "function () { globalThis.${canary} = 'tag' }" }`,
    `  jnim: { name: JNIM, kind: !!python/object/apply:os.system ["touch ${canaryFile}"], aliases: [JNIM] }`,
    '  __proto__: { name: Proto, polluted: true }',
    '  constructor: { name: Constructor }',
    'events:',
    `  attack: { name: Attack, assessment: ${JSON.stringify(payloads[3])}, disputed: { outcome: [captured, repelled], __proto__: [x, y] } }`,
    '',
  ].join('\n');
  const document = [
    '---',
    'source: afp',
    '__proto__: { polluted: true }',
    `title: !!js/eval "globalThis.${canary} = 'front matter'"`,
    `url: ${JSON.stringify(payloads[1])}`,
    '---',
    `Le [JNIM]{@jnim} dit [${payloads[0].replace(/[[\]{}]/g, (c) => `\\${c}`)}]{claim by=@jnim event=@attack outcome=captured note="${payloads[4]}" __proto__=x constructor=y}.`,
    `[${payloads[2]}]{@constructor @__proto__} ${payloads[1]} et ${payloads[5]}.`,
    '',
  ].join('\n');

  function assertCanaryUntouched(): void {
    assert.equal((globalThis as Record<string, unknown>)[canary], undefined, 'no value ran as code');
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype is not polluted');
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    assert.equal(fs.existsSync(canaryFile), false, 'no value ran as a shell command');
  }

  async function readCorpus(): Promise<{ dir: string; corpus: Corpus }> {
    const dir = writeCorpus({ [REGISTRY_FILE]: registry, 'a.txt': document });
    return { dir, corpus: await loadCorpus(dir) };
  }

  void test('through the engine and every feature, at every offset of every file', async () => {
    const { corpus } = await readCorpus();
    const diagnostics = corpus.allDiagnostics();
    // The tags are reported, not run.
    assert.ok(diagnostics.some((d) => d.file === REGISTRY_FILE && /Unresolved tag: tag:yaml.org,2002:js\/function/.test(d.message)));
    assert.ok(diagnostics.some((d) => d.file === 'a.txt' && /Unresolved tag: tag:yaml.org,2002:js\/eval/.test(d.message)));
    for (const file of [REGISTRY_FILE, ...corpus.files()]) {
      const text = file === REGISTRY_FILE ? corpus.registry.text : (corpus.document(file)?.text ?? '');
      for (let offset = 0; offset <= text.length; offset++) {
        hover(corpus, file, offset);
        complete(corpus, file, offset);
        definition(corpus, file, offset);
        references(corpus, file, offset, true);
        prepareRename(corpus, file, offset);
        rename(corpus, file, offset, 'renamed');
      }
      documentSymbols(corpus, file);
      const own = corpus.diagnostics(file);
      for (const diagnostic of own) codeActions(corpus, file, diagnostic, own);
    }
    workspaceSymbols(corpus, '');
    workspaceSymbols(corpus, 'constructor');
    checkJson(corpus, diagnostics);
    exportCsv(exportRecords(corpus));
    assertCanaryUntouched();
  });

  void test('values come back as the very text written', async () => {
    const { corpus } = await readCorpus();
    const afp = corpus.registry.entities.get('afp');
    assert.equal(afp?.name, payloads[0]);
    assert.deepEqual(afp?.aliases.map((a) => a.value), payloads.slice(1));
    assert.equal(corpus.registry.entities.get('attack')?.assessment, payloads[3]);
    // Ids that name Object's own members are refused as ids, or kept as plain keys.
    assert.equal(corpus.registry.entities.has('__proto__'), false);
    assert.equal(corpus.registry.entities.get('constructor')?.name, 'Constructor');
    assert.equal(corpus.registry.properties.has('__proto__'), false);
    const text = corpus.document('a.txt')?.text ?? '';
    const card = hover(corpus, 'a.txt', text.indexOf('@jnim}') - 3);
    assert.ok(card, 'a hover on the claimant');
    const claim = corpus.document('a.txt')?.claims[0];
    assert.equal(claim && claimBlockOf(claim).properties.find((p) => p.key === 'note')?.value.text, payloads[4]);
    assertCanaryUntouched();
  });

  void test('through the real program: check and export run to their end, nothing runs', async () => {
    const { dir } = await readCorpus();
    for (const args of [['check', dir, '--format', 'json'], ['check', dir], ['export', dir, '--format', 'csv'], ['export', dir, '--format', 'json']]) {
      const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
      // 1: the corpus has errors (the tags); 9 would be `${process.exit(9)}` run.
      assert.ok(run.status === 0 || run.status === 1, `${args.join(' ')} exited ${run.status ?? 'on a signal'}: ${run.stderr}`);
      assert.ok(run.stdout.length > 0);
    }
    assertCanaryUntouched();
  });
});
