// Hover cards: who an entity is and how much the corpus says about it; what a
// claim asserts and who backs or denies it; an event's claims side by side.
// Offsets in, Markdown out: the LSP layer only converts the range.

import type { Corpus, Footprint } from '../engine/corpus';
import { spanText, type Assertion, type Claim } from '../engine/document';
import { shorten } from '../engine/names';
import type { Entity, PropertyEntry } from '../engine/registry';
import type { Attribute, SpanNode, TextRange } from '../engine/syntax';
import { compatible, isComparable, type ClaimValue } from '../engine/values';
import { disputedKeys } from '../engine/contradictions';
import { targetAt } from './locate';

export interface HoverCard {
  readonly range: TextRange;
  readonly markdown: string;
}

const SECTION_WORD: Record<Entity['section'], string> = { actor: 'actor', place: 'place', event: 'event' };
/** Past these, a list says "+N more": a hover is read at a glance. */
const MAX_LISTED = 6;
const MAX_TABLE_CLAIMANTS = 6;
const MAX_TEXT_VALUE = 60;

export function hover(corpus: Corpus, file: string, offset: number): HoverCard | undefined {
  const target = targetAt(corpus, file, offset);
  if (!target) return undefined;
  switch (target.kind) {
    case 'entity':
      return { range: plainRange(target.range), markdown: entityCard(corpus, target.id) };
    case 'mention': {
      const text = corpus.document(file)?.text ?? '';
      return { range: plainRange(target.span), markdown: mentionCard(corpus, text, target.span, target.ids) };
    }
    case 'claim':
      return { range: plainRange(target.attribute ?? target.claim.span), markdown: claimCard(corpus, target.claim, target.attribute) };
    case 'property': {
      // A key inside a claim is read as "this assertion": its analysis, then what the property means.
      const owner = claimAssertingKeyAt(corpus, file, target.range);
      const definition = propertyCard(corpus, target.key);
      const markdown = owner ? `${claimCard(corpus, owner.claim, owner.attribute)}\n\n---\n\n${definition}` : definition;
      return { range: plainRange(target.range), markdown };
    }
  }
}

/** Ranges leave as bare offsets: the syntax nodes they come from carry their whole subtree. */
function plainRange(range: TextRange): TextRange {
  return { start: range.start, end: range.end };
}

function claimAssertingKeyAt(corpus: Corpus, file: string, keyRange: TextRange): { claim: Claim; attribute: Attribute } | undefined {
  for (const claim of corpus.document(file)?.claims ?? []) {
    if (keyRange.start < claim.block.start || keyRange.start >= claim.block.end) continue;
    const attribute = claim.block.properties.find((a) => a.keyRange.start === keyRange.start);
    if (attribute) return { claim, attribute };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Markdown helpers

/**
 * User text made inert: Markdown punctuation escaped, so a name such as
 * `a_b | c*` shows as written and cannot break a table; whitespace runs
 * become one space, so a wrapped description stays one paragraph.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]{}<>|#~]/g, (c) => `\\${c}`)
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** `@id` as code: ids are `[A-Za-z0-9_-]`, but front matter may hold anything, so backticks are dropped. */
function code(id: string): string {
  return `\`@${id.replace(/`/g, '')}\``;
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** `a, b, c (+2 more)`. */
function listed(items: readonly string[], max = MAX_LISTED): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} (+${items.length - max} more)` : shown;
}

/** "actor · armed-group", "place", "event": the section and the registry's descriptive kind. */
export function entityKindLabel(entity: Entity): string {
  return entity.kind !== undefined ? `${SECTION_WORD[entity.section]} · ${entity.kind}` : SECTION_WORD[entity.section];
}

function entityName(corpus: Corpus, id: string): string {
  return corpus.registry.entities.get(id)?.name ?? `@${id}`;
}

/** A value as a reader says it: `>=20` is "≥ 20", `~50` "about 50", `@niafunke` "Niafunké". */
function valueInWords(corpus: Corpus, property: PropertyEntry, value: ClaimValue, raw: string, compact = false): string {
  switch (value.type) {
    case 'unknown':
      return 'not given (?)';
    case 'enum':
      return escapeMarkdown(value.value);
    case 'entity':
      return compact ? code(value.id) : escapeMarkdown(entityName(corpus, value.id));
    case 'text':
      return `“${escapeMarkdown(shorten(value.text, MAX_TEXT_VALUE))}”`;
    case 'interval':
      if (property.type === 'date') return escapeMarkdown(raw.replace('..', ' to '));
      return escapeMarkdown(
        raw
          .replace(/^>=/, '≥ ')
          .replace(/^<=/, '≤ ')
          .replace(/^>(?=\d)/, '> ')
          .replace(/^<(?=\d)/, '< ')
          .replace(/^~/, 'about ')
          .replace('..', '–'),
      );
  }
}

function assertionInWords(corpus: Corpus, assertion: Assertion): string {
  return `${escapeMarkdown(assertion.property.key)} **${valueInWords(corpus, assertion.property, assertion.value, assertion.attribute.value.raw)}**`;
}

/** "**outcome** = captured": the heading of one assertion's analysis. */
function assertionHeading(corpus: Corpus, assertion: Assertion): string {
  return `**${escapeMarkdown(assertion.property.key)}** = ${valueInWords(corpus, assertion.property, assertion.value, assertion.attribute.value.raw)}`;
}

// ---------------------------------------------------------------------------
// Entities

function mentionCard(corpus: Corpus, text: string, span: SpanNode, ids: readonly string[]): string {
  const written = shorten(spanText(text, span), 80);
  const header = `*${escapeMarkdown(written)}* → ${ids.map(code).join(' ')}`;
  return [header, ...ids.map((id) => entityCard(corpus, id))].join('\n\n---\n\n');
}

const CONTRADICTION_CODES: ReadonlySet<string> = new Set(['conflicting-claims', 'inconsistent-reports']);

/** How many contradiction warnings (conflicting, inconsistent) an assertion carries. */
function contradictions(corpus: Corpus, assertion: Assertion): number {
  return corpus.findingsOf(assertion)?.findings.filter((f) => CONTRADICTION_CODES.has(f.code)).length ?? 0;
}

/** Where an entity shows up in the corpus: the corpus keeps the counts, the claims are walked here. */
interface EntityFootprint extends Footprint {
  readonly claimsMade: number;
  /** Contradiction warnings on the claims it makes. */
  readonly contradictionsMade: number;
  /** Events: the claims about it, in file and offset order, and the warnings on them. */
  readonly claimsAbout: readonly Claim[];
  readonly contradictionsAbout: number;
  /** Events: the assertions that carry a warning. */
  readonly flagged: ReadonlySet<Assertion>;
}

function footprint(corpus: Corpus, entity: Entity): EntityFootprint {
  const made = entity.section === 'actor' ? corpus.claimsBy(entity.id) : [];
  let contradictionsMade = 0;
  for (const claim of made) for (const assertion of claim.assertions) contradictionsMade += contradictions(corpus, assertion);
  const claimsAbout = entity.section === 'event' ? corpus.claimsOfEvent(entity.id) : [];
  let contradictionsAbout = 0;
  const flagged = new Set<Assertion>();
  for (const claim of claimsAbout) {
    for (const assertion of claim.assertions) {
      const n = contradictions(corpus, assertion);
      contradictionsAbout += n;
      if (n > 0) flagged.add(assertion);
    }
  }
  return { ...corpus.footprint(entity.id), claimsMade: made.length, contradictionsMade, claimsAbout, contradictionsAbout, flagged };
}

function entityCard(corpus: Corpus, id: string): string {
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
  if (entity.section === 'event') parts.push(`${plural(found.claimsAbout.length, 'claim')} about it`, plural(found.contradictionsAbout, 'contradiction'));
  lines.push(`**In the corpus:** ${parts.join(' · ')}`);
  if (entity.section === 'event') {
    const table = eventTable(corpus, found.claimsAbout, found.flagged);
    if (table) lines.push(table);
  }
  return lines.join('\n\n');
}

// ---------------------------------------------------------------------------
// Events: claims as a property × claimant table

interface Cell {
  readonly values: Map<string, { label: string; files: Set<string> }>;
}

function eventTable(corpus: Corpus, claims: readonly Claim[], flagged: ReadonlySet<Assertion>): string | undefined {
  const claimantCounts = new Map<string, number>();
  const rows = new Map<string, Map<string, Cell>>();
  const contested = new Set<string>();
  for (const claim of claims) {
    if (claim.claimant === undefined) continue;
    for (const assertion of claim.assertions) {
      claimantCounts.set(claim.claimant, (claimantCounts.get(claim.claimant) ?? 0) + 1);
      const key = assertion.property.key;
      if (flagged.has(assertion)) contested.add(key);
      let row = rows.get(key);
      if (!row) {
        row = new Map();
        rows.set(key, row);
      }
      let cell = row.get(claim.claimant);
      if (!cell) {
        cell = { values: new Map() };
        row.set(claim.claimant, cell);
      }
      let value = cell.values.get(assertion.valueKey);
      if (!value) {
        value = { label: valueInWords(corpus, assertion.property, assertion.value, assertion.attribute.value.raw, true), files: new Set() };
        cell.values.set(assertion.valueKey, value);
      }
      value.files.add(claim.file);
    }
  }
  if (rows.size === 0) return undefined;
  const claimants = [...claimantCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([id]) => id);
  const shown = claimants.slice(0, MAX_TABLE_CLAIMANTS);
  // Rows follow the registry's order of properties, which the analyst chose.
  const properties = [...corpus.registry.properties.keys()].filter((key) => rows.has(key));
  const out = [`| | ${shown.map(code).join(' | ')} |`, `|---|${shown.map(() => '---').join('|')}|`];
  for (const key of properties) {
    const row = rows.get(key) ?? new Map<string, Cell>();
    const cells = shown.map((claimant) => {
      const cell = row.get(claimant);
      if (!cell) return '';
      return [...cell.values.values()].map((v) => `${v.label} (${plural(v.files.size, 'doc')})`).join(', ');
    });
    out.push(`| ${escapeMarkdown(key)}${contested.has(key) ? ' ⚠' : ''} | ${cells.join(' | ')} |`);
  }
  const notes: string[] = [];
  const hidden = claimants.length - shown.length;
  if (hidden > 0) notes.push(`…and ${plural(hidden, 'other claimant')}`);
  if (contested.size > 0) notes.push('⚠ claims on this property contradict each other');
  return [out.join('\n'), ...notes].join('\n\n');
}

// ---------------------------------------------------------------------------
// Claims

function claimCard(corpus: Corpus, claim: Claim, attribute: Attribute | undefined): string {
  const lines: string[] = [];
  const event = claim.event !== undefined ? corpus.registry.entities.get(claim.event) : undefined;
  const claimant = claim.claimant !== undefined ? code(claim.claimant) : 'Nobody (no `by=` and no source)';
  const implicit = claim.block.by === undefined && claim.claimant !== undefined ? ' (the document’s source)' : '';
  const about = event ? `about *${escapeMarkdown(event.name)}*` : 'about no known event';
  const asserted = claim.assertions.length > 0 ? claim.assertions.map((a) => assertionInWords(corpus, a)).join(', ') : 'no property';
  lines.push(`${claimant}${implicit} claims, ${about}: ${asserted}${claim.hedged ? ' — *hedged* (conditional or unconfirmed wording)' : ''}`);
  const reported = claim.source !== undefined ? `Reported by ${code(claim.source)}` : 'No source in the front matter';
  const origin = claim.origin !== undefined && claim.origin !== claim.source ? `, republishing ${code(claim.origin)}` : '';
  const id = claim.block.id ? ` · claim \`#${claim.block.id.name}\`` : '';
  lines.push(`${reported}${origin}${id}`);
  const focus = attribute ? claim.assertions.filter((a) => a.attribute === attribute) : claim.assertions;
  for (const assertion of focus) lines.push(propertyAnalysis(corpus, assertion));
  if (attribute && focus.length === 0) lines.push(`\`${attribute.key}=${attribute.value.raw.replace(/`/g, '')}\` is not read: see the problem reported on it`);
  return lines.join('\n\n');
}

/** Independent origins: a document's origin, else its source; a document with neither stands alone. */
function originKey(claim: Claim): string {
  return claim.origin ?? `\u0000${claim.file}`;
}

function originLabel(key: string): string {
  return key.startsWith('\u0000') ? `*${escapeMarkdown(key.slice(1))}* (no source)` : code(key);
}

interface Summary {
  readonly claimant: string;
  readonly value: string;
  readonly note: string;
  claims: number;
  hedged: number;
  readonly sources: Set<string>;
}

/** "`@fama`: repelled — 9 claims (2 hedged), sources `@afp`, `@rfi`", most claims first. */
function summarise(corpus: Corpus, assertions: readonly Assertion[], noteOf: (d: Assertion) => string): string[] {
  const groups = new Map<string, Summary>();
  for (const d of assertions) {
    const claimant = d.claim.claimant ?? '';
    const note = noteOf(d);
    const key = `${claimant}\u0000${d.valueKey}\u0000${note}`;
    let summary = groups.get(key);
    if (!summary) {
      summary = { claimant, value: valueInWords(corpus, d.property, d.value, d.attribute.value.raw), note, claims: 0, hedged: 0, sources: new Set() };
      groups.set(key, summary);
    }
    summary.claims++;
    if (d.claim.hedged) summary.hedged++;
    if (d.claim.source !== undefined) summary.sources.add(d.claim.source);
  }
  const sorted = [...groups.values()].sort((a, b) => b.claims - a.claims);
  const lines = sorted.slice(0, MAX_LISTED).map((s) => {
    const hedged = s.hedged > 0 ? ` (${s.hedged} hedged)` : '';
    const sources = s.sources.size > 0 ? `, ${s.sources.size === 1 ? 'source' : 'sources'} ${listed([...s.sources].sort().map(code))}` : '';
    return `  - ${s.claimant ? code(s.claimant) : 'unknown claimant'}: ${s.value} — ${plural(s.claims, 'claim')}${hedged}${sources}${s.note}`;
  });
  if (sorted.length > MAX_LISTED) lines.push(`  - …and ${plural(sorted.length - MAX_LISTED, 'other claimant and value', 'other claimants and values')}`);
  return lines;
}

/** Per property: who corroborates the value (counted by independent origin) and who contradicts it. */
function propertyAnalysis(corpus: Corpus, assertion: Assertion): string {
  const claim = assertion.claim;
  const head = assertionHeading(corpus, assertion);
  if (claim.event === undefined || claim.claimantKey === undefined) return `${head}\n- not compared: the claim needs a known event and claimant`;
  if (assertion.value.type === 'unknown') return `${head}\n- declined or unknown: never corroborates or contradicts`;
  if (!isComparable(assertion.value)) return `${head}\n- free text: recorded, never compared`;
  const agreeing: Assertion[] = [];
  const contradicting: Assertion[] = [];
  const undeclared: Assertion[] = [];
  const within = (id: string) => corpus.placesContaining(id);
  for (const d of corpus.claimsAbout(claim.event, assertion.property.key)) {
    if (d === assertion) continue;
    if (d.value.type === 'unknown') undeclared.push(d);
    else if (!isComparable(d.value)) continue;
    else if (d.valueKey === assertion.valueKey || compatible(assertion.property, assertion.value, d.value, within)) agreeing.push(d);
    else contradicting.push(d);
  }
  const lines = [head];
  const ownOrigin = originKey(claim);
  const origins = new Map<string, Set<string>>();
  for (const d of agreeing) {
    const key = originKey(d.claim);
    if (key === ownOrigin) continue;
    const files = origins.get(key) ?? new Set<string>();
    files.add(d.claim.file);
    origins.set(key, files);
  }
  if (origins.size > 0) {
    const named = [...origins].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, files]) => `${originLabel(key)} (${plural(files.size, 'document')})`);
    lines.push(`- ✓ **Corroborated** by ${plural(origins.size, 'independent origin')} besides this report’s ${originLabel(ownOrigin)}: ${listed(named)}`);
  } else if (agreeing.length > 0) {
    lines.push(`- ✓ Repeated only within this report’s origin ${originLabel(ownOrigin)}: no independent corroboration`);
  } else {
    lines.push('- No other claim corroborates it');
  }
  lines.push(...summarise(corpus, agreeing, () => ''));
  if (contradicting.length > 0) {
    const event = corpus.registry.entities.get(claim.event);
    const acknowledged = disputedKeys(assertion.property, event);
    const ownAcknowledged = acknowledged.has(assertion.valueKey);
    lines.push(`- ✗ **Contradicted** by ${plural(contradicting.length, 'claim')}:`);
    lines.push(
      ...summarise(corpus, contradicting, (d) => {
        if (ownAcknowledged && acknowledged.has(d.valueKey)) return ' — acknowledged dispute';
        return d.claim.claimantKey === claim.claimantKey ? ' — same claimant: inconsistent reports' : '';
      }),
    );
  } else {
    lines.push('- Nobody contradicts it');
  }
  if (undeclared.length > 0) {
    const who = [...new Set(undeclared.map((d) => d.claim.claimant ?? ''))].filter((c) => c !== '').map(code);
    lines.push(`- Not given (?) by ${listed(who)}`);
  }
  return lines.join('\n');
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
