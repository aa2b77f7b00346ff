// What the CLI tests share: the built program (server/bin/corroborate.js,
// built by `npm run build`, which `npm test` runs first), the temporary
// folders of ./tempFolder, the SARIF 2.1.0 schema and golden files.

import assert from 'node:assert/strict';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { REPO } from './tempFolder';

export { copySeeds, REPO, SEEDS, tempFolder, writeCorpus } from './tempFolder';

export const BIN = path.join(REPO, 'server', 'bin', 'corroborate.js');

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
  if (process.env.UPDATE_EXPECT === '1') {
    fs.writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(golden, 'utf8')), `${path.relative(REPO, golden)} differs (UPDATE_EXPECT=1 rewrites it)`);
}

/** As assertGolden, for output compared byte for byte (CSV, whose line endings are part of the contract). */
export function assertGoldenText(actual: string, golden: string): void {
  if (process.env.UPDATE_EXPECT === '1') {
    fs.writeFileSync(golden, actual);
    return;
  }
  assert.equal(actual, fs.readFileSync(golden, 'utf8'), `${path.relative(REPO, golden)} differs (UPDATE_EXPECT=1 rewrites it)`);
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  assert.equal(quoted, false, 'a quoted CSV field is left open');
  assert.equal(row.length + field.length, 0, 'the CSV does not end with a line break');
  return rows;
}
