// The claim finder on its fixtures (test/fixtures/assist/*.md): each case a
// report, then the report with every suggestion applied. French, English and
// Arabic: attribution constructions, quotes attributed after them, the
// outlet's own statements, vague tolls, relative dates, hedged and declined
// wording, clauses, and sentences whose numbers are no claim.
// UPDATE_EXPECT=1 rewrites the expected texts (review the diff).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from '../support/tempFolder';
import { actualOf, readAssistFixture, rewriteFixture } from '../assist/fixtures';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'assist');

for (const name of fs.readdirSync(FIXTURES).filter((file) => file.endsWith('.md')).sort()) {
  const file = path.join(FIXTURES, name);
  const { source, fixture } = readAssistFixture(file);
  if (process.env.UPDATE_EXPECT === '1') {
    const rewritten = rewriteFixture(source, fixture, (fixtureCase) => actualOf(fixture, fixtureCase).text);
    if (rewritten !== source) fs.writeFileSync(file, rewritten);
    continue;
  }
  describe(`claim finder: ${name}`, () => {
    for (const fixtureCase of fixture.cases) {
      test(fixtureCase.title, () => {
        const { text } = actualOf(fixture, fixtureCase);
        assert.equal(text ?? 'nothing\n', fixtureCase.expected ?? 'nothing\n', `${name}, line ${fixtureCase.lines.start + 1}: the suggestions differ (UPDATE_EXPECT=1 rewrites the fixture)`);
      });
    }
  });
}
