// `npm run assist:eval -- DIR --details`, as analysts read it: each matched,
// missed and extra passage is printed whole, so that a suggestion can be
// compared with the claim it stands for word by word.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO, run, writeCorpus } from '../support/cli';

const REGISTRY = `documents: ["*.txt"]
properties:
  killed: { type: count }
  wounded: { type: count }
actors:
  wire: { name: Wire, kind: media }
  army: { name: Army, kind: state-force, aliases: [the army] }
events:
  wassa-attack: { name: Attack on the Wassa post, date: 2025-04-08 }
`;

const FRONT = '---\nsource: wire\npublished: 2025-04-09\nlanguage: en\n---\n';
/** Claims longer than a line of the details, as a desk annotates them. */
const LONG_MATCHED = 'According to the army, twelve soldiers and four civilians were killed on Tuesday in the attack on the Wassa post near the border';
const LONG_MISSED = 'The wounded, who were evacuated by helicopter to the regional hospital during the night, number eleven according to the medical staff';

const EVALUATE = path.join(REPO, 'test', 'assist', 'evaluate.ts');

void describe('assist:eval --details', () => {
  void test('prints the claims and suggestions whole, however long', () => {
    const dir = writeCorpus({
      'corroborate.yaml': REGISTRY,
      'a.txt': `${FRONT}[${LONG_MATCHED}]{claim by=@army event=@wassa-attack killed=16}.\n\n[${LONG_MISSED}]{claim event=@wassa-attack wounded=11}.\n`,
      'b.txt': `${FRONT}[The army said nine soldiers were killed]{claim by=@army event=@wassa-attack killed=9}.\n`,
    });
    const { status, stdout, stderr } = run([EVALUATE, dir, '--details'], REPO, [process.execPath, '--import', 'tsx']);
    assert.equal(status, 0, stderr);
    // The matched suggestion as proposed, the missed claim as annotated (its markup included).
    assert.ok(stdout.includes(`match 1.00 ${JSON.stringify(LONG_MATCHED)}`), stdout);
    assert.ok(stdout.includes(`missed ${JSON.stringify(`[${LONG_MISSED}]{claim event=@wassa-attack wounded=11}`)}`), stdout);
  });

  void test('--property follows one class of claims: how each fared, and the suggestions giving it', () => {
    const dir = writeCorpus({
      'corroborate.yaml': REGISTRY.replace('  wounded: { type: count }\n', '  wounded: { type: count }\n  perpetrator: { type: entity, kind: actor }\n').replace('actors:\n', 'actors:\n  front: { name: Sand Front, kind: armed-group, aliases: [Sand Front] }\n'),
      'a.txt': `${FRONT}[The attack on the Wassa post was carried out by the [Sand Front]{@front}]{claim event=@wassa-attack perpetrator=@front}.\n\n[Nobody in the valley could say much about the morning]{claim event=@wassa-attack perpetrator=@front}.\n`,
      'b.txt': `${FRONT}[The army said nine soldiers were killed]{claim by=@army event=@wassa-attack killed=9}.\n`,
    });
    const { status, stdout, stderr } = run([EVALUATE, dir, '--property', 'perpetrator', '--details'], REPO, [process.execPath, '--import', 'tsx']);
    assert.equal(status, 0, stderr);
    assert.ok(stdout.includes('| Claims giving perpetrator | Count |'), stdout);
    assert.ok(stdout.includes('| claims | 2 |'), stdout);
    assert.ok(stdout.includes('| matched, value right | 1 |'), stdout);
    assert.ok(stdout.includes('| missed: not proposed | 1 |'), stdout);
    assert.ok(stdout.includes('perpetrator=@front by=wire: not proposed'), stdout);
  });
});
