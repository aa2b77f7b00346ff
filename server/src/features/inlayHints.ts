// Inlay hints: after a value that means more than it writes — `~50`, `>=20`,
// a month, a year — the interval it stands for, so the analyst sees what the
// claims are compared on. Exact values (`12`, `2023-11-24`, `20..99`) have
// none: they already say it. The engine has read every value (tolerance
// included); this file only writes the interval out.

import { assertionsOf } from '../engine/claims';
import type { Corpus } from '../engine/corpus';
import { isoDays } from '../engine/read/calendar';
import { REGISTRY_FILE, type RegistryValue } from '../engine/registry';
import type { TextRange } from '../engine/syntax';
import type { ClaimValue, PropertyDefinition } from '../engine/values';

export interface InlayHintEntry {
  /** Where the hint goes: just after the value. */
  readonly offset: number;
  /** The interval, written as the markup writes one: `45..55`, `20..`, `2023-11-01..2023-11-30`. */
  readonly label: string;
  /** The same in words, for the pointer. */
  readonly tooltip: string;
}

/** The hints of `file` whose place lies in `range` (the whole file when absent), in offset order. */
export function inlayHints(corpus: Corpus, file: string, range?: TextRange): InlayHintEntry[] {
  const within = (offset: number) => !range || (range.start <= offset && offset <= range.end);
  const hints: InlayHintEntry[] = [];
  if (file === REGISTRY_FILE) {
    for (const { property, value } of registryValues(corpus)) {
      const hint = value.claimValue && within(value.end) ? hintFor(property, value.claimValue, value.value, value.end) : undefined;
      if (hint) hints.push(hint);
    }
    return hints.sort((a, b) => a.offset - b.offset);
  }
  for (const claim of corpus.document(file)?.claims ?? []) {
    for (const assertion of assertionsOf(claim)) {
      // The value ends its `key=value`.
      const at = assertion.end;
      if (!within(at)) continue;
      const hint = hintFor(assertion.property, assertion.value, assertion.valueText, at);
      if (hint) hints.push(hint);
    }
  }
  return hints;
}

/** The values written under events' `disputed:` and `estimate:`, each with its property. */
function* registryValues(corpus: Corpus): Generator<{ property: PropertyDefinition; value: RegistryValue }> {
  const { properties, entities } = corpus.registry;
  for (const entity of entities.values()) {
    for (const [key, disputed] of entity.disputed) {
      const property = properties.get(key);
      if (property) for (const value of disputed.values) yield { property, value };
    }
    for (const [key, value] of entity.estimate) {
      const property = properties.get(key);
      if (property) yield { property, value };
    }
  }
}

/** The hint for a count or date written as less than its interval; none for an exact value or one written as its interval. */
function hintFor(property: PropertyDefinition, value: ClaimValue, written: string, offset: number): InlayHintEntry | undefined {
  if (value.type !== 'interval' || value.low === value.high) return undefined;
  if (property.type === 'date') {
    const label = isoDays(value.low, value.high);
    if (label === written) return undefined;
    return { offset, label, tooltip: `${written} covers ${label.replace('..', ' to ')}, both days included` };
  }
  if (property.type !== 'count') return undefined;
  const open = !Number.isFinite(value.high);
  const label = open ? `${value.low}..` : `${value.low}..${value.high}`;
  if (label === written) return undefined;
  const extent = open ? `${value.low} or more` : `${value.low} to ${value.high}`;
  const tolerance = written.startsWith('~') && property.tolerance !== undefined ? ` (the property's tolerance is ±${property.tolerance})` : '';
  return { offset, label, tooltip: `${written} means ${extent}${tolerance}` };
}
