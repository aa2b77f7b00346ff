// What a mention of an unknown id says of the entity it names, for "Add to
// registry": a clean name ("l'ORTM" → "ORTM", "the army" → "army", written
// as its best-capitalised occurrence in the report), which section it
// belongs in (an attack is an event, a town after "à" or "in" a place,
// anything else an actor) and whether it is an anonymous source ("une
// source sécuritaire", "des témoins", "مصادر محلية"). French, English and
// Arabic. A guess: the editor offers every section, the guessed one first.

import type { SectionKey } from '../names';

export interface EntityGuess {
  /** The name without its leading article or elision, as best capitalised in the report. */
  readonly name: string;
  readonly section: SectionKey;
  /** Unnamed sources: `anonymous: true` (each report's count as a claimant of their own). */
  readonly anonymous: boolean;
}

/** Leading articles and determiners a name does without; elisions are cut at their apostrophe. */
const ARTICLES: ReadonlySet<string> = new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'the', 'a', 'an', 'some', 'plusieurs', 'several']);
const ELISION = /^(?:l|d|qu)['’]/iu;

/** Words that make a party unnamed: a source, witnesses, residents. */
const ANONYMOUS: ReadonlySet<string> = new Set([
  'source', 'sources', 'témoin', 'témoins', 'habitant', 'habitants', 'résident', 'résidents', 'responsable', 'responsables', 'élu', 'élus', 'notable', 'notables',
  'witness', 'witnesses', 'resident', 'residents', 'official', 'officials', 'local', 'locals',
  'مصدر', 'مصادر', 'شاهد', 'شهود', 'سكان', 'مسؤول', 'مسؤولون', 'مسؤولين', 'أهالي',
]);

/** Words that name an event. */
export const EVENTS: ReadonlySet<string> = new Set([
  'attaque', 'attaques', 'assaut', 'embuscade', 'offensive', 'bataille', 'massacre', 'raid', 'bombardement', 'frappe', 'frappes', 'enlèvement', 'attentat',
  'attack', 'attacks', 'assault', 'ambush', 'battle', 'strike', 'strikes', 'bombing', 'siege', 'kidnapping',
  'هجوم', 'الهجوم', 'كمين', 'مجزرة', 'المجزرة', 'معركة', 'غارة', 'الغارة', 'هجمات',
]);

/** Prepositions of place just before a mention: what follows is where something happened. */
const AT_PLACE: ReadonlySet<string> = new Set(['à', 'au', 'aux', 'en', 'dans', 'vers', 'près', 'in', 'at', 'near', 'outside', 'في', 'قرب', 'بمدينة', 'بلدة', 'مدينة']);

function words(text: string): string[] {
  return text.toLocaleLowerCase('fr').split(/[\s,.;:!?()«»"“”]+/u).filter((w) => w !== '');
}

/** The name without a leading article or elision: "l'ORTM" → "ORTM", "les FAMa" → "FAMa". */
function withoutArticle(text: string): string {
  let name = text.replace(/\s+/gu, ' ').trim();
  for (;;) {
    const elided = ELISION.exec(name);
    if (elided !== null && elided[0].length < name.length) {
      name = name.slice(elided[0].length);
      continue;
    }
    const space = name.indexOf(' ');
    if (space > 0 && ARTICLES.has(name.slice(0, space).toLocaleLowerCase('fr'))) {
      name = name.slice(space + 1);
      continue;
    }
    return name;
  }
}

function capitals(text: string): number {
  let count = 0;
  for (const c of text) if (c !== c.toLocaleLowerCase('fr')) count++;
  return count;
}

/** The way `name` is written with the most capitals in `article` ("ortm" once, "ORTM" later → "ORTM"). */
function bestCapitalised(name: string, article: string): string {
  const wanted = name.toLocaleLowerCase('fr');
  const lower = article.toLocaleLowerCase('fr');
  let best = name;
  // An empty name is found everywhere; case folding that changes lengths would misplace the text.
  if (name === '' || wanted.length !== name.length || lower.length !== article.length) return best;
  for (let at = lower.indexOf(wanted); at >= 0; at = lower.indexOf(wanted, at + 1)) {
    const written = article.slice(at, at + name.length);
    if (capitals(written) > capitals(best)) best = written;
  }
  return best;
}

/**
 * A guess at the entity a mention names, from its text, the words just
 * before it and the report's article text.
 */
export function guessEntity(mentionText: string, before: string, article: string): EntityGuess {
  const cleaned = withoutArticle(mentionText);
  const said = words(cleaned);
  const anonymous = said.some((w) => ANONYMOUS.has(w)) && capitals(cleaned.slice(1)) === 0;
  const previous = words(before).at(-1);
  const section: SectionKey = anonymous ? 'actors' : said.some((w) => EVENTS.has(w)) ? 'events' : previous !== undefined && AT_PLACE.has(previous) ? 'places' : 'actors';
  // An unnamed source is written as a name: "Source sécuritaire".
  const name = anonymous ? cleaned.charAt(0).toLocaleUpperCase('fr') + cleaned.slice(1) : bestCapitalised(cleaned, article);
  return { name: name === '' ? mentionText.trim() : name, section, anonymous };
}
