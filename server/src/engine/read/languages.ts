// Which languages' words the readers look for. A document's `language:`
// narrows them, so a French report's "some" or an English "cent" is no cue;
// without it, or for a language the readers do not know, every table is used.

import { PhraseTable } from './words';

export type Language = 'fr' | 'en' | 'ar';

export const LANGUAGES: readonly Language[] = ['fr', 'en', 'ar'];

/** How the readers read a passage. */
export interface ReadOptions {
  /**
   * The document's `language:` (BCP 47: `fr`, `en-US`, `ar`). Absent or
   * unknown, the words of every language are read. `en-US` also reads
   * numeric dates month first (11/24/2023).
   */
  readonly language?: string;
  /**
   * The document's `published` date as its front matter writes it
   * (`2023-11-25`, `2023-11`, `2023`). Dates without a year take the year
   * nearest to it; relative days ("vendredi", "hier") resolve only against a
   * full day.
   */
  readonly published?: string;
  /**
   * The desk's table of vague quantities (corroborate.yaml `vague:`), phrase
   * → count value (`des dizaines` → `>=20`), merged over DEFAULT_VAGUE: a
   * phrase the desk lists replaces the default for the same phrase.
   */
  readonly vague?: ReadonlyMap<string, string>;
}

/** Every language alone, and all of them: the readers ask for one of these once per passage, so each is made once. */
const ONE_LANGUAGE: ReadonlyMap<string, ReadonlySet<Language>> = new Map(LANGUAGES.map((language) => [language, new Set([language])]));
const EVERY_LANGUAGE: ReadonlySet<Language> = new Set(LANGUAGES);

/**
 * The `language:` values read, and their languages: each report's passages
 * ask for its own, so one value remembered would be read again at every
 * report. A corpus writes a handful; a language server may meet more, so
 * the table is emptied past a bound rather than grown.
 */
const knownLanguages = new Map<string | undefined, ReadonlySet<Language>>([[undefined, EVERY_LANGUAGE]]);
const KNOWN_LANGUAGES = 256;

/** The languages to read for a `language:` value. */
export function languagesOf(language: string | undefined): ReadonlySet<Language> {
  const known = knownLanguages.get(language);
  if (known !== undefined) return known;
  const primary = language?.toLowerCase().split(/[-_]/u)[0];
  const languages = (primary === undefined ? undefined : ONE_LANGUAGE.get(primary)) ?? EVERY_LANGUAGE;
  if (knownLanguages.size >= KNOWN_LANGUAGES) knownLanguages.clear();
  knownLanguages.set(language, languages);
  return languages;
}

/** Whether numeric dates read month first (11/24/2023): only American English. */
export function readsMonthFirst(language: string | undefined): boolean {
  return language !== undefined && /^en[-_]us$/iu.test(language);
}

/** A cache key for a set of languages. */
export function languageKey(languages: ReadonlySet<Language>): string {
  return LANGUAGES.filter((language) => languages.has(language)).join(',');
}

/** A row of a reader's table: its language, a phrase pattern (see PhraseTable) and what the phrase means. */
export type TableEntry<T> = readonly [Language, string, T];

/** The rows of a table that belong to some languages, ready to match. */
export function phraseTable<T>(entries: readonly TableEntry<T>[], languages: ReadonlySet<Language>): PhraseTable<T> {
  const phrases = new PhraseTable<T>();
  for (const [language, pattern, payload] of entries) if (languages.has(language)) phrases.addPattern(pattern, payload);
  return phrases;
}

/** `build`, remembered for each set of languages: tables are built once, on first use. */
export function byLanguages<T>(build: (languages: ReadonlySet<Language>) => T): (languages: ReadonlySet<Language>) => T {
  const built = new Map<string, T>();
  // languagesOf gives one of four sets: looked up as they are, the key is made once per set.
  const bySet = new WeakMap<ReadonlySet<Language>, T>();
  return (languages) => {
    const known = bySet.get(languages);
    if (known !== undefined) return known;
    const key = languageKey(languages);
    let value = built.get(key);
    if (value === undefined) {
      value = build(languages);
      built.set(key, value);
    }
    bySet.set(languages, value);
    return value;
  };
}
