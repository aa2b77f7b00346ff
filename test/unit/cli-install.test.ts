// The CLI outside the checkout, as a new user gets it: `npm run pack:cli`'s
// tarball installed with `npm install -g` into a temporary prefix, offline,
// then used by name from an unrelated folder: init a corpus, write two
// reports that contradict each other, check it (clickable paths, the
// contradiction), export the events dataset (CSV and JSON), W3C annotations,
// and a SARIF log that validates.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseCsv, REPO, sarifSchemaErrors, tempFolder, writeCorpus } from '../support/cli';

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

function spawnIn(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Finished {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** npm itself: the one running the tests under `npm test`, else the one on the PATH. */
function npm(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Finished {
  const execPath = process.env.npm_execpath;
  return execPath ? spawnIn(cwd, process.execPath, [execPath, ...args], env) : spawnIn(cwd, 'npm', args, env);
}

void describe('the packed CLI', () => {
  const scratch = tempFolder();
  let tarball = '';

  void test('npm run pack:cli makes a tarball of the bundles alone (the program and its corpus reader), with no dependencies', () => {
    const packed = spawnIn(REPO, process.execPath, [path.join(REPO, 'server', 'pack.mjs'), scratch]);
    assert.equal(packed.status, 0, packed.stderr);
    tarball = packed.stdout.trim();
    assert.ok(fs.existsSync(tarball), `${tarball} was not written`);
    const listing = spawnIn(scratch, 'tar', ['tzf', tarball]);
    assert.deepEqual(listing.stdout.trim().split('\n').sort(), ['package/LICENSE', 'package/README.md', 'package/bin/corroborate.js', 'package/dist/corpusReader.js', 'package/dist/corroborate.js', 'package/package.json']);
    const manifest = JSON.parse(spawnIn(scratch, 'tar', ['xzOf', tarball, 'package/package.json']).stdout) as Record<string, unknown>;
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual([manifest.name, manifest.version, manifest.bin], ['corroborate', version, { corroborate: 'bin/corroborate.js' }]);
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) assert.equal(manifest[field], undefined, `the package has ${field}`);
  });

  void test('installed with npm install -g into a prefix, offline, it runs by name from an unrelated folder', () => {
    assert.ok(tarball, 'the tarball test ran first');
    const prefix = path.join(scratch, 'prefix');
    // Its own cache and --offline: nothing is fetched, and the user's npm cache is left alone.
    const install = npm(scratch, ['install', '-g', '--prefix', prefix, '--cache', path.join(scratch, 'npm-cache'), '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball]);
    assert.equal(install.status, 0, install.stderr);
    const bin = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
    const env = { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` };
    const home = path.join(scratch, 'desk');
    fs.mkdirSync(home);
    const corroborate = (...args: string[]) => spawnIn(home, 'corroborate', args, env);

    const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    assert.deepEqual(corroborate('--version'), { status: 0, stdout: `${version}\n`, stderr: '' });

    assert.equal(corroborate('init', 'mycorpus').status, 0);
    writeCorpus({
      'army.txt': '---\nsource: example-agency\n---\n[The army]{@example-army} said it [repelled the attack]{claim by=@example-army event=@example-attack outcome=repelled}.\n',
      'locals.txt': '---\nsource: example-agency\n---\nAccording to [local sources]{@local-sources}, [the town was taken and about a dozen soldiers killed]{claim by=@local-sources event=@example-attack outcome=captured killed=~12}.\n',
    }, path.join(home, 'mycorpus'));

    const check = corroborate('check', 'mycorpus');
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /^mycorpus\/army\.txt:4:\d+: warning conflicting-claims: @example-army claims outcome=repelled/m);
    assert.match(check.stdout, /^mycorpus\/locals\.txt:4:\d+: warning conflicting-claims: An unnamed source \(@local-sources\) claims outcome=captured/m);
    for (const line of check.stdout.trim().split('\n').slice(0, -1)) {
      const shown = /^([^:]+):\d+:\d+: /.exec(line)?.[1] ?? '';
      assert.ok(fs.existsSync(path.resolve(home, shown)), `${shown} does not open from the working folder`);
    }

    // The events dataset: the starter's one event, its killed figures under the starter's measure, the contradiction in its notes.
    const events = corroborate('export', 'mycorpus', '--format', 'events');
    assert.equal(events.status, 0, events.stderr);
    const [header, ...rows] = parseCsv(events.stdout);
    assert.equal(rows.length, 1);
    const row = Object.fromEntries(header.map((column, i) => [column, rows[0][i]]));
    assert.deepEqual([row.event_id, row.date_start, row.location_id, row.fatalities_low, row.fatalities_high, row.fatalities_best], ['example-attack', '2024-05-17', 'example-town', '10', '14', '12']);
    assert.match(row.notes, /^outcome: Example national army: repelled; Local sources: captured — unresolved$/);
    const eventsJson = corroborate('export', 'mycorpus', '--format', 'events-json');
    assert.equal(eventsJson.status, 0, eventsJson.stderr);
    const [record] = JSON.parse(eventsJson.stdout) as Record<string, unknown>[];
    assert.deepEqual([record.event_id, record.fatalities_best, record.fatalities_estimate, record.claimants], ['example-attack', 12, null, 2]);

    const w3c = corroborate('export', 'mycorpus', '--format', 'w3c');
    assert.equal(w3c.status, 0);
    const collection = JSON.parse(w3c.stdout) as { type: string; total: number };
    assert.deepEqual([collection.type, collection.total], ['AnnotationCollection', 4]);

    const sarif = corroborate('check', 'mycorpus', '--format', 'sarif');
    assert.equal(sarif.status, 0);
    assert.deepEqual(sarifSchemaErrors(JSON.parse(sarif.stdout)), []);
  });
});
