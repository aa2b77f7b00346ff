// The synthetic newsroom corpus the benchmark runs on: N reports in French
// and English (~3 KB, ~10 mentions, ~5 claims each), ~200 actors, ~130
// places nested through `in:`, N/20 events. Claims spread over events
// Zipf-like, with the hottest event holding 6% of them; about a tenth of the
// events are contradictory (two camps claiming disjoint tolls and opposite
// outcomes), a third of those acknowledged in the registry. Everything comes
// from the seed: the same seed, shape and N give the same bytes.
//
// Two shapes. `standard` is the benchmark corpus of issue 5, kept as it is so
// figures stay comparable from one run to the next. `contested` (issue 12)
// gives the hot event a story nobody agrees on: 1 report in 16 is about it,
// each with about two claims per property, so a group holds ~N/8 claims
// (1,250 at 10,000 reports), and the values scatter: tolls over a wide range,
// five outcomes, dates over a week, named and anonymous claimants, hedged
// and `?` values. The dated-alike event's other reports scatter their dates
// too, so the shared-value flip lands in a group that already disagrees.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Random } from './random';
import {
  ANONYMOUS_SOURCES,
  ARMED_GROUP_PATTERNS,
  CODAS,
  COUNTRIES,
  EVENT_KINDS,
  FIRST_NAMES,
  HEADLINES,
  LAST_NAMES,
  MEDIA_PATTERNS,
  MONTHS_EN,
  MONTHS_FR,
  ONSETS,
  ORGANISATION_PATTERNS,
  PROSE_EDIT,
  UNANNOTATED,
  VICTIMS,
  VOWELS,
  fillerSentence,
  fold,
  proseWords,
  type Language,
} from './vocabulary';

export type CorpusShape = 'standard' | 'contested';
export const CORPUS_SHAPES: readonly CorpusShape[] = ['standard', 'contested'];

export interface CorpusOptions {
  readonly documents: number;
  readonly seed: number;
  /** An empty folder to write corroborate.yaml and reports/ into. */
  readonly dir: string;
  /** Default `standard`. */
  readonly shape?: CorpusShape;
}

export type EditKind = 'prose' | 'proseInHotReport' | 'sharedValue' | 'hotEvent' | 'registry';
export const EDIT_KINDS: readonly EditKind[] = ['prose', 'proseInHotReport', 'sharedValue', 'hotEvent', 'registry'];

/** A place in one file where an edit toggles between two texts. */
export interface EditSite {
  /** Corpus-relative path. */
  readonly file: string;
  readonly offset: number;
  /** The text at `offset` now, and the text the edit puts there; successive edits alternate. */
  readonly variants: readonly [string, string];
  readonly description: string;
  /**
   * Where a hover shows which variant the server holds (the edited value's
   * claim card, the edited actor's card with its aliases), so an edit is
   * timed to an answer that proves it applied. Absent when no answer can
   * tell (prose typed at the end of a report changes nothing a request shows).
   */
  readonly witness?: { readonly file: string; readonly offset: number };
  /** The other report an editor shows beside the edited one: pull clients ask its diagnostics too. */
  readonly companion: string;
}

export interface ProbeSite {
  readonly file: string;
  readonly offset: number;
  readonly description: string;
}

export interface GeneratedCorpus {
  readonly dir: string;
  /** Corpus-relative paths of the reports, sorted. */
  readonly files: readonly string[];
  /** Bytes of the reports and corroborate.yaml. */
  readonly bytes: number;
  readonly registryBytes: number;
  readonly actors: number;
  readonly places: number;
  readonly events: number;
  readonly contradictoryEvents: number;
  readonly claims: number;
  readonly mentions: number;
  readonly unannotatedAliases: number;
  readonly shape: CorpusShape;
  readonly hotEvent: {
    readonly id: string;
    readonly claims: number;
    readonly share: number;
    /** Reports with at least one claim about it. */
    readonly reports: number;
    /** Per property: claims, and distinct values as written. */
    readonly properties: readonly { readonly property: string; readonly claims: number; readonly values: number }[];
  };
  /** A claim value many reports give alike: the edit that flips it touches them all. */
  readonly sharedValue: { readonly event: string; readonly property: string; readonly value: string; readonly reports: number };
  /** `proseInHotReport` is the same kind of prose edit as `prose`, in the report whose claim `hotEvent` changes. */
  readonly edits: Readonly<Record<EditKind, EditSite>>;
  readonly hovers: readonly ProbeSite[];
  readonly completions: readonly ProbeSite[];
}

/** Share of all claims the hottest event holds: a big story (issue 5 asks for at least 5%). */
const HOT_SHARE = 0.06;
/** Reports that give the shared event's date word for word (the flip edit needs 50 others). */
const SHARED_REPORTS = 60;
const CONTRADICTORY_EVENTS = 0.1;
/** Contested shape: the share of reports about the hot event (none mentions it in passing). */
const CONTESTED_HOT_REPORTS = 1 / 16;
/** Contested shape: claims per hot report on each of these properties, 1 to 3 (about two). */
const CONTESTED_CORE: readonly Property[] = ['killed', 'wounded', 'outcome', 'date'];
/** Contested shape: the other properties a hot report may add a claim on, with their chance. */
const CONTESTED_EXTRA: readonly (readonly [Property, number])[] = [
  ['captured', 0.5],
  ['place', 0.3],
  ['attacker', 0.3],
];
const OUTCOMES: readonly Outcome[] = ['captured', 'repelled', 'withdrawn'];
/** The contested shape's registry adds two outcomes, so the hot event's outcome claims spread over five values. */
const CONTESTED_OUTCOMES: readonly Outcome[] = [...OUTCOMES, 'besieged', 'abandoned'];
const FIRST_DAY = Date.UTC(2023, 0, 1) / 86_400_000;

interface Actor {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly aliases: readonly string[];
  readonly forms: Record<Language, readonly string[]>;
  readonly affiliations: readonly string[];
  readonly anonymous: boolean;
  readonly description?: string;
}

type PlaceLevel = 'area' | 'country' | 'region' | 'town';

interface Place {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly level: PlaceLevel;
  readonly in?: Place;
  /** French preposition for a country ("au", "en"). */
  readonly inFr?: string;
  readonly country?: number;
}

type Outcome = 'captured' | 'repelled' | 'withdrawn' | 'besieged' | 'abandoned';

interface Event {
  readonly index: number;
  readonly id: string;
  readonly kind: (typeof EVENT_KINDS)[number];
  readonly town: Place;
  readonly day: number;
  readonly attacker: Actor;
  readonly defender: Actor;
  readonly government: Actor;
  readonly contradictory: boolean;
  readonly acknowledged: boolean;
  readonly killed: number;
  readonly wounded: number;
  readonly captured: number;
  readonly outcome: Outcome;
  /** Contradictory events: the attackers' toll and the defenders' toll, far enough apart that no way of writing them overlaps. */
  readonly attackersKilled: number;
  readonly defendersKilled: number;
}

type Property = 'killed' | 'wounded' | 'captured' | 'outcome' | 'date' | 'place' | 'attacker';

interface ClaimPlan {
  readonly event: Event;
  readonly assertions: readonly { readonly property: Property; readonly value: string }[];
  readonly claimant?: Actor;
  readonly hedged: boolean;
  readonly id?: string;
}

const PROPERTY_WEIGHTS: readonly [Property, number][] = [
  ['killed', 30],
  ['date', 20],
  ['outcome', 15],
  ['wounded', 12],
  ['place', 10],
  ['attacker', 8],
  ['captured', 5],
];

function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function capitalise(text: string): string {
  const at = text.search(/\p{L}/u);
  return at < 0 ? text : text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1);
}

/** YAML double-quoted scalar: JSON's string syntax is a subset of it. */
function quoted(text: string): string {
  return JSON.stringify(text);
}

/**
 * The Zipf exponent that gives the first of `count` ranks the share `top` of
 * the total; a flat spread when even that gives it more.
 */
function zipfExponent(count: number, top: number): number {
  const share = (s: number) => {
    let sum = 0;
    for (let k = 1; k <= count; k++) sum += k ** -s;
    return 1 / sum;
  };
  if (share(0) >= top) return 0;
  let low = 0;
  let high = 8;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (share(middle) < top) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/** Splits `total` into integer parts proportional to `weights` (largest remainder), so quotas add up exactly. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left-- <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

class Generator {
  private readonly random: Random;
  private readonly usedIds = new Set<string>();
  private readonly usedNames = new Set<string>();
  private readonly reservedWords = proseWords();
  readonly actors: Actor[] = [];
  readonly places: Place[] = [];
  readonly events: Event[] = [];
  private readonly towns: Place[] = [];
  private readonly regions: Place[] = [];
  private readonly groups: Actor[] = [];
  private readonly media: Actor[] = [];
  private readonly organisations: Actor[] = [];
  private readonly persons: Actor[] = [];
  private readonly anonymous: Actor[] = [];
  private readonly forces: Actor[][] = [];
  private readonly governments: Actor[] = [];
  claims = 0;
  mentions = 0;
  unannotated = 0;

  constructor(
    seed: number,
    private readonly shape: CorpusShape,
  ) {
    this.random = new Random(seed);
  }

  /** Actors, places and events share one id namespace: a repeat is a generator bug. */
  private reserveId(id: string): string {
    if (this.usedIds.has(id)) throw new Error(`generator made the id ${id} twice`);
    this.usedIds.add(id);
    return id;
  }

  /** An invented place name (Kédoura, Tinzawé…) unused so far and unlike any prose word. */
  private toponym(): string {
    for (;;) {
      let name = '';
      const syllables = this.random.int(2, 3);
      for (let i = 0; i < syllables; i++) name += this.random.pick(ONSETS) + this.random.pick(VOWELS);
      name = capitalise(name + this.random.pick(CODAS));
      const key = fold(name);
      if (name.length < 5 || this.usedNames.has(key) || this.reservedWords.has(key) || this.usedIds.has(slug(name))) continue;
      this.usedNames.add(key);
      return name;
    }
  }

  private addActor(actor: Actor): Actor {
    this.reserveId(actor.id);
    this.actors.push(actor);
    return actor;
  }

  private addPlace(place: Place): Place {
    this.reserveId(place.id);
    this.places.push(place);
    return place;
  }

  /** An upper-case acronym from a name's words (Front de libération du Kédou: FLK), made unique. */
  private acronym(name: string): string {
    const words = name.split(/[\s'-]+/).filter((w) => !['de', 'du', 'des', 'le', 'la', 'pour', 'al', 'l'].includes(w.toLowerCase()));
    const base = fold(words.map((w) => w.charAt(0)).join('')).toUpperCase();
    const last = fold(words[words.length - 1] ?? 'X').toUpperCase();
    for (let extra = 1; ; extra++) {
      const candidate = base + last.slice(1, extra);
      if (extra > last.length) return `${base}${extra}`;
      if (!this.usedNames.has(fold(candidate))) {
        this.usedNames.add(fold(candidate));
        return candidate;
      }
    }
  }

  buildRegistry(eventCount: number): void {
    const sahel = this.addPlace({ id: 'sahel', name: 'Sahel', aliases: ['Sahel'], level: 'area' });
    COUNTRIES.forEach((country, index) => {
      for (const actor of [...country.forces, country.government]) for (const alias of actor.aliases) this.usedNames.add(fold(alias));
      for (const alias of country.aliases) this.usedNames.add(fold(alias));
      const place = this.addPlace({ id: country.id, name: country.name, aliases: country.aliases, level: 'country', in: sahel, inFr: country.inFr, country: index });
      for (let r = 0; r < 4; r++) {
        const regionName = this.toponym();
        const region = this.addPlace({
          id: slug(regionName),
          name: `Région de ${regionName}`,
          aliases: [regionName, `région de ${regionName}`, `${regionName} region`],
          level: 'region',
          in: place,
          country: index,
        });
        this.regions.push(region);
        for (let t = 0; t < 4; t++) {
          const townName = this.toponym();
          this.towns.push(this.addPlace({ id: slug(townName), name: townName, aliases: [townName], level: 'town', in: region, country: index }));
        }
      }
      this.forces.push(
        country.forces.map((force) =>
          this.addActor({
            id: `${country.id}-${force.suffix}`,
            name: force.name,
            kind: force.kind,
            aliases: force.aliases,
            forms: { fr: force.fr, en: force.en },
            affiliations: [],
            anonymous: false,
          }),
        ),
      );
      const government = country.government;
      this.governments.push(
        this.addActor({
          id: `${country.id}-government`,
          name: government.name,
          kind: government.kind,
          aliases: government.aliases,
          forms: { fr: government.fr, en: government.en },
          affiliations: [],
          anonymous: false,
        }),
      );
    });
    for (const source of ANONYMOUS_SOURCES) {
      this.anonymous.push(
        this.addActor({ id: source.id, name: source.name, kind: 'other', aliases: source.aliases, forms: { fr: [source.fr], en: [source.en] }, affiliations: [], anonymous: true }),
      );
    }
    for (let i = 0; i < 40; i++) {
      const pattern = ARMED_GROUP_PATTERNS[i % ARMED_GROUP_PATTERNS.length];
      if (!pattern) continue;
      const region = this.random.pick(this.regions);
      const place = region.aliases[0] ?? region.name;
      const name = pattern.name(this.toponym());
      const acronym = pattern.en ? this.acronym(name) : undefined;
      const english = pattern.en?.(name.split(' ').pop() ?? name);
      const article = pattern.articleFr;
      const withArticle = (text: string) => (article === '' ? text : `${article} ${text}`);
      const affiliations = this.groups.length > 0 && this.random.chance(0.3) ? [this.random.pick(this.groups).id] : [];
      this.groups.push(
        this.addActor({
          id: slug(name),
          name: acronym ? `${name} (${acronym})` : name,
          kind: 'armed-group',
          aliases: [name, ...(acronym ? [acronym] : []), ...(english ? [english] : [])],
          forms: {
            fr: [withArticle(name), ...(acronym ? [withArticle(acronym)] : [])],
            en: [english ? `the ${english}` : name, ...(acronym ? [`the ${acronym}`] : [])],
          },
          affiliations,
          anonymous: false,
          description: `Groupe armé actif dans la région de ${place} depuis ${this.random.int(2012, 2022)}.`,
        }),
      );
    }
    for (let i = 0; i < 30; i++) {
      const pattern = MEDIA_PATTERNS[i % MEDIA_PATTERNS.length];
      if (!pattern) continue;
      const name = pattern(this.toponym());
      this.media.push(this.addActor({ id: slug(name), name, kind: 'media', aliases: [name], forms: { fr: [name], en: [name] }, affiliations: [], anonymous: false }));
    }
    for (let i = 0; i < 30; i++) {
      const pattern = ORGANISATION_PATTERNS[i % ORGANISATION_PATTERNS.length];
      if (!pattern) continue;
      const name = pattern.name(this.toponym());
      const fr = pattern.articleFr === '' ? name : pattern.articleFr === "l'" ? `l'${name}` : `${pattern.articleFr} ${name}`;
      this.organisations.push(
        this.addActor({ id: slug(name), name, kind: pattern.kind, aliases: [name], forms: { fr: [fr], en: [`the ${name}`] }, affiliations: [], anonymous: false }),
      );
    }
    const employers = [...this.groups, ...this.organisations, ...this.forces.flat()];
    while (this.persons.length < 70) {
      const name = `${this.random.pick(FIRST_NAMES)} ${this.random.pick(LAST_NAMES)}`;
      if (this.usedNames.has(fold(name))) continue;
      this.usedNames.add(fold(name));
      const employer = this.random.pick(employers);
      this.persons.push(
        this.addActor({
          id: slug(name),
          name,
          kind: 'person',
          aliases: [name],
          forms: { fr: [name], en: [name] },
          affiliations: [employer.id],
          anonymous: false,
          description: `Porte-parole : ${employer.name}.`,
        }),
      );
    }

    // About a tenth of the events are contradictory: the hottest one (a contested big story) and a random choice of the rest.
    const contested = new Set([0, ...this.random.shuffle(Array.from({ length: Math.max(0, eventCount - 2) }, (_, i) => i + 2)).slice(0, Math.round(eventCount * CONTRADICTORY_EVENTS) - 1)]);
    for (let index = 0; index < eventCount; index++) {
      const kind = this.random.pick(EVENT_KINDS);
      const town = this.random.pick(this.towns);
      const country = town.country ?? 0;
      // The shared event (index 1) is the calm story every outlet dates alike.
      const contradictory = contested.has(index);
      const forces = this.forces[country] ?? [];
      this.events.push({
        index,
        id: this.reserveId(`${kind.slug}-${slug(town.name)}-${pad(index + 1, 4)}`),
        kind,
        town,
        day: FIRST_DAY + this.random.int(0, 729),
        attacker: this.random.pick(this.groups),
        defender: forces[0] ?? this.random.pick(this.groups),
        government: this.governments[country] ?? this.random.pick(this.governments),
        contradictory,
        acknowledged: contradictory && index !== 0 && this.random.chance(1 / 3),
        killed: this.random.int(2, 60),
        wounded: this.random.int(2, 80),
        captured: this.random.int(2, 12),
        outcome: this.random.pick(OUTCOMES),
        attackersKilled: this.random.int(45, 90),
        defendersKilled: this.random.int(10, 15),
      });
    }
  }

  registryText(documents: number, seed: number, events: ReadonlyMap<Event, number>): string {
    const out: string[] = [
      `# Synthetic newsroom corpus for the Corroborate benchmark: ${documents} reports, seed ${seed}${this.shape === 'standard' ? '' : `, ${this.shape} shape`}.`,
      '# Written by bench/corpus.ts; change the generator, not this file.',
      'documents: ["reports/**/*.txt"]',
      '',
      'properties:',
      '  killed:',
      '    type: count',
      '    description: People killed on the attacked side.',
      '  wounded:',
      '    type: count',
      '    description: People wounded on the attacked side.',
      '  captured:',
      '    type: count',
      '    description: Prisoners taken by the attackers.',
      '  outcome:',
      '    type: enum',
      ...(this.shape === 'contested'
        ? [`    values: [${CONTESTED_OUTCOMES.join(', ')}]`, '    compatible: [[captured, withdrawn], [besieged, repelled]]']
        : [`    values: [${OUTCOMES.join(', ')}]`, '    compatible: [[captured, withdrawn]]']),
      '    description: What became of the attacked position.',
      '  date:',
      '    type: date',
      '    description: When the event took place.',
      '  place:',
      '    type: entity',
      '    kind: place',
      '    description: Where the event took place; places compare through in:.',
      '  attacker:',
      '    type: entity',
      '    kind: actor',
      '    description: Who carried out the attack.',
      '',
      'actors:',
    ];
    for (const actor of this.actors) {
      out.push(`  ${actor.id}:`, `    name: ${quoted(actor.name)}`, `    kind: ${actor.kind}`, `    aliases: [${actor.aliases.map(quoted).join(', ')}]`);
      if (actor.affiliations.length > 0) out.push(`    affiliations: [${actor.affiliations.join(', ')}]`);
      if (actor.anonymous) out.push('    anonymous: true');
      if (actor.description !== undefined) out.push(`    description: ${quoted(actor.description)}`);
    }
    out.push('', 'places:');
    for (const place of this.places) {
      out.push(`  ${place.id}:`, `    name: ${quoted(place.name)}`, `    aliases: [${place.aliases.map(quoted).join(', ')}]`);
      if (place.in) out.push(`    in: ${place.in.id}`);
    }
    out.push('', 'events:');
    for (const event of this.events) {
      out.push(
        `  ${event.id}:`,
        `    name: ${quoted(`${event.kind.fr} ${event.town.name} (${isoDay(event.day)})`)}`,
        `    date: ${isoDay(event.day)}`,
        `    place: ${event.town.id}`,
        `    description: ${quoted(`${events.get(event) ?? 0} claims in the generated corpus.`)}`,
      );
      if (event.acknowledged) {
        out.push('    disputed: { outcome: [captured, repelled] }', `    assessment: ${quoted('Both sides claim the upper hand; no independent account yet.')}`);
      }
    }
    return out.join('\n') + '\n';
  }

  /** How a report names an actor, as a mention span. */
  mention(actor: Actor, language: Language): string {
    this.mentions++;
    return `[${this.random.pick(actor.forms[language])}]{@${actor.id}}`;
  }

  /** "de" before an actor's mention, contracted as French requires (du, des). */
  ofMention(actor: Actor): string {
    this.mentions++;
    const form = this.random.pick(actor.forms.fr);
    if (form.startsWith('le ')) return `du [${form.slice(3)}]{@${actor.id}}`;
    if (form.startsWith('les ')) return `des [${form.slice(4)}]{@${actor.id}}`;
    return `de [${form}]{@${actor.id}}`;
  }

  placeMention(place: Place, language: Language): string {
    this.mentions++;
    const name = place.aliases[0] ?? place.name;
    if (language === 'fr') {
      if (place.level === 'town') return `à [${name}]{@${place.id}}`;
      if (place.level === 'region') return `dans la [région de ${name}]{@${place.id}}`;
      return `${place.inFr ?? 'au'} [${name}]{@${place.id}}`;
    }
    if (place.level === 'region') return `in the [${name} region]{@${place.id}}`;
    return `in [${name}]{@${place.id}}`;
  }

  countValue(n: number, allowAtLeast: boolean): string {
    const r = this.random.next();
    if (r < 0.5) return String(n);
    if (r < 0.7) return `~${n}`;
    if (r < 0.85 && allowAtLeast) return `>=${Math.max(1, n - this.random.int(0, 3))}`;
    return `${Math.max(0, n - this.random.int(0, 2))}..${n + this.random.int(1, 3)}`;
  }

  dateValue(day: number, exact: boolean): string {
    const iso = isoDay(day);
    const r = exact ? 0 : this.random.next();
    if (r < 0.7) return iso;
    if (r < 0.85) return iso.slice(0, 7);
    const next = isoDay(day + 1);
    return next.slice(0, 7) === iso.slice(0, 7) ? `${iso}..${next}` : iso;
  }

  plan(event: Event, report: number, forced?: { property: Property; value: string; claimant?: Actor }): ClaimPlan {
    const cumulative: number[] = [];
    for (const [, weight] of PROPERTY_WEIGHTS) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + weight);
    const property = forced?.property ?? PROPERTY_WEIGHTS[this.random.weighted(cumulative)]?.[0] ?? 'killed';
    const contested = event.contradictory && (property === 'killed' || property === 'outcome');
    const camp = contested ? (this.random.chance(0.5) ? 'attackers' : 'defenders') : undefined;
    let claimant: Actor | undefined;
    if (forced) claimant = forced.claimant;
    else if (camp) claimant = this.random.chance(0.7) ? (camp === 'attackers' ? event.attacker : event.defender) : undefined;
    else if (property === 'attacker' && this.random.chance(0.5)) claimant = event.attacker;
    else {
      const r = this.random.next();
      if (r < 0.35) claimant = undefined;
      else if (r < 0.5) claimant = this.random.pick(this.anonymous);
      else if (r < 0.7) claimant = event.defender;
      else if (r < 0.8) claimant = event.attacker;
      else if (r < 0.9) claimant = event.government;
      else claimant = this.random.pick(this.random.chance(0.5) ? this.organisations : this.persons);
    }
    const assertions: { property: Property; value: string }[] = [];
    const value = (p: Property): string => {
      switch (p) {
        case 'killed':
          if (camp === 'attackers') return this.countValue(event.attackersKilled, true);
          if (camp === 'defenders') return this.countValue(event.defendersKilled, false);
          return this.random.chance(0.03) ? '?' : this.countValue(event.killed, true);
        case 'wounded':
          return this.countValue(event.wounded, true);
        case 'captured':
          return this.countValue(event.captured, true);
        case 'outcome':
          if (camp === 'defenders') return 'repelled';
          if (camp === 'attackers') return this.random.chance(0.2) ? 'withdrawn' : 'captured';
          return event.outcome === 'captured' && this.random.chance(0.2) ? 'withdrawn' : event.outcome;
        case 'date':
          // Contested shape: the dated-alike event's other claims scatter over five days around it.
          if (this.shape === 'contested' && event.index === 1) return this.dateValue(event.day + this.random.int(-2, 2), false);
          return this.dateValue(event.day, event.index === 1);
        case 'place': {
          const r = this.random.next();
          const place = r < 0.6 ? event.town : r < 0.85 ? event.town.in : event.town.in?.in;
          return `@${(place ?? event.town).id}`;
        }
        case 'attacker':
          return `@${event.attacker.id}`;
      }
    };
    assertions.push({ property, value: forced?.value ?? value(property) });
    if (!forced && property === 'killed' && assertions[0]?.value !== '?' && this.random.chance(0.15)) assertions.push({ property: 'wounded', value: value('wounded') });
    const id = !forced && this.random.chance(0.1) ? `c${pad(report + 1, 6)}-${this.claims + 1}` : undefined;
    this.claims++;
    return { event, assertions, ...(claimant ? { claimant } : {}), hedged: !forced && this.random.chance(0.1), ...(id !== undefined ? { id } : {}) };
  }

  /**
   * Contested shape: the claims of one report about the hot event, about two
   * per core property and a few more, the forced one (the edit site) first.
   */
  contestedPlans(event: Event, report: number, forced?: { property: Property; value: string; claimant?: Actor }): ClaimPlan[] {
    const plans: ClaimPlan[] = forced ? [this.plan(event, report, forced)] : [];
    for (const property of CONTESTED_CORE) {
      const count = this.random.int(1, 3);
      for (let i = 0; i < count; i++) plans.push(this.contestedPlan(event, report, property));
    }
    for (const [property, chance] of CONTESTED_EXTRA) if (this.random.chance(chance)) plans.push(this.contestedPlan(event, report, property));
    return plans;
  }

  /** A claim about the contested hot event: each party has its own version, and nobody writes it the same way. */
  private contestedPlan(event: Event, report: number, property: Property): ClaimPlan {
    const random = this.random;
    const r = random.next();
    let claimant: Actor | undefined;
    let side: 'attackers' | 'defenders' | 'others' = 'others';
    if (r < 0.15) claimant = undefined;
    else if (r < 0.35) claimant = random.pick(this.anonymous);
    else if (r < 0.55) [claimant, side] = [event.attacker, 'attackers'];
    else if (r < 0.72) [claimant, side] = [event.defender, 'defenders'];
    else if (r < 0.82) [claimant, side] = [event.government, 'defenders'];
    else claimant = random.pick(random.chance(0.5) ? this.organisations : this.persons);
    /** A toll each side tells its own way; others anywhere between, spread log-uniformly. */
    const toll = (attackers: readonly [number, number], defenders: readonly [number, number], others: readonly [number, number]): string => {
      if (random.chance(0.06)) return '?';
      const [low, high] = side === 'attackers' ? attackers : side === 'defenders' ? defenders : others;
      const n = side === 'others' ? Math.round(low * (high / low) ** random.next()) : random.int(low, high);
      const w = random.next();
      if (w < 0.45) return String(n);
      if (w < 0.65) return `~${n}`;
      if (w < 0.8) return `>=${n}`;
      return `${n}..${n + random.int(1, Math.max(2, Math.round(n / 3)))}`;
    };
    let value: string;
    switch (property) {
      case 'killed':
        value = toll([40, 320], [2, 35], [5, 250]);
        break;
      case 'wounded':
        value = toll([20, 150], [5, 60], [5, 200]);
        break;
      case 'captured':
        value = toll([5, 60], [1, 5], [1, 40]);
        break;
      case 'outcome':
        value =
          side === 'attackers'
            ? random.pick<Outcome>(['captured', 'captured', 'captured', 'besieged', 'withdrawn'])
            : side === 'defenders'
              ? random.pick<Outcome>(['repelled', 'repelled', 'repelled', 'withdrawn', 'besieged'])
              : random.pick(CONTESTED_OUTCOMES);
        break;
      case 'date': {
        const day = event.day + (side === 'others' ? random.int(-3, 3) : random.int(-1, 1));
        value = this.dateValue(day, false);
        break;
      }
      case 'place': {
        const p = random.next();
        const place = p < 0.5 ? event.town : p < 0.7 ? event.town.in : p < 0.8 ? event.town.in?.in : random.pick(this.towns);
        value = `@${(place ?? event.town).id}`;
        break;
      }
      case 'attacker':
        value = `@${(random.chance(0.7) ? event.attacker : random.pick(this.groups)).id}`;
        break;
    }
    const id = random.chance(0.1) ? `c${pad(report + 1, 6)}-${this.claims + 1}` : undefined;
    this.claims++;
    return { event, assertions: [{ property, value }], ...(claimant ? { claimant } : {}), hedged: random.chance(0.2), ...(id !== undefined ? { id } : {}) };
  }

  private countPhrase(value: string, language: Language): string {
    const range = /^(\d+)\.\.(\d+)$/.exec(value);
    if (range) return language === 'fr' ? `entre ${range[1]} et ${range[2]}` : `between ${range[1]} and ${range[2]}`;
    if (value.startsWith('~')) return language === 'fr' ? `environ ${value.slice(1)}` : `about ${value.slice(1)}`;
    if (value.startsWith('>=')) return language === 'fr' ? `au moins ${value.slice(2)}` : `at least ${value.slice(2)}`;
    return value;
  }

  private datePhrase(value: string, language: Language): string {
    const [first, last] = value.split('..');
    const [year, month, day] = (first ?? '').split('-').map(Number);
    const monthName = (language === 'fr' ? MONTHS_FR : MONTHS_EN)[(month ?? 1) - 1] ?? '';
    if (day === undefined) return language === 'fr' ? `en ${monthName} ${year}` : `in ${monthName} ${year}`;
    if (last !== undefined) {
      const lastDay = Number(last.slice(8));
      return language === 'fr' ? `entre le ${day} et le ${lastDay} ${monthName} ${year}` : `between ${day} and ${lastDay} ${monthName} ${year}`;
    }
    return language === 'fr' ? `le ${day} ${monthName} ${year}` : `on ${day} ${monthName} ${year}`;
  }

  private clause(plan: ClaimPlan, language: Language): string {
    const [first, second] = plan.assertions;
    if (!first) return '';
    const fr = language === 'fr';
    const h = plan.hedged;
    const victims = this.random.pick(VICTIMS[language]);
    switch (first.property) {
      case 'killed': {
        if (first.value === '?') return fr ? "aucun bilan n'a été communiqué" : 'no toll was given';
        const killed = `${this.countPhrase(first.value, language)} ${victims} ${fr ? (h ? 'auraient été tués' : 'ont été tués') : h ? 'were reportedly killed' : 'were killed'}`;
        if (second) return `${killed} ${fr ? 'et' : 'and'} ${this.countPhrase(second.value, language)} ${fr ? 'blessés' : 'wounded'}`;
        return killed;
      }
      case 'wounded':
        if (first.value === '?') return fr ? "aucun bilan des blessés n'a été communiqué" : 'no figure for the wounded was given';
        return `${this.countPhrase(first.value, language)} ${victims} ${fr ? (h ? 'auraient été blessés' : 'ont été blessés') : h ? 'were reportedly wounded' : 'were wounded'}`;
      case 'captured':
        if (first.value === '?') return fr ? "le nombre de prisonniers n'a pas été communiqué" : 'the number of prisoners was not given';
        return `${this.countPhrase(first.value, language)} ${victims} ${fr ? (h ? 'auraient été faits prisonniers' : 'ont été faits prisonniers') : h ? 'were reportedly taken prisoner' : 'were taken prisoner'}`;
      case 'outcome':
        if (first.value === 'besieged') return fr ? `le camp ${h ? 'aurait été' : 'a été'} encerclé pendant plusieurs heures` : `the camp was ${h ? 'reportedly ' : ''}besieged for several hours`;
        if (first.value === 'abandoned') return fr ? `les défenseurs ${h ? 'auraient abandonné' : 'ont abandonné'} le camp` : `the defenders ${h ? 'reportedly abandoned' : 'abandoned'} the camp`;
        if (first.value === 'repelled') return fr ? `l'assaut ${h ? 'aurait été' : 'a été'} repoussé` : `the assault was ${h ? 'reportedly ' : ''}repelled`;
        if (first.value === 'withdrawn') return fr ? 'les assaillants se sont retirés après plusieurs heures' : 'the attackers withdrew after several hours';
        return fr ? `les assaillants ${h ? 'auraient pris' : 'ont pris'} le contrôle du camp` : `the attackers ${h ? 'reportedly took' : 'took'} control of the camp`;
      case 'date':
        return fr ? `l'attaque ${h ? 'aurait eu lieu' : 'a eu lieu'} ${this.datePhrase(first.value, language)}` : `the attack ${h ? 'reportedly ' : ''}took place ${this.datePhrase(first.value, language)}`;
      case 'place': {
        const place = this.places.find((p) => `@${p.id}` === first.value) ?? plan.event.town;
        return `${fr ? 'les combats se sont déroulés' : 'the fighting took place'} ${this.placeMention(place, language)}`;
      }
      case 'attacker': {
        const attacker = this.actors.find((a) => `@${a.id}` === first.value) ?? plan.event.attacker;
        return `${fr ? "l'attaque a été menée par" : 'the attack was carried out by'} ${this.mention(attacker, language)}`;
      }
    }
  }

  claimSentence(plan: ClaimPlan, language: Language): string {
    const clause = this.clause(plan, language);
    const declined = plan.assertions[0]?.value === '?';
    let text = clause;
    if (plan.claimant) {
      const who = this.mention(plan.claimant, language);
      if (declined) text = language === 'fr' ? `${clause} par ${who}` : `${clause} by ${who}`;
      else text = language === 'fr' ? `selon ${who}, ${clause}` : `according to ${who}, ${clause}`;
    }
    const block = [
      'claim',
      ...(plan.id !== undefined ? [`#${plan.id}`] : []),
      ...(plan.claimant ? [`by=@${plan.claimant.id}`] : []),
      `event=@${plan.event.id}`,
      ...(plan.hedged ? ['hedged'] : []),
      ...plan.assertions.map((a) => `${a.property}=${a.value}`),
    ].join(' ');
    let sentence = `[${capitalise(text)}]{${block}}`;
    if (this.random.chance(0.4)) {
      this.mentions++;
      const kind = plan.event.kind;
      sentence += language === 'fr' ? ` lors de [${kind.mentionFr} ${plan.event.town.name}]{@${plan.event.id}}` : ` during [${kind.mentionEn} ${plan.event.town.name}]{@${plan.event.id}}`;
    }
    return sentence + '.';
  }

  mentionSentence(event: Event, language: Language): string {
    const fr = language === 'fr';
    const region = event.town.in ?? event.town;
    switch (this.random.int(0, 4)) {
      case 0:
        return capitalise(fr ? `${this.mention(event.attacker, language)} revendique régulièrement des attaques ${this.placeMention(region, language)}.` : `${this.mention(event.attacker, language)} regularly claims attacks ${this.placeMention(region, language)}.`);
      case 1: {
        const person = this.random.pick(this.persons);
        const organisation = this.random.pick(this.organisations);
        return fr
          ? `${this.mention(person, language)}, porte-parole ${this.ofMention(organisation)}, a appelé au calme.`
          : `${this.mention(person, language)}, a spokesperson for ${this.mention(organisation, language)}, called for calm.`;
      }
      case 2:
        return fr
          ? `Des renforts ${this.ofMention(event.defender)} ont été déployés autour ${this.placeMention(event.town, language).replace(/^à /, 'de ')}.`
          : `Reinforcements from ${this.mention(event.defender, language)} were deployed around ${this.placeMention(event.town, language).replace(/^in /, '')}.`;
      case 3: {
        const organisation = this.random.pick(this.organisations);
        const outlet = this.random.pick(this.media);
        return fr
          ? `Un document interne ${this.ofMention(organisation)} consulté par ${this.mention(outlet, language)} fait état de tensions croissantes.`
          : `An internal document from ${this.mention(organisation, language)} seen by ${this.mention(outlet, language)} points to rising tensions.`;
      }
      default:
        return fr
          ? `L'attaque a été condamnée par ${this.mention(event.government, language)} dans un communiqué.`
          : `The attack was condemned by ${this.mention(event.government, language)} in a statement.`;
    }
  }

  /** A sentence of prose, not one the report already has (a few tries: repeats are rare, not forbidden). */
  filler(language: Language, used: Set<string>): string {
    let sentence = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      sentence = fillerSentence(language, (items) => this.random.pick(items), this.random.chance(0.5));
      if (!used.has(sentence)) break;
    }
    used.add(sentence);
    return sentence;
  }

  report(
    index: number,
    main: Event,
    secondaryPick: () => Event,
    forced?: { property: Property; value: string; claimant?: Actor },
  ): { file: string; text: string; language: Language; plans: ClaimPlan[]; closingEnd: number } {
    const random = this.random;
    const language: Language = random.chance(0.6) ? 'fr' : 'en';
    const source = random.pick(this.media);
    const origin = random.chance(0.15) ? random.pick(this.media.filter((m) => m !== source)) : undefined;
    const published = main.day + random.int(0, 3);
    const plans: ClaimPlan[] = [];
    if (this.shape === 'contested' && main.index === 0) {
      plans.push(...this.contestedPlans(main, index, forced));
    } else {
      const mainClaims = random.int(3, 5);
      for (let c = 0; c < mainClaims; c++) {
        if (c === 0 && forced) plans.push(this.plan(main, index, forced));
        else if (c === 0 && main.index === 1) plans.push(this.plan(main, index, { property: 'date', value: isoDay(main.day) }));
        else plans.push(this.plan(main, index));
      }
    }
    const secondaryClaims = random.int(0, 2);
    for (let c = 0; c < secondaryClaims; c++) plans.push(this.plan(secondaryPick(), index));
    const claims = plans.map((plan) => this.claimSentence(plan, language));
    const used = new Set<string>();

    const paragraphs: string[][] = [
      claims.slice(0, 2),
      [this.mentionSentence(main, language), this.filler(language, used)],
      [...claims.slice(2, 4), this.mentionSentence(main, language)],
      claims.slice(4),
      [this.mentionSentence(main, language)],
    ];
    if (random.chance(0.7)) {
      this.unannotated++;
      paragraphs[3]?.push(random.pick(UNANNOTATED[language])(random.chance(0.7) ? main.town.name : random.pick(this.towns).name));
    }
    const closing = [this.filler(language, used), this.filler(language, used)];
    const header = ['---', `source: ${source.id}`, ...(origin ? [`origin: ${origin.id}`] : []), `published: ${isoDay(published)}`, `language: ${language}`, '---', '', `# ${random.pick(HEADLINES[language])}`, ''];
    const render = () => header.join('\n') + '\n' + [...paragraphs.filter((p) => p.length > 0), closing].map((p) => p.join(' ')).join('\n\n') + '\n';
    const target = random.int(2700, 3300);
    while (Buffer.byteLength(render()) < target) random.pick(paragraphs).push(this.filler(language, used));
    const text = render();
    return { file: `reports/${isoDay(published).slice(0, 7)}/${pad(index + 1, 6)}.txt`, text, language, plans, closingEnd: text.length - 1 };
  }
}

function findAfter(text: string, needle: string, what: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`generator: ${what} not found (${needle})`);
  return at + needle.length;
}

/** Writes the corpus into `options.dir` and says where its edit and probe sites are. */
export function generateCorpus(options: CorpusOptions): GeneratedCorpus {
  const { documents, seed, dir } = options;
  const shape = options.shape ?? 'standard';
  if (documents < 1) throw new Error('the corpus needs at least one report');
  const generator = new Generator(seed, shape);
  const eventCount = Math.max(20, Math.round(documents / 20));
  generator.buildRegistry(eventCount);
  const events = generator.events;

  // Each report is about one main event; quotas follow the Zipf weights exactly, so the hot event's share does not depend on luck.
  const exponent = zipfExponent(events.length, HOT_SHARE);
  const weights = events.map((_, k) => (k + 1) ** -exponent);
  const shared = Math.min(documents, Math.max(Math.round((documents * (weights[1] ?? 0)) / weights.reduce((a, b) => a + b, 0)), Math.min(SHARED_REPORTS, Math.floor(documents / 4))));
  // Contested: 1 report in 16 is about the hot event, and no other report mentions it in passing.
  const contested = shape === 'contested';
  const hotReports = contested ? Math.max(1, Math.round(documents * CONTESTED_HOT_REPORTS)) : 0;
  const others = apportion(documents - shared - hotReports, weights.map((w, k) => (k === 1 || (contested && k === 0) ? 0 : w)));
  others[1] = shared;
  if (contested) others[0] = hotReports;
  const random = new Random(seed ^ 0x5bd1e995);
  const mains: number[] = [];
  others.forEach((count, k) => {
    for (let i = 0; i < count; i++) mains.push(k);
  });
  random.shuffle(mains);
  const cumulative: number[] = [];
  for (const w of weights) cumulative.push((cumulative[cumulative.length - 1] ?? 0) + w);

  const hot = events[0];
  const sharedEvent = events[1];
  if (!hot || !sharedEvent) throw new Error('generator: too few events');
  fs.mkdirSync(path.join(dir, 'reports'), { recursive: true });
  const claimsPerEvent = new Map<Event, number>();
  const hotProperties = new Map<string, { claims: number; values: Set<string> }>();
  let reportsWithHot = 0;
  const files: string[] = [];
  let bytes = 0;
  let sharedReports = 0;
  let prose: { file: string; text: string; language: Language; closingEnd: number } | undefined;
  let sharedSite: Omit<EditSite, 'companion'> | undefined;
  let hotSite: Omit<EditSite, 'companion'> | undefined;
  let hotProseSite: Omit<EditSite, 'companion'> | undefined;
  let hotText: string | undefined;
  /** Companions: a second report about the hot event with a toll on it, a second report giving the shared date. */
  let secondHot: string | undefined;
  let secondShared: string | undefined;
  const madeFolders = new Set<string>();
  for (let index = 0; index < documents; index++) {
    const main = events[mains[index] ?? 0] ?? hot;
    const forceHot = main === hot && hotSite === undefined;
    const secondary = () => {
      for (;;) {
        const event = events[random.weighted(cumulative)];
        if (event && event !== main && !(contested && event === hot)) return event;
      }
    };
    const report = generator.report(
      index,
      main,
      secondary,
      forceHot ? { property: 'killed', value: String(hot.defendersKilled), claimant: hot.defender } : undefined,
    );
    for (const plan of report.plans) {
      claimsPerEvent.set(plan.event, (claimsPerEvent.get(plan.event) ?? 0) + 1);
      if (plan.event === sharedEvent && plan.assertions.some((a) => a.property === 'date' && a.value === isoDay(sharedEvent.day))) sharedReports++;
      if (plan.event !== hot) continue;
      for (const assertion of plan.assertions) {
        const figures = hotProperties.get(assertion.property) ?? { claims: 0, values: new Set<string>() };
        figures.claims++;
        figures.values.add(assertion.value);
        hotProperties.set(assertion.property, figures);
      }
    }
    if (report.plans.some((p) => p.event === hot)) reportsWithHot++;
    if (forceHot) {
      const offset = findAfter(report.text, `event=@${hot.id} killed=`, 'the hot event claim');
      hotSite = {
        file: report.file,
        offset,
        variants: [String(hot.defendersKilled), String(hot.attackersKilled)],
        description: `killed=${hot.defendersKilled} ↔ ${hot.attackersKilled} on @${hot.id}`,
        witness: { file: report.file, offset },
      };
      hotText = report.text;
      hotProseSite = { file: report.file, offset: report.closingEnd, variants: ['', PROSE_EDIT[report.language]], description: 'a sentence typed at the end of a report with a hot-event claim, then deleted' };
    } else if (secondHot === undefined && report.plans.some((p) => p.event === hot && p.assertions.some((a) => a.property === 'killed'))) {
      secondHot = report.file;
    }
    if (main === sharedEvent && sharedSite === undefined) {
      const value = isoDay(sharedEvent.day);
      const offset = findAfter(report.text, `event=@${sharedEvent.id} date=`, 'the shared date claim');
      sharedSite = {
        file: report.file,
        offset,
        variants: [value, isoDay(sharedEvent.day + 45)],
        description: `date=${value} ↔ ${isoDay(sharedEvent.day + 45)} on @${sharedEvent.id}`,
        witness: { file: report.file, offset },
      };
    } else if (main === sharedEvent && secondShared === undefined) {
      secondShared = report.file;
    }
    if (!prose && report.plans.every((p) => p.event !== hot && p.event !== sharedEvent)) prose = report;
    const folder = path.dirname(path.join(dir, report.file));
    if (!madeFolders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      madeFolders.add(folder);
    }
    fs.writeFileSync(path.join(dir, report.file), report.text);
    bytes += Buffer.byteLength(report.text);
    files.push(report.file);
  }
  if (!prose || !sharedSite || !hotSite || !hotProseSite || hotText === undefined || secondHot === undefined || secondShared === undefined) {
    throw new Error('generator: the corpus is too small for the edit sites (try --docs 100 or more)');
  }

  const registry = generator.registryText(documents, seed, claimsPerEvent);
  fs.writeFileSync(path.join(dir, 'corroborate.yaml'), registry);
  const registryBytes = Buffer.byteLength(registry);
  const firstGroup = /\n {2}([a-z0-9-]+):\n {4}name: [^\n]*\n {4}kind: armed-group\n {4}aliases: \[[^\n]*\]/.exec(registry);
  if (!firstGroup?.[1]) throw new Error('generator: no armed group in the registry');
  const registryOffset = firstGroup.index + firstGroup[0].length - 1;
  // Its key in corroborate.yaml: hovering it shows the actor's card, aliases included.
  const groupKey = firstGroup.index + '\n  '.length;

  const proseText = prose.text;
  const mentionId = findAfter(proseText, ']{@', 'a mention');
  const hotClaim = hotSite.offset;
  const hotEventRef = findAfter(hotText, `event=@${hot.id}`, 'the hot event reference') - 2;
  const hotClaims = claimsPerEvent.get(hot) ?? 0;
  return {
    dir,
    files: files.sort(),
    bytes: bytes + registryBytes,
    registryBytes,
    actors: generator.actors.length,
    places: generator.places.length,
    events: events.length,
    contradictoryEvents: events.filter((e) => e.contradictory).length,
    claims: generator.claims,
    mentions: generator.mentions,
    unannotatedAliases: generator.unannotated,
    shape,
    hotEvent: {
      id: hot.id,
      claims: hotClaims,
      share: hotClaims / generator.claims,
      reports: reportsWithHot,
      properties: [...hotProperties].map(([property, f]) => ({ property, claims: f.claims, values: f.values.size })).sort((a, b) => b.claims - a.claims || (a.property < b.property ? -1 : 1)),
    },
    sharedValue: { event: sharedEvent.id, property: 'date', value: isoDay(sharedEvent.day), reports: sharedReports },
    edits: {
      prose: { file: prose.file, offset: prose.closingEnd, variants: ['', PROSE_EDIT[prose.language]], description: 'a sentence typed at the end of a report, then deleted', companion: hotSite.file },
      proseInHotReport: { ...hotProseSite, companion: secondHot },
      sharedValue: { ...sharedSite, companion: secondShared },
      hotEvent: { ...hotSite, companion: secondHot },
      registry: {
        file: 'corroborate.yaml',
        offset: registryOffset,
        variants: ['', ', "Bench Alias"'],
        description: `an alias, "Bench Alias" (in no report), added to the aliases of @${firstGroup[1]} in corroborate.yaml, then removed`,
        witness: { file: 'corroborate.yaml', offset: groupKey },
        companion: prose.file,
      },
    },
    hovers: [
      { file: prose.file, offset: mentionId + 1, description: 'hover on an actor id in a mention' },
      { file: hotSite.file, offset: hotClaim, description: 'hover on a claim value in the hot event' },
      { file: hotSite.file, offset: hotEventRef, description: 'hover on the hot event id' },
    ],
    completions: [
      { file: prose.file, offset: mentionId, description: 'completion of @ids in a mention' },
      { file: prose.file, offset: findAfter(proseText, '{claim ', 'a claim'), description: 'completion of claim keys' },
      { file: prose.file, offset: findAfter(proseText, 'event=@', 'an event reference'), description: 'completion of event ids' },
    ],
  };
}
