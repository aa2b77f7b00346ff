// What the CLI tests share: the built program (server/bin/corroborate.js,
// built by `npm run build`, which `npm test` runs first), temporary folders
// that are removed when the test file ends, and the SARIF 2.1.0 schema.

import { after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..');
export const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');
export const SEEDS = path.join(REPO, 'seeds');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a program to its end; `node BIN …` unless another command is given. */
export function run(args: readonly string[], cwd?: string, command: readonly string[] = [process.execPath, BIN]): Run {
  const [file, ...first] = command;
  const result = spawnSync(file, [...first, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(cwd ? { cwd } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const folders: string[] = [];
after(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** A new empty folder under $TMPDIR, removed when the test file ends. */
export function tempFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'corroborate-cli-'));
  folders.push(folder);
  return folder;
}

/** Writes each file (paths with `/`) under root, creating folders. */
export function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): string {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** A copy of seeds/, which tests never write to. */
export function copySeeds(): string {
  const copy = path.join(tempFolder(), 'seeds');
  fs.cpSync(SEEDS, copy, { recursive: true });
  return copy;
}

let sarifValidator: ReturnType<Ajv['compile']> | undefined;

/** The schema's complaints about a SARIF log, empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (!sarifValidator) {
    // The OASIS schema is JSON Schema draft-04, hence ajv's draft-04 class; its formats (uri, date-time) are checked too.
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

/**
 * Compares a JSON value with its golden file (test/fixtures/…); with
 * UPDATE_EXPECT=1 in the environment the file is rewritten instead, to be
 * reviewed in the diff like any change.
 */
export function assertGolden(actual: unknown, golden: string): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_EXPECT === '1') {
    fs.writeFileSync(golden, text);
    return;
  }
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(golden, 'utf8')), `${path.relative(REPO, golden)} differs (UPDATE_EXPECT=1 rewrites it)`);
}
