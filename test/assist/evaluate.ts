// How well the annotation assist proposes the claims an analyst annotated
// (docs/assist.md, "How well it works"). For each report of an annotated
// corpus: take its claim spans off (mentions kept) — and off the report it
// republishes or that republishes it, so that no cue is learnt from a copy
// of its own text — run the claim finder with the rest of the corpus
// annotated, and compare its suggestions with the claims taken off.
//
// A suggestion and a claim match, one to one and best first, when the words
// they share are at least half of the words either covers. Recall is matched
// claims over claims; precision matched suggestions over suggestions;
// claimant, event and property=value accuracy are read on matched pairs
// (property=value over the claim's (property, value) pairs that are not free
// text, values equal as intervals).
//
//   npm run assist:eval                     # the seeds
//   npm run assist:eval -- DIR [--json] [--details] [--causes] [--property KEY,KEY…]
//
// `--property perpetrator,attacker` follows the claims that give one of these
// properties (a class of claims, as "who did it" is): how each fared, and how
// many suggestions gave one and how many of those were right.

import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { suggestionsFor, type Suggestion } from '../../server/src/engine/assist/finder';
import { Corpus } from '../../server/src/engine/corpus';
import { assertionsOf, type Claim } from '../../server/src/engine/claims';
import type { DocumentFacts } from '../../server/src/engine/document';
import { parseDocument } from '../../server/src/engine/parser';
import { REGISTRY_FILE } from '../../server/src/engine/registry';
import { readValue, valueKey } from '../../server/src/engine/values';
import { loadCorpus } from '../../server/src/workspace/corpusFiles';
import { ArticleOffsets, stripClaims, wordsIn } from '../support/claims';

interface Tally {
  claims: number;
  suggestions: number;
  matched: number;
  claimantRight: number;
  eventRight: number;
  pairs: number;
  pairsRight: number;
}

function emptyTally(): Tally {
  return { claims: 0, suggestions: 0, matched: 0, claimantRight: 0, eventRight: 0, pairs: 0, pairsRight: 0 };
}

/**
 * Why a claim was missed or got a wrong claimant or value, counted for
 * `--causes`: what to work on next.
 */
interface Causes {
  /** No suggestion shares a word with the claim. */
  notProposed: number;
  /** Suggestions share words with it, none half of them: the passage was cut differently. */
  cutDifferently: number;
  /** A suggestion matches it, but is paired with another claim of the same words (two events, or nested). */
  sameWords: number;
  /** Matched, the claimant left to the outlet where a party speaks. */
  claimantMissing: number;
  /** Matched, another party (or a party where the outlet speaks). */
  claimantWrong: number;
  /** Matched, the property given another value. */
  valueMisread: number;
  /** Matched, the property not given. */
  propertyMissing: number;
}

function emptyCauses(): Causes {
  return { notProposed: 0, cutDifferently: 0, sameWords: 0, claimantMissing: 0, claimantWrong: 0, valueMisread: 0, propertyMissing: 0 };
}

function add<T extends Tally | Causes | Followed>(total: T, part: T): void {
  for (const key of Object.keys(total) as (keyof T)[]) (total[key] as number) += part[key] as number;
}

/** The reports whose text is largely the same as `file`'s: the one it republishes, those that republish it. */
function copiesOf(corpus: Corpus, file: string): string[] {
  const facts = corpus.document(file);
  const source = facts?.frontMatter.source?.value;
  const origin = facts?.frontMatter.origin?.value;
  return corpus.files().filter((other) => {
    if (other === file) return false;
    const front = corpus.document(other)?.frontMatter;
    const otherSource = front?.source?.value;
    const otherOrigin = front?.origin?.value;
    return (origin !== undefined && (otherSource === origin || otherOrigin === origin)) || (source !== undefined && otherOrigin === source);
  });
}

interface Pair {
  readonly claim: Claim;
  readonly suggestion: Suggestion;
  readonly overlap: number;
}

function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Whether a suggestion gives a claim's value for a property, as an interval or an id. */
function sameValue(corpus: Corpus, key: string, annotated: string, suggested: string | undefined): boolean {
  if (suggested === undefined) return false;
  const property = corpus.registry.properties.get(key);
  if (property === undefined) return false;
  const read = (text: string) => readValue(property, text, text.startsWith('@') ? text.slice(1) : undefined);
  const a = read(annotated);
  const b = read(suggested);
  return a.ok && b.ok && valueKey(a.value) === valueKey(b.value);
}

/** What became of the claims that give a followed property (`--property`), and of the suggestions that give one. */
interface Followed {
  claims: number;
  right: number;
  valueWrong: number;
  propertyMissing: number;
  cutDifferently: number;
  notProposed: number;
  sameWords: number;
  /** Suggestions giving a followed property. */
  suggested: number;
  /** Of those, matched with a claim that gives the same value. */
  suggestedRight: number;
}

function emptyFollowed(): Followed {
  return { claims: 0, right: 0, valueWrong: 0, propertyMissing: 0, cutDifferently: 0, notProposed: 0, sameWords: 0, suggested: 0, suggestedRight: 0 };
}

interface ReportResult {
  readonly file: string;
  readonly tally: Tally;
  readonly causes: Causes;
  readonly details: string[];
  readonly followed: Followed;
  /** One line per claim or suggestion that gives a followed property, for `--details`. */
  readonly followedDetails: string[];
}

function evaluateReport(original: Corpus, registryText: string, file: string, followedKeys: ReadonlySet<string>): ReportResult {
  const stripped = new Set([file, ...copiesOf(original, file)]);
  const corpus = new Corpus(registryText);
  for (const other of original.files()) {
    const facts = original.document(other);
    if (facts !== undefined) corpus.setDocument(other, stripped.has(other) ? stripClaims(facts.text) : facts.text);
  }
  const annotated = original.document(file) as DocumentFacts;
  const suggestions = suggestionsFor(corpus, file);
  const strippedFacts = corpus.document(file) as DocumentFacts;
  const claimOffsets = new ArticleOffsets(annotated.parsed);
  const suggestionOffsets = new ArticleOffsets(parseDocument(strippedFacts.text));
  const article = claimOffsets.article;
  const claimWords = annotated.claims.map((claim) => wordsIn(article, claimOffsets.range({ start: claim.start, end: claim.close })));
  const suggestionWords = suggestions.map((s) => wordsIn(article, suggestionOffsets.range(s)));
  const candidates: Pair[] = [];
  annotated.claims.forEach((claim, i) =>
    suggestions.forEach((suggestion, j) => {
      const overlap = jaccard(claimWords[i], suggestionWords[j]);
      if (overlap >= 0.5) candidates.push({ claim, suggestion, overlap });
    }),
  );
  // Best first: the larger overlap, then, between claims of the same words (one sentence about two events), the one the suggestion agrees with.
  const agreement = (pair: Pair) => Number(pair.suggestion.claimant === (pair.claim.claimant ?? null)) + Number(pair.suggestion.event === (pair.claim.event ?? null));
  candidates.sort((a, b) => b.overlap - a.overlap || agreement(b) - agreement(a));
  const usedClaims = new Set<Claim>();
  const usedSuggestions = new Set<Suggestion>();
  const pairs: Pair[] = [];
  for (const pair of candidates) {
    if (usedClaims.has(pair.claim) || usedSuggestions.has(pair.suggestion)) continue;
    usedClaims.add(pair.claim);
    usedSuggestions.add(pair.suggestion);
    pairs.push(pair);
  }
  const tally = emptyTally();
  const causes = emptyCauses();
  tally.claims = annotated.claims.length;
  tally.suggestions = suggestions.length;
  tally.matched = pairs.length;
  const details: string[] = [];
  // Whole: analysts compare a suggestion with its claim word by word.
  const quote = (text: string) => JSON.stringify(text);
  for (const { claim, suggestion, overlap } of pairs) {
    const claimantRight = suggestion.claimant === (claim.claimant ?? null);
    const eventRight = suggestion.event === (claim.event ?? null);
    const source = annotated.frontMatter.source?.value;
    if (!claimantRight) {
      if (suggestion.claimant === null || (suggestion.claimant === source && claim.claimant !== source)) causes.claimantMissing++;
      else causes.claimantWrong++;
    }
    if (claimantRight) tally.claimantRight++;
    if (eventRight) tally.eventRight++;
    const wrong: string[] = [];
    for (const assertion of assertionsOf(claim)) {
      if (assertion.property.type === 'text') continue;
      tally.pairs++;
      const suggested = suggestion.properties.find((p) => p.key === assertion.property.key)?.value;
      if (sameValue(corpus, assertion.property.key, assertion.rawValue, suggested)) {
        tally.pairsRight++;
        continue;
      }
      if (suggested === undefined) causes.propertyMissing++;
      else causes.valueMisread++;
      wrong.push(`${assertion.property.key}=${assertion.rawValue} (got ${suggested ?? 'none'})`);
    }
    const marks = [claimantRight ? '' : `claimant ${suggestion.claimant} ≠ ${claim.claimant}`, eventRight ? '' : `event ${suggestion.event} ≠ ${claim.event}`, ...wrong].filter((m) => m !== '');
    details.push(`  match ${overlap.toFixed(2)} ${quote(suggestion.text)}${marks.length > 0 ? `\n        ${marks.join('; ')}\n        why: ${suggestion.why}` : ''}`);
  }
  annotated.claims.forEach((claim, i) => {
    if (usedClaims.has(claim)) return;
    const overlaps = suggestionWords.map((words) => jaccard(claimWords[i], words));
    const best = Math.max(0, ...overlaps);
    const cause = best >= 0.5 ? 'same words as another claim' : best > 0 ? `cut differently (best overlap ${best.toFixed(2)})` : 'not proposed';
    if (best >= 0.5) causes.sameWords++;
    else if (best > 0) causes.cutDifferently++;
    else causes.notProposed++;
    const nearest = best > 0 && best < 0.5 ? `\n        nearest suggestion: ${quote(suggestions[overlaps.indexOf(best)].text)}` : '';
    details.push(`  missed ${quote(annotated.text.slice(claim.start, claim.end))} — ${cause}${nearest}`);
  });
  for (const suggestion of suggestions) {
    if (!usedSuggestions.has(suggestion)) details.push(`  extra  ${quote(suggestion.text)} → ${suggestion.markup.slice(suggestion.markup.lastIndexOf(']{'))}\n        why: ${suggestion.why}`);
  }
  const followed = emptyFollowed();
  const followedDetails: string[] = [];
  const followedValue = (assertions: readonly { key: string; value: string }[]) => assertions.find((a) => followedKeys.has(a.key));
  const claimValue = (claim: Claim) => followedValue(assertionsOf(claim).map((a) => ({ key: a.property.key, value: a.rawValue })));
  const suggestionValue = (suggestion: Suggestion) => followedValue(suggestion.properties);
  const pairOf = new Map<Claim | Suggestion, Pair>();
  for (const pair of pairs) pairOf.set(pair.claim, pair).set(pair.suggestion, pair);
  annotated.claims.forEach((claim, i) => {
    const given = claimValue(claim);
    if (given === undefined) return;
    followed.claims++;
    const pair = pairOf.get(claim);
    const suggested = pair === undefined ? undefined : suggestionValue(pair.suggestion);
    let status: string;
    if (pair === undefined) {
      const best = Math.max(0, ...suggestionWords.map((words) => jaccard(claimWords[i], words)));
      status = best >= 0.5 ? 'same words as another claim' : best > 0 ? 'cut differently' : 'not proposed';
      if (best >= 0.5) followed.sameWords++;
      else if (best > 0) followed.cutDifferently++;
      else followed.notProposed++;
    } else if (suggested === undefined) {
      status = 'matched, property missing';
      followed.propertyMissing++;
    } else if (suggested.key === given.key && sameValue(corpus, given.key, given.value, suggested.value)) {
      status = 'matched, right';
      followed.right++;
    } else {
      status = `matched, got ${suggested.key}=${suggested.value}`;
      followed.valueWrong++;
    }
    followedDetails.push(`  ${given.key}=${given.value} by=${claim.claimant ?? '-'}: ${status} ${quote(annotated.text.slice(claim.start, claim.end))}`);
  });
  for (const suggestion of suggestions) {
    const given = suggestionValue(suggestion);
    if (given === undefined) continue;
    followed.suggested++;
    const claim = pairOf.get(suggestion)?.claim;
    const annotatedValue = claim === undefined ? undefined : claimValue(claim);
    if (annotatedValue !== undefined && annotatedValue.key === given.key && sameValue(corpus, given.key, annotatedValue.value, given.value)) followed.suggestedRight++;
    else followedDetails.push(`  suggested ${given.key}=${given.value} by=${suggestion.claimant ?? '-'}, ${claim === undefined ? 'unmatched' : `claim gives ${annotatedValue === undefined ? 'none' : `${annotatedValue.key}=${annotatedValue.value}`}`} ${quote(suggestion.text)}`);
  }
  return { file, tally, causes, details, followed, followedDetails };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`;
}

function row(name: string, t: Tally): string {
  return `| ${name} | ${t.claims} | ${t.suggestions} | ${t.matched} | ${percent(t.matched, t.claims)} | ${percent(t.matched, t.suggestions)} | ${percent(t.claimantRight, t.matched)} | ${percent(t.eventRight, t.matched)} | ${percent(t.pairsRight, t.pairs)} (${t.pairsRight}/${t.pairs}) |`;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      details: { type: 'boolean', default: false },
      causes: { type: 'boolean', default: false },
      property: { type: 'string' },
    },
  });
  const followedKeys = new Set((values.property ?? '').split(',').filter((key) => key !== ''));
  const dir = path.resolve(positionals[0] ?? path.join(__dirname, '..', '..', 'seeds'));
  const original = await loadCorpus(dir);
  const registryText = original.registry.text;
  const results = original.files().filter((file) => file !== REGISTRY_FILE && original.document(file) !== undefined).map((file) => evaluateReport(original, registryText, file, followedKeys));
  const total = emptyTally();
  const causes = emptyCauses();
  const followed = emptyFollowed();
  for (const result of results) {
    add(total, result.tally);
    add(causes, result.causes);
    add(followed, result.followed);
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ reports: results.map((r) => ({ file: r.file, ...r.tally, causes: r.causes })), total, causes }, null, 2)}\n`);
    return;
  }
  const lines = [
    '| Report | Claims | Suggestions | Matched | Recall | Precision | Claimant | Event | Property=value |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => row(r.file, r.tally)),
    row('**All**', total),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.causes) {
    const causeLines = [
      '',
      '| Cause | Count |',
      '|---|---|',
      `| missed: not proposed (no suggestion shares a word) | ${causes.notProposed} |`,
      `| missed: cut differently (overlap under half) | ${causes.cutDifferently} |`,
      `| missed: same words as another claim (two events, nested) | ${causes.sameWords} |`,
      `| claimant missing (the outlet or none, where a party speaks) | ${causes.claimantMissing} |`,
      `| claimant wrong (another party) | ${causes.claimantWrong} |`,
      `| property=value: value misread | ${causes.valueMisread} |`,
      `| property=value: property missing | ${causes.propertyMissing} |`,
    ];
    process.stdout.write(`${causeLines.join('\n')}\n`);
  }
  if (followedKeys.size > 0) {
    const followedLines = [
      '',
      `| Claims giving ${[...followedKeys].join(' or ')} | Count |`,
      '|---|---|',
      `| claims | ${followed.claims} |`,
      `| matched, value right | ${followed.right} |`,
      `| matched, value wrong | ${followed.valueWrong} |`,
      `| matched, property missing | ${followed.propertyMissing} |`,
      `| missed: cut differently | ${followed.cutDifferently} |`,
      `| missed: not proposed | ${followed.notProposed} |`,
      `| missed: same words as another claim | ${followed.sameWords} |`,
      `| suggestions giving it | ${followed.suggested} |`,
      `| of them matched with the same value | ${followed.suggestedRight} |`,
    ];
    process.stdout.write(`${followedLines.join('\n')}\n`);
  }
  if (values.details) for (const result of results) process.stdout.write(`\n${result.file}\n${[...result.details, ...result.followedDetails].join('\n')}\n`);
}

void main();
