// Hover cards: who an entity is and how much the corpus says about it; what a
// claim asserts and who backs or denies it; an event's claims side by side.
// Offsets in, Markdown out: the engine's analysis says who agrees and who
// contradicts, this file only puts it into words; the LSP layer converts the
// range.

import { contradictionKind, originOf, standingOf, tallyClaims, type ContradictionKind, type Origin } from '../engine/analysis';
import type { Corpus, EventGroup, Footprint } from '../engine/corpus';
import { assertionsOf, claimBlockOf, type Assertion, type Claim } from '../engine/claims';
import { spanText } from '../engine/document';
import { shorten } from '../engine/names';
import { keepRecent } from '../engine/recent';
import type { ClaimantValues } from '../engine/group';
import type { Entity, PropertyEntry } from '../engine/registry';
import type { Attribute, SpanNode, TextRange } from '../engine/syntax';
import { warningsIn } from '../engine/contradictions';
import { isComparable } from '../engine/values';
import { targetAt, type Target } from './locate';
import { perRevision } from './perRevision';
import { code, entityKindLabel, entityName, escapeMarkdown, listed, MAX_LISTED, plural, valueInWords, type MatrixTarget } from './present';

export interface HoverCard {
  readonly range: TextRange;
  readonly markdown: string;
  /** The event whose claims matrix the card links to, at its end. */
  readonly showMatrix?: MatrixTarget;
}

/**
 * Past this, the event table leaves out claimants that contradict nobody,
 * and says how many in words: a hover is read at a glance. Claimants in
 * conflict are always shown: they are why the table is read.
 */
const MAX_TABLE_CLAIMANTS = 6;

/**
 * Cards already written for the corpus as it stands. An entity's card counts
 * its claims and their contradictions and an event's tabulates every claim
 * (thousands for a hot event), so a card is written once per revision of the
 * corpus and read back while nothing changes.
 */
interface WrittenCards {
  readonly entities: Map<string, string>;
  readonly analyses: WeakMap<Assertion, string>;
}

interface CardStore<Key> {
  get(key: Key): string | undefined;
  set(key: Key, card: string): unknown;
}

/** The card kept under `key` for the corpus as it stands, written first if there is none. */
function written<Key>(store: CardStore<Key>, key: Key, write: () => string): string {
  let card = store.get(key);
  if (card === undefined) {
    card = write();
    store.set(key, card);
  }
  return card;
}

const cardsOf = perRevision<WrittenCards>(() => ({ entities: new Map(), analyses: new WeakMap() }));

export function hover(corpus: Corpus, file: string, offset: number): HoverCard | undefined {
  const target = targetAt(corpus, file, offset);
  if (!target) return undefined;
  const card = hoverCard(corpus, file, target);
  const showMatrix = matrixTarget(corpus, eventsNamedBy(corpus, file, target));
  return showMatrix ? { ...card, showMatrix } : card;
}

/** The event whose claims matrix the cursor at `offset` leads to, as its hover card's link does. */
export function matrixTargetAt(corpus: Corpus, file: string, offset: number): MatrixTarget | undefined {
  const target = targetAt(corpus, file, offset);
  return target && matrixTarget(corpus, eventsNamedBy(corpus, file, target));
}

function hoverCard(corpus: Corpus, file: string, target: Target): HoverCard {
  switch (target.kind) {
    case 'entity':
      return { range: plainRange(target.range), markdown: entityCard(corpus, target.id) };
    case 'mention': {
      const text = corpus.document(file)?.text ?? '';
      return { range: plainRange(target.span), markdown: mentionCard(corpus, text, target.span, target.ids) };
    }
    case 'claim':
      return { range: plainRange(target.attribute ?? target.claim), markdown: claimCard(corpus, target.claim, target.attribute) };
    case 'property': {
      // A key inside a claim is read as "this assertion": its analysis, then what the property means.
      const owner = claimAssertingKeyAt(corpus, file, target.range);
      const definition = propertyCard(corpus, target.key);
      const markdown = owner ? `${claimCard(corpus, owner.claim, owner.attribute)}\n\n---\n\n${definition}` : definition;
      return { range: plainRange(target.range), markdown };
    }
  }
}

/** The ids a target names that may be events, the likeliest first. */
function eventsNamedBy(corpus: Corpus, file: string, target: Target): readonly (string | undefined)[] {
  switch (target.kind) {
    case 'entity':
      return [target.id];
    case 'mention':
      return target.ids;
    case 'claim':
      return [target.claim.event];
    case 'property':
      return [claimAssertingKeyAt(corpus, file, target.range)?.claim.event];
  }
}

/** The first of `ids` that is an event with claims: a matrix with something in it (asked at every hover, so without analysing the event). */
function matrixTarget(corpus: Corpus, ids: readonly (string | undefined)[]): MatrixTarget | undefined {
  const event = ids.find((id) => id !== undefined && corpus.registry.entities.get(id)?.section === 'event' && corpus.isClaimedAbout(id));
  return event !== undefined ? { event } : undefined;
}

/** Ranges leave as bare offsets: the syntax nodes they come from carry their whole subtree. */
function plainRange(range: TextRange): TextRange {
  return { start: range.start, end: range.end };
}

function claimAssertingKeyAt(corpus: Corpus, file: string, keyRange: TextRange): { claim: Claim; attribute: Attribute } | undefined {
  for (const claim of corpus.document(file)?.claims ?? []) {
    // The block opens just after the span's `]`.
    if (keyRange.start <= claim.close || keyRange.start >= claim.end) continue;
    const attribute = claimBlockOf(claim).properties.find((a) => a.start === keyRange.start);
    if (attribute) return { claim, attribute };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Words

function assertionInWords(corpus: Corpus, assertion: Assertion): string {
  return `${escapeMarkdown(assertion.property.key)} **${valueInWords(corpus, assertion.property, assertion.value, assertion.valueText)}**`;
}

/** "**outcome** = captured": the heading of one assertion's analysis. */
function assertionHeading(corpus: Corpus, assertion: Assertion): string {
  return `**${escapeMarkdown(assertion.property.key)}** = ${valueInWords(corpus, assertion.property, assertion.value, assertion.valueText)}`;
}

// ---------------------------------------------------------------------------
// Entities

function mentionCard(corpus: Corpus, text: string, span: SpanNode, ids: readonly string[]): string {
  const written = shorten(spanText(text, span), 80);
  const header = `*${escapeMarkdown(written)}* → ${ids.map(code).join(' ')}`;
  return [header, ...ids.map((id) => entityCard(corpus, id))].join('\n\n---\n\n');
}

/** How many contradiction warnings (conflicting, inconsistent) an assertion carries. */
function contradictions(corpus: Corpus, assertion: Assertion): number {
  const found = corpus.findingsOf(assertion);
  return found ? warningsIn(found) : 0;
}

/** Where an entity shows up in the corpus: the corpus keeps the counts, an actor's claims are walked here. */
interface EntityFootprint extends Footprint {
  readonly claimsMade: number;
  /** Contradiction warnings on the claims it makes. */
  readonly contradictionsMade: number;
  /** Events: the claims about it, and the warnings on them. */
  readonly claimsAbout: number;
  readonly contradictionsAbout: number;
}

function footprint(corpus: Corpus, entity: Entity): EntityFootprint {
  const made = entity.section === 'actor' ? corpus.claimsBy(entity.id) : [];
  let contradictionsMade = 0;
  for (const claim of made) for (const assertion of assertionsOf(claim)) contradictionsMade += contradictions(corpus, assertion);
  // An event's thousands of claims are counted by the corpus, group by group, each group again only once it changed.
  const event = entity.section === 'event';
  const claimsAbout = event ? corpus.claimCountAbout(entity.id) : 0;
  const contradictionsAbout = event ? corpus.contradictionsAbout(entity.id) : 0;
  return { ...corpus.footprint(entity.id), claimsMade: made.length, contradictionsMade, claimsAbout, contradictionsAbout };
}

/**
 * How many event cards, the latest shown, are written again for each new
 * revision of their corpus as soon as the server is idle (`prepareCards`),
 * not by the next hover: an analyst keeps returning to the event they edit,
 * and its card after an edit counts the changed groups again (1–2 ms at
 * 10,000 reports), long enough on a busy machine to lose the core midway.
 * Events only: their cards are kept group by group, so writing one again
 * after an edit elsewhere costs little, while an actor's card walks every
 * claim it makes (3–6 ms after each prose edit at 10,000 reports in a
 * profiled session, a fifth to two fifths of the edit's own work).
 */
const EVENT_CARDS_KEPT_CURRENT = 3;

/** Per corpus, the events whose cards were shown last, the latest last (the values say nothing: keepRecent keeps a Map). */
const eventsShown = new WeakMap<Corpus, Map<string, true>>();

function entityCard(corpus: Corpus, id: string): string {
  if (corpus.registry.entities.get(id)?.section === 'event') {
    let shown = eventsShown.get(corpus);
    if (shown === undefined) eventsShown.set(corpus, (shown = new Map<string, true>()));
    keepRecent(shown, id, true, EVENT_CARDS_KEPT_CURRENT);
  }
  return currentEntityCard(corpus, id);
}

function currentEntityCard(corpus: Corpus, id: string): string {
  return written(cardsOf(corpus).entities, id, () => writeEntityCard(corpus, id));
}

/** Writes the event cards shown last for the corpus as it stands now, so that the next hover on them reads its card back. */
export function prepareCards(corpus: Corpus): void {
  for (const id of eventsShown.get(corpus)?.keys() ?? []) currentEntityCard(corpus, id);
}

function writeEntityCard(corpus: Corpus, id: string): string {
  const entity = corpus.registry.entities.get(id);
  if (!entity) return `${code(id)} is not in corroborate.yaml: add it under actors:, places: or events:`;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(entity.name)}** ${code(entity.id)}`);
  lines.push(`*${escapeMarkdown(entityKindLabel(entity))}*${entity.anonymous ? ' · anonymous: a different claimant in each document' : ''}`);
  if (entity.aliases.length > 0) lines.push(`Aliases: ${entity.aliases.map((a) => escapeMarkdown(a.value)).join(', ')}`);
  if (entity.affiliations.length > 0) {
    lines.push(`Affiliated with: ${entity.affiliations.map((a) => `${escapeMarkdown(entityName(corpus, a.value))} ${code(a.value)}`).join(', ')}`);
  }
  if (entity.section === 'place') {
    const chain = corpus.placesContaining(entity.id).slice(1);
    if (chain.length > 0) lines.push(`In: ${chain.map((p) => escapeMarkdown(entityName(corpus, p))).join(' › ')}`);
  }
  if (entity.section === 'event') {
    const when = entity.date !== undefined ? [`Date: ${escapeMarkdown(entity.date)}`] : [];
    const where = entity.place ? [`Place: ${escapeMarkdown(entityName(corpus, entity.place.value))} ${code(entity.place.value)}`] : [];
    if (when.length + where.length > 0) lines.push([...when, ...where].join(' · '));
    for (const [property, disputed] of entity.disputed) {
      lines.push(`Disputed: ${escapeMarkdown(property)} — ${disputed.values.map((v) => escapeMarkdown(v.value)).join(' / ')}`);
    }
    const estimates = [...entity.estimate.values()].flatMap((estimate) => {
      const property = corpus.registry.properties.get(estimate.property);
      return property ? [`${escapeMarkdown(estimate.property)} ${valueInWords(corpus, property, estimate.claimValue, estimate.value)}`] : [];
    });
    if (estimates.length > 0) lines.push(`Desk’s estimate: ${estimates.join(' · ')}`);
    if (entity.assessment !== undefined) lines.push(`Assessment: ${escapeMarkdown(entity.assessment)}`);
  }
  if (entity.description !== undefined) lines.push(escapeMarkdown(entity.description));
  const found = footprint(corpus, entity);
  const parts = [plural(found.documents, 'document'), plural(found.mentions, 'mention')];
  if (found.sourceOf > 0) parts.push(`source of ${plural(found.sourceOf, 'document')}`);
  if (found.originOf > 0) parts.push(`origin of ${plural(found.originOf, 'republished document')}`);
  if (entity.section === 'actor' || found.claimsMade > 0) parts.push(`${plural(found.claimsMade, 'claim')} made`);
  if (found.valueUses > 0) parts.push(`named in ${plural(found.valueUses, 'claim value')}`);
  if (found.claimsMade > 0) parts.push(`${plural(found.contradictionsMade, 'contradiction')} on its claims`);
  if (entity.section === 'event') parts.push(`${plural(found.claimsAbout, 'claim')} about it`, plural(found.contradictionsAbout, 'contradiction'));
  lines.push(`**In the corpus:** ${parts.join(' · ')}`);
  if (entity.section === 'event') {
    const table = eventTable(corpus, entity.id);
    if (table) lines.push(table);
  }
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------
// Events: claims as a property × claimant table

/** One property's row of an event's table, before the claimants shown are chosen. */
interface TableRow {
  readonly key: string;
  readonly contested: boolean;
  /** Per actor (an anonymous claimant's documents share its column): its cell, its values each with how many documents give it. */
  readonly cells: ReadonlyMap<string, string>;
  /** Per actor, its claims on the property. */
  readonly claims: ReadonlyMap<string, number>;
  readonly inConflict: ReadonlySet<string>;
}

/**
 * Each event's rows as written, by property, with the stamp of what the
 * group's claims said then (Corpus.eventGroups): an edit reads its report
 * again, so every group it has a claim in is analysed anew, but a row needs
 * only the claims' values, claimants and documents, so only the groups whose
 * claims the edit changed are written again, and from the live group
 * (ClaimGroup.claimantValues): no snapshot of it taken, no cell's state
 * worked out beyond whether it is in conflict. Values in their compact words
 * name no entity: nothing a registry edit could change without changing the
 * groups' context, which moves their stamps.
 */
const writtenRows = new WeakMap<Corpus, Map<string, WrittenRow>>();

interface WrittenRow {
  readonly stamp: number;
  readonly row: TableRow;
}

function tableRowOf(corpus: Corpus, event: string, group: EventGroup): TableRow {
  let rows = writtenRows.get(corpus);
  if (!rows) writtenRows.set(corpus, (rows = new Map<string, WrittenRow>()));
  const key = `${event}\u0000${group.property.key}`;
  const kept = rows.get(key);
  if (kept?.stamp === group.stamp) return kept.row;
  const row = writeTableRow(corpus, group.property, group.claimants());
  rows.set(key, { stamp: group.stamp, row });
  return row;
}

function writeTableRow(corpus: Corpus, property: PropertyEntry, cells: readonly ClaimantValues[]): TableRow {
  const byActor = new Map<string, Map<string, { label: string; documents: number }>>();
  const claims = new Map<string, number>();
  const inConflict = new Set<string>();
  // A value as written reads the same in every cell: hundreds of claimants give the same few dozen figures.
  const labels = new Map<string, string>();
  for (const cell of cells) {
    if (cell.values.some((v) => v.contradicted)) inConflict.add(cell.claimant);
    let values = byActor.get(cell.claimant);
    if (!values) byActor.set(cell.claimant, (values = new Map<string, { label: string; documents: number }>()));
    for (const { key, claims: own, documents } of cell.values) {
      claims.set(cell.claimant, (claims.get(cell.claimant) ?? 0) + own.length);
      const first = own[0];
      const value = values.get(key);
      if (value) value.documents += documents;
      else {
        let label = labels.get(first.valueText);
        if (label === undefined) labels.set(first.valueText, (label = valueInWords(corpus, property, first.value, first.valueText, true)));
        values.set(key, { label, documents });
      }
    }
  }
  const cellTexts = new Map([...byActor].map(([claimant, values]) => [claimant, [...values.values()].map((v) => `${v.label} (${plural(v.documents, 'doc')})`).join(', ')]));
  return { key: property.key, contested: inConflict.size > 0, cells: cellTexts, claims, inConflict };
}

/**
 * Each event's table as last put together: its rows (the written rows above,
 * by identity), each claimant's claims summed over them and how many of them
 * put it in conflict, the claimants shown, and each row's line. An edit
 * changes the rows of the groups whose claims it changed (one, for a toll
 * edited), so the next table carries the sums over, the changed rows' counts
 * taken out and put in again, and writes again only the changed rows' lines
 * while the same claimants are shown: at 50,000 reports the hot event has
 * 139 claimants over seven rows, and summing them all and writing every
 * line was half its card after an edit elsewhere (which changes no row:
 * the table is now read back as it was) and the rest of the card once its
 * changed row was cheap.
 */
interface AssembledTable {
  readonly rows: readonly TableRow[];
  readonly claims: ReadonlyMap<string, number>;
  /** Per claimant in conflict on some row: on how many. */
  readonly conflicts: ReadonlyMap<string, number>;
  readonly shown: readonly string[];
  /** Each row's line, in the order of `rows`. */
  readonly lines: readonly string[];
  readonly text: string;
}

const assembledTables = new WeakMap<Corpus, Map<string, AssembledTable>>();

function eventTable(corpus: Corpus, event: string): string | undefined {
  const groups = corpus.eventGroups(event);
  if (groups.length === 0) return undefined;
  const rows = groups.map((group) => tableRowOf(corpus, event, group));
  let tables = assembledTables.get(corpus);
  if (!tables) assembledTables.set(corpus, (tables = new Map<string, AssembledTable>()));
  const before = tables.get(event);
  if (before && sameItems(before.rows, rows)) return before.text;
  const table = assembleTable(rows, before);
  tables.set(event, table);
  return table.text;
}

function assembleTable(rows: readonly TableRow[], before: AssembledTable | undefined): AssembledTable {
  // The sums carry over while the rows are the same properties in the same order (a property's first claim or last one changes that).
  const carried = before && sameItems(before.rows.map((row) => row.key), rows.map((row) => row.key)) ? before : undefined;
  const claims = new Map(carried?.claims);
  const conflicts = new Map(carried?.conflicts);
  rows.forEach((row, i) => {
    const previous = carried?.rows[i];
    if (previous === row) return;
    if (previous) tally(claims, conflicts, previous, -1);
    tally(claims, conflicts, row, 1);
  });
  // Claimants in conflict first, so that no ⚠ row hides who makes it; then the others, most claims first.
  const byWeight = (a: [string, number], b: [string, number]) => Number(conflicts.has(b[0])) - Number(conflicts.has(a[0])) || b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const claimants = [...claims].sort(byWeight).map(([id]) => id);
  const shown = claimants.slice(0, Math.max(MAX_TABLE_CLAIMANTS, conflicts.size));
  // A row whose claimants were all cut would stand empty: its first claimant in that order stays.
  for (const row of rows) {
    if (shown.some((claimant) => row.cells.has(claimant))) continue;
    const first = claimants.find((claimant) => row.cells.has(claimant));
    if (first !== undefined) shown.push(first);
  }
  const sameShown = carried !== undefined && sameItems(carried.shown, shown);
  const lines = rows.map((row, i) => (sameShown && carried.rows[i] === row ? carried.lines[i] : rowLine(row, shown)));
  const out = [`| | ${shown.map(code).join(' | ')} |`, `|---|${shown.map(() => '---').join('|')}|`, ...lines];
  const notes: string[] = [];
  const hidden = claimants.length - shown.length;
  if (hidden > 0) notes.push(`and ${plural(hidden, 'other claimant')}, none of them in conflict`);
  if (rows.some((row) => row.contested)) notes.push('⚠ claims on this property contradict each other');
  return { rows, claims, conflicts, shown, lines, text: [out.join('\n'), ...notes].join('\n\n') };
}

/** Adds a row's claims and conflicts to the sums over a table's rows (`sign` 1), or takes them out (-1); a claimant left with none leaves the sums. */
function tally(claims: Map<string, number>, conflicts: Map<string, number>, row: TableRow, sign: 1 | -1): void {
  for (const [claimant, count] of row.claims) addTo(claims, claimant, sign * count);
  for (const claimant of row.inConflict) addTo(conflicts, claimant, sign);
}

function addTo(counts: Map<string, number>, key: string, amount: number): void {
  const count = (counts.get(key) ?? 0) + amount;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

function rowLine(row: TableRow, shown: readonly string[]): string {
  const cells = shown.map((claimant) => row.cells.get(claimant) ?? '');
  return `| ${escapeMarkdown(row.key)}${row.contested ? ' ⚠' : ''} | ${cells.join(' | ')} |`;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

// ---------------------------------------------------------------------------
// Claims

function claimCard(corpus: Corpus, claim: Claim, attribute: Attribute | undefined): string {
  const lines: string[] = [];
  const event = claim.event !== undefined ? corpus.registry.entities.get(claim.event) : undefined;
  const claimant = claim.claimant !== undefined ? code(claim.claimant) : 'Nobody (no `by=` and no source)';
  const implicit = claimBlockOf(claim).by === undefined && claim.claimant !== undefined ? ' (the document’s source)' : '';
  const about = event ? `about *${escapeMarkdown(event.name)}*` : 'about no known event';
  const asserted = assertionsOf(claim).length > 0 ? assertionsOf(claim).map((a) => assertionInWords(corpus, a)).join(', ') : 'no property';
  lines.push(`${claimant}${implicit} claims, ${about}: ${asserted}${claim.hedged ? ' — *hedged* (conditional or unconfirmed wording)' : ''}`);
  const reported = claim.source !== undefined ? `Reported by ${code(claim.source)}` : 'No source in the front matter';
  const origin = claim.origin !== undefined && claim.origin !== claim.source ? `, republishing ${code(claim.origin)}` : '';
  const id = claim.id !== undefined ? ` · claim \`#${claim.id}\`` : '';
  lines.push(`${reported}${origin}${id}`);
  const focus = attribute ? assertionsOf(claim).filter((a) => a.start === attribute.start) : assertionsOf(claim);
  for (const assertion of focus) lines.push(propertyAnalysis(corpus, assertion));
  if (attribute && focus.length === 0) lines.push(`\`${attribute.key}=${attribute.value.raw.replace(/`/g, '')}\` is not read: see the problem reported on it`);
  return lines.join('\n\n');
}

function originLabel(origin: Origin): string {
  return origin.actor !== undefined ? code(origin.actor) : `*${escapeMarkdown(origin.document ?? '')}* (no source)`;
}

/** "`@fama`: repelled — 9 claims (2 hedged), sources `@afp`, `@rfi`", most claims first. */
function summarise(corpus: Corpus, assertions: readonly Assertion[], noteOf: (d: Assertion) => string): string[] {
  const tallies = tallyClaims(assertions, (d) => `${d.valueKey}\u0000${noteOf(d)}`);
  const lines = tallies.slice(0, MAX_LISTED).map((t) => {
    const hedged = t.hedged > 0 ? ` (${t.hedged} hedged)` : '';
    const sources = t.sources.length > 0 ? `, ${t.sources.length === 1 ? 'source' : 'sources'} ${listed(t.sources.map(code))}` : '';
    const value = valueInWords(corpus, t.first.property, t.first.value, t.first.valueText);
    return `  - ${t.claimant !== undefined ? code(t.claimant) : 'unknown claimant'}: ${value} — ${plural(t.claims, 'claim')}${hedged}${sources}${noteOf(t.first)}`;
  });
  if (tallies.length > MAX_LISTED) lines.push(`  - and ${plural(tallies.length - MAX_LISTED, 'other claimant and value', 'other claimants and values')}`);
  return lines;
}

const CONTRADICTION_NOTE: Readonly<Record<ContradictionKind, string>> = {
  'conflicting-claims': '',
  'inconsistent-reports': ' — same claimant: inconsistent reports',
  'acknowledged-dispute': ' — acknowledged dispute',
};

/** Per property: who corroborates the value (counted by independent origin) and who contradicts it. */
function propertyAnalysis(corpus: Corpus, assertion: Assertion): string {
  return written(cardsOf(corpus).analyses, assertion, () => writePropertyAnalysis(corpus, assertion));
}

function writePropertyAnalysis(corpus: Corpus, assertion: Assertion): string {
  const claim = assertion.claim;
  const head = assertionHeading(corpus, assertion) + deskEstimate(corpus, assertion);
  const analysis = claim.event !== undefined && claim.claimantKey !== undefined ? corpus.analysis(claim.event, assertion.property.key) : undefined;
  const standing = analysis && standingOf(analysis, assertion);
  if (!analysis || !standing) return `${head}\n- not compared: the claim needs a known event and claimant`;
  if (assertion.value.type === 'unknown') return `${head}\n- declined or unknown: never corroborates or contradicts`;
  if (!isComparable(assertion.value)) return `${head}\n- free text: recorded, never compared`;
  const lines = [head];
  const ownOrigin = originLabel(originOf(claim));
  if (standing.corroboration.length > 0) {
    const named = standing.corroboration.map(({ origin, documents }) => `${originLabel(origin)} (${plural(documents, 'document')})`);
    lines.push(`- ✓ **Corroborated** by ${plural(named.length, 'independent origin')} besides this report’s ${ownOrigin}: ${listed(named)}`);
  } else if (standing.agreeing.length > 0) {
    lines.push(`- ✓ Repeated only within this report’s origin ${ownOrigin}: no independent corroboration`);
  } else {
    lines.push('- No other claim corroborates it');
  }
  lines.push(...summarise(corpus, standing.agreeing, () => ''));
  if (standing.contradicting.length > 0) {
    lines.push(`- ✗ **Contradicted** by ${plural(standing.contradicting.length, 'claim')}:`);
    lines.push(...summarise(corpus, standing.contradicting, (d) => CONTRADICTION_NOTE[contradictionKind(analysis, assertion, d) ?? 'conflicting-claims']));
  } else {
    lines.push('- Nobody contradicts it');
  }
  if (standing.declined.length > 0) {
    const who = [...new Set(standing.declined.flatMap((d) => d.claim.claimant ?? []))].map(code);
    lines.push(`- Not given (?) by ${listed(who)}`);
  }
  return lines.join('\n');
}

/** "\n- Desk’s estimate: 20–50": what the desk concluded on the claim's event and property, never compared with the claims. */
function deskEstimate(corpus: Corpus, assertion: Assertion): string {
  const event = assertion.claim.event;
  const estimate = event !== undefined ? corpus.registry.entities.get(event)?.estimate.get(assertion.property.key) : undefined;
  if (!estimate) return '';
  return `\n- Desk’s estimate: ${valueInWords(corpus, assertion.property, estimate.claimValue, estimate.value)}`;
}

// ---------------------------------------------------------------------------
// Properties

function propertyCard(corpus: Corpus, key: string): string {
  const property = corpus.registry.properties.get(key);
  if (!property) return `\`${escapeMarkdown(key)}\` is not a property of corroborate.yaml: define it under properties:`;
  const lines = [`**${escapeMarkdown(property.key)}** — *property, ${property.type}*`];
  switch (property.type) {
    case 'enum': {
      lines.push(`Values: ${property.values.map(escapeMarkdown).join(', ')}, or ?`);
      const groups = property.compatible.filter((g) => g.length > 1);
      if (groups.length > 0) lines.push(`Compatible: ${groups.map((g) => g.map(escapeMarkdown).join(' ~ ')).join('; ')}`);
      break;
    }
    case 'entity':
      lines.push(`Values: @ids of ${property.kind !== undefined ? `${property.kind}s` : 'entities'}, or ?`);
      break;
    case 'count':
      lines.push(`Values: 12, 20..99, >=20, <5, ~50 (about: ±${property.tolerance ?? 'max(1, ⌈N/10⌉)'}), or ?`);
      break;
    case 'date':
      lines.push('Values: 2023, 2023-11, 2023-11-24, ranges 2023-11-24..2023-11-26, or ?');
      break;
    case 'text':
      lines.push('Free text: recorded, never compared');
      break;
  }
  if (property.description !== undefined) lines.push(escapeMarkdown(property.description));
  return lines.join('\n\n');
}
