// The language server lets the texts of reports no editor has open go once
// read, and reads them again from disk when a feature asks (engine/texts.ts).
// A report written on disk since it was read, whose watcher event has not come
// yet, must never be answered from: its old offsets against its new text
// would put an edit in the wrong place.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { StaleText } from '../../server/src/engine/texts';
import { rename } from '../../server/src/features/navigation';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { copySeeds } from '../support/tempFolder';

void describe('a report written on disk before its watcher event', () => {
  void test('gives no answer built on the text it was read from, and a registry edit reads the disk’s text', async () => {
    const dir = copySeeds();
    const corpus = await loadCorpus(dir, { treesKept: 1, releaseTexts: true });
    // A report that references @jnim, and another from which to rename it.
    const [renamedFrom, written] = corpus.files().filter((file) => corpus.document(file)?.references.some((reference) => reference.id === 'jnim'));
    assert.ok(renamedFrom !== undefined && written !== undefined, 'two reports reference @jnim');
    const from = corpus.document(renamedFrom);
    const at = from?.references.find((reference) => reference.id === 'jnim')?.idRange.start;
    assert.ok(from !== undefined && at !== undefined);
    const renamed = rename(corpus, renamedFrom, at, 'gsim-jnim');
    assert.ok('edits' in renamed, 'the id can be renamed');
    const inWritten = renamed.edits.filter((edit) => edit.file === written);
    assert.ok(inWritten.length > 0, `the rename edits ${written}, its text read again from disk`);
    const text = fs.readFileSync(path.join(dir, written), 'utf8');
    for (const edit of inWritten) assert.equal(text.slice(edit.start, edit.end), 'jnim', 'each edit replaces the id as the disk has it');

    // A sentence typed before the article's first line on disk: every offset after it moves.
    const before = corpus.document(written)?.text ?? '';
    const body = corpus.document(written)?.parsed.frontMatter?.end ?? 0;
    const onDisk = `${before.slice(0, body)}Une phrase ajoutée sur le disque.\n${before.slice(body)}`;
    fs.writeFileSync(path.join(dir, written), onDisk);
    // The corpus keeps the last text it read again (one here, as it keeps one tree): another report's makes it go.
    assert.ok(corpus.document(renamedFrom)?.text);
    assert.throws(() => corpus.document(written)?.text, StaleText);
    assert.throws(() => rename(corpus, renamedFrom, at, 'gsim-jnim'), StaleText);

    // corroborate.yaml edited so that every report is read again: this one as the disk has it now.
    const registry = corpus.registry.text.replace(/\nactors:\n/, '\nactors:\n  desk-added:\n    name: Added\n    aliases: [Added Group]\n');
    assert.notEqual(registry, corpus.registry.text);
    corpus.setRegistry(registry);
    assert.equal(corpus.document(written)?.text, onDisk);
    assert.equal(corpus.document(written)?.layout.isReleased, true);
  });
});
